"""A mirror that follows only what we publish ends up holding exactly what we publish.

The provincial portal mirrors us from the changes feed or the webhooks, and the API. After a long,
random editorial life (drafts, publishing, schedules, expiry, moves, renamed categories, replaced
images, withdrawals, deletions, procedure status changes, a compaction midway), each reference mirror
must hold the public set the database holds: same items, same versions, the same API details.
"""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from cms.publishing import log, registry
from site_pages.models import NewsArticlePage, RelatedArticle
from tests.cms.webhook_rounds import Receiver, deliver_due
from tests.factories import NewsArticlePageFactory, WebhookSubscriberFactory

from .client import FeedMirror, WebhookMirror, local
from .operations import EditorialLife

pytestmark = pytest.mark.django_db
OPERATIONS = 500
STARTED = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def receiver(settings):
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["127.0.0.1"]
    running = Receiver()
    yield running
    running.stop()


def published_set(client):
    """What the site publishes now: each public item's newest version and its API detail."""
    versions = log.public_versions()
    details = {}
    for key in versions:
        kind, pk = registry.parse_key(key)
        content_type = registry.get(kind)
        api_path = content_type.api_path(content_type.model.objects.get(pk=pk))
        details[key] = client.get(local(api_path)).json() if api_path else None
    return versions, details


def send_everything():
    while True:
        report = deliver_due()
        if report.delivered + report.retrying + report.failed == 0:
            return
        assert report.delivered, report


def assert_mirrors(mirror, client):
    versions, details = published_set(client)
    held = mirror.versions()
    assert sorted(set(held) - set(versions)) == [], "the mirror shows what the site no longer does"
    assert sorted(set(versions) - set(held)) == [], "the mirror misses what the site shows"
    assert {key: v for key, v in held.items() if versions[key] != v} == {}, "versions differ"
    stale = [key for key, detail in mirror.details().items() if detail != details[key]]
    assert stale == [], f"the mirror holds old copies of {stale}"


def test_a_mirror_reproduces_the_public_set_after_500_random_operations(receiver):
    WebhookSubscriberFactory(url=receiver.url)
    client = Client()
    feed_mirror, webhook_mirror = FeedMirror(client), WebhookMirror(client, receiver)
    with time_machine.travel(STARTED, tick=False) as clock:
        life = EditorialLife(seed=20260302, clock=clock)
        for number in range(OPERATIONS):
            life.step()
            if number == OPERATIONS // 2:
                assert life.compact() > 0, "the compaction midway removed superseded events"
            if life.rng.random() < 0.1:
                feed_mirror.follow()
            if life.rng.random() < 0.1:
                send_everything()
                webhook_mirror.catch_up()
        # The worker's next round, which publishes and expires what has come due.
        life.scheduler_round()
        feed_mirror.follow()
        send_everything()
        webhook_mirror.catch_up()

        versions, _details = published_set(client)
        assert len(versions) >= 20, f"the life left too little public to compare: {life.done}"
        assert_mirrors(feed_mirror, client)
        assert_mirrors(webhook_mirror, client)
    assert webhook_mirror.read > 0
    wanted = ("schedule", "expire_later", "move", "rename_category", "replace_image", "unpublish", "delete")
    for kind in (
        *wanted,
        "restrict",
        "rename_field",
        "announce_status_change",
        "change_agency_contacts",
        "compact",
    ):
        assert life.done[kind] > 0, f"the life never did {kind}: {life.done}"


def test_a_withdrawal_after_compaction_reaches_the_mirror():
    client = Client()
    mirror = FeedMirror(client)
    with time_machine.travel(STARTED, tick=False) as clock:
        article = NewsArticlePageFactory()
        article.title = "Bản sửa"
        article.save_revision().publish()
        clock.shift(datetime.timedelta(minutes=5))
        mirror.follow()
        assert article_key(article) in mirror.items
        log.compact(cutoff=timezone.now() + datetime.timedelta(seconds=1))
        article.unpublish()
        mirror.follow()
    assert mirror.items == {} and mirror.resyncs == 0


