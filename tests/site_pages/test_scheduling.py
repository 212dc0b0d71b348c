"""Approved articles go live and expire on time, when the scheduler runs after that time."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from site_pages.editorial_roles import APPROVERS, EDITORS
from site_pages.models import NewsArticlePage
from tests.factories import NewsIndexPageFactory, role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db


def admin_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def sessions():
    return AdminSession(role_user(EDITORS)), AdminSession(role_user(APPROVERS))


def run_scheduler_once():
    call_command("publish_worker", once=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_approved_article_goes_live_at_its_go_live_time(sessions, client):
    editor, approver = sessions
    news = NewsIndexPageFactory()
    go_live = timezone.now() + timedelta(days=2)
    editor.create_article(news, "Thông báo lịch tiếp công dân", "submit", go_live_at=admin_time(go_live))
    article = NewsArticlePage.objects.get(title="Thông báo lịch tiếp công dân")

    approver.workflow_action(article, "approve")
    run_scheduler_once()
    article.refresh_from_db()
    assert not article.live, "an approved article must wait for its go-live time"
    assert article.scheduled_revision is not None

    with time_machine.travel(go_live + timedelta(minutes=5), tick=False):
        run_scheduler_once()
    article.refresh_from_db()
    assert article.live
    assert client.get(article.url).status_code == 200


def test_article_is_withdrawn_at_its_expiry_time(sessions, client):
    editor, approver = sessions
    news = NewsIndexPageFactory()
    expiry = timezone.now() + timedelta(days=7)
    editor.create_article(news, "Thông báo tuyển dụng", "submit", expire_at=admin_time(expiry))
    article = NewsArticlePage.objects.get(title="Thông báo tuyển dụng")
    approver.workflow_action(article, "approve")
    article.refresh_from_db()
    assert article.live
    url = article.url

    run_scheduler_once()
    article.refresh_from_db()
    assert article.live, "not expired yet"

    with time_machine.travel(expiry + timedelta(minutes=5), tick=False):
        run_scheduler_once()
    article.refresh_from_db()
    assert not article.live and article.expired
    assert client.get(url).status_code == 404
