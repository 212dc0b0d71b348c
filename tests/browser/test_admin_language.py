"""Walk the admin's main paths as each editorial role and read what the screen shows: no English
UI words, no Vietnamese words run together. The catalogues can be complete while a screen is
not (markup that joins two strings, a JavaScript string, a missing fallback); this reads the
screen itself."""

import re
import time
from collections import defaultdict
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from site_pages.editorial_roles import ADMINISTRATORS, APPROVERS, EDITORS
from site_pages.models import HomePage, NewsArticlePage, NewsIndexPage, ProcedureIndexPage
from tests.factories import NewsArticlePageFactory, role_user

from .conftest import ARTIFACTS
from .test_admin_workflow import DESKTOP, PASSWORD, open_more_actions
from .visible_language import problems_in

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]

# Everything the reader sees: rendered text, and the labels that are read out or shown on hover.
VISIBLE_TEXT = """() => {
    // A closed list shows its choice; a short list's options are read too, a long one (time
    // zones, countries) is place names, not ours to translate.
    const lists = [...document.querySelectorAll("select")].filter((el) => el.getClientRects().length);
    const shown = lists.map((el) => [el, el.style.display]);
    lists.forEach((el) => { el.style.display = "none"; });
    const texts = [document.title, document.body.innerText];
    shown.forEach(([el, display]) => { el.style.display = display; });
    for (const el of lists) {
        const options = el.options.length <= 50 ? [...el.options] : [...el.selectedOptions];
        texts.push(...options.map((option) => option.text));
    }
    for (const el of document.querySelectorAll("[placeholder], [title], [aria-label], input[type=submit]")) {
        if (!el.getClientRects().length) continue;
        for (const name of ["placeholder", "title", "aria-label"]) {
            if (el.getAttribute(name)) texts.push(el.getAttribute(name));
        }
        if (el.matches("input[type=submit]")) texts.push(el.value);
    }
    return texts.join("\\n");
}"""

PICTURES_AND_FONTS = re.compile(r"\.(?:png|jpe?g|webp|avif|gif|ico|woff2?)(?:\?|$)")

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class Walk:
    """Reads each screen once per role and keeps every problem with where it was seen."""

    def __init__(self, live_server):
        self.live_server = live_server
        self.problems = defaultdict(set)
        self.screens = 0
        self.started = time.monotonic()

    def read(self, page, where):
        page.wait_for_load_state("domcontentloaded")
        self.screens += 1
        for problem in problems_in(page.evaluate(VISIBLE_TEXT)):
            self.problems[problem].add(where)

    def visit(self, page, role, path):
        # Deferred scripts (the sidebar, the editor's panels) have run by DOMContentLoaded; waiting
        # for every image as well would only slow the walk.
        page.goto(f"{self.live_server.url}{path}", wait_until="domcontentloaded")
        self.read(page, f"{role} {path}")

    def report(self):
        return "\n".join(
            f"{problem}  [{', '.join(sorted(places)[:3])}]"
            for problem, places in sorted(self.problems.items(), key=str)
        )


