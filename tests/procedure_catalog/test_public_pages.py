"""Citizens read a procedure's papers, time limits and fees on the public site."""

import json

import pytest
from django.core.management import call_command

from procedure_catalog.models import ProcedurePage
from tests.factories import ProcedureIndexPageFactory
from tests.procedure_catalog.national_records import national_record

pytestmark = pytest.mark.django_db


def test_procedure_page_and_section_list_show_what_a_citizen_needs(client, tmp_path):
    section = ProcedureIndexPageFactory()
    path = tmp_path / "tthc.json"
    path.write_text(
        json.dumps([national_record(code="1.012223", name="Thay thế người có uy tín")], ensure_ascii=False)
    )
    call_command("import_procedures", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    page = ProcedurePage.objects.get(code="1.012223")

    html = client.get(page.url).content.decode()
    listing = client.get(section.url).content.decode()

    for expected in (
        "1.012223",
        "Thay thế người có uy tín",
        "Trực tiếp",
        "5 ngày làm việc",
        "Không thu phí",
        "Văn bản đề nghị (Mẫu 02)",
        "12/2018/QĐ-TTg",
        "Một phần",
    ):
        assert expected in html, expected
    assert "Công tác dân tộc" in listing and page.url in listing
