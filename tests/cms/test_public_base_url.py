"""PUBLIC_BASE_URL is the only origin any absolute URL is built on.

The Wagtail Site record says `localhost`, port 80, and the request comes in as `testserver`: neither
may show in what the public, the portal or a mailbox receives.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from cms.publishing import consumers
from cms.webhooks.models import WebhookDelivery
from tests.cms import api_content
from tests.factories import NewsArticlePageFactory, UserFactory, WebhookSubscriberFactory

pytestmark = pytest.mark.django_db

BASE = "https://sdttg.sonla.example.vn"
URL = re.compile(r"""https?://[^\s"'<>)]+""")
# Names of formats, not addresses of this site.
NAMESPACES = ("http://www.w3.org/", "http://www.sitemaps.org/", "http://purl.org/", "https://ogp.me/")


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.PUBLIC_BASE_URL = BASE
    settings.WAGTAILADMIN_BASE_URL = BASE
    settings.ALLOWED_HOSTS = ["testserver"]


@pytest.fixture
def content(tmp_path, search_index):
    built = api_content.build(tmp_path)
    search_index.sync()
    return built


def absolute_urls(text):
    found = [url for url in URL.findall(text) if not url.startswith(NAMESPACES)]
    assert found, "the answer holds absolute URLs to check"
    return found


def assert_all_public(text):
    strays = [url for url in absolute_urls(text) if not url.startswith(BASE + "/")]
    assert not strays, strays


@pytest.mark.parametrize(
    "path",
    [
        "/sitemap.xml",
        "/feeds/news.atom",
        "/feeds/news.rss",
        "/feeds/procedures.atom",
        "/feeds/changes.atom",
        "/api/v1/news?page_size=1",
        "/api/v1/news/{article}",
        "/api/v1/procedures",
        "/api/v1/procedures/{code}",
        "/api/v1/site",
        "/api/v1/search?q=uy+t%C3%ADn",
    ],
)
def test_every_absolute_url_served_starts_with_the_public_base_url(client, content, path):
    response = client.get(path.format(article=content["article"].pk, code=content["procedure"].code))
    assert response.status_code == 200, response.content[:300]
    assert_all_public(response.content.decode())


def test_og_url_of_an_article_is_its_public_address(client, content):
    article = NewsArticlePageFactory(
        parent=content["article"].get_parent(), featured_image=content["article"].featured_image
    )
    page = client.get(article.url).content.decode()
    og_url = re.search(r'<meta property="og:url" content="([^"]+)"', page).group(1)
    assert og_url == f"{BASE}{article.url}"
    assert_all_public("\n".join(re.findall(r'<meta property="og:[a-z]+" content="([^"]+)"', page)))


def test_a_webhook_payload_points_at_the_public_site(content):
    WebhookSubscriberFactory(url="https://portal.example.vn/hook")
    content["article"].save_revision().publish()
    consumers.drain("webhooks")
    payload = WebhookDelivery.objects.get().payload
    assert payload["url"] == f"{BASE}{content['article'].url}"
    assert payload["api_url"] == f"{BASE}/api/v1/news/{content['article'].pk}"


def test_a_password_reset_email_links_to_the_public_site(client):
    UserFactory(email="bientap@sdttg.sonla.gov.vn", is_staff=True)
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": "bientap@sdttg.sonla.gov.vn"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert_all_public(mail.outbox[0].body)