def log_in(browser, walk, user, role):
    context = browser.new_context(locale="vi-VN", **DESKTOP)
    # Pictures and fonts hold no words to read; not fetching them keeps the walk quick.
    context.route(PICTURES_AND_FONTS, lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(10_000)
    walk.visit(page, role, "/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", "mat-khau-sai")
    page.click("button[type=submit]")
    walk.read(page, f"{role} /admin/login/ (wrong password)")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{walk.live_server.url}/admin/")
    walk.read(page, f"{role} /admin/")
    return page


def demo_site():
    call_command("load_demo", stdout=StringIO())
    document = get_document_model()(title="Kế hoạch công tác dân tộc năm 2026")
    document.file.save("ke-hoach-2026.pdf", ContentFile(MINIMAL_PDF), save=True)
    return document


def one_page_of_each_type():
    first = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path"):
        first.setdefault(page.content_type_id, page)
    covered = {page.specific_class for page in first.values()}
    assert covered == set(get_page_models()) - {Page}, "the demo site has a page of every type"
    return first.values()


def snippet_paths():
    """Each kind of snippet's list and form, and one of each that the demo made."""
    paths = []
    for model in get_snippet_models():
        base = f"/admin/snippets/{model._meta.app_label}/{model._meta.model_name}/"
        paths += [base, f"{base}add/"]
        first = model.objects.first()
        if first is not None:
            paths.append(f"{base}edit/{first.pk}/")
    return paths


def common_paths(document):
    image = get_image_model().objects.first()
    news = NewsIndexPage.objects.get()
    home = HomePage.objects.get()
    paths = [
        "/admin/pages/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{news.pk}/",
        f"/admin/pages/{news.pk}/?ordering=-latest_revision_created_at",
        "/admin/pages/search/?q=thu+tuc",
        "/admin/pages/search/?q=ngựa+vằn",
        f"/admin/pages/add/site_pages/newsarticlepage/{news.pk}/",
        f"/admin/pages/add/procedure_catalog/procedurepage/{ProcedureIndexPage.objects.get().pk}/",
        "/admin/images/",
        f"/admin/images/{image.pk}/",
        "/admin/images/multiple/add/",
        "/admin/documents/",
        f"/admin/documents/edit/{document.pk}/",
        "/admin/documents/multiple/add/",
        "/admin/snippets/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/citizen-searches/",
        "/admin/account/",
    ]
    paths += [f"/admin/pages/{page.pk}/edit/" for page in one_page_of_each_type()]
    paths += snippet_paths()
    article = NewsArticlePage.objects.live().first()
    return [*paths, f"/admin/pages/{article.pk}/history/"]


# Administrators see what the others see (walked above) and these. Not walked yet: the groups and
# workflows lists, which show the "Editors", "Moderators" and "Moderators approval" rows Wagtail's
# own migrations create (data, not strings), and the sites list, whose column titles Wagtail does
# not mark for translation.
ADMIN_PATHS = [
    "/admin/",
    "/admin/users/add/",
    "/admin/users/",
    "/admin/collections/",
    "/admin/reports/page-types-usage/",
]


def read_editor_with_actions(walk, page, role, path):
    """An edit screen with its footer's action menu open: the workflow buttons live there."""
    walk.visit(page, role, path)
    page.locator("[data-side-panel-toggle='status']").first.click()
    open_more_actions(page)
    walk.read(page, f"{role} {path} (status and actions)")


def decide(walk, page, article, action, comment):
    """A leader's approval or rejection with a comment, reading the dialog and the page after it."""
    read_editor_with_actions(walk, page, "approver", f"/admin/pages/{article.pk}/edit/")
    # The plain approve button publishes at once; the one with a dialog asks for the comment.
    page.locator(f"button[data-workflow-action-name='{action}'][data-workflow-action-modal-url]").click()
    comment_box = page.locator("form textarea[name=comment]")
    comment_box.wait_for()
    walk.read(page, f"approver {action} dialog")
    comment_box.fill(comment)
    with page.expect_navigation():
        page.locator("form:has(textarea[name=comment]) button[type=submit]").click()
    walk.read(page, f"approver after {action}")


def test_admin_shows_vietnamese_only_to_every_role(browser, live_server):
    document = demo_site()
    walk = Walk(live_server)  # timed from here: the demo site's build is not the walk
    editor = role_user(EDITORS)
    approver = role_user(APPROVERS)
    admin = role_user(ADMINISTRATORS)
    to_approve = NewsArticlePageFactory(title="Bài chờ duyệt", parent=NewsIndexPage.objects.get())
    to_reject = NewsArticlePageFactory(title="Bài cần sửa", parent=NewsIndexPage.objects.get())

    page = log_in(browser, walk, editor, "editor")
    for path in common_paths(document):
        walk.visit(page, "editor", path)
    for article in (to_approve, to_reject):
        read_editor_with_actions(walk, page, "editor", f"/admin/pages/{article.pk}/edit/")
        page.click("button[name='action-submit']")
        page.wait_for_load_state("load")
        walk.read(page, "editor after submit")
    page.context.close()

    page = log_in(browser, walk, approver, "approver")
    for path in common_paths(document):
        walk.visit(page, "approver", path)
    decide(walk, page, to_approve, "approve", "Đồng ý đăng.")
    decide(walk, page, to_reject, "reject", "Cần bổ sung nguồn tin.")
    walk.visit(page, "approver", "/admin/")
    page.context.close()

    page = log_in(browser, walk, admin, "admin")
    for path in ADMIN_PATHS:
        walk.visit(page, "admin", path)
    page.context.close()

    to_approve.refresh_from_db()
    assert to_approve.live, "the walk's approval went through"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    seconds = time.monotonic() - walk.started
    summary = f"{len(walk.problems)} problems on {walk.screens} screens read in {seconds:.0f} s"
    (ARTIFACTS / "admin-language.txt").write_text(f"{summary}\n{walk.report()}\n")
    assert not walk.problems, walk.report()
