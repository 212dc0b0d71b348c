"""While the database is unreachable the site says so with a 503, and serves again once it is back.

The database's disappearance is imitated here by the error the driver raises; bench/faults/
database_restart.py restarts a real PostgreSQL under a running gunicorn.
"""

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def lost_connection(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


def test_api_answers_503_problem_with_retry_after(client, monkeypatch):
    monkeypatch.setattr("cms.content_api.published_news", lost_connection)
    response = client.get("/api/v1/news")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "5"
    body = response.json()
    assert (body["title"], body["title_en"]) == ("Dịch vụ tạm thời gián đoạn", "Service unavailable")


def test_public_page_answers_a_vietnamese_503_page_without_a_stack_trace(client, monkeypatch, settings):
    from tests.factories import NewsIndexPageFactory

    settings.DEBUG = False
    section = NewsIndexPageFactory()
    monkeypatch.setattr("site_pages.public.news.news_index_context", lost_connection)
    response = client.get(section.url)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert "Traceback" not in body and "OperationalError" not in body
    assert '<html lang="vi"' in body


def test_the_next_request_after_the_outage_is_served(client, monkeypatch):
    monkeypatch.setattr("cms.content_api.published_news", lost_connection)
    assert client.get("/api/v1/news").status_code == 503
    monkeypatch.undo()
    assert client.get("/api/v1/news").status_code == 200
