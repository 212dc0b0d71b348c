"""Abbreviations of government Vietnamese, edited by administrators, expanded at query time."""

import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


def fold(text):
    """Lower-case, no tone marks, đ -> d: the same folding the index applies."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFC", text or "").lower().replace("đ", "d"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).split())


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


def query_variants(query):
    """The query as typed, plus each rewrite that swaps an abbreviation for its expansion or back.

    Read from the database on every query, so an administrator's edit counts at once and no index
    has to be rebuilt (OpenSearch's reloadable synonym analyzers need a plugin a cluster may lack).
    """
    folded = fold(query)
    tokens = folded.split()
    variants = []
    for short, expansion in Abbreviation.objects.values_list("short", "expansion"):
        short_folded, expansion_folded = fold(short), fold(expansion)
        if short_folded in tokens:
            variants.append(
                " ".join(expansion_folded if token == short_folded else token for token in tokens)
            )
        elif expansion_folded and f" {expansion_folded} " in f" {folded} ":
            variants.append(f" {folded} ".replace(f" {expansion_folded} ", f" {short_folded} ").strip())
    return variants
