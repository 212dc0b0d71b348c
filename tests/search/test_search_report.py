"""The editors' report of citizens' searches, in the admin's Reports menu."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from search.analytics import SearchQueryDay
from site_pages.editorial_roles import ADMINISTRATORS, APPROVERS, EDITORS
from tests.factories import UserFactory, role_user
from tests.security.test_roles import refused

pytestmark = pytest.mark.django_db

URL = "/admin/reports/citizen-searches/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def searches():
    today = timezone.localdate()
    rows = [
        (0, "người có uy tín", 1234, 0, 30),
        (1, "người có uy tín", 6, 0, 4),
        (0, "thủ tục xyz không có", 7, 7, 0),
        (2, "đăng ký tôn giáo", 9, 0, 0),
        (40, "tin cũ", 50, 50, 0),  # outside 30 days
    ]
    for age, query, count, zero, clicks in rows:
        SearchQueryDay.objects.create(
            day=today - datetime.timedelta(days=age),
            query=query,
            searches=count,
            zero_results=zero,
            hits=0 if zero else 3,
            clicks=clicks,
        )


def table(soup, section_id):
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in soup.select(f"#{section_id} tbody tr")
    ]


@pytest.mark.parametrize("role", [EDITORS, APPROVERS, ADMINISTRATORS])
def test_each_editorial_role_reads_the_report_from_the_reports_menu(role, searches):
    client = signed_in(role_user(role))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL in home
    response = client.get(URL)
    assert response.status_code == 200
    assert "Tìm kiếm của người dân" in response.content.decode()


def test_superusers_read_it_too(searches):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    assert signed_in(superuser).get(URL).status_code == 200


def test_a_user_without_a_role_is_refused(searches):
    nobody = UserFactory(is_staff=True)
    response = signed_in(nobody).get(URL)
    assert response.status_code == 302 and "/admin/login/" in response.url
    # In the admin for another reason, but not given the report.
    other = Group.objects.create(name="Chỉ vào quản trị")
    other.permissions.add(Permission.objects.get(codename="access_admin"))
    outsider = UserFactory()
    outsider.groups.add(other)
    client = signed_in(outsider)
    assert refused(client.get(URL))
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_lists_top_zero_result_and_low_click_queries_in_vietnamese_numbers(searches):
    soup = BeautifulSoup(signed_in(role_user(EDITORS)).get(URL).content.decode(), "html.parser")

    top = table(soup, "top-queries")
    assert top[0][:5] == ["người có uy tín", "1.240", "0", "34", "2,74%"]
    assert [row[0] for row in top] == ["người có uy tín", "đăng ký tôn giáo", "thủ tục xyz không có"]
    assert [row[0] for row in table(soup, "zero-result-queries")] == ["thủ tục xyz không có"]
    # Found something, searched often enough, never opened; a query that found nothing is not here.
    assert [row[0] for row in table(soup, "low-click-queries")][0] == "đăng ký tôn giáo"
    assert "thủ tục xyz không có" not in [row[0] for row in table(soup, "low-click-queries")]
    text = soup.get_text(" ", strip=True)
    assert "tin cũ" not in text
    assert "365 ngày" in text


def test_the_period_is_chosen_in_the_page(searches):
    client = signed_in(role_user(EDITORS))
    soup = BeautifulSoup(client.get(URL, {"days": 90}).content.decode(), "html.parser")
    assert "tin cũ" in [row[0] for row in table(soup, "zero-result-queries")]
    week = BeautifulSoup(client.get(URL, {"days": 7}).content.decode(), "html.parser")
    assert len(week.select("#searches-chart-title ~ g.chart-categories text")) == 7


def test_the_charts_are_server_drawn_svg_of_searches_and_of_the_share_that_found_nothing(searches):
    soup = BeautifulSoup(signed_in(role_user(EDITORS)).get(URL).content.decode(), "html.parser")
    searches_chart = soup.select_one("svg#searches-chart, svg[aria-labelledby^='searches-chart']")
    zero_chart = soup.select_one("svg[aria-labelledby^='zero-results-chart']")
    assert searches_chart is not None and zero_chart is not None
    assert len(searches_chart.select("g.chart-categories text")) == 30
    assert "1.241" in searches_chart.get_text(" ")  # today's searches, grouped the Vietnamese way
    assert "0,56%" in zero_chart.get_text(" ")  # 7 of today's 1.241 searches found nothing
    assert not soup.select("script[src^='http']")


def shortcut_urls():
    try:
        return reverse("wagtailsnippets_search_synonymgroup:add"), reverse(
            "wagtailsnippets_search_promotion:add"
        )
    except NoReverseMatch:
        pytest.skip("the synonym and promoted-result snippets are not in this installation")


def test_each_row_offers_a_synonym_and_a_promoted_result_for_the_query(searches):
    synonym_add, promotion_add = shortcut_urls()
    soup = BeautifulSoup(signed_in(role_user(ADMINISTRATORS)).get(URL).content.decode(), "html.parser")
    links = [link["href"] for link in soup.select("#zero-result-queries tbody a")]
    assert f"{synonym_add}?terms=th%E1%BB%A7+t%E1%BB%A5c+xyz+kh%C3%B4ng+c%C3%B3" in links
    assert f"{promotion_add}?query=th%E1%BB%A7+t%E1%BB%A5c+xyz+kh%C3%B4ng+c%C3%B3" in links


def test_the_shortcuts_are_shown_only_to_those_who_may_add_those_records(searches, monkeypatch):
    from search import search_report

    # Stand-ins for the snippets' add forms: the rule is about permissions, whatever the forms are.
    monkeypatch.setattr(
        search_report,
        "SHORTCUTS",
        (
            ("wagtailadmin_home", "terms", "search.add_abbreviation"),
            ("wagtailadmin_home", "query", "search.add_abbreviation"),
        ),
    )
    editor = BeautifulSoup(signed_in(role_user(EDITORS)).get(URL).content.decode(), "html.parser")
    admin = BeautifulSoup(signed_in(role_user(ADMINISTRATORS)).get(URL).content.decode(), "html.parser")
    assert editor.select("#top-queries tbody a") == []
    assert len(admin.select("#top-queries tbody a")) == 2 * 3


def test_a_shortcut_to_a_form_this_installation_lacks_is_left_out():
    from search.search_report import admin_add_link

    assert admin_add_link("wagtailsnippets_search_nothing:add", "q", "uy tín") is None
    assert admin_add_link("wagtailadmin_home", "q", "uy tín") == "/admin/?q=uy+t%C3%ADn"


def test_the_report_reads_in_vietnamese(searches):
    from tests.browser.visible_language import problems_in

    soup = BeautifulSoup(signed_in(role_user(EDITORS)).get(URL).content.decode(), "html.parser")
    main = soup.select_one("main")
    for data in main.select("td:first-child"):  # the queries are what citizens typed, not interface
        data.decompose()
    assert problems_in(main.get_text("\n")) == []


def test_an_empty_period_says_so_and_still_draws_its_charts():
    soup = BeautifulSoup(signed_in(role_user(EDITORS)).get(URL, {"days": 7}).content.decode(), "html.parser")
    assert len(soup.select("svg.chart-svg")) == 2
    assert soup.get_text(" ", strip=True).count("Không có lượt tìm kiếm nào trong khoảng thời gian này.") == 3
