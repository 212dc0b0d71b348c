"""The portal mirrors content from /api/v1/changes without missing a deletion or seeing one twice."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from cms.changes import RETENTION_DAYS, ContentChange, forget_old_changes
from site_pages.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def read_all(client, since=None, limit=2):
    """Page through the feed as the portal would, a few seconds after the writes settled."""
    events = []
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        while True:
            params = {"limit": limit, **({"since": since} if since else {})}
            body = client.get("/api/v1/changes", params).json()
            events += body["events"]
            since = body["next"]
            if not body["more"]:
                return events, since


def test_publish_update_unpublish_and_delete_become_events(client):
    article = NewsArticlePageFactory()
    key = f"news:{article.pk}"
    article.title = "Tiêu đề đã sửa"
    article.save_revision().publish()
    article.unpublish()
    article.save_revision().publish()
    article.delete()

    events, _cursor = read_all(client)
    assert [(event["id"], event["action"]) for event in events] == [
        (key, "created"),
        (key, "updated"),
        (key, "deleted"),
        (key, "updated"),
        (key, "deleted"),
    ]
    assert events[0]["at"].endswith("+07:00")


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
    assert (f"news:{first_batch[0].pk}", "deleted") == ids[-1]
    assert {f"news:{page.pk}" for page in during} <= {event_id for event_id, _action in ids}
    again, _cursor = read_all(client, since=cursor)
    assert again == []


def test_events_younger_than_the_settle_time_wait(client):
    NewsArticlePageFactory()
    body = client.get("/api/v1/changes").json()
    assert body["events"] == []
    assert body["next"]


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"since": "not-a-cursor!"}, "cursor"),
        ({"limit": "1000"}, "limit must be at most 100"),
        ({"page": "2"}, "unknown"),
    ],
)
def test_bad_requests_are_problems(client, params, detail):
    response = client.get("/api/v1/changes", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert detail in response.json()["detail"]


def test_tombstones_are_kept_for_the_retention_period():
    article = NewsArticlePageFactory()
    article.unpublish()
    assert forget_old_changes() == 0
    with time_machine.travel(timezone.now() + timedelta(days=RETENTION_DAYS - 1), tick=False):
        assert forget_old_changes() == 0
    with time_machine.travel(timezone.now() + timedelta(days=RETENTION_DAYS + 1), tick=False):
        assert forget_old_changes() == 2  # created and the tombstone
    assert not ContentChange.objects.exists()


def test_atom_variant_marks_withdrawals_as_rfc6721_tombstones(client):
    import xml.etree.ElementTree as ET

    import feedparser

    kept = NewsArticlePageFactory(title="Tin vẫn đăng")
    withdrawn = NewsArticlePageFactory(title="Tin đã gỡ")
    withdrawn.unpublish()
    deleted = NewsArticlePageFactory(title="Tin đã xoá")
    deleted.delete()
    with time_machine.travel(timezone.now() + timedelta(seconds=5), tick=False):
        response = client.get("/feeds/changes.atom")
    assert response["Content-Type"].startswith("application/atom+xml")

    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Tin vẫn đăng"]
    assert feed.entries[0].id == f"tag:testserver,2025:news:{kept.pk}"

    ns = {"atom": "http://www.w3.org/2005/Atom", "at": "http://purl.org/atompub/tombstones/1.0"}
    root = ET.fromstring(response.content)  # noqa: S314 - our own output
    tombstones = {node.get("ref"): node.get("when") for node in root.findall("at:deleted-entry", ns)}
    assert set(tombstones) == {
        f"tag:testserver,2025:news:{withdrawn.pk}",
        f"tag:testserver,2025:news:{deleted.pk}",
    }
    assert all(when.endswith("+07:00") for when in tombstones.values())
    assert "Tin đã gỡ" not in response.content.decode(), "a tombstone must not repeat what was withdrawn"
