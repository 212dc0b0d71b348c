"""The one way the project talks to OpenSearch: SEARCH_URL, with bounded time-outs."""

from functools import lru_cache

from django.conf import settings
from opensearchpy import OpenSearch


@lru_cache(maxsize=4)
def _client_for(url, timeout):
    return OpenSearch(hosts=[url], timeout=timeout, max_retries=1, retry_on_timeout=False)


def get_client():
    return _client_for(settings.SEARCH_URL, settings.SEARCH_TIMEOUT_SECONDS)


def index_name(base_name):
    """The full index name for a logical index, under this installation's prefix."""
    return f"{settings.SEARCH_INDEX_PREFIX}{base_name}"


def local_node():
    """The launcher for the node under var/, whichever SEARCH_URL the site uses."""
    from search.engine.local_node import LocalNode

    return LocalNode(settings.SEARCH_ENGINE_DIR, port=settings.SEARCH_ENGINE_PORT)