def test_a_cursor_from_before_compaction_resyncs_from_the_snapshot():
    client = Client()
    mirror = FeedMirror(client)
    with time_machine.travel(STARTED, tick=False) as clock:
        first = NewsArticlePageFactory()
        mirror.follow()
        second = NewsArticlePageFactory(parent=first.get_parent())
        for page in (first, second):
            page.title = f"{page.title} (sửa)"
            page.save_revision().publish()
        clock.shift(datetime.timedelta(minutes=5))
        log.compact(cutoff=timezone.now() + datetime.timedelta(seconds=1))
        assert client.get("/api/v1/changes", {"since": mirror.cursor}).status_code == 410
        second.unpublish()
        mirror.follow()
    assert mirror.resyncs == 1
    assert mirror.versions() == log.public_versions() == {article_key(first): 2}


def article_key(page):
    return registry.type_of(page).key(page.pk)


def test_renaming_withdrawing_or_deleting_an_article_reaches_the_articles_that_list_it():
    client = Client()
    mirror = FeedMirror(client)
    listed = NewsArticlePageFactory()
    listing = NewsArticlePageFactory(parent=listed.get_parent())
    listing.related_links = [RelatedArticle(article=listed)]
    listing.save_revision().publish()
    mirror.follow()
    assert [item["title"] for item in mirror.items[article_key(listing)]["detail"]["related"]] == [
        listed.title
    ]

    listed = NewsArticlePage.objects.get(pk=listed.pk)
    listed.title = "Tên mới của bài được nhắc"
    listed.save_revision().publish()
    mirror.follow()
    assert mirror.items[article_key(listing)]["detail"]["related"][0]["title"] == "Tên mới của bài được nhắc"

    listed.unpublish()
    mirror.follow()
    assert mirror.items[article_key(listing)]["detail"]["related"] == []

    listed.get_latest_revision().publish()
    mirror.follow()
    NewsArticlePage.objects.get(pk=listed.pk).delete()
    mirror.follow()
    assert list(mirror.items) == [article_key(listing)]
    assert mirror.items[article_key(listing)]["detail"]["related"] == []
    assert_mirrors(mirror, client)


def test_two_articles_that_list_each_other_hear_of_a_change_once():
    first = NewsArticlePageFactory()
    second = NewsArticlePageFactory(parent=first.get_parent())
    for page, other in ((first, second), (second, first)):
        page = NewsArticlePage.objects.get(pk=page.pk)
        page.related_links = [RelatedArticle(article=other)]
        page.save_revision().publish()
    log.sequence()
    before = log.head()
    first = NewsArticlePage.objects.get(pk=first.pk)
    first.title = "Tên mới"
    first.save_revision().publish()
    log.sequence()
    told = list(log.numbered().filter(position__gt=before).values_list("key", flat=True))
    assert sorted(told) == sorted([article_key(first), article_key(second)])


def test_a_change_to_the_agency_contacts_reaches_the_mirror():
    from wagtail.models import Site

    from site_pages.agency import AgencyIdentity

    client = Client()
    mirror = FeedMirror(client)
    NewsArticlePageFactory()
    identity = AgencyIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.save()
    mirror.follow()
    assert mirror.items.keys() == {article_key(NewsArticlePage.objects.get())}, "a blank identity is not news"
    identity.name = "Sở Dân tộc và Tôn giáo tỉnh Sơn La"
    identity.phone = "0212 3852 123"
    identity.save()
    mirror.follow()
    site_key = registry.get("site").key(identity.pk)
    assert mirror.items[site_key]["detail"]["phone"] == "0212 3852 123"
    identity.phone = "0212 3852 456"
    identity.save()
    mirror.follow()
    assert mirror.items[site_key]["detail"]["phone"] == "0212 3852 456"
    assert_mirrors(mirror, client)
