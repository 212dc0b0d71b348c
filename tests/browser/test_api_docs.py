"""The API's documentation page works offline: its viewer comes from this site's own static files."""

from urllib.parse import urlsplit

import pytest

from .test_csp import RECORD_VIOLATIONS
from .test_public_site import DESKTOP

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


def test_api_docs_show_the_operations_with_every_outside_request_refused(browser, live_server):
    context = browser.new_context(locale="vi-VN", **DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    own_host = urlsplit(live_server.url).netloc
    outside = []

    def only_this_site(route):
        if urlsplit(route.request.url).netloc == own_host:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_site)
    page = context.new_page()
    page.set_default_timeout(15_000)

    response = page.goto(f"{live_server.url}/api/v1/docs", wait_until="load")
    operation = page.locator(".opblock-summary-path", has_text="/api/v1/news").first
    operation.wait_for(state="visible")
    violations = page.evaluate("window.__cspViolations")
    policy = response.headers.get("content-security-policy", "")
    context.close()

    assert outside == []
    assert "script-src 'self'" in policy
    assert violations == []
