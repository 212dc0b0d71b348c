"""Editors draft procedures in the admin; leaders approve them, as with news."""

import pytest

from procedure_catalog.models import ProcedurePage
from site_pages.editorial_roles import APPROVERS, EDITORS
from tests.factories import ProcedureIndexPageFactory, role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db

NO_PARTS = {"steps": [], "channels": [], "cases": [], "legal_bases": []}


def test_procedure_goes_through_the_approval_workflow(client):
    section = ProcedureIndexPageFactory()
    editor = AdminSession(role_user(EDITORS))
    approver = AdminSession(role_user(APPROVERS))

    response = editor.create_page(
        section,
        "procedure_catalog.ProcedurePage",
        {**NO_PARTS, "steps": [("step", {"name": "Nộp hồ sơ", "description": "Tại bộ phận một cửa"})]},
        title="Thủ tục công nhận người có uy tín",
        code="1.012224",
        level="commune",
        status="in_force",
        online_level="partial",
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ProcedurePage.objects.get(code="1.012224")
    assert not page.live
    assert page.slug == "thu-tuc-cong-nhan-nguoi-co-uy-tin"

    approver.workflow_action(page, "approve")
    page.refresh_from_db()
    assert page.live
    assert "Nộp hồ sơ" in client.get(page.url).content.decode()


def test_a_malformed_code_is_refused_in_the_editor():
    section = ProcedureIndexPageFactory()
    editor = AdminSession(role_user(EDITORS))
    response = editor.create_page(
        section, "procedure_catalog.ProcedurePage", NO_PARTS, title="Thủ tục", code="TTHC-1", action="submit"
    )
    assert response.status_code == 200
    assert "không phải là mã thủ tục" in response.content.decode()
    assert not ProcedurePage.objects.exists()


def test_leaders_enter_dossier_statistics_in_the_admin():
    # Figures reach citizens when saved, so a leader enters them (editors may not: tests/security).
    leader = AdminSession(role_user(APPROVERS))
    assert leader.client.get("/admin/snippets/procedure_catalog/dossierstatistics/add/").status_code == 200
