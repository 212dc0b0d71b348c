import pytest


@pytest.fixture
def search_log(db):
    """The process's search log, empty: counts other tests left waiting are not this test's."""
    from search.query_log import query_log

    query_log.discard()
    yield query_log
    query_log.discard()
