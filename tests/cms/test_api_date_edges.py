"""Dates at the ends of the calendar: each date or time parameter of the API answers a list or a 400
problem document, never a server error (a moment in year 1 shifted to UTC falls before year 1)."""

import pytest

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"
DATE_PARAMETERS = [
    "/api/v1/news?date_from={}",
    "/api/v1/news?date_to={}",
    "/api/v1/news?updated_since={}",
    "/api/v1/search?q=x&date_from={}",
    "/api/v1/search?q=x&date_to={}",
]
EDGES = ["0001-01-01", "9999-12-31"]
EDGE_TIMES = ["0001-01-01T00:00:00", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00%2B01:00"]


def assert_list_or_problem(response):
    assert response.status_code in (200, 400), response.content[:300]
    if response.status_code == 400:
        assert response["Content-Type"] == PROBLEM
        body = response.json()
        assert body["status"] == 400
        assert body["title"] == "Yêu cầu không hợp lệ"


@pytest.mark.parametrize("value", EDGES)
@pytest.mark.parametrize("template", DATE_PARAMETERS)
def test_a_date_at_the_edge_of_the_calendar_is_an_answer_not_a_500(client, search_index, template, value):
    assert_list_or_problem(client.get(template.format(value)))


@pytest.mark.parametrize("value", EDGE_TIMES)
def test_updated_since_at_the_edge_of_the_calendar_is_an_answer_not_a_500(client, value):
    assert_list_or_problem(client.get(f"/api/v1/news?updated_since={value}"))


def test_updated_since_in_year_one_is_a_problem_naming_the_parameter(client):
    response = client.get("/api/v1/news?updated_since=0001-01-01")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "updated_since" in response.json()["detail"]
