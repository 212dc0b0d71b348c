"""Nothing withdrawn, login-only or never published shows through a public answer."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from procedure_catalog.dossier_statistics import DossierStatistics
from search.documents import alias_name
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory
from tests.procedure_catalog.test_public_catalog import announce, procedure

pytestmark = pytest.mark.django_db


def withdraw(page):
    page.unpublish()


def restrict_to_logged_in_users(page):
    PageViewRestriction.objects.create(page=page, restriction_type="login")


@pytest.mark.parametrize("hide", [withdraw, restrict_to_logged_in_users])
def test_did_you_mean_never_offers_a_withdrawn_title_word(client, search_index, hide):
    news = NewsIndexPageFactory()
    NewsArticlePageFactory(parent=news, title="Hội nghị công tác dân tộc")
    secret = NewsArticlePageFactory(parent=news, title="Phương án sáp nhập Pắcmạ")
    search_index.sync()
    assert client.get("/api/v1/search", {"q": "pacmo"}).json()["suggestion"] == "pắcmạ"

    hide(secret)
    search_index.sync()
    body = client.get("/api/v1/search", {"q": "pacmo"}).json()
    assert body["total"] == 0
    assert body["suggestion"] is None, "the engine still counts the deleted document's words"


def test_did_you_mean_respects_the_filters(client, search_index):
    NewsArticlePageFactory(title="Lễ hội Pắcmạ")
    search_index.sync()
    assert client.get("/api/v1/search", {"q": "pacmo"}).json()["suggestion"] == "pắcmạ"
    filtered = client.get("/api/v1/search", {"q": "pacmo", "type": "procedure"}).json()
    assert filtered["suggestion"] is None, "a suggestion that finds nothing under the same filters"


@pytest.fixture
def decision_with_a_draft(search_index):
    section = ProcedureIndexPageFactory()
    public = procedure(section, "1.900601", "Công nhận người có uy tín")
    draft = procedure(section, "1.900602", "Thủ tục dự thảo chưa ban hành", publish=False)
    login_only = procedure(section, "1.900603", "Thủ tục chỉ dành cho cán bộ")
    PageViewRestriction.objects.create(page=login_only, restriction_type="login")
    today = timezone.localdate()
    notice = announce(
        section, "2101/QĐ-UBND", today,
        [(public, "amended", today), (draft, "new", today), (login_only, "new", today)],
    )  # fmt: skip
    search_index.sync()
    return {"notice": notice, "public": public, "hidden": [draft, login_only]}


def test_a_published_decision_names_only_public_procedures_on_its_page(client, decision_with_a_draft):
    body = client.get(decision_with_a_draft["notice"].url).content.decode()
    assert "1.900601" in body and "Công nhận người có uy tín" in body
    for hidden in decision_with_a_draft["hidden"]:
        assert hidden.code not in body and hidden.title not in body


def test_a_published_decision_names_only_public_procedures_in_the_api(client, decision_with_a_draft):
    (notice,) = client.get("/api/v1/procedure-notices").json()["results"]
    assert [(entry["code"], entry["name"]) for entry in notice["entries"]] == [
        ("1.900601", "Công nhận người có uy tín")
    ]


def test_a_published_decision_names_only_public_procedures_in_the_index(client, decision_with_a_draft):
    notice = decision_with_a_draft["notice"]
    document = decision_with_a_draft_document(notice)
    assert document["codes"] == ["2101/QĐ-UBND", "1.900601"]
    assert "dự thảo" not in document["body"] and "cán bộ" not in document["body"]
    found = client.get("/api/v1/search", {"q": "du thao"}).json()
    assert found["hits"] == []
    # The public procedure's code is one typo away, so the decision may be found, never the draft code.
    assert "1.900602" not in str(client.get("/api/v1/search", {"q": "1.900602"}).json()["hits"])


def decision_with_a_draft_document(notice):
    from search.client import get_client

    return get_client().get(index=alias_name(), id=f"notice:{notice.pk}")["_source"]


def test_statistics_never_name_a_procedure_that_is_not_public(client):
    section = ProcedureIndexPageFactory()
    public = procedure(section, "1.900701", "Thủ tục công khai")
    draft = procedure(section, "1.900702", "Thủ tục chưa công bố", publish=False)
    period = datetime.date(2025, 1, 1)
    for page in (public, draft, None):
        DossierStatistics.objects.create(
            period_kind="year", period_start=period, procedure=page, resolved_early=1
        )

    items = client.get("/api/v1/statistics").json()["results"]
    assert sorted(item["procedure"] or "" for item in items) == ["", "1.900701"]


def test_the_decision_document_follows_its_procedures_visibility(decision_with_a_draft, search_index):
    notice, public = decision_with_a_draft["notice"], decision_with_a_draft["public"]
    draft = decision_with_a_draft["hidden"][0]
    public.unpublish()
    draft.save_revision().publish()
    search_index.sync()
    assert decision_with_a_draft_document(notice)["codes"] == ["2101/QĐ-UBND", "1.900602"]
