"""A reindex in which a document fails says so, exits non-zero and leaves searches on the old index."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search import reindex
from search.documents import alias_name
from search.index_admin import aliased_indices, concrete_indices
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory

pytestmark = pytest.mark.django_db


def test_a_document_the_mapping_refuses_fails_the_reindex_and_keeps_the_alias(search_index, monkeypatch):
    articles = NewsArticlePageFactory.create_batch(3, parent=NewsIndexPageFactory())
    search_index.sync()
    before = aliased_indices()
    broken = f"news:{articles[1].pk}"
    real_build = reindex.build

    def build(page, related=None):
        document = real_build(page, related)
        if document["key"] == broken:
            document["page_id"] = "không phải số"  # an integer field: the engine refuses the document
        return document

    monkeypatch.setattr(reindex, "build", build)
    out = StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("search_reindex", stdout=out, stderr=StringIO())

    message = str(failure.value)
    assert "1 of 3 documents failed" in message
    assert broken in message and "page_id" in message, "which document, and why"
    assert "Indexed" not in out.getvalue()
    assert aliased_indices() == before, "searches stay on the index that was complete"
    assert concrete_indices() == before, "the half-built index is gone"
    hits = search_index.client.search(index=alias_name(), body={"query": {"match_all": {}}})["hits"]
    assert hits["total"]["value"] == 3


def test_a_reindex_that_breaks_off_leaves_no_half_built_index(search_index, monkeypatch):
    NewsArticlePageFactory()
    search_index.sync()
    before = aliased_indices()

    def engine_gone(index, since):
        raise ConnectionError("the engine went away during the catch-up")

    monkeypatch.setattr(reindex, "catch_up", engine_gone)
    with pytest.raises(ConnectionError):
        reindex.reindex()
    assert aliased_indices() == before
    assert concrete_indices() == before
