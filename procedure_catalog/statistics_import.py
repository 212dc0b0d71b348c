"""Dossier statistics from CSV: one row per period and scope, upserted; bad rows explained.

Columns: period_kind (month|quarter|half_year|year), period_start (2025-01-01 or 1/1/2025),
field (a field name, optional), procedure_code (optional), then one column per count:
carried_over, received_in_person, received_online, received_postal, resolved_early,
resolved_on_time, resolved_late, pending_within_deadline, pending_overdue, returned_or_withdrawn.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .dossier_statistics import COUNT_FIELDS, DossierStatistics, PeriodKind
from .models import ProcedureField, ProcedurePage
from .records import RecordError, choice, iso_date, text, whole_number

COLUMNS = ["period_kind", "period_start", "field", "procedure_code", *COUNT_FIELDS]


class StatisticsFileError(Exception):
    pass


@dataclass
class StatisticsSummary:
    saved: int = 0
    rejected: list = field(default_factory=list)  # (row number, field, reason)


def parse_row(row):
    values = {
        "period_kind": choice(row.get("period_kind"), "period_kind", PeriodKind),
        "period_start": datetime.date.fromisoformat(
            iso_date(row.get("period_start"), "period_start") or _missing("period_start")
        ),
    }
    for name in COUNT_FIELDS:
        values[name] = whole_number(row.get(name), name)
    field_name = text(row.get("field"), "field")
    code = text(row.get("procedure_code"), "procedure_code")
    values["field"] = ProcedureField.objects.filter(name=field_name).first() if field_name else None
    if field_name and values["field"] is None:
        raise RecordError("field", "unknown_value", _("No field named %(name)r.") % {"name": field_name})
    values["procedure"] = ProcedurePage.objects.filter(code=code).first() if code else None
    if code and values["procedure"] is None:
        raise RecordError(
            "procedure_code", "unknown_value", _("No procedure with code %(code)r.") % {"code": code}
        )
    return values


def _missing(name):
    raise RecordError(name, "missing", _("This field is required."))


def import_statistics(data):
    try:
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        raise StatisticsFileError(_("The CSV file cannot be read: %(error)s") % {"error": error}) from error
    summary = StatisticsSummary()
    for number, row in enumerate(rows, start=2):
        unknown = [name for name in row if name not in COLUMNS]
        if unknown:
            raise StatisticsFileError(
                _("unknown columns: %(names)s") % {"names": ", ".join(map(str, unknown))}
            )
        try:
            values = parse_row(row)
        except RecordError as error:
            summary.rejected.append((number, error.field, error.message))
            continue
        scope = {key: values.pop(key) for key in ("period_kind", "period_start", "field", "procedure")}
        with transaction.atomic():
            DossierStatistics.objects.update_or_create(**scope, defaults=values)
        summary.saved += 1
    return summary
