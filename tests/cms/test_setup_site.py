"""`manage.py setup_site` makes a production site on a migrated database: its sections, roles,
workflow, agency name and Site record, and no demo content. A second run changes nothing."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site, WorkflowPage

from procedure_catalog.models import ProcedurePage
from site_pages.agency import AgencyIdentity
from site_pages.editorial_roles import ADMINISTRATORS, APPROVERS, EDITORS, WORKFLOW
from site_pages.models import HomePage, NewsArticlePage

pytestmark = pytest.mark.django_db

NAME = "Sở Dân tộc và Tôn giáo tỉnh Sơn La"
SECTIONS = {"tin-tuc", "thu-tuc-hanh-chinh", "thong-bao", "thong-ke", "lien-he"}


def setup_site(*args):
    out = io.StringIO()
    call_command("setup_site", *args, stdout=out)
    return out.getvalue()


def state():
    return {
        "pages": sorted(Page.objects.values_list("pk", "path", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "sites": sorted(Site.objects.values_list("pk", "hostname", "port", "root_page_id", "site_name")),
        "identity": list(AgencyIdentity.objects.values()),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
    }


def test_setup_site_makes_the_sections_roles_workflow_and_site_record(client, settings):
    setup_site("--name", NAME, "--base-url", "https://sdttg.sonla.gov.vn")

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("sdttg.sonla.gov.vn", 443, NAME)
    home = site.root_page.specific
    assert isinstance(home, HomePage) and home.live and home.title == NAME
    assert {child.slug for child in home.get_children().live()} == SECTIONS
    assert not NewsArticlePage.objects.exists() and not ProcedurePage.objects.exists(), "no demo content"
    assert AgencyIdentity.for_site(site).name == NAME
    assert {EDITORS, APPROVERS, ADMINISTRATORS} <= set(Group.objects.values_list("name", flat=True))
    assert WorkflowPage.objects.get(page__depth=1).workflow.name == WORKFLOW
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists(), "Wagtail's welcome page is gone"

    settings.ALLOWED_HOSTS = ["sdttg.sonla.gov.vn"]
    for address in ["/", "/tin-tuc/", "/thu-tuc-hanh-chinh/", "/lien-he/"]:
        assert client.get(address, HTTP_HOST="sdttg.sonla.gov.vn").status_code == 200, address


def test_running_it_again_changes_nothing():
    setup_site("--name", NAME, "--base-url", "https://sdttg.sonla.gov.vn")
    before = state()
    output = setup_site("--name", NAME, "--base-url", "https://sdttg.sonla.gov.vn")
    assert state() == before
    assert "nothing to change" in output


def test_a_port_in_the_base_url_is_the_site_records_port():
    setup_site("--name", NAME, "--base-url", "http://cms.internal:8080/")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("cms.internal", 8080)


def test_the_base_url_defaults_to_the_setting(settings):
    settings.PUBLIC_BASE_URL = "https://sdttg.sonla.gov.vn"
    setup_site("--name", NAME)
    assert Site.objects.get(is_default_site=True).hostname == "sdttg.sonla.gov.vn"
