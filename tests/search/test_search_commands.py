"""search_status and search_reconcile tell an operator where the index stands, and fix it."""

from io import StringIO

import pytest
from django.core.management import call_command

from search.documents import alias_name
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def run(command):
    out, err = StringIO(), StringIO()
    call_command(command, stdout=out, stderr=err)
    return out.getvalue() + err.getvalue()


def test_status_shows_counts_per_type_and_the_backlog(search_index):
    NewsArticlePageFactory()
    NewsArticlePageFactory()
    before = run("search_status")
    assert "backlog: 2 updates waiting" in before
    assert "news" in before and "differs" in before

    search_index.sync()
    after = run("search_status")
    assert "backlog: 0 updates waiting" in after
    assert "differs" not in after


def test_reconcile_command_reports_what_it_fixed(search_index):
    article = NewsArticlePageFactory()
    search_index.sync()
    search_index.client.delete(index=alias_name(), id=f"news:{article.pk}", refresh=True)
    assert "fixed: 1 missing, 0 stale, 0 extra" in run("search_reconcile")


def test_reindex_command_prints_throughput(search_index):
    NewsArticlePageFactory()
    search_index.sync()
    assert "Indexed 1 documents" in run("search_reindex")
