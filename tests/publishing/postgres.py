"""The marker of tests that need PostgreSQL's row locks and concurrent sessions.

`make test` runs on the embedded SQLite, where one writer at a time is the rule and there is nothing
to race; CI runs the suite on PostgreSQL, where these tests run.
"""

import pytest
from django.conf import settings

only_on_postgresql = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="needs PostgreSQL: concurrent transactions on separate connections (set DATABASE_URL)",
)
