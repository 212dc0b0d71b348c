"""A feed reader knows an entry by its id: no new slug, section or host may change it, and a
tombstone's ref is the id the entry had."""

import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.environment import domain_name
from tests.cms.test_settings import run_with_settings
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db

FEEDS = ("/feeds/news.atom", "/feeds/news.rss", "/feeds/changes.atom")
NS = {"atom": "http://www.w3.org/2005/Atom", "at": "http://purl.org/atompub/tombstones/1.0"}


def read(client, path):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def ids_by_title(client):
    """Each feed's entry ids, by title, as a reader stores them."""
    return {path: {entry.title: entry.id for entry in read(client, path).entries} for path in FEEDS}


def tombstones(client):
    root = ET.fromstring(client.get("/feeds/changes.atom").content)  # noqa: S314 - our own output
    return [node.get("ref") for node in root.findall("at:deleted-entry", NS)]


@pytest.fixture
def article():
    return NewsArticlePageFactory(title="Hội nghị tổng kết")


def test_every_feed_gives_the_article_one_tag_uri_of_its_type_and_id(client, article):
    expected = f"tag:bandantoc.sonla.gov.vn,2025-01-01:news/{article.pk}"
    for path, ids in ids_by_title(client).items():
        assert ids == {"Hội nghị tổng kết": expected}, path
    assert read(client, "/feeds/news.atom").feed.id == "tag:bandantoc.sonla.gov.vn,2025-01-01:feed/news"
    assert read(client, "/feeds/changes.atom").feed.id == "tag:bandantoc.sonla.gov.vn,2025-01-01:feed/changes"


def test_rss_says_the_guid_is_no_address(client, article):
    guid = ET.fromstring(client.get("/feeds/news.rss").content).find("channel/item/guid")  # noqa: S314
    assert guid.get("isPermaLink") == "false"
    assert guid.text.startswith("tag:")
    assert read(client, "/feeds/news.rss").entries[0].link.endswith(f"/{article.slug}/")


def test_a_new_slug_keeps_the_id(client, article):
    before = ids_by_title(client)
    article.slug = "hoi-nghi-tong-ket-2025"
    article.save_revision().publish()

    assert ids_by_title(client) == before
    assert read(client, "/feeds/news.atom").entries[0].link.endswith("/hoi-nghi-tong-ket-2025/")


def test_a_move_to_another_section_keeps_the_id(client, article):
    before = ids_by_title(client)
    home = article.get_parent().get_parent()
    other = NewsIndexPageFactory(parent=home, slug="thong-bao", title="Thông báo")
    article.move(other, pos="last-child")

    assert ids_by_title(client) == before
    assert "/thong-bao/" in read(client, "/feeds/news.atom").entries[0].link


def test_a_new_public_base_url_keeps_the_id(client, settings, article):
    before = ids_by_title(client)
    settings.PUBLIC_BASE_URL = "https://cong-moi.sonla.gov.vn"

    assert ids_by_title(client) == before
    assert read(client, "/feeds/news.atom").entries[0].link.startswith("https://cong-moi.sonla.gov.vn/")


@pytest.mark.parametrize("withdraw", ["unpublish", "delete"])
def test_the_tombstone_names_the_id_the_entry_had(client, article, withdraw):
    (held,) = ids_by_title(client)["/feeds/changes.atom"].values()
    getattr(article, withdraw)()

    assert not read(client, "/feeds/changes.atom").entries
    assert tombstones(client) == [held]


def test_the_authority_comes_from_the_setting(client, settings, article):
    settings.FEED_TAG_AUTHORITY = "sdttg.sonla.gov.vn"
    (entry,) = read(client, "/feeds/news.atom").entries
    assert entry.id == f"tag:sdttg.sonla.gov.vn,2025-01-01:news/{article.pk}"


@pytest.mark.parametrize(
    "value",
    [
        "https://bandantoc.sonla.gov.vn",
        "bandantoc.sonla.gov.vn:443",
        "bandantoc.sonla.gov.vn/tin-tuc",
        "bandantoc",
        "-x.gov.vn",
        "a..vn",
        "a b.vn",
        "",
    ],
)
def test_an_authority_that_is_no_domain_name_is_refused(value):
    with pytest.raises(ImproperlyConfigured, match="FEED_TAG_AUTHORITY must be a domain name"):
        domain_name("FEED_TAG_AUTHORITY", value)


def test_the_authority_is_read_in_lower_case():
    assert domain_name("FEED_TAG_AUTHORITY", " BanDanToc.SonLa.gov.vn ") == "bandantoc.sonla.gov.vn"


def test_a_site_with_a_bad_authority_does_not_start():
    result = run_with_settings(
        "cms.settings.dev", ["manage.py", "check"], FEED_TAG_AUTHORITY="https://bandantoc.sonla.gov.vn/"
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: FEED_TAG_AUTHORITY must be a domain name" in result.stderr
