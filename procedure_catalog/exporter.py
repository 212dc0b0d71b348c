"""Export every procedure in the format import reads back."""

import io
import json

from .formats import spreadsheet
from .formats.national import national_from_record
from .models import ProcedurePage
from .page_records import record_from_page


def all_records():
    return [record_from_page(page) for page in ProcedurePage.objects.order_by("code").select_related("field")]


def export_procedures(fmt, path):
    records = all_records()
    if fmt == "json":
        document = [national_from_record(record) for record in records]
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    elif fmt == "csv":
        buffer = io.StringIO()
        spreadsheet.write_csv(records, buffer)
        path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    elif fmt == "xlsx":
        spreadsheet.write_xlsx(records, path)
    else:
        raise ValueError(fmt)
    return len(records)
