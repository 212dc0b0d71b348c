"""Promoted results: pages editors put first for a query citizens type, read at query time.

A promoted page is fetched from the index, never from the database, with the request's filters:
the index holds only what the public may see, so a draft, login-only or expired page, or one outside
the chosen filters, is never shown however it was promoted.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from .folding import words
from .record_cache import RecordCache

PROMOTABLE = [
    "site_pages.NewsArticlePage",
    "procedure_catalog.ProcedurePage",
    "procedure_catalog.ProcedureNoticePage",
]


class Promotion(models.Model):
    query = models.CharField(
        _("search query"),
        max_length=200,
        help_text=_("What a citizen types; marks, case and punctuation do not count."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    sort_order = models.PositiveIntegerField(_("position"), default=0, help_text=_("Smaller comes first."))
    expires_at = models.DateTimeField(_("shown until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [
        FieldPanel("query"),
        PageChooserPanel("page", page_type=PROMOTABLE),
        FieldPanel("sort_order"),
        FieldPanel("expires_at"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["query", "sort_order", "pk"]
        verbose_name = _("promoted result")
        verbose_name_plural = _("promoted results")

    def __str__(self):
        return f"{self.query} → {self.page.title}" if self.page_id else self.query

    def clean(self):
        from .sources import TYPE_OF_MODEL

        errors = {}
        if not words(self.query):
            errors["query"] = _("The query has no letters or digits.")
        if self.page_id and self.page.specific_class not in TYPE_OF_MODEL:
            errors["page"] = _("Only news, procedures and announcement decisions appear in search results.")
        if errors:
            raise ValidationError(errors)


def load_promotions(promotions):
    from .sources import TYPE_OF_MODEL, key_for

    loaded = {}
    for promotion in promotions.select_related("page").order_by("sort_order", "pk"):
        if kind := TYPE_OF_MODEL.get(promotion.page.specific_class):
            loaded.setdefault(words(promotion.query), []).append(
                (key_for(kind, promotion.page_id), promotion.expires_at)
            )
    return loaded


PROMOTIONS = RecordCache(Promotion, load_promotions)


def promoted_keys(query):
    """The index keys promoted for the query, in order; a promotion stops at its expiry time, whenever
    the cache was filled."""
    now = timezone.now()
    keys = [
        key
        for key, expires_at in PROMOTIONS.get().get(words(query), [])
        if not expires_at or expires_at > now
    ]
    return list(dict.fromkeys(keys))


def with_promotions(request, hits, index):
    """The page's hits with the promoted ones the index holds under the request's filters first,
    marked `promoted`, and not repeated below."""
    from .client import get_client
    from .query import REQUIRED, filter_clauses, present, search_bodies, unexpired, well_formed

    keys = promoted_keys(request.q)
    if not keys:
        return hits
    body = {
        "query": {"bool": {"filter": [{"terms": {"key": keys}}, *filter_clauses(request), unexpired()]}},
        "size": len(keys),
        "_source": {"excludes": ["body", "summary"]},
        # Marked as the organic hits are, whether or not the page matches the query itself.
        "highlight": search_bodies(request)[0]["highlight"],
    }
    found = {
        hit["_source"]["key"]: hit
        for hit in well_formed(get_client().search(index=index, body=body)["hits"]["hits"], REQUIRED)
    }
    promoted = [{**present(found[key]), "promoted": True} for key in keys if key in found]
    shown = {hit["key"] for hit in promoted}
    return promoted + [hit for hit in hits if hit["key"] not in shown]
