"""What citizens searched for, per day: counts only, so editors see what people look for and miss.

A row is one query on one local day (Asia/Ho_Chi_Minh). It holds no address, account, session,
browser or time of day, and the query itself has personal data redacted before it is stored
(search/query_log.py). Rows older than SEARCH_LOG_RETENTION_DAYS are purged daily.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200
DEFAULT_RETENTION_DAYS = 365


class SearchQueryDay(models.Model):
    day = models.DateField(_("day"))
    query = models.CharField(_("query"), max_length=MAX_QUERY_LENGTH)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches that found nothing"), default=0)
    # What the latest search of the day found: a sum over searches would grow with popularity and
    # say nothing about whether the query finds anything.
    hits = models.PositiveIntegerField(_("results of the latest search"), default=0)
    clicks = models.PositiveIntegerField(_("result clicks"), default=0)

    class Meta:
        # Also the index the report and the purge read by day.
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="search_query_day_unique")]
        verbose_name = _("citizen search")
        verbose_name_plural = _("citizen searches")

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.query}"


def retention_days():
    return getattr(settings, "SEARCH_LOG_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def purge_old_searches(today=None):
    """Deletes the days past retention; returns how many rows went."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=retention_days())
    return SearchQueryDay.objects.filter(day__lt=cutoff).delete()[0]
