"""The suite runs on the database DATABASE_URL names (PostgreSQL in CI), not silently on SQLite."""

import os

from django.db import connection


def test_tests_use_the_configured_database(db):
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected
