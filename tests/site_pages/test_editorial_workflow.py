"""Nothing reaches the public until a leader approves it, whichever route an editor tries."""

import pytest
from django.core import mail
from django.urls import reverse

from site_pages.editorial_roles import APPROVERS, EDITORS
from site_pages.models import NewsArticlePage
from tests.factories import NewsIndexPageFactory, role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    return NewsIndexPageFactory()


@pytest.fixture
def editor():
    return AdminSession(role_user(EDITORS, email="bientap@example.gov.vn"))


@pytest.fixture
def approver():
    return AdminSession(role_user(APPROVERS, email="lanhdao@example.gov.vn"))


def submitted_article(editor, news, title="Hội nghị triển khai Chương trình 1719"):
    image = editor.upload_image()
    response = editor.create_article(news, title, "submit", image=image)
    assert response.status_code == 302, response.content.decode()[:3000]
    return NewsArticlePage.objects.get(title=title)


def test_editor_submits_approver_approves_then_it_is_public(editor, approver, news, client):
    article = submitted_article(editor, news)

    assert not article.live
    assert article.featured_image is not None
    assert article.slug == "hoi-nghi-trien-khai-chuong-trinh-1719"
    assert client.get(article.url).status_code == 404
    assert "lanhdao@example.gov.vn" in [address for message in mail.outbox for address in message.to]

    response = approver.workflow_action(article, "approve", comment="Đồng ý đăng.")
    assert response.status_code in (200, 302)

    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200
    assert article.display_date == article.first_published_at


def test_rejection_returns_the_article_to_its_author_with_the_comment(editor, approver, news):
    article = submitted_article(editor, news)
    mail.outbox.clear()

    approver.workflow_action(article, "reject", comment="Bổ sung số liệu năm 2025.")

    article.refresh_from_db()
    assert not article.live
    state = article.workflow_states.get()
    assert state.status == "needs_changes"
    comments = [task.comment for task in state.task_states.all()]
    assert "Bổ sung số liệu năm 2025." in comments
    assert [message.to for message in mail.outbox] == [["bientap@example.gov.vn"]]
    # The author can read the comment in the page's history.
    history = editor.client.get(reverse("wagtailadmin_pages:history", args=(article.pk,)))
    assert "Bổ sung số liệu năm 2025." in history.content.decode()


def test_editor_cannot_publish_from_the_page_editor(editor, news, client):
    response = editor.create_article(news, "Bài đăng thẳng", "publish")
    article = NewsArticlePage.objects.filter(title="Bài đăng thẳng").first()

    assert article is None or not article.live
    if article is not None:
        assert client.get(article.url).status_code == 404
    assert response.status_code in (200, 302, 403)


def test_editor_cannot_publish_an_existing_draft(editor, news):
    article = submitted_article(editor, news)
    editor.edit_article(article, "publish", title="Sửa rồi đăng")
    article.refresh_from_db()
    assert not article.live


def test_editor_cannot_publish_with_bulk_actions(editor, news):
    article = submitted_article(editor, news)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={article.pk}"
    editor.client.post(url)
    article.refresh_from_db()
    assert not article.live


def test_editor_cannot_publish_by_scheduling(editor, news):
    article = submitted_article(editor, news)
    editor.edit_article(article, "publish", go_live_at="2020-01-01 08:00")
    from django.core.management import call_command

    call_command("publish_scheduled")
    article.refresh_from_db()
    assert not article.live


def test_no_write_api_for_pages_is_mounted(editor):
    for path in ("/api/v2/pages/", "/api/v3/pages/", "/admin/api/main/pages/"):
        response = editor.client.post(path, {"action": "publish"})
        assert response.status_code in (403, 404, 405), path


def test_history_revisions_and_locking_are_reachable(editor, approver, news):
    article = submitted_article(editor, news)
    approver.workflow_action(article, "approve")
    article.refresh_from_db()
    editor.edit_article(article, "submit", title="Tiêu đề đã sửa")
    revisions = article.revisions.order_by("pk")
    first, last = revisions.first(), revisions.last()

    for session in (editor, approver):
        assert (
            session.client.get(reverse("wagtailadmin_pages:history", args=(article.pk,))).status_code == 200
        )
        compare = reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, first.pk, last.pk))
        assert session.client.get(compare).status_code == 200
        revert = reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, first.pk))
        assert session.client.get(revert).status_code == 200

    lock = approver.client.post(reverse("wagtailadmin_pages:lock", args=(article.pk,)))
    assert lock.status_code == 302
    article.refresh_from_db()
    assert article.locked and article.locked_by == approver.user
    approver.client.post(reverse("wagtailadmin_pages:unlock", args=(article.pk,)))
    article.refresh_from_db()
    assert not article.locked
