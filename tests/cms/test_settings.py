"""Settings are read from the environment; production refuses to start on unsafe values."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "-production-secret-for-tests-only-" + "x" * 20
CONFIG_VARIABLES = (
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "DATABASE_URL",
    "SEARCH_URL",
    "PUBLIC_BASE_URL",
    "FEED_TAG_AUTHORITY",
)
CONFIG_PREFIXES = ("EMAIL_", "DEFAULT_FROM_EMAIL", "WAGTAILADMIN_BASE_URL", "TRUSTED_PROXY_COUNT")
# What a production start needs besides what each test varies.
PRODUCTION = {
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "sdttg.sonla.gov.vn",
    "PUBLIC_BASE_URL": "https://sdttg.sonla.gov.vn",
    "EMAIL_HOST": "smtp.sonla.gov.vn",
    "DEFAULT_FROM_EMAIL": "noreply@sdttg.sonla.gov.vn",
}


def run_with_settings(module, args, **env):
    """Run Python in a fresh interpreter with only the given configuration, as a server start would."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in CONFIG_VARIABLES and not key.startswith(CONFIG_PREFIXES)
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def load_settings(module, **env):
    script = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps({'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS, "
        "'engine': settings.DATABASES['default']['ENGINE'], 'search': settings.SEARCH_URL}))"
    )
    return run_with_settings(module, ["-c", script], **env)


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        ({"ALLOWED_HOSTS": "sdttg.sonla.gov.vn"}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "sdttg.sonla.gov.vn"}, "too weak"),
        ({"SECRET_KEY": "django-insecure-" + "a" * 60, "ALLOWED_HOSTS": "x.vn"}, "too weak"),
        ({"SECRET_KEY": GOOD_KEY}, "ALLOWED_HOSTS is not set"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*"}, "not '*'"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "x.vn", "DEBUG": "maybe"}, "DEBUG must be"),
    ],
)
def test_production_refuses_unsafe_configuration(env, complaint):
    mail_and_address = {
        key: PRODUCTION[key] for key in ("PUBLIC_BASE_URL", "EMAIL_HOST", "DEFAULT_FROM_EMAIL")
    }
    result = load_settings("cms.settings.production", **{**mail_and_address, **env})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert complaint in result.stderr


def test_production_starts_with_a_secret_and_explicit_hosts():
    result = load_settings(
        "cms.settings.production",
        **{**PRODUCTION, "ALLOWED_HOSTS": "sdttg.sonla.gov.vn, www.sdttg.sonla.gov.vn"},
        DATABASE_URL="postgres://cms:secret@db.internal:5432/cms",
        SEARCH_URL="https://search.internal:9200",
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded == {
        "debug": False,
        "hosts": ["sdttg.sonla.gov.vn", "www.sdttg.sonla.gov.vn"],
        "engine": "django.db.backends.postgresql",
        "search": "https://search.internal:9200",
    }


def test_dev_defaults_to_embedded_sqlite_and_the_local_engine():
    result = load_settings("cms.settings.dev")
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["search"] == "http://127.0.0.1:9201"
    assert loaded["debug"] is True


def test_production_passes_django_deployment_checks():
    result = run_with_settings(
        "cms.settings.production",
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
