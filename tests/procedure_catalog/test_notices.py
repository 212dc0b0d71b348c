"""A published announcement changes procedures on its effective date, never before."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from procedure_catalog.models import NoticeEntry, ProcedureNoticePage, ProcedurePage
from procedure_catalog.notices import STATUS_CHANGED
from tests.factories import ProcedureIndexPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return ProcedureIndexPageFactory()


def procedure(section, code, name):
    page = ProcedurePage(code=code, title=name)
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_notice(section, entries, decision_date):
    notice = ProcedureNoticePage(
        title="Công bố thủ tục hành chính được sửa đổi, bãi bỏ",
        decision_number="1805/QĐ-UBND",
        decision_date=decision_date,
        issuer="Ủy ban nhân dân tỉnh Sơn La",
        signer="Phó Chủ tịch (minh họa)",
    )
    for position, (page, change, effective_on) in enumerate(entries):
        notice.entries.add(
            NoticeEntry(procedure=page, change=change, effective_on=effective_on, sort_order=position)
        )
    section.add_child(instance=notice)
    notice.save_revision().publish()
    return notice


def run_scheduler():
    call_command("publish_worker", once=True, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_future_effective_date_changes_status_only_when_it_arrives(section, client):
    today = timezone.localdate()
    effective = today + datetime.timedelta(days=30)
    amended = procedure(section, "1.012223", "Thay thế người có uy tín")
    abolished = procedure(section, "1.012224", "Thủ tục cũ")

    publish_notice(section, [(amended, "amended", effective), (abolished, "abolished", effective)], today)
    run_scheduler()
    amended.refresh_from_db()
    abolished.refresh_from_db()
    assert (amended.status, abolished.status) == ("in_force", "in_force"), "not before the effective date"

    noon_on_effective_day = timezone.make_aware(datetime.datetime.combine(effective, datetime.time(0, 5)))
    with time_machine.travel(noon_on_effective_day, tick=False):
        run_scheduler()
    amended.refresh_from_db()
    abolished.refresh_from_db()
    assert (amended.status, abolished.status) == ("amended", "abolished")
    assert amended.status_changed_on == effective

    entry = PageLogEntry.objects.get(page=amended, action=STATUS_CHANGED)
    assert entry.data["notice"] == "1805/QĐ-UBND" and entry.data["effective_on"] == effective.isoformat()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    history = client.get(reverse("wagtailadmin_pages:history", args=(amended.pk,))).content.decode()
    assert "1805/QĐ-UBND" in history


def test_running_the_scheduler_again_changes_nothing_more(section):
    today = timezone.localdate()
    page = procedure(section, "1.012225", "Thủ tục")
    publish_notice(section, [(page, "amended", today)], today)
    run_scheduler()
    run_scheduler()
    assert PageLogEntry.objects.filter(page=page, action=STATUS_CHANGED).count() == 1


def test_unpublishing_a_notice_withdraws_changes_not_yet_in_effect(section):
    today = timezone.localdate()
    page = procedure(section, "1.012226", "Thủ tục")
    notice = publish_notice(section, [(page, "abolished", today + datetime.timedelta(days=5))], today)
    notice.unpublish()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6), tick=False):
        run_scheduler()
    page.refresh_from_db()
    assert page.status == "in_force"


def test_a_later_edit_keeps_the_status_the_notice_set(section):
    today = timezone.localdate()
    page = procedure(section, "1.012227", "Thủ tục")
    publish_notice(section, [(page, "amended", today)], today)
    page = ProcedurePage.objects.get(pk=page.pk)
    page.get_latest_revision_as_object().save_revision().publish()
    page.refresh_from_db()
    assert page.status == "amended"
