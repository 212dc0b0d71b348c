"""A citizen's paths through the public site, in a real browser, on the demo site and a real engine.

Every page is also checked with axe-core (WCAG 2.1 A/AA) and photographed at a phone's and a
desktop's width under artifacts/browser/.
"""

import json
import mimetypes
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from procedure_catalog.models import ProcedureNoticePage, ProcedurePage
from site_pages.models import published_news

from .axe import blocking, describe, run_axe
from .conftest import ARTIFACTS

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

# A low-end phone in portrait, and an office desktop.
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

TYPED_QUERY = "thu tuc cong nhan nguoi co uy tin"  # as typed on a phone without Vietnamese input
RECOGNITION = "Thủ tục công nhận người có uy tín trong đồng bào dân tộc thiểu số"  # 1.900101 in cms/demo
RELIGION = "Tín ngưỡng, tôn giáo"  # four of the demo's twelve procedures

RESULT_LINKS = "main .search-results a.search-result__link"


@pytest.fixture
def demo_site(search_index):
    call_command("load_demo", stdout=StringIO())
    search_index.sync()


def open_site(browser, live_server, device=DESKTOP):
    # bypass_csp: axe-core goes in as an inline script, which the site's policy rightly refuses.
    context = browser.new_context(locale="vi-VN", bypass_csp=True, **device)
    serve_uploads(context, live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)  # a local page that takes longer is a failure to report
    return page


def serve_uploads(context, live_server):
    """The live server leaves MEDIA_URL alone when DEBUG is off; answer image requests from the
    test's media folder so pages look as they do behind the production web server."""
    media_root = Path(settings.MEDIA_ROOT)

    def fulfil(route):
        relative = route.request.url.split(settings.MEDIA_URL, 1)[1].split("?", 1)[0]
        path = (media_root / relative).resolve()
        if media_root.resolve() not in path.parents or not path.is_file():
            route.fulfill(status=404)
            return
        route.fulfill(path=str(path), content_type=mimetypes.guess_type(path.name)[0])

    context.route(f"{live_server.url}{settings.MEDIA_URL}**", fulfil)


def site_search_box(page):
    return page.get_by_role("search").first.get_by_role("searchbox")


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "",
                    href: el.getAttribute("href") || "", text: el.textContent.trim()};
        }"""
    )


def tab_until(page, matches, limit=40):
    """Presses Tab until the focused element matches; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if matches(focused(page)):
            return presses
    raise AssertionError(f"{limit} presses of Tab never reached it; last focus: {focused(page)}")


def demo_addresses():
    procedure = ProcedurePage.objects.get(code="1.900101")
    article = published_news().order_by("-display_date").first()
    notice = ProcedureNoticePage.objects.live().first()
    return {
        "home": "/",
        "news-list": "/tin-tuc/",
        "article": article.url,
        "article-print": f"{article.url}in/",
        "catalogue": "/thu-tuc-hanh-chinh/",
        "procedure": procedure.url,
        "notices": "/thong-bao/",
        "notice": notice.url,
        "statistics": "/thong-ke/",
        "search": "/tim-kiem/?q=nguoi+co+uy+tin",
        "contact": "/lien-he/",
        "contact-en": "/en/contact/",
    }


# The pages axe-core must find free of serious and critical violations (WCAG 2.0, the legal minimum).
AXE_PAGES = ["home", "article", "procedure", "catalogue", "search", "statistics"]


def test_citizen_finds_a_procedure_from_the_home_page(browser, live_server, demo_site, screenshot):
    page = open_site(browser, live_server)
    page.goto(live_server.url)
    site_search_box(page).fill(TYPED_QUERY)
    site_search_box(page).press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    screenshot(page, "site-01-search-results")

    first = page.locator(RESULT_LINKS).first
    assert first.inner_text().strip() == RECOGNITION, "typed without diacritics, the procedure comes first"
    assert page.locator("main mark").count() > 0, "the words found are highlighted in the snippets"

    first.click()
    assert page.get_by_role("heading", level=1).inner_text().strip() == RECOGNITION
    steps = page.locator("main ol").filter(has_text="Trưởng thôn, bản tổ chức họp bình xét.")
    assert steps.count() == 1, "the procedure's steps are listed in order"
    channels = page.get_by_role("table").filter(has=page.locator("caption")).filter(has_text="10")
    assert channels.count() >= 1, "a captioned table gives each channel's time limit (10 working days)"
    assert channels.first.locator("tbody tr").count() == 3, "in person, online and by post"
    screenshot(page, "site-02-procedure")


def test_citizen_asks_a_whole_question_on_a_phone(browser, live_server, demo_site, screenshot):
    page = open_site(browser, live_server, PHONE)
    page.goto(live_server.url)
    site_search_box(page).fill("toi muon hoi thu tuc cong nhan nguoi co uy tin can giay to gi, nop o dau?")
    site_search_box(page).press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")
    screenshot(page, "site-01b-whole-question")
    assert page.locator(RESULT_LINKS).first.inner_text().strip() == RECOGNITION

    only_procedures = page.get_by_role("link", name="Chỉ xem: Thủ tục")
    assert only_procedures.is_visible(), "the kind of content the question names is one tap away"
    only_procedures.click()
    page.wait_for_url("**type=procedure*")
    kinds = page.locator("main .search-results .result-kind .badge:first-child").all_inner_texts()
    assert kinds and set(kinds) == {"Thủ tục"}

    page.goto(live_server.url)
    site_search_box(page).fill("khieu lai lan dau")
    site_search_box(page).press("Enter")
    page.wait_for_url("**q=khieu+lai*")
    offered = page.locator(".did-you-mean a")
    assert offered.is_visible() and offered.inner_text() == "khiếu nại lần đầu"
    offered.click()
    page.wait_for_url("**/tim-kiem/?q=kh*")
    assert page.locator(RESULT_LINKS).first.inner_text().strip() == "Thủ tục giải quyết khiếu nại lần đầu"
    screenshot(page, "site-01c-did-you-mean")


