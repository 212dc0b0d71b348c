from django.db import models
from django.utils.translation import gettext_lazy as _

from .abbreviations import Abbreviation  # noqa: F401 - a model of this app
from .analytics import SearchQueryDay  # noqa: F401 - a model of this app
from .promotions import Promotion  # noqa: F401 - a model of this app
from .thesaurus import SynonymGroup  # noqa: F401 - a model of this app


class IndexOutbox(models.Model):
    """A change the search index must follow, written in the same transaction as the change.

    The worker applies entries after commit; an entry stays until the engine has taken it, so an
    outage delays the index but never loses an update.
    """

    UPSERT = "upsert"
    DELETE = "delete"

    key = models.CharField(max_length=64, db_index=True)
    page_id = models.BigIntegerField()
    action = models.CharField(max_length=8, choices=[(UPSERT, UPSERT), (DELETE, DELETE)])
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("index update")
