"""The portal mirrors content from /api/v1/changes without missing a withdrawal or seeing one twice."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from cms.publishing import log
from cms.publishing.models import Event
from site_pages.models import NewsArticlePage
from site_pages.taxonomy import NewsCategory
from tests.cms.changes_reader import read_all
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def test_publish_update_unpublish_and_delete_become_events(client):
    article = NewsArticlePageFactory()
    key = f"news:{article.pk}"
    article.title = "Tiêu đề đã sửa"
    article.save_revision().publish()
    article.unpublish()
    article.save_revision().publish()
    article.delete()

    events, _cursor = read_all(client)
    assert [(event["id"], event["action"], event["public"]) for event in events] == [
        (key, "created", True),
        (key, "changed", True),
        (key, "unpublished", False),
        (key, "published", True),
        (key, "deleted", False),
    ]
    assert [event["version"] for event in events] == [1, 2, 3, 4, 5]
    positions = [event["position"] for event in events]
    assert positions == list(range(positions[0], positions[0] + 5)), "gapless, in order"
    assert events[0]["at"].endswith("+07:00")
    assert events[0]["api_url"] == f"http://testserver/api/v1/news/{article.pk}"
    assert events[0]["object_id"] == article.pk


def test_a_change_is_in_the_feed_as_soon_as_it_is_committed(client):
    NewsArticlePageFactory()
    events, _cursor = read_all(client)
    assert [event["action"] for event in events] == ["created"]


def test_drafts_make_no_events(client):
    news = NewsIndexPageFactory()
    draft = NewsArticlePage(title="Bản nháp", slug="ban-nhap", summary="…", live=False)
    news.add_child(instance=draft)
    draft.save_revision()
    events, _cursor = read_all(client)
    assert f"news:{draft.pk}" not in {event["id"] for event in events}


def test_paging_while_content_changes_skips_and_repeats_nothing(client):
    news = NewsIndexPageFactory()
    first_batch = [NewsArticlePageFactory(parent=news) for _ in range(3)]
    seen, cursor = read_all(client, limit=2)
    during = [NewsArticlePageFactory(parent=news) for _ in range(3)]
    first_batch[0].unpublish()
    more, cursor = read_all(client, since=cursor, limit=2)
    seen += more

    ids = [(event["id"], event["action"]) for event in seen]
    assert len(ids) == len(set(ids)) == 3 + 3 + 1  # both batches and one tombstone
    assert (f"news:{first_batch[0].pk}", "unpublished") == ids[-1]
    assert {f"news:{page.pk}" for page in during} <= {event_id for event_id, _action in ids}
    again, _cursor = read_all(client, since=cursor)
    assert again == []


def test_renaming_a_category_changes_every_public_article_in_it(client):
    category = NewsCategory.objects.first()
    shown = NewsArticlePageFactory()
    shown.categories.set([category])
    shown.save_revision().publish()
    elsewhere = NewsArticlePageFactory()
    _events, cursor = read_all(client)

    category.name = "Chính sách dân tộc mới"
    category.save()

    events, _cursor = read_all(client, since=cursor)
    assert [(event["id"], event["action"]) for event in events] == [(f"news:{shown.pk}", "shared-changed")]
    assert f"news:{elsewhere.pk}" not in {event["id"] for event in events}


def problem(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"since": "not-a-cursor!"}, "cursor"),
        ({"limit": "1000"}, "limit must be at most 100"),
        ({"limit": "0"}, "limit must be 1 or more"),
        ({"page": "2"}, "unknown"),
    ],
)
def test_bad_requests_are_problems(client, params, detail):
    assert detail in problem(client.get("/api/v1/changes", params), 400)["detail"]


def test_a_cursor_from_the_future_is_refused_rather_than_waiting_forever(client):
    NewsArticlePageFactory()
    _events, cursor = read_all(client)
    ahead = log.encode_cursor(log.head() + 10)
    body = problem(client.get("/api/v1/changes", {"since": ahead}), 400)
    assert "ahead" in body["detail"]
    assert client.get("/api/v1/changes", {"since": cursor}).status_code == 200


def test_a_cursor_of_the_replaced_changes_feed_answers_gone_with_the_way_back(client):
    old_format = "YzEy"  # "c12": the row id cursors the feed served before the event log
    body = problem(client.get("/api/v1/changes", {"since": old_format}), 410)
    assert body["resync"] == "http://testserver/api/v1/changes/snapshot"
    assert body["title"] == "Con trỏ không còn hiệu lực"


def later(days):
    return time_machine.travel(timezone.now() + timedelta(days=days), tick=False)


def test_compaction_keeps_the_newest_event_of_every_object():
    kept = NewsArticlePageFactory()
    kept.save_revision().publish()
    withdrawn = NewsArticlePageFactory()
    withdrawn.unpublish()
    log.sequence()
    with later(log.RETENTION_DAYS - 1):
        assert log.compact() == 0
    with later(log.RETENTION_DAYS + 1):
        assert log.compact() == 2  # each article's first event; its newest stays
    remaining = {event.key: (event.action, event.public) for event in Event.objects.all()}
    assert remaining == {
        f"news:{kept.pk}": ("changed", True),
        f"news:{withdrawn.pk}": ("unpublished", False),
    }


def test_publish_compact_then_unpublish_reaches_a_mirror_that_starts_from_nothing(client):
    article = NewsArticlePageFactory()
    article.save_revision().publish()
    log.sequence()
    with later(log.RETENTION_DAYS + 1):
        call_command("compact_events")
        article.unpublish()
        events, _cursor = read_all(client)
    assert [(event["id"], event["action"], event["public"]) for event in events] == [
        (f"news:{article.pk}", "changed", True),
        (f"news:{article.pk}", "unpublished", False),
    ]


def test_a_cursor_behind_the_compaction_horizon_gets_410_and_the_snapshot_converges(client):
    news = NewsIndexPageFactory()
    first, second, third = (NewsArticlePageFactory(parent=news) for _ in range(3))
    _events, old_cursor = read_all(client, limit=1)
    first.save_revision().publish()
    second.unpublish()
    _events, stale = read_all(client)
    first.save_revision().publish()
    with later(log.RETENTION_DAYS + 1):
        log.compact()
    # The mirror saw everything up to `stale`: between it and the horizon, events have gone.
    body = problem(client.get("/api/v1/changes", {"since": log.encode_cursor(1)}), 410)
    snapshot = client.get(body["resync"]).json()
    assert not snapshot["more"]
    mirror = {item["id"]: item["version"] for item in snapshot["objects"]}
    third.unpublish()
    events, _cursor = read_all(client, since=snapshot["cursor"])
    for event in events:
        if event["public"]:
            mirror[event["id"]] = event["version"]
        else:
            mirror.pop(event["id"], None)
    assert mirror == log.public_versions() == {f"news:{first.pk}": 3}
    assert old_cursor and stale


def test_snapshot_pages_carry_one_cursor_and_lose_no_object_withdrawn_meanwhile(client, settings):
    from cms.publishing import log as publishing_log

    news = NewsIndexPageFactory()
    articles = [NewsArticlePageFactory(parent=news) for _ in range(5)]
    original = publishing_log.SNAPSHOT_PAGE_SIZE
    publishing_log.SNAPSHOT_PAGE_SIZE = 2
    try:
        first = client.get("/api/v1/changes/snapshot").json()
        articles[0].unpublish()  # on the page already read: the others must not slide up past page 2
        second = client.get("/api/v1/changes/snapshot", {"page": 2, "cursor": first["cursor"]}).json()
        third = client.get("/api/v1/changes/snapshot", {"page": 3, "cursor": first["cursor"]}).json()
    finally:
        publishing_log.SNAPSHOT_PAGE_SIZE = original
    listed = [item["id"] for page in (first, second, third) for item in page["objects"]]
    assert {f"news:{article.pk}" for article in articles[1:]} <= set(listed)
    assert first["cursor"] == second["cursor"] == third["cursor"]
    assert (first["more"], second["more"], third["more"]) == (True, True, False)


def test_atom_variant_marks_withdrawals_as_rfc6721_tombstones(client):
    import xml.etree.ElementTree as ET

    import feedparser

    kept = NewsArticlePageFactory(title="Tin vẫn đăng")
    withdrawn = NewsArticlePageFactory(title="Tin đã gỡ")
    withdrawn.unpublish()
    deleted = NewsArticlePageFactory(title="Tin đã xoá")
    deleted.delete()
    response = client.get("/feeds/changes.atom")
    assert response["Content-Type"].startswith("application/atom+xml")

    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Tin vẫn đăng"]
    assert feed.entries[0].id == f"tag:bandantoc.sonla.gov.vn,2025-01-01:news/{kept.pk}"

    ns = {"atom": "http://www.w3.org/2005/Atom", "at": "http://purl.org/atompub/tombstones/1.0"}
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    tombstones = {node.get("ref"): node.get("when") for node in root.findall("at:deleted-entry", ns)}
    assert set(tombstones) == {
        f"tag:bandantoc.sonla.gov.vn,2025-01-01:news/{withdrawn.pk}",
        f"tag:bandantoc.sonla.gov.vn,2025-01-01:news/{deleted.pk}",
    }
    assert all(when.endswith("+07:00") for when in tombstones.values())
    assert "Tin đã gỡ" not in response.content.decode(), "a tombstone must not repeat what was withdrawn"