def test_citizen_narrows_the_catalogue_by_field(browser, live_server, demo_site, screenshot):
    page = open_site(browser, live_server)
    page.goto(f"{live_server.url}/thu-tuc-hanh-chinh/")
    listed = page.locator("main .card-list .card")
    assert listed.count() == 12

    field = page.locator(".facet a").filter(has_text=RELIGION)
    assert field.locator(".count").inner_text().strip() == "4", "the facet says how many it will show"
    field.click()
    page.wait_for_url("**/thu-tuc-hanh-chinh/?*")
    screenshot(page, "site-03-catalogue-filtered")

    assert listed.count() == 4
    assert all(RELIGION in text for text in listed.all_inner_texts()), "only that field's procedures"
    chosen = page.locator(".facet a[aria-current='true']")
    assert chosen.count() == 1 and RELIGION in chosen.inner_text()


def test_citizen_reads_an_article_and_prints_it(browser, live_server, demo_site, screenshot):
    article = published_news().order_by("-display_date").first()
    page = open_site(browser, live_server)
    page.goto(f"{live_server.url}/tin-tuc/")
    page.locator("main").get_by_role("link", name=article.title).first.click()
    page.wait_for_url(f"**{article.url}")
    assert page.get_by_role("heading", level=1).inner_text().strip() == article.title
    assert page.locator("nav.breadcrumbs a").count() >= 2, "breadcrumbs lead back to the news list and home"

    page.locator(f"main a[href='{article.url}in/']").click()
    page.wait_for_url(f"**{article.url}in/")
    screenshot(page, "site-04-article-print")
    assert page.get_by_role("heading", level=1).inner_text().strip() == article.title
    assert article.summary in page.locator("body").inner_text()


def test_keyboard_alone_reaches_search_and_results(browser, live_server, demo_site):
    page = open_site(browser, live_server)
    page.goto(live_server.url)

    page.keyboard.press("Tab")
    skip = focused(page)
    assert skip["tag"] == "a" and skip["href"] == "#main", f"the first Tab stop is the skip link, not {skip}"
    box = page.locator(":focus").bounding_box()
    assert box and box["width"] > 1 and box["y"] >= 0, "the skip link shows itself when focused"

    tab_until(page, lambda element: element["tag"] == "input" and element["name"] == "q")
    page.keyboard.type(TYPED_QUERY)
    page.keyboard.press("Enter")
    page.wait_for_url("**/tim-kiem/?q=*")

    first_href = page.locator(RESULT_LINKS).first.get_attribute("href")
    tab_until(page, lambda element: element["tag"] == "a" and element["href"] == first_href, limit=80)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{first_href}")
    assert page.get_by_role("heading", level=1).inner_text().strip() == RECOGNITION


@pytest.mark.parametrize("device_name", ["phone", "desktop"])
def test_every_page_is_vietnamese_with_alt_text_and_fits_the_screen(
    browser, live_server, demo_site, screenshot, device_name
):
    device = PHONE if device_name == "phone" else DESKTOP
    page = open_site(browser, live_server, device)
    problems = []
    for name, address in demo_addresses().items():
        response = page.goto(f"{live_server.url}{address}")
        screenshot(page, f"site-{device_name}-{name}")
        if response.status != 200:
            problems.append(f"{name} {address}: HTTP {response.status}")
            continue
        expected_lang = "en" if name == "contact-en" else "vi"
        if page.locator("html").get_attribute("lang") != expected_lang:
            problems.append(f"{name}: <html lang> is not {expected_lang!r}")
        for image in page.locator("img").all():
            alt, role = image.get_attribute("alt"), image.get_attribute("role")
            if alt is None or (not alt.strip() and role not in ("presentation", "none")):
                problems.append(f"{name}: <img src={image.get_attribute('src')}> has no alt text")
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{name}: {overflow}px wider than the {device_name} screen (scrolls sideways)")
    assert not problems, "\n".join(problems)


def test_axe_finds_no_serious_or_critical_violations(browser, live_server, demo_site):
    """Checked at both widths: the phone layout (a folded menu, stacked filters) is a page of its own."""
    addresses = demo_addresses()
    report, failures = {}, []
    for device_name, device in (("desktop", DESKTOP), ("phone", PHONE)):
        page = open_site(browser, live_server, device)
        for name in AXE_PAGES:
            where = f"{name} on a {device_name} ({addresses[name]})"
            page.goto(f"{live_server.url}{addresses[name]}")
            found = run_axe(page)
            report[f"{name} {device_name}"] = {
                kind: [
                    {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": len(v["nodes"])}
                    for v in found[kind]
                ]
                for kind in ("violations", "incomplete")
            }
            if found["violations"]:
                print(f"\naxe-core, {where}:\n{describe(found['violations'])}")  # noqa: T201
            if blocking(found["violations"]):
                failures.append(f"{where}:\n{describe(blocking(found['violations']))}")
        page.context.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    assert not failures, "serious or critical WCAG violations:\n" + "\n".join(failures)


def test_axe_reports_what_it_is_meant_to_catch(browser):
    """The check above passes only because pages are clean, not because axe-core never ran."""
    page = browser.new_page()
    page.set_content(
        '<html><head><title>t</title></head><body><main><input type="text"></main></body></html>'
    )
    found = {violation["id"]: violation["impact"] for violation in run_axe(page)["violations"]}
    page.close()
    assert found.get("html-has-lang") == "serious"
    assert found.get("label") == "critical"
