"""The editor's and the approver's path through the real admin, in a real browser."""

import pytest

from site_pages.editorial_roles import APPROVERS, EDITORS
from site_pages.models import NewsArticlePage
from tests.factories import NewsIndexPageFactory, role_user

PASSWORD = "mat-khau-thu-nghiem"  # set by UserFactory

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.browser]


DESKTOP = {"viewport": {"width": 1280, "height": 900}}
# Leaders approve from their phones, away from the office.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def log_in(browser, live_server, user, device=DESKTOP):
    context = browser.new_context(locale="vi-VN", **device)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def open_more_actions(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()


def test_editor_submits_and_leader_approves_from_a_phone(browser, live_server, screenshot):
    news = NewsIndexPageFactory()
    editor = role_user(EDITORS, email="bientap@example.gov.vn")
    approver = role_user(APPROVERS, email="lanhdao@example.gov.vn")

    page = log_in(browser, live_server, editor)
    screenshot(page, "01-editor-dashboard")
    page.goto(f"{live_server.url}/admin/pages/add/site_pages/newsarticlepage/{news.pk}/")
    page.fill("#id_title", "Hội nghị tổng kết công tác dân tộc năm 2025")
    page.fill("#id_summary", "Sở tổng kết kết quả thực hiện chính sách dân tộc năm 2025.")
    screenshot(page, "02-editor-writes-article")
    open_more_actions(page)
    page.click("button[name='action-submit']")
    page.wait_for_url(lambda url: "/add/" not in url)
    screenshot(page, "03-editor-submitted")

    article = NewsArticlePage.objects.get(title="Hội nghị tổng kết công tác dân tộc năm 2025")
    assert article.slug == "hoi-nghi-tong-ket-cong-tac-dan-toc-nam-2025"
    assert not article.live
    assert page.goto(f"{live_server.url}{article.url}").status == 404
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    assert page.locator("button[name='action-publish']").count() == 0, "editors get no publish button"

    leader = log_in(browser, live_server, approver, device=PHONE)
    screenshot(leader, "04-approver-dashboard")
    leader.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    open_more_actions(leader)
    leader.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).click()
    leader.wait_for_load_state("networkidle")
    screenshot(leader, "05-approver-approved")

    article.refresh_from_db()
    assert article.live
    public = leader.goto(f"{live_server.url}{article.url}")
    assert public.status == 200
    screenshot(leader, "06-public-article")
