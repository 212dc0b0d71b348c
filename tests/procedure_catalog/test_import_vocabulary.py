"""import_procedures reads the online level and status as the portal's exports and the agency's
spreadsheets write them: Vietnamese labels in any case, with or without marks, and our codes."""

import csv
import json
import unicodedata
from io import StringIO

import pytest
from django.core.management import call_command

from procedure_catalog.formats.spreadsheet import COLUMNS
from procedure_catalog.models import ProcedurePage
from tests.factories import ProcedureIndexPageFactory
from tests.procedure_catalog.national_records import national_record

pytestmark = pytest.mark.django_db

ONLINE_LEVELS = [
    ("Toàn trình", "full"),
    ("TOÀN TRÌNH", "full"),
    ("toan trinh", "full"),
    ("toan_trinh", "full"),
    ("Toàn-trình", "full"),
    (unicodedata.normalize("NFD", "Toàn trình"), "full"),
    ("Dịch vụ công trực tuyến toàn trình", "full"),
    ("dich vu cong truc tuyen toan trinh", "full"),
    ("Một phần", "partial"),
    ("MOT PHAN", "partial"),
    ("Dịch vụ công trực tuyến một phần", "partial"),
    (unicodedata.normalize("NFD", "dịch vụ công trực tuyến MỘT PHẦN"), "partial"),
    ("Không", "none"),
    ("khong", "none"),
    ("Dịch vụ cung cấp thông tin trực tuyến", "none"),
    ("full", "full"),
    ("PARTIAL", "partial"),
    ("none", "none"),
]
STATUSES = [
    ("Còn hiệu lực", "in_force"),
    ("con hieu luc", "in_force"),
    ("CÒN_HIỆU_LỰC", "in_force"),
    (unicodedata.normalize("NFD", "Còn hiệu lực"), "in_force"),
    ("Hết hiệu lực", "abolished"),
    ("het-hieu-luc", "abolished"),
    ("Đã bãi bỏ", "abolished"),
    ("da bai bo", "abolished"),
    ("Bãi bỏ", "abolished"),
    ("Sửa đổi, bổ sung", "amended"),
    ("Đã sửa đổi, bổ sung", "amended"),
    ("sua doi bo sung", "amended"),
    ("in_force", "in_force"),
    ("in-force", "in_force"),
    ("AMENDED", "amended"),
    ("abolished", "abolished"),
]
NOT_IN_THE_VOCABULARY = [
    ("online_level", "onlineLevel", "Mức độ 4"),
    ("online_level", "onlineLevel", "toàn phần"),
    ("online_level", "onlineLevel", "toan trinh x"),
    ("status", "status", "Tạm dừng"),
    ("status", "status", "hieu luc"),
]


@pytest.fixture
def section():
    return ProcedureIndexPageFactory()


def run(path):
    out, err = StringIO(), StringIO()
    call_command("import_procedures", str(path), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def import_json(tmp_path, records):
    path = tmp_path / "tthc.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return run(path)


def import_csv(tmp_path, rows):
    path = tmp_path / "tthc.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return run(path)


def csv_row(number, **values):
    return {"code": f"1.{13000 + number:06d}", "name": f"Thủ tục bảng tính số {number}", **values}


def test_json_reads_vietnamese_online_levels_and_statuses(section, tmp_path):
    pairs = list(zip(ONLINE_LEVELS, STATUSES * 2, strict=False))
    records = [national_record(onlineLevel=level, status=status) for (level, _), (status, _) in pairs]

    out, err = import_json(tmp_path, records)

    assert err == "" and f"created {len(records)}" in out
    for record, ((_, level), (_, status)) in zip(records, pairs, strict=True):
        page = ProcedurePage.objects.get(code=record["code"])
        assert (page.online_level, page.status) == (level, status), (record["onlineLevel"], record["status"])


def test_csv_reads_vietnamese_online_levels_and_statuses(section, tmp_path):
    pairs = list(zip(ONLINE_LEVELS, STATUSES * 2, strict=False))
    rows = [
        csv_row(i, online_level=level, status=status) for i, ((level, _), (status, _)) in enumerate(pairs)
    ]

    out, err = import_csv(tmp_path, rows)

    assert err == "" and f"created {len(rows)}" in out
    for row, ((_, level), (_, status)) in zip(rows, pairs, strict=True):
        page = ProcedurePage.objects.get(code=row["code"])
        assert (page.online_level, page.status) == (level, status), (row["online_level"], row["status"])


@pytest.mark.parametrize(("field", "national_field", "value"), NOT_IN_THE_VOCABULARY)
def test_json_rejects_a_value_outside_the_vocabulary_naming_record_field_and_value(
    section, tmp_path, field, national_field, value
):
    out, err = import_json(tmp_path, [national_record(), national_record(**{national_field: value})])

    assert "created 1" in out and "rejected 1" in out
    assert err.startswith("bản ghi 2 1.0") and f"[{national_field}]" in err
    assert repr(value) in err
    assert ProcedurePage.objects.count() == 1


@pytest.mark.parametrize(("field", "national_field", "value"), NOT_IN_THE_VOCABULARY)
def test_csv_rejects_a_value_outside_the_vocabulary_naming_row_field_and_value(
    section, tmp_path, field, national_field, value
):
    out, err = import_csv(tmp_path, [csv_row(1), csv_row(2, **{field: value})])

    assert "created 1" in out and "rejected 1" in out
    assert err.startswith("dòng 3 1.013002") and f"[{field}]" in err
    assert repr(value) in err
    assert ProcedurePage.objects.count() == 1


def test_rejection_keeps_the_unknown_value_reason_code(section, tmp_path):
    from procedure_catalog.importer import import_procedures

    path = tmp_path / "tthc.json"
    path.write_text(json.dumps([national_record(status="Tạm dừng")], ensure_ascii=False), encoding="utf-8")
    (rejected,) = import_procedures(path).rejected
    assert (rejected.position, rejected.field, rejected.reason_code) == (
        "bản ghi 1",
        "status",
        "unknown_value",
    )
