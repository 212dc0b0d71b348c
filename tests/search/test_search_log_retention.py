"""Citizens' searches are kept SEARCH_LOG_RETENTION_DAYS days, then deleted by the scheduler or a command."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from search.analytics import SearchQueryDay

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 30)


@pytest.fixture
def days():
    for age in (0, 10, 11, 400):
        SearchQueryDay.objects.create(day=TODAY - datetime.timedelta(days=age), query="uy tín", searches=1)


def kept_ages():
    return sorted((TODAY - day).days for day in SearchQueryDay.objects.values_list("day", flat=True))


def test_purge_command_deletes_days_past_retention_and_keeps_the_rest(settings, days):
    settings.SEARCH_LOG_RETENTION_DAYS = 10
    out = StringIO()
    with time_machine.travel(datetime.datetime(2026, 6, 30, 9, 0, tzinfo=datetime.UTC), tick=False):
        call_command("purge_search_log", stdout=out)
    assert kept_ages() == [0, 10]
    assert "2" in out.getvalue()


def test_the_default_retention_is_a_year(days):
    with time_machine.travel(datetime.datetime(2026, 6, 30, 9, 0, tzinfo=datetime.UTC), tick=False):
        call_command("purge_search_log", stdout=StringIO())
    assert kept_ages() == [0, 10, 11]


def test_the_scheduler_purges_old_searches(settings, days):
    settings.SEARCH_LOG_RETENTION_DAYS = 10
    with time_machine.travel(datetime.datetime(2026, 6, 30, 9, 0, tzinfo=datetime.UTC), tick=False):
        call_command("publish_worker", once=True, stdout=StringIO())
    assert kept_ages() == [0, 10]
