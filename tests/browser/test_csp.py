"""The public pages run under their Content-Security-Policy in a real browser without a single refusal.

Unlike the other browser tests, the context does not bypass the policy: Chromium enforces it, and every
`securitypolicyviolation` event and console message is collected.
"""

import pytest

from .test_public_site import DESKTOP, demo_addresses, demo_site, serve_uploads  # noqa: F401 (fixture)

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

PAGES = ["home", "article", "article-print", "procedure", "catalogue", "search", "statistics"]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} refused ${event.blockedURI || "inline"}`);
});
"""


def test_public_pages_break_no_rule_of_their_policy(browser, live_server, demo_site):  # noqa: F811
    context = browser.new_context(locale="vi-VN", **DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    serve_uploads(context, live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    console = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"uncaught: {error}"))
    # The print view opens the print dialog on load; headless Chromium would wait on it.
    page.add_init_script("window.print = () => {};")

    problems, policies = [], {}
    for name in PAGES:
        console.clear()
        response = page.goto(f"{live_server.url}{demo_addresses()[name]}", wait_until="load")
        policies[name] = response.headers.get("content-security-policy", "")
        violations = page.evaluate("window.__cspViolations")
        problems += [f"{name}: {violation}" for violation in violations]
        problems += [f"{name}: console {line}" for line in console]
    context.close()

    assert all("script-src 'self'" in policy for policy in policies.values()), policies
    assert not problems, "\n".join(problems)


def test_the_listener_reports_what_the_policy_refuses(browser, live_server, demo_site):  # noqa: F811
    """The check above passes because pages are clean, not because no event could ever arrive."""
    context = browser.new_context(**DESKTOP)
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.goto(live_server.url)
    page.evaluate(
        """() => { const s = document.createElement("style"); s.textContent = "body{}";
                   document.head.append(s); }"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert "style-src" in page.evaluate("window.__cspViolations")[0]
    context.close()
