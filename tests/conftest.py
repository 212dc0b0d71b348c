"""One real engine for the whole run, with indices under a prefix of this run's own."""

import uuid
from dataclasses import dataclass

import pytest
from django.conf import settings
from opensearchpy import OpenSearch

from search.client import get_client, local_node
from search.engine.status import read_status
from search.indices import delete_indices_with_prefix


@dataclass(frozen=True)
class EngineUnderTest:
    url: str
    client: OpenSearch
    prefix: str


@pytest.fixture(scope="session", autouse=True)
def search_engine():
    """A real OpenSearch: SEARCH_URL if set, else the local node (started here if needed)."""
    node = local_node()
    started_here = False
    client = get_client()
    # An engine already answering (another checkout's `make run`, say) is shared safely: this run
    # only touches indices under its own prefix.
    already_up = read_status(client, settings.SEARCH_URL).reachable
    if settings.SEARCH_URL_IS_LOCAL_ENGINE and not already_up:
        started_here = not node.start(progress=lambda message: None).already_running
    client.cluster.health(wait_for_status="yellow")
    installation_prefix = settings.SEARCH_INDEX_PREFIX
    run_prefix = f"{installation_prefix}test-{uuid.uuid4().hex[:8]}-"
    settings.SEARCH_INDEX_PREFIX = run_prefix
    try:
        yield EngineUnderTest(settings.SEARCH_URL, client, run_prefix)
    finally:
        delete_indices_with_prefix(client, run_prefix)
        settings.SEARCH_INDEX_PREFIX = installation_prefix
        if started_here:
            node.stop()


@pytest.fixture(autouse=True)
def uploads_in_tmp(settings, tmp_path):
    from django.core.cache import caches

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    # Wagtail caches renditions; a cached one from an earlier test points at that test's files.
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def search_index(search_engine, db):
    """An empty content index for this test; `search_index.sync()` applies queued updates."""
    from search.index_admin import concrete_indices, ensure_index
    from search.sync import drain

    for name in concrete_indices():
        search_engine.client.indices.delete(index=name)
    ensure_index()

    class Handle:
        client = search_engine.client

        @staticmethod
        def sync():
            report = drain(refresh=True)
            assert not report.error, report.error
            return report

    return Handle()
