import pytest


@pytest.fixture
def search_log(db):
    """The process's search log, empty: counts other tests left waiting are not this test's."""
    from search.query_log import query_log

    query_log.discard()
    yield query_log
    query_log.discard()


@pytest.fixture(autouse=True)
def fresh_search_records():
    """Each test reads the abbreviations, thesaurus and promotions its own database holds."""
    from search.record_cache import RecordCache

    RecordCache.forget_all()
    yield
    RecordCache.forget_all()
