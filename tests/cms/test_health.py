"""GET /api/v1/health tells an operator (or a load balancer) whether the site can serve."""

import pytest
from django.db import OperationalError

from search.engine.local_node import port_is_open


@pytest.fixture
def closed_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert not port_is_open(port)
    return port


@pytest.mark.django_db
def test_health_reports_database_and_real_engine_up(admin_client, search_engine):
    client = admin_client
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "up"
    assert body["search"]["status"] == "up"
    assert body["search"]["version"].split(".")[0] in {"2", "3"}
    assert body["search"]["backlog"] == {"waiting": 0, "oldest_seconds": 0}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_health_is_503_when_the_engine_is_unreachable(client, settings, closed_port):
    settings.SEARCH_URL = f"http://127.0.0.1:{closed_port}"
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    body = response.json()
    assert body == {"status": "unavailable", "database": {"status": "up"}, "search": {"status": "down"}}, (
        "an anonymous caller learns no error name"
    )


@pytest.mark.django_db
def test_health_is_503_when_the_database_fails(admin_client, monkeypatch):
    from cms import health

    client = admin_client

    class BrokenConnection:
        vendor = "postgresql"

        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", BrokenConnection())
    response = client.get("/api/v1/health")
    assert response.status_code == 503
    body = response.json()
    assert body["database"] == {"status": "down", "vendor": "postgresql", "error": "OperationalError"}
    assert body["search"]["status"] == "up"


@pytest.mark.django_db
def test_anonymous_callers_learn_only_whether_each_part_is_up(client, search_engine):
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": {"status": "up"}, "search": {"status": "up"}}


@pytest.mark.django_db
def test_a_signed_in_editor_who_is_not_staff_gets_the_short_answer(client, search_engine):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_staff=False))
    assert "vendor" not in client.get("/api/v1/health").json()["database"]
