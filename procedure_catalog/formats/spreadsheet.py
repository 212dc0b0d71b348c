"""One row per procedure, in CSV or XLSX. Nested parts (steps, channels, cases, legal bases) are
JSON cells in the same shape as our records; every other column is plain text.

Columns, in order (header names exactly as below; unknown columns are refused so a typo is not
silently ignored):
code, name, field, level (province|commune|ministry|other),
online_level (full|partial|none, or Toàn trình, Một phần, Không…: see vocabulary.py),
status (in_force|amended|abolished, or Còn hiệu lực, Hết hiệu lực, Đã bãi bỏ…),
in_force_from (2025-07-01 or 1/7/2025), handling_agency, authority, coordinating_agencies,
where_to_submit, applicants, results, requirements, steps, channels, cases, legal_bases.
"""

import csv
import io
import json

from django.utils.translation import gettext as _

from ..records import SCALAR_TEXT_FIELDS, RecordError, canonical

NESTED_COLUMNS = ["steps", "channels", "cases", "legal_bases"]
COLUMNS = [
    "code",
    "name",
    "field",
    "level",
    "online_level",
    "status",
    "in_force_from",
    *SCALAR_TEXT_FIELDS,
    *NESTED_COLUMNS,
]


class SpreadsheetError(Exception):
    pass


def check_header(header):
    header = [str(name or "").strip() for name in header]
    unknown = [name for name in header if name and name not in COLUMNS]
    missing = [name for name in ("code", "name") if name not in header]
    if unknown or missing:
        problems = []
        if unknown:
            problems.append(_("unknown columns: %(names)s") % {"names": ", ".join(unknown)})
        if missing:
            problems.append(_("missing columns: %(names)s") % {"names": ", ".join(missing)})
        raise SpreadsheetError(
            _("The header row does not match the documented columns (%(problems)s).")
            % {"problems": "; ".join(problems)}
        )
    return header


def read_csv(data):
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SpreadsheetError(_("The CSV file is not UTF-8 text.")) from error
    try:
        rows = list(csv.reader(io.StringIO(content)))
    except csv.Error as error:
        raise SpreadsheetError(_("The CSV file cannot be read: %(error)s") % {"error": error}) from error
    if not rows:
        raise SpreadsheetError(_("The CSV file is empty."))
    header = check_header(rows[0])
    return [
        (number, dict(zip(header, row, strict=False)))
        for number, row in enumerate(rows[1:], start=2)
        if any(row)
    ]


def read_xlsx(data):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise SpreadsheetError(_("The XLSX file cannot be opened: %(error)s") % {"error": error}) from error
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    workbook.close()
    if not rows:
        raise SpreadsheetError(_("The XLSX file is empty."))
    header = check_header(rows[0])
    result = []
    for number, row in enumerate(rows[1:], start=2):
        if any(cell not in (None, "") for cell in row):
            result.append((number, {name: _cell(value) for name, value in zip(header, row, strict=False)}))
    return result


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if not isinstance(value, int | float) else str(value)


def record_from_row(row):
    record = {name: row.get(name) for name in COLUMNS if name not in NESTED_COLUMNS}
    for name in NESTED_COLUMNS:
        cell = row.get(name)
        if cell in (None, ""):
            record[name] = []
            continue
        if not isinstance(cell, str):
            raise RecordError(name, "wrong_type", _("Expected JSON text in this column."))
        try:
            record[name] = json.loads(cell)
        except json.JSONDecodeError as error:
            raise RecordError(
                name, "bad_json", _("Not valid JSON: %(error)s") % {"error": error.msg}
            ) from error
    return canonical(record)


def row_from_record(record):
    row = {name: record[name] or "" for name in COLUMNS if name not in NESTED_COLUMNS}
    for name in NESTED_COLUMNS:
        row[name] = json.dumps(record[name], ensure_ascii=False) if record[name] else ""
    return row


def write_csv(records, stream):
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    for record in records:
        writer.writerow(row_from_record(record))


def write_xlsx(records, path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "TTHC"
    sheet.append(COLUMNS)
    for record in records:
        row = row_from_record(record)
        sheet.append([row[name] for name in COLUMNS])
    workbook.save(path)
