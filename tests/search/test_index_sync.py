"""The index follows what is published, through every route, and never sees drafts or private pages."""

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from search.documents import alias_name
from search.query import SearchRequest, search
from site_pages.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def keys(q=""):
    return {hit["key"] for hit in search(SearchRequest(q=q, size=50)).hits}


def key(page):
    return f"news:{page.pk}"


def test_publish_unpublish_and_delete_are_followed(search_index):
    article = NewsArticlePageFactory(title="Hội nghị biểu dương người có uy tín")
    search_index.sync()
    assert key(article) in keys("bieu duong")

    article.unpublish()
    search_index.sync()
    assert key(article) not in keys()

    article.save_revision().publish()
    search_index.sync()
    assert key(article) in keys()
    page_key = key(article)
    article.delete()
    search_index.sync()
    assert page_key not in keys()


def test_move_updates_the_url(search_index):
    article = NewsArticlePageFactory()
    other_section = NewsIndexPageFactory(
        parent=article.get_parent().get_parent().specific, title="Thông báo", slug="thong-bao"
    )
    search_index.sync()
    article.move(other_section, pos="last-child")
    search_index.sync()
    (hit,) = [hit for hit in search(SearchRequest(q="")).hits if hit["key"] == key(article)]
    assert hit["url"].startswith("/thong-bao/")


def test_expiry_removes_the_article(search_index):
    article = NewsArticlePageFactory()
    article.expire_at = timezone.now() + timedelta(days=1)
    article.save_revision().publish()
    search_index.sync()
    assert key(article) in keys()

    with time_machine.travel(timezone.now() + timedelta(days=2), tick=False):
        call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    search_index.sync()
    assert key(article) not in keys()


def test_drafts_scheduled_and_private_pages_never_reach_the_index(search_index):
    news = NewsIndexPageFactory()
    draft = NewsArticlePage(title="Bản nháp chưa duyệt", slug="ban-nhap", summary="Nháp", live=False)
    news.add_child(instance=draft)
    draft.save_revision()  # saved, submitted perhaps, never published
    scheduled = NewsArticlePageFactory(parent=news, title="Bài hẹn giờ")
    scheduled.go_live_at = timezone.now() + timedelta(days=3)
    scheduled.unpublish()
    scheduled.save_revision().publish()  # with a future go-live this only schedules
    private = NewsArticlePageFactory(parent=news, title="Bài nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    public = NewsArticlePageFactory(parent=news, title="Bài công khai")
    search_index.sync()

    indexed = keys()
    assert key(public) in indexed
    assert not {key(draft), key(scheduled), key(private)} & indexed
    # Nothing about them in the index at all, not only hidden from results.
    ids = {
        hit["_id"]
        for hit in search_index.client.search(index=alias_name(), body={"size": 100})["hits"]["hits"]
    }
    assert not {key(draft), key(scheduled), key(private)} & ids


def test_procedure_status_change_by_notice_reaches_the_index(search_index):
    from tests.factories import ProcedureIndexPageFactory
    from tests.procedure_catalog.test_notices import procedure, publish_notice

    section = ProcedureIndexPageFactory()
    page = procedure(section, "1.012228", "Thủ tục bị bãi bỏ")
    today = timezone.localdate()
    publish_notice(section, [(page, "abolished", today)], today)
    search_index.sync()
    (hit,) = [hit for hit in search(SearchRequest(q="")).hits if hit["key"] == f"procedure:{page.pk}"]
    assert hit["status"] == "abolished"


def test_editor_never_waits_for_the_engine(search_index, settings):
    settings.SEARCH_URL = "http://127.0.0.1:9"  # nothing listens there
    article = NewsArticlePageFactory()
    assert article.live
    from search.sync import drain

    report = drain()
    assert report.failed and report.remaining == 1, "the event waits for the engine"
    assert drain().remaining == 1, "and is still there on the next try"


def test_searches_keep_answering_during_reindex(search_index):
    news = NewsIndexPageFactory()
    for number in range(60):
        NewsArticlePageFactory(parent=news, title=f"Thủ tục số {number}")
    search_index.sync()
    client, alias = search_index.client, alias_name()
    failures, answers, stop = [], [], threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                total = client.search(index=alias, body={"query": {"match": {"title.folded": "thu tuc"}}})[
                    "hits"
                ]["total"]["value"]
                answers.append(total)
                if total == 0:
                    failures.append("empty")
            except Exception as error:  # noqa: BLE001 - any failure is what this test looks for
                failures.append(repr(error))

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        from search.reindex import reindex

        before = search_index.client.indices.get_alias(name=alias)
        name, count = reindex(chunk=7)
    finally:
        stop.set()
        searcher.join()

    assert count == 60
    assert failures == []
    assert len(answers) > 5
    assert list(search_index.client.indices.get_alias(name=alias)) == [name]
    assert name not in before


def test_reconcile_fixes_drift_both_ways(search_index):
    from search.reindex import reconcile

    kept = NewsArticlePageFactory(title="Bài còn hiệu lực")
    search_index.sync()
    client = search_index.client
    client.delete(index=alias_name(), id=key(kept), refresh=True)
    client.index(
        index=alias_name(),
        id="news:999999",
        body={"key": "news:999999", "type": "news", "title": "Bài ma"},
        refresh=True,
    )

    drift = reconcile()
    client.indices.refresh(index=alias_name())

    assert (drift.missing, drift.extra) == (1, 1)
    assert keys() == {key(kept)}


def test_degraded_answers_from_the_database(search_index, settings):
    article = NewsArticlePageFactory(title="Đồng bào dân tộc thiểu số đón Tết")
    settings.SEARCH_URL = "http://127.0.0.1:9"
    result = search(SearchRequest(q="dong bao"))
    assert result.degraded
    assert [hit["key"] for hit in result.hits] == [key(article)]


def test_reindex_catches_up_with_a_page_unpublished_after_its_chunk_was_read(search_index):
    from search.index_admin import aliased_indices
    from search.reindex import catch_up

    article = NewsArticlePageFactory()
    search_index.sync()
    started = timezone.now()
    (index,) = aliased_indices()
    article.unpublish()  # the worker has not run: the index still holds the stale document

    catch_up(index, started)
    search_index.client.indices.refresh(index=index)

    assert key(article) not in keys()


def test_reconcile_finds_nothing_to_fix_after_a_normal_sync(search_index):
    """Pages indexed one by one and pages built in chunks must fingerprint alike."""
    from search.reindex import reconcile
    from site_pages.taxonomy import NewsCategory

    article = NewsArticlePageFactory(title="Hội nghị tổng kết")
    article.categories.set(NewsCategory.objects.order_by("-name")[:3])
    article.tags.add("xóa đói giảm nghèo", "an sinh", "người có uy tín")
    article.save_revision().publish()
    search_index.sync()
    drift = reconcile()
    assert (drift.missing, drift.stale, drift.extra) == (0, 0, 0)
