"""The one way the project talks to OpenSearch: SEARCH_URL, with bounded time-outs."""

from functools import lru_cache

from django.conf import settings
from opensearchpy import OpenSearch

# Connections kept open to the engine per process. Threaded workers (gunicorn --threads) share one
# client; urllib3's default pool of one made every concurrent search open a connection, then close
# it with a "Connection pool is full" warning (bench/load/).
POOL_SIZE = 16


@lru_cache(maxsize=4)
def _client_for(url, timeout):
    return OpenSearch(
        hosts=[url], timeout=timeout, max_retries=1, retry_on_timeout=False, pool_maxsize=POOL_SIZE
    )


def get_client():
    return _client_for(settings.SEARCH_URL, settings.SEARCH_TIMEOUT_SECONDS)


# Asked with ignore=NOT_FOUND, a missing index, alias or document answers the engine's error body
# instead of raising, and opensearch-py does not log that expected 404 as a failed request: a
# fresh installation starts without warnings.
NOT_FOUND = 404


def found(answer):
    """False when a request asked with ignore=NOT_FOUND found no index or alias."""
    return not (isinstance(answer, dict) and answer.get("status") == NOT_FOUND)


def index_name(base_name):
    """The full index name for a logical index, under this installation's prefix."""
    return f"{settings.SEARCH_INDEX_PREFIX}{base_name}"


def local_node():
    """The launcher for the node under var/, whichever SEARCH_URL the site uses."""
    from search.engine.local_node import LocalNode

    return LocalNode(settings.SEARCH_ENGINE_DIR, port=settings.SEARCH_ENGINE_PORT)
