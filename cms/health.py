"""Is the system able to serve? Each dependency answers within a short, bounded time."""

from django.db import DatabaseError, connection
from opensearchpy.exceptions import OpenSearchException
from urllib3.exceptions import HTTPError

from search.client import get_client

SEARCH_PROBE_SECONDS = 2


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"status": "down", "vendor": connection.vendor, "error": type(error).__name__}
    return {"status": "up", "vendor": connection.vendor}


def search_status():
    client = get_client()
    try:
        info = client.info(request_timeout=SEARCH_PROBE_SECONDS)
        health = client.cluster.health(request_timeout=SEARCH_PROBE_SECONDS)
    except (OpenSearchException, HTTPError, OSError) as error:
        return {"status": "down", "error": type(error).__name__}
    cluster_status = health.get("status")
    return {
        # A red cluster has unassigned primary shards: some searches would fail.
        "status": "down" if cluster_status == "red" else "up",
        "version": info.get("version", {}).get("number"),
        "cluster_status": cluster_status,
    }


def index_backlog():
    """Index updates waiting for the engine: a growing number means the worker is stuck or down."""
    from django.utils import timezone

    from search.sync import CONSUMER

    from .publishing.consumers import backlog

    try:
        waiting, oldest = backlog(CONSUMER)
        return {
            "waiting": waiting,
            "oldest_seconds": int((timezone.now() - oldest).total_seconds()) if oldest else 0,
        }
    except DatabaseError:
        return None


def system_health(detailed=False):
    """Vendor, versions and error names help an operator and an attacker alike: only staff get them."""
    checks = {"database": database_status(), "search": search_status()}
    if checks["database"]["status"] == "up":
        checks["search"]["backlog"] = index_backlog()
    healthy = all(check["status"] == "up" for check in checks.values())
    if not detailed:
        checks = {name: {"status": check["status"]} for name, check in checks.items()}
    return healthy, {"status": "ok" if healthy else "unavailable", **checks}
