"""Diacritics-insensitive search in Wagtail's admin, on the database backend it already uses.

The admin keeps Wagtail's database search (it must work when the engine is down and index drafts,
which the public index never holds). Each content page also offers its title, summary and code
folded (no marks, đ -> d), so "thu tuc" finds "Thủ tục" while "thủ tục" still matches the title
as written.
"""

from django.db import models
from wagtail.search import index

from .folding import fold


class FoldedAdminSearch(models.Model):
    """An abstract model, not a plain mixin: search backends that name index fields after the class
    defining them (Wagtail's Elasticsearch/OpenSearch ones) need that class to have `_meta`."""

    # The admin's page search uses autocomplete; other admin searches use full text.
    admin_search_fields = [
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),
    ]

    def folded_search_text(self):
        parts = [self.title, getattr(self, "summary", ""), getattr(self, "code", "")]
        return fold(" ".join(part for part in parts if part))

    class Meta:
        abstract = True
