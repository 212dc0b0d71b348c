"""The thesaurus editors keep: words citizens type that the content does not use, applied at query
time like abbreviations, so an edit counts without rebuilding the index."""

import re

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin

from .folding import words
from .record_cache import RecordCache

# A term is a phrase, not a paragraph: longer than this is a pasted sentence, which would never
# appear whole in a query anyway.
TERM_MAX_LENGTH = 120
TERM_SEPARATORS = re.compile(r"[\n;]+")


def split_terms(text):
    return [term.strip() for term in TERM_SEPARATORS.split(text or "") if term.strip()]


class SynonymGroup(RevisionMixin, models.Model):
    EQUIVALENT = "equivalent"
    ONE_WAY = "one_way"

    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=[
            (EQUIVALENT, _("Equivalent: each term also finds the others")),
            (ONE_WAY, _("One way: the first term also finds the others, not the reverse")),
        ],
        default=EQUIVALENT,
    )
    terms = models.TextField(
        _("terms"),
        help_text=_("One term per line. For one way, the first term is the one expanded."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="synonymgroup")

    panels = [FieldPanel("kind"), FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonyms")

    @property
    def revisions(self):
        return self._revisions

    def __str__(self):
        arrow = " → " if self.kind == self.ONE_WAY else " ↔ "
        return arrow.join(split_terms(self.terms))

    def clean(self):
        terms = split_terms(self.terms)
        if not terms:
            raise ValidationError({"terms": _("Enter at least two terms.")})
        for term in terms:
            if not words(term):
                raise ValidationError({"terms": _("“%(term)s” has no letters or digits.") % {"term": term}})
            if len(term) > TERM_MAX_LENGTH:
                raise ValidationError(
                    {
                        "terms": _("“%(term)s” is longer than %(limit)d characters.")
                        % {"term": term[:40] + "…", "limit": TERM_MAX_LENGTH}
                    }
                )
        if len({words(term) for term in terms}) < 2:
            raise ValidationError(
                {"terms": _("A group needs at least two different terms (marks and case do not count).")}
            )

    def rewrites(self):
        """(from, to) pairs of folded terms: every way round for equivalent terms, from the first
        term only for a one-way expansion."""
        terms = list(dict.fromkeys(filter(None, map(words, split_terms(self.terms)))))
        if self.kind == self.ONE_WAY:
            return [(terms[0], other) for other in terms[1:]]
        return [(source, target) for source in terms for target in terms if source != target]


def load_rewrites(groups):
    return [group.rewrites() for group in groups]


REWRITES = RecordCache(SynonymGroup, load_rewrites)


def contains(text, phrase):
    return f" {phrase} " in f" {text} "


def thesaurus_variants(query):
    """Each rewrite of the query that puts another term of a group in place of one it contains, on
    whole syllables. Where the query holds a term and a longer one containing it ("đồng bào dân tộc"
    in "đồng bào dân tộc thiểu số"), only the longer is rewritten."""
    typed = words(query)
    variants = []
    for pairs in REWRITES.get():
        present = {source for source, _target in pairs if contains(typed, source)}
        for source, target in pairs:
            if source not in present or any(other != source and contains(other, source) for other in present):
                continue
            variants.append(f" {typed} ".replace(f" {source} ", f" {target} ").strip())
    return variants
