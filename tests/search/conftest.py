import pytest


@pytest.fixture(autouse=True)
def fresh_search_records():
    """Each test reads the abbreviations, thesaurus and promotions its own database holds."""
    from search.record_cache import RecordCache

    RecordCache.forget_all()
    yield
    RecordCache.forget_all()
