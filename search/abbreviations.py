"""Abbreviations of government Vietnamese, edited by administrators, expanded at query time."""

import time

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from .folding import fold


@register_snippet
class Abbreviation(models.Model):
    short = models.CharField(_("abbreviation"), max_length=32, unique=True)
    expansion = models.CharField(_("stands for"), max_length=255)

    panels = [FieldPanel("short"), FieldPanel("expansion")]

    class Meta:
        ordering = ["short"]
        verbose_name = _("abbreviation")
        verbose_name_plural = _("abbreviations")

    def __str__(self):
        return f"{self.short} – {self.expansion}"


# Read from the database at most every few seconds per process, and at once after an edit in this
# process: an administrator's change counts within CACHE_SECONDS everywhere, with no index rebuilt
# (OpenSearch's reloadable synonym analyzers need a plugin a cluster may lack).
CACHE_SECONDS = 10
_cache = {"pairs": None, "until": 0.0}


def folded_pairs():
    now = time.monotonic()
    if _cache["pairs"] is None or now >= _cache["until"]:
        _cache["pairs"] = [
            (fold(short), fold(expansion))
            for short, expansion in Abbreviation.objects.values_list("short", "expansion")
        ]
        _cache["until"] = now + CACHE_SECONDS
    return _cache["pairs"]


def forget_abbreviations(**kwargs):
    _cache["pairs"] = None


post_save.connect(forget_abbreviations, sender=Abbreviation)
post_delete.connect(forget_abbreviations, sender=Abbreviation)


def query_variants(query):
    """The query as typed, plus each rewrite that swaps an abbreviation for its expansion or back."""
    folded = fold(query)
    tokens = folded.split()
    variants = []
    for short_folded, expansion_folded in folded_pairs():
        if short_folded in tokens:
            variants.append(
                " ".join(expansion_folded if token == short_folded else token for token in tokens)
            )
        elif expansion_folded and f" {expansion_folded} " in f" {folded} ":
            variants.append(f" {folded} ".replace(f" {expansion_folded} ", f" {short_folded} ").strip())
    return variants
