"""load_demo builds a believable site once; running it again changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Page, Site

from site_pages.agency import AgencyIdentity
from site_pages.models import HomePage, NewsArticlePage, NewsIndexPage, ProcedureIndexPage, published_news
from site_pages.public.news import PER_PAGE as NEWS_PER_PAGE


def run_load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def site_shape():
    return {
        "pages": sorted(Page.objects.values_list("url_path", flat=True)),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
        "revisions": sum(page.revisions.count() for page in Page.objects.all()),
    }


@pytest.mark.django_db
def test_load_demo_twice_builds_the_same_site(settings, client):
    settings.DEBUG = True
    first_output = run_load_demo()
    first = site_shape()
    second_output = run_load_demo()

    assert site_shape() == first
    assert "nothing created" in second_output
    assert HomePage.objects.count() == 1
    assert NewsIndexPage.objects.get().url == "/tin-tuc/"
    assert ProcedureIndexPage.objects.get().url == "/thu-tuc-hanh-chinh/"
    articles = NewsArticlePage.objects.live()
    assert articles.count() >= 12
    assert all(article.featured_image and article.featured_image.description for article in articles)
    categories_used = {category.slug for article in articles for category in article.categories.all()}
    assert len(categories_used) >= 5
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    # Each role's password is printed both times, and it is the one that logs in.
    for username in ("admin", "bientap", "lanhdao", "quantri"):
        password = first_output.split(f"  {username} / ")[1].split()[0]
        assert f"  {username} / {password}" in second_output
        # django-axes needs a request to count attempts against; the test client passes none itself.
        assert client.login(request=HttpRequest(), username=username, password=password)
    assert get_user_model().objects.get(username="lanhdao").groups.get().name == "Lãnh đạo duyệt"


@pytest.mark.django_db
def test_load_demo_names_the_agency_from_configuration(settings, client):
    settings.DEBUG = True
    run_load_demo()
    identity = AgencyIdentity.for_site(Site.objects.get(is_default_site=True))
    assert identity.name == "Sở Dân tộc và Tôn giáo tỉnh Sơn La"

    identity.name = "Ban Dân tộc tỉnh Sơn La"
    identity.save()
    run_load_demo()
    identity.refresh_from_db()
    assert identity.name == "Ban Dân tộc tỉnh Sơn La", "a re-run must not overwrite an edit"
    assert "Ban Dân tộc tỉnh Sơn La" in client.get("/").content.decode()


@pytest.mark.django_db
def test_load_demo_serves_home_news_and_procedures(settings, client):
    settings.DEBUG = True
    run_load_demo()
    home = client.get("/")
    news = client.get("/tin-tuc/")
    article = published_news().first()

    assert home.status_code == 200
    assert article.title in home.content.decode()
    assert news.status_code == 200
    first_page = min(NewsArticlePage.objects.live().count(), NEWS_PER_PAGE)
    assert news.content.decode().count("<article>") == first_page
    assert client.get(article.url).status_code == 200
    assert client.get("/thu-tuc-hanh-chinh/").status_code == 200


@pytest.mark.django_db
def test_load_demo_creates_no_users_without_debug(settings):
    settings.DEBUG = False
    output = run_load_demo()
    assert "no demo users" in output
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_admin_login_page_is_served(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


@pytest.mark.django_db
def test_load_demo_builds_a_procedure_catalog(settings, client):
    from procedure_catalog.dossier_statistics import DossierStatistics
    from procedure_catalog.models import ProcedureNoticePage, ProcedurePage

    settings.DEBUG = True
    run_load_demo()
    procedures = ProcedurePage.objects.live()

    assert procedures.count() >= 12
    assert procedures.values("field").distinct().count() >= 3
    assert procedures.filter(status="amended").count() == 1
    assert procedures.filter(status="abolished").count() == 1
    assert all("minh họa" in page.requirements for page in procedures)
    assert ProcedureNoticePage.objects.live().count() == 1
    assert DossierStatistics.objects.filter(period_kind="quarter").count() == 8
    assert client.get(ProcedurePage.objects.get(code="1.012223").url).status_code == 200

    run_load_demo()
    assert ProcedurePage.objects.filter(status="amended").count() == 1, "a re-run must not undo the notice"
