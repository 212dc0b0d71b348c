"""Starting on a fresh index prefix is quiet: the engine's expected 404s (no alias yet, nothing to
delete yet) are not logged as failed requests."""

import logging
from io import StringIO

import pytest
from django.core.management import call_command

from search.documents import alias_name
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def test_first_start_on_an_empty_prefix_logs_no_warnings(search_engine, settings, caplog):
    # Under this run's prefix, so the session's clean-up removes what the worker creates.
    settings.SEARCH_INDEX_PREFIX = f"{search_engine.prefix}fresh-"
    NewsArticlePageFactory(title="Bài đầu tiên")
    NewsArticlePageFactory(title="Bài đã gỡ").unpublish()  # queued, then withdrawn before indexing

    with caplog.at_level(logging.INFO):
        call_command("search_status", stdout=StringIO())
        call_command("publish_worker", "--once", stdout=StringIO())
        call_command("search_status", stdout=StringIO())

    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING] == []
    search_engine.client.indices.refresh(index=alias_name())
    assert search_engine.client.count(index=alias_name())["count"] == 1
