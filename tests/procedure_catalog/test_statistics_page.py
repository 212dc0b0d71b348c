"""The statistics page at /thong-ke/: charts a citizen can see and a screen reader can read, the same
numbers in tables, and a choice of period."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from cms import charts
from procedure_catalog.dossier_statistics import DossierStatistics, PeriodKind
from procedure_catalog.models import ProcedureField
from procedure_catalog.public.statistics import labels
from site_pages.models import StatisticsPage
from tests.factories import HomePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def statistics_page():
    home = HomePageFactory()
    page = home.add_child(instance=StatisticsPage(title="Thống kê hồ sơ", slug="thong-ke"))
    page.save_revision().publish()
    return page


def agency_row(kind, start, **counts):
    return DossierStatistics.objects.create(period_kind=kind, period_start=start, **counts)


def quarter(year, number, **counts):
    return agency_row(PeriodKind.QUARTER, datetime.date(year, 3 * number - 2, 1), **counts)


def label(kind, start):
    with translation.override("vi"):
        return labels(kind, start)[0]


def table_rows(soup, caption_id):
    table = soup.find(id=caption_id).find_parent("table")
    return [
        [row.th.get_text(strip=True), *(cell.get_text(strip=True) for cell in row.find_all("td"))]
        for row in table.tbody.find_all("tr")
    ]


def get(client, query=""):
    response = client.get(f"/thong-ke/{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_charts_are_images_with_a_title_and_description(client, statistics_page):
    quarter(2025, 1, received_in_person=5, resolved_on_time=4, resolved_late=1)
    quarter(2025, 2, received_online=7, resolved_early=2, resolved_on_time=5)

    soup = get(client)

    for chart_id in ("received-chart", "rate-chart"):
        svg = soup.find("svg", attrs={"aria-labelledby": f"{chart_id}-title {chart_id}-desc"})
        assert svg is not None and svg["role"] == "img"
        assert svg.find("title", id=f"{chart_id}-title").get_text(strip=True)
        description = svg.find("desc", id=f"{chart_id}-desc").get_text()
        assert label(PeriodKind.QUARTER, datetime.date(2025, 1, 1)) in description
        assert label(PeriodKind.QUARTER, datetime.date(2025, 4, 1)) in description
    bars = soup.find("svg", class_="chart-svg").find("g", class_="chart-bars")
    # One bar each for received and resolved per quarter, each with its value written on the chart.
    assert [text.get_text() for text in bars.find_all("text")] == ["5", "5", "7", "7"]
    assert not soup.find_all(attrs={"style": True})


def test_tables_give_the_same_numbers_as_the_rows_in_vietnamese_format(client, statistics_page):
    quarter(2024, 3, received_online=8, resolved_on_time=7, resolved_late=1)
    quarter(2024, 4, received_in_person=1000, received_online=234, resolved_early=1, resolved_on_time=1,
            resolved_late=1)  # fmt: skip
    quarter(2025, 1, received_postal=12, resolved_on_time=12)
    quarter(2025, 2)  # nothing resolved: no rate rather than 0%

    soup = get(client)

    q3, q4, q1, q2 = (
        label(PeriodKind.QUARTER, datetime.date(*day))
        for day in [(2024, 7, 1), (2024, 10, 1), (2025, 1, 1), (2025, 4, 1)]
    )
    assert table_rows(soup, "received-caption") == [
        [q3, "8", "8"],
        [q4, "1.234", "3"],
        [q1, "12", "12"],
        [q2, "0", "0"],
    ]
    assert table_rows(soup, "rate-caption") == [
        [q3, "8", "7", "1", "87,5%"],
        [q4, "3", "2", "1", "66,67%"],
        [q1, "12", "12", "0", "100%"],
        [q2, "0", "0", "0", "–"],
    ]
    table = soup.find(id="rate-caption").find_parent("table")
    assert all(header["scope"] == "col" for header in table.thead.find_all("th"))
    assert all(row.th["scope"] == "row" for row in table.tbody.find_all("tr"))


def test_only_the_latest_quarters_of_the_whole_agency_are_charted(client, statistics_page):
    field = ProcedureField.objects.create(name="Công tác dân tộc")
    for year in (2023, 2024, 2025):
        for number in (1, 2, 3, 4):
            quarter(year, number, received_online=year - 2000 + number)
    DossierStatistics.objects.create(
        period_kind=PeriodKind.QUARTER,
        period_start=datetime.date(2025, 10, 1),
        field=field,
        received_online=999,
    )

    rows = table_rows(get(client), "received-caption")

    assert [row[0] for row in rows] == [
        label(PeriodKind.QUARTER, datetime.date(year, month, 1))
        for year in (2024, 2025)
        for month in (1, 4, 7, 10)
    ]
    assert "999" not in [row[1] for row in rows]


def test_period_filter_shows_months(client, statistics_page):
    quarter(2025, 1, received_online=30)
    agency_row(PeriodKind.MONTH, datetime.date(2025, 2, 1), received_online=11, resolved_on_time=10)
    agency_row(PeriodKind.MONTH, datetime.date(2025, 3, 1), received_online=9, resolved_late=9)

    soup = get(client, "?period=month")

    assert table_rows(soup, "received-caption") == [
        [label(PeriodKind.MONTH, datetime.date(2025, 2, 1)), "11", "10"],
        [label(PeriodKind.MONTH, datetime.date(2025, 3, 1)), "9", "9"],
    ]
    chosen = soup.find("nav", class_="period-choice").find("a", attrs={"aria-current": "true"})
    assert chosen["href"] == "?period=month"


def test_a_year_adds_up_its_four_quarters_and_an_unfinished_year_is_left_out(client, statistics_page):
    for number in (1, 2, 3, 4):
        quarter(2024, number, received_online=10 * number, resolved_on_time=number, resolved_late=1)
    quarter(2025, 1, received_online=500)

    soup = get(client, "?period=year")

    assert table_rows(soup, "received-caption") == [[label(PeriodKind.YEAR, datetime.date(2024, 1, 1)), "100",
                                                     "14"]]  # fmt: skip
    assert table_rows(soup, "rate-caption")[0][1:] == ["14", "10", "4", "71,43%"]


def test_an_unknown_period_is_explained_not_an_error(client, statistics_page):
    quarter(2025, 1, received_online=3)

    soup = get(client, "?period=fortnight")

    assert soup.find(class_="alert")
    assert table_rows(soup, "received-caption")[0][1] == "3"


def test_no_figures_yet_says_so(client, statistics_page):
    soup = get(client)
    assert soup.find("svg") is None
    assert soup.find("main").find("p")


def relative_luminance(colour):
    channels = [int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5)]
    linear = [value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4 for value in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", [charts.BLUE, charts.ORANGE, charts.GREEN, charts.AXIS, charts.TEXT])
def test_chart_colours_stand_out_from_the_background(colour):
    ratio = (relative_luminance(charts.BACKGROUND) + 0.05) / (relative_luminance(colour) + 0.05)
    assert ratio >= 3


def test_chart_text_is_escaped():
    svg = charts.bar_chart(
        chart_id="x",
        title="<script>alert(1)</script>",
        description="a & b",
        categories=[("<b>Q1</b>", "2025")],
        series=[charts.Series('"><img src=x>', [3], charts.BLUE)],
    )
    assert "<script>" not in svg and "<b>" not in svg and "<img" not in svg
    assert "&lt;script&gt;" in svg and "a &amp; b" in svg
