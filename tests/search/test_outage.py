"""An engine stopped while editors publish loses nothing: the backlog drains when it returns."""

import pytest

from search.client import local_node
from search.engine import artifacts
from search.engine.local_node import LocalNode
from search.index_admin import ensure_index
from search.query import SearchRequest, search
from search.sync import drain
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory
from tests.search.test_local_node import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def own_engine(tmp_path, settings, search_engine):
    lib = artifacts.resolve(local_node().lib_dir, progress=lambda message: None)
    node = LocalNode(tmp_path / "engine", port=free_port(), lib_dir=lib)
    node.start()
    settings.SEARCH_URL = node.url
    yield node
    node.stop()


def test_updates_made_while_the_engine_is_down_arrive_when_it_returns(own_engine):
    ensure_index()
    news = NewsIndexPageFactory()
    withdrawn = NewsArticlePageFactory(parent=news, title="Bài sẽ gỡ")
    drain(refresh=True)

    own_engine.stop()
    during = [
        NewsArticlePageFactory(parent=news, title=f"Bài đăng khi máy tìm kiếm tắt {n}") for n in range(3)
    ]
    withdrawn.unpublish()
    assert all(page.live for page in during), "editors notice nothing"
    outage = drain()
    assert outage.failed and outage.remaining == 4  # three published, one withdrawn
    assert search(SearchRequest(q="")).degraded

    own_engine.start()
    recovered = drain(refresh=True)

    assert not recovered.error and recovered.remaining == 0
    found = {hit["key"] for hit in search(SearchRequest(q="", size=50)).hits}
    assert found == {f"news:{page.pk}" for page in during}
