"""Import procedures from a file: every good record upserted by code, every bad one explained.

Each record is written inside its own savepoint, so a failure never leaves half a procedure.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from site_pages.models import ProcedureIndexPage
from site_pages.slugs import ascii_slug

from .formats import spreadsheet
from .formats.national import record_from_national
from .models import ProcedurePage
from .page_records import apply_record, record_from_page
from .records import RecordError

FORMATS = {".json": "json", ".csv": "csv", ".xlsx": "xlsx"}


class ImportFileError(Exception):
    """The file as a whole cannot be read; nothing was written."""


@dataclass
class Outcome:
    position: str
    code: str
    action: str  # created, updated, unchanged, rejected
    field: str = ""
    reason: str = ""
    reason_code: str = ""  # stable: missing, bad_code, negative, unknown_value, wrong_type, …


@dataclass
class Summary:
    outcomes: list = field(default_factory=list)
    rolled_back: bool = False

    def count(self, action):
        return sum(1 for outcome in self.outcomes if outcome.action == action)

    @property
    def rejected(self):
        return [outcome for outcome in self.outcomes if outcome.action == "rejected"]


def read_entries(path):
    """(position, raw, parse) for each record of the file, or ImportFileError."""
    path = Path(path)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ImportFileError(
            _("Unsupported file type %(suffix)r: use .json, .csv or .xlsx.") % {"suffix": path.suffix}
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
        ) from error
    if kind == "json":
        try:
            document = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise ImportFileError(
                _("%(path)s is not valid JSON: %(error)s") % {"path": path.name, "error": error}
            ) from error
        if isinstance(document, dict):
            document = document.get("data", document.get("items", [document]))
        if not isinstance(document, list):
            raise ImportFileError(_("The JSON file must hold a list of procedure records."))
        return [
            (_("record %(n)s") % {"n": n}, raw, record_from_national)
            for n, raw in enumerate(document, start=1)
        ]
    try:
        rows = spreadsheet.read_csv(data) if kind == "csv" else spreadsheet.read_xlsx(data)
    except spreadsheet.SpreadsheetError as error:
        raise ImportFileError(str(error)) from error
    return [(_("row %(n)s") % {"n": n}, row, spreadsheet.record_from_row) for n, row in rows]


def procedures_section():
    section = ProcedureIndexPage.objects.first()
    if section is None:
        raise ImportFileError(
            _("There is no procedures section to hold procedures; create it first (load_demo does).")
        )
    return section


def import_procedures(path, dry_run=False, all_or_nothing=False, progress=None):
    entries = read_entries(path)
    section = procedures_section()
    summary = Summary()
    seen_codes = set()
    with transaction.atomic():
        for done, (position, raw, parse) in enumerate(entries, start=1):
            outcome = import_one(section, position, raw, parse, seen_codes)
            summary.outcomes.append(outcome)
            if progress:
                progress(done, len(entries), outcome)
        if dry_run or (all_or_nothing and summary.rejected):
            summary.rolled_back = True
            transaction.set_rollback(True)
    return summary


def import_one(section, position, raw, parse, seen_codes):
    code = str(raw.get("code", "")) if isinstance(raw, dict) else ""
    try:
        record = parse(raw)
    except RecordError as error:
        return Outcome(position, code, "rejected", error.field, error.message, error.code)
    code = record["code"]
    if code in seen_codes:
        return Outcome(
            position, code, "rejected", "code", _("This code appears earlier in the same file."), "duplicate"
        )
    seen_codes.add(code)
    existing = ProcedurePage.objects.filter(code=code).first()
    if existing is not None and record_from_page(existing) == record:
        return Outcome(position, code, "unchanged")
    try:
        with transaction.atomic():
            write(section, existing, record, raw)
    except (IntegrityError, ValueError) as error:
        return Outcome(position, code, "rejected", "", str(error), "not_stored")
    return Outcome(position, code, "updated" if existing else "created")


def write(section, existing, record, raw):
    page = existing or ProcedurePage(slug=procedure_slug(record))
    apply_record(page, record, raw=raw)
    if existing is None:
        section.add_child(instance=page)
    else:
        page.save()
    page.save_revision().publish()
    return page


def procedure_slug(record):
    return f"{ascii_slug(record['name'])[:80].rstrip('-')}-{record['code'].lower().replace('.', '-')}"
