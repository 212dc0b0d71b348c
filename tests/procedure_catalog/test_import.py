"""import_procedures: national JSON, CSV and XLSX in; every bad record explained, none half-written."""

import csv
import json
import unicodedata
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from procedure_catalog.exporter import all_records
from procedure_catalog.formats.spreadsheet import COLUMNS
from procedure_catalog.importer import import_procedures
from procedure_catalog.models import ProcedurePage
from tests.factories import ProcedureIndexPageFactory
from tests.procedure_catalog.national_records import national_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return ProcedureIndexPageFactory()


def write_json(tmp_path, records, name="tthc.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_procedures", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_national_json_is_imported_with_every_part(section, tmp_path):
    record = national_record(code="1.012223", name="Thủ tục thay thế người có uy tín")
    out, _err = run(write_json(tmp_path, [record, national_record()]))

    assert "created 2, updated 0, unchanged 0, rejected 0" in out
    page = ProcedurePage.objects.get(code="1.012223")
    assert page.live and page.get_parent().specific == section
    assert page.title == "Thủ tục thay thế người có uy tín"
    assert page.field.name == "Công tác dân tộc"
    assert page.level == "commune" and page.online_level == "partial" and page.status == "in_force"
    assert [step.value["name"] for step in page.steps] == ["Bước 1", "Bước 2"]
    in_person, online = (block.value for block in page.channels)
    assert (in_person["channel"], str(in_person["processing_time"]), in_person["time_unit"]) == (
        "in_person",
        "5",
        "working_days",
    )
    assert in_person["fees"][0]["description"] == "Không thu phí"
    assert str(online["processing_time"]) == "4.5"
    components = page.cases[0].value["components"]
    assert [(c["name"], c["originals"], c["copies"], c["required"]) for c in components] == [
        ("Văn bản đề nghị (Mẫu 02)", 1, 0, True),
        ("Biên bản họp thôn (Mẫu 06)", 1, 1, False),
    ]
    assert [basis.value["number"] for basis in page.legal_bases] == ["12/2018/QĐ-TTg", "28/2023/QĐ-TTg"]
    assert page.national_record == record  # the raw record is kept beside our model
    assert page.slug.endswith("-1-012223")


def test_reimport_changes_nothing(section, tmp_path):
    path = write_json(tmp_path, [national_record(), national_record()])
    run(path)
    revisions_before = sorted(page.revisions.count() for page in ProcedurePage.objects.all())

    out, _err = run(path)

    assert "created 0, updated 0, unchanged 2, rejected 0" in out
    assert sorted(page.revisions.count() for page in ProcedurePage.objects.all()) == revisions_before


def test_changed_record_is_updated_in_place(section, tmp_path):
    record = national_record()
    run(write_json(tmp_path, [record]))
    record["executionMethods"][0]["processingTime"] = 3

    out, _err = run(write_json(tmp_path, [record]))

    assert "created 0, updated 1" in out
    page = ProcedurePage.objects.get(code=record["code"])
    assert str(page.channels[0].value["processing_time"]) == "3"
    assert ProcedurePage.objects.count() == 1


def spreadsheet_rows():
    steps = json.dumps([{"name": "Nộp hồ sơ", "description": "Tại bộ phận một cửa"}], ensure_ascii=False)
    channels = json.dumps(
        [{"channel": "in_person", "processing_time": "10", "time_unit": "working_days", "fees": []}]
    )
    return [
        {
            "code": "1.001234.H56",
            "name": "Đăng ký sinh hoạt tôn giáo tập trung",
            "field": "Tôn giáo",
            "level": "commune",
            "online_level": "none",
            "status": "in_force",
            "in_force_from": "1/7/2025",
            "steps": steps,
            "channels": channels,
        },
        {
            "code": "1.001235",
            "name": "Đề nghị tặng Kỷ niệm chương",
            "field": "Thi đua, khen thưởng",
            "level": "province",
        },
    ]


def test_csv_is_imported(section, tmp_path):
    path = tmp_path / "tthc.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(spreadsheet_rows())

    out, _err = run(path)

    assert "created 2" in out
    page = ProcedurePage.objects.get(code="1.001234.H56")
    assert page.in_force_from.isoformat() == "2025-07-01"
    assert page.steps[0].value["name"] == "Nộp hồ sơ"
    assert ProcedurePage.objects.get(code="1.001235").field.name == "Thi đua, khen thưởng"


def test_xlsx_is_imported(section, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for row in spreadsheet_rows():
        sheet.append([row.get(column, "") for column in COLUMNS])
    path = tmp_path / "tthc.xlsx"
    workbook.save(path)

    out, _err = run(path)

    assert "created 2" in out
    assert ProcedurePage.objects.get(code="1.001234.H56").channels[0].value["channel"] == "in_person"


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx"])
def test_export_then_reimport_yields_identical_data(section, tmp_path, fmt):
    rich = national_record(
        inForceFrom="2024-03-01",
        authority="Chủ tịch UBND xã",
        legalBasisesDetails=[
            {
                "code": "01/2024/TT-UBDT",
                "name": "Thông tư",
                "issuer": "Ủy ban Dân tộc",
                "issuedOn": "2024-01-15",
            }
        ],
    )
    run(write_json(tmp_path, [rich, national_record(status="ABOLISHED", onlineLevel="FULL")]))
    before = all_records()
    exported = tmp_path / f"export.{fmt}"
    call_command("export_procedures", format=fmt, output=str(exported), stdout=StringIO())

    out, _err = run(exported)
    assert "unchanged 2" in out, out

    ProcedurePage.objects.all().delete()
    out, _err = run(exported)
    assert "created 2" in out
    assert all_records() == before


MALFORMED = [
    ("missing-name", {"name": ""}, "name", "missing"),
    ("bad-code", {"code": "1.01222"}, "code", "bad_code"),
    ("letters-in-code", {"code": "TTHC-01"}, "code", "bad_code"),
    (
        "negative-time",
        {"executionMethods": [{"submissionMethod": "DIRECT", "processingTime": -2}]},
        "executionMethods[0].processingTime",
        "negative",
    ),
    (
        "unknown-channel",
        {"executionMethods": [{"submissionMethod": "FAX", "processingTime": 2}]},
        "executionMethods[0].submissionMethod",
        "unknown_value",
    ),
    ("steps-not-a-list", {"executionSteps": "Bước 1, Bước 2"}, "executionSteps", "wrong_type"),
    ("name-not-text", {"name": 12345}, "name", "wrong_type"),
    (
        "copies-not-a-number",
        {"executionCases": [{"name": "", "profileComponents": [{"name": "Đơn", "copyQty": "hai"}]}]},
        "executionCases[0].profileComponents[0].copyQty",
        "not_a_number",
    ),
]


@pytest.mark.parametrize(
    ("overrides", "field", "code"), [case[1:] for case in MALFORMED], ids=[case[0] for case in MALFORMED]
)
def test_malformed_record_is_rejected_with_position_and_field(section, tmp_path, overrides, field, code):
    good_before, bad, good_after = national_record(), national_record(**overrides), national_record()
    summary = import_procedures(write_json(tmp_path, [good_before, bad, good_after]))

    (rejected,) = summary.rejected
    assert rejected.position == "bản ghi 2"
    assert rejected.field == field
    assert rejected.reason_code == code
    assert rejected.reason
    assert summary.count("created") == 2
    # Nothing of the bad record was stored, and the good ones around it were.
    assert set(ProcedurePage.objects.values_list("code", flat=True)) == {
        good_before["code"],
        good_after["code"],
    }


def test_rejections_are_printed_with_position(section, tmp_path):
    _out, err = run(write_json(tmp_path, [national_record(name="")]))
    assert err.startswith("bản ghi 1 ") and "[name]" in err


def test_all_or_nothing_writes_nothing_when_one_record_is_bad(section, tmp_path):
    path = write_json(tmp_path, [national_record(), national_record(code="xyz")])
    out, _err = run(path, "--all-or-nothing")
    assert "rejected 1" in out and "Nothing was written" in out
    assert not ProcedurePage.objects.exists()


def test_dry_run_writes_nothing(section, tmp_path):
    out, _err = run(write_json(tmp_path, [national_record()]), "--dry-run")
    assert "created 1" in out and "Nothing was written" in out
    assert not ProcedurePage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cut.json", '[{"code": "1.012223", "name": "Thủ tục', "not valid JSON"),
        ("object.json", '"just text"', "list of procedure records"),
        ("table.csv", "ma,ten\n1.012223,Thủ tục\n", "header row"),
        ("table.xlsx", "this is not a workbook", "cannot be opened"),
        ("table.txt", "anything", "Unsupported file type"),
    ],
)
def test_unreadable_file_fails_clearly_and_writes_nothing(section, tmp_path, name, content, message):
    from django.utils import translation

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with translation.override("en"), pytest.raises(CommandError, match=message):
        run(path)
    assert not ProcedurePage.objects.exists()


def test_decomposed_vietnamese_is_stored_composed(section, tmp_path):
    name = "Công nhận người có uy tín trong đồng bào dân tộc thiểu số"
    decomposed = national_record(code="1.012300", name=unicodedata.normalize("NFD", name))
    assert decomposed["name"] != name

    run(write_json(tmp_path, [decomposed]))
    page = ProcedurePage.objects.get(code="1.012300")
    assert page.title == name

    composed = dict(decomposed, name=name)
    out, _err = run(write_json(tmp_path, [composed]))
    assert "unchanged 1" in out


def test_duplicate_code_in_one_file_is_rejected(section, tmp_path):
    first = national_record(code="1.012400")
    summary = import_procedures(write_json(tmp_path, [first, national_record(code="1.012400")]))
    assert [outcome.action for outcome in summary.outcomes] == ["created", "rejected"]


def test_import_needs_a_procedures_section(tmp_path):
    with pytest.raises(CommandError, match="procedures section|chuyên mục|thủ tục"):
        run(write_json(tmp_path, [national_record()]))
