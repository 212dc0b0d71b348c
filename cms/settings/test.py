import os

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A test database reuses ids after a rollback (SQLite), so a kept answer's generation could match
# another test's content; the response cache's own tests turn it on.
RESPONSE_CACHE_SECONDS = 0
# Tests sign administrators in with force_login, which enters no code; the two-factor tests turn it on.
OTP_REQUIRED_FOR_ADMINISTRATORS = False
# Counted searches are written when a test calls flush(), never from a thread of their own.
SEARCH_LOG_FLUSH_SECONDS = None

# Django's live server answers from other threads; an in-memory SQLite database cannot be shared
# between them cleanly, so browser tests on the embedded default use a throwaway file instead, one
# per test process so that two runs in one checkout never write to each other's database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-db-{os.getpid()}.sqlite3")}  # noqa: F405

# The test client's host, so that addresses in answers read as the committed API examples show them.
PUBLIC_BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
