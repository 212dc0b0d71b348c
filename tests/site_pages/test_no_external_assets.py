"""Public pages fetch nothing from other hosts: no web fonts, scripts or styles from a CDN.

A citizen's phone on a slow mountain network should make one connection, to us, and no third party
should learn who reads which page. Links (<a>) to other sites are fine; things the browser fetches by
itself are not.
"""

import re
from html.parser import HTMLParser
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from procedure_catalog.models import ProcedureNoticePage, ProcedurePage
from site_pages.models import published_news

pytestmark = pytest.mark.django_db

# <link rel=…> values a browser downloads on its own; alternate, canonical and the like are only named.
FETCHED_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
}
FETCHED_ATTRIBUTES = {
    "script": ["src"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "embed": ["src"],
    "object": ["data"],
}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class FetchedURLs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.stylesheets = [], []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and FETCHED_RELS & set((attributes.get("rel") or "").lower().split()):
            self.urls.append(attributes.get("href") or "")
            if "stylesheet" in attributes["rel"].lower():
                self.stylesheets.append(attributes.get("href") or "")
        for name in FETCHED_ATTRIBUTES.get(tag, []):
            value = attributes.get(name)
            if value and name.endswith("srcset"):
                self.urls += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
            elif value:
                self.urls.append(value)


def is_outside(url):
    parts = urlsplit(url.strip())
    if parts.scheme not in ("", "http", "https", "data"):
        return True  # nothing we serve
    return bool(parts.netloc) and parts.hostname != "testserver"  # the test client's host is ours


def public_addresses():
    article = published_news().order_by("-display_date").first()
    return [
        "/",
        "/tin-tuc/",
        article.url,
        f"{article.url}in/",
        "/thu-tuc-hanh-chinh/",
        ProcedurePage.objects.get(code="1.900101").url,
        "/thong-bao/",
        ProcedureNoticePage.objects.live().first().url,
        "/thong-ke/",
        "/lien-he/",
        "/en/contact/",
        "/tim-kiem/?q=nguoi+co+uy+tin",
        "/trang-khong-ton-tai/",
    ]


def static_file_text(url):
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"stylesheet {url} is not one of our static files"
    found = finders.find(path[len(settings.STATIC_URL) :])
    assert found, f"{url} is linked but no app ships it"
    with open(found, encoding="utf-8") as handle:
        return handle.read()


def test_pages_fetch_fonts_scripts_and_styles_only_from_this_site(client):
    call_command("load_demo", stdout=StringIO())
    outside, stylesheets = [], set()
    for address in public_addresses():
        response = client.get(address)
        assert response.status_code in (200, 404), f"{address}: HTTP {response.status_code}"
        parser = FetchedURLs()
        parser.feed(response.content.decode())
        outside += [f"{address}: {url}" for url in parser.urls if is_outside(url)]
        stylesheets.update(parser.stylesheets)
    for stylesheet in sorted(stylesheets):
        for match in CSS_URL.finditer(static_file_text(stylesheet)):
            url = match.group(1) or match.group(2)
            if is_outside(url):
                outside.append(f"{stylesheet}: {url}")
    assert stylesheets, "the pages link their stylesheets, so the check read them"
    assert not outside, "fetched from another host:\n" + "\n".join(outside)


@pytest.mark.parametrize(
    ("url", "outside"),
    [
        ("/static/site_pages/css/site.css", False),
        ("https://testserver/media/a.webp", False),
        ("data:image/svg+xml,%3Csvg%3E", False),
        ("https://fonts.googleapis.com/css2?family=Roboto", True),
        ("//cdn.jsdelivr.net/npm/chart.js", True),
    ],
)
def test_outside_means_another_host(url, outside):
    assert is_outside(url) is outside
