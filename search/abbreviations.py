"""Abbreviations of government Vietnamese, edited by administrators, expanded at query time."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .folding import fold
from .record_cache import RecordCache


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


def load_pairs(abbreviations):
    return [
        (fold(short), fold(expansion)) for short, expansion in abbreviations.values_list("short", "expansion")
    ]


PAIRS = RecordCache(Abbreviation, load_pairs)


def abbreviation_variants(query):
    """Each rewrite of the query that swaps an abbreviation for its expansion or back."""
    folded = fold(query)
    tokens = folded.split()
    variants = []
    for short_folded, expansion_folded in PAIRS.get():
        if short_folded in tokens:
            variants.append(
                " ".join(expansion_folded if token == short_folded else token for token in tokens)
            )
        elif expansion_folded and f" {expansion_folded} " in f" {folded} ":
            variants.append(f" {folded} ".replace(f" {expansion_folded} ", f" {short_folded} ").strip())
    return variants
