#!/usr/bin/env python
"""Bytes a citizen's browser downloads for a procedure page, against the 100 KB budget.

    .venv/bin/python bench/page_weight.py

Builds the demo site in a throwaway database (bench/harness.py), serves it from this process with
Django's own threaded WSGI server (the one behind runserver and the live test server), DEBUG off,
and opens pages in headless Debian Chromium with an empty cache, as a first visit. Chromium's own
count of bytes received for each response (DevTools' "transferred": headers and body) is summed by
kind: HTML+CSS+JS, which the budget covers, and fonts and images, reported beside it.

Production runs collectstatic and lets the web server send /static/ and /media/; here Django's
staticfiles handler sends /static/ straight from the apps' folders (the same files collectstatic
gathers) and a handler of the same kind sends /media/. Neither compresses, so every response is
also gzipped here (level 6, what a web server's gzip is usually set to): "as served" is the figure
the budget is compared with, the stricter of the two; "gzip" is what a compressing web server
would send.

The procedure measured is the demo's heaviest page (its HTML, rendered once each), so the figure
is the worst case of the catalogue; the home page and the newest article are measured for context
(they carry pictures).
"""

import gzip
import logging
import os
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ["DEBUG"] = "false"  # the pages as the public gets them, not the dev server's
import harness  # noqa: E402
from stats import bars  # noqa: E402

BUDGET = 100 * 1024  # bytes of HTML+CSS+JS the public site allows a first visit
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
KINDS = {"Document": "html", "Stylesheet": "css", "Script": "js", "Font": "font", "Image": "image"}
BUDGETED = ("html", "css", "js")
COMPRESSIBLE = ("html", "css", "js", "other")


def serve():
    """Django's threaded WSGI server on a free loopback port, with static files and uploads."""
    from django.conf import settings
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application
    from django.views.static import serve as serve_file

    class UploadsHandler(StaticFilesHandler):
        """The staticfiles handler's dispatch, for MEDIA_URL and the files under MEDIA_ROOT."""

        def get_base_url(self):
            return settings.MEDIA_URL

        def serve(self, request):
            return serve_file(request, self.file_path(request.path), document_root=settings.MEDIA_ROOT)

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler, allow_reuse_address=False)
    server.set_app(UploadsHandler(StaticFilesHandler(get_wsgi_application())))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


def pages_to_measure(base):
    from cms.publishing.visibility import publicly_visible
    from procedure_catalog.models import ProcedurePage
    from site_pages.models import published_news

    def html_size(page):
        with urllib.request.urlopen(base + page.url) as response:  # noqa: S310 (our own loopback server)
            return len(response.read())

    procedure = max(publicly_visible(ProcedurePage.objects.all()).specific(), key=html_size)
    article = published_news().order_by("-display_date").first()
    return {
        f"procedure {procedure.code}": procedure.url,
        "home": "/",
        "newest article": article.url,
    }


def measure(browser, url):
    """Each response of a first visit: kind, bytes received by Chromium, body and gzipped body."""
    context = browser.new_context(locale="vi-VN", **PHONE)
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
    seen = {}
    devtools.on(
        "Network.responseReceived",
        lambda event: seen.setdefault(event["requestId"], {}).update(
            url=event["response"]["url"], kind=KINDS.get(event["type"], "other")
        ),
    )
    devtools.on(
        "Network.loadingFinished",
        lambda event: seen.setdefault(event["requestId"], {}).update(received=event["encodedDataLength"]),
    )
    response = page.goto(url, wait_until="networkidle")
    if response.status != 200:
        raise SystemExit(f"HTTP {response.status} for {url}")
    context.close()
    resources = []
    for item in seen.values():
        if "received" not in item or "url" not in item or item["url"].startswith("data:"):
            continue
        body, encoding = fetch(item["url"])
        if encoding:
            raise SystemExit(f"{item['url']} came {encoding}-encoded: the server compresses after all")
        headers = item["received"] - len(body)
        squeezed = len(gzip.compress(body, 6)) if item["kind"] in COMPRESSIBLE else len(body)
        resources.append({**item, "body": len(body), "gzip": headers + squeezed})
    return resources


def fetch(url):
    """The body as sent (an error page too: the browser downloads that as well)."""
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 (URLs our own page asked for)
            return response.read(), response.headers.get("Content-Encoding")
    except urllib.error.HTTPError as error:
        return error.read(), error.headers.get("Content-Encoding")


def totals(resources, kinds, figure):
    return sum(resource[figure] for resource in resources if resource["kind"] in kinds)


def report(name, path, resources, origin):
    print(f"\n{name}  {path}")
    order = (*BUDGETED, "font", "image", "other")
    for resource in sorted(resources, key=lambda r: order.index(r["kind"])):
        shown = urlsplit(resource["url"]).path
        received, zipped = resource["received"], resource["gzip"]
        print(f"  {resource['kind']:<6} {received:>8,} B as served {zipped:>8,} B gzip  {shown}")
    figures = {
        "served": totals(resources, BUDGETED, "received"),
        "gzip": totals(resources, BUDGETED, "gzip"),
        "fonts": totals(resources, ("font",), "received"),
        "images": totals(resources, ("image",), "received"),
        "other": totals(resources, ("other",), "received"),
        "outside": [r["url"] for r in resources if not r["url"].startswith(origin)],
    }
    print(
        f"  HTML+CSS+JS {figures['served'] / 1024:.1f} KB as served, {figures['gzip'] / 1024:.1f} KB gzip; "
        f"fonts {figures['fonts'] / 1024:.1f} KB; images {figures['images'] / 1024:.1f} KB; "
        f"other {figures['other'] / 1024:.1f} KB; from other hosts: {len(figures['outside'])}"
    )
    return figures


def main():
    harness.setup()
    from playwright.sync_api import sync_playwright

    server, base = serve()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the browser's /favicon.ico is a 404
    try:
        addresses = pages_to_measure(base)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            results = {}
            for name, path in addresses.items():
                results[name] = report(name, path, measure(browser, base + path), base)
            browser.close()
    finally:
        server.shutdown()
        harness.cleanup()

    print("\nHTML+CSS+JS of a first visit on a phone, against the budget")
    rows = [("budget", BUDGET / 1024)]
    for name, figures in results.items():
        rows += [(f"{name} as served", figures["served"] / 1024), (f"{name} gzip", figures["gzip"] / 1024)]
    bars(rows, unit="KB")
    name = next(iter(addresses))
    figures = results[name]
    verdict = "within" if figures["served"] <= BUDGET and not figures["outside"] else "OVER"
    print(
        f"{name}: {figures['served'] / 1024:.1f} KB as served ({figures['gzip'] / 1024:.1f} KB gzip), "
        f"budget {BUDGET / 1024:.0f} KB compared with the as-served figure: {verdict}"
    )
    if verdict != "within":
        sys.exit(1)


if __name__ == "__main__":
    main()
