"""Production will not start with links that point at a developer's machine or mail that cannot leave.

A reset link to 127.0.0.1:8000 reaches nobody, and an e-mail backend with no server fails only when a
leader waits for the notification: both are refused when the process starts, with what to set.
"""

import json

import pytest

from tests.cms.test_settings import PRODUCTION, load_settings, run_with_settings

MAIL = {
    "EMAIL_HOST": "smtp.sonla.gov.vn",
    "EMAIL_PORT": "465",
    "EMAIL_HOST_USER": "cms@sdttg.sonla.gov.vn",
    "EMAIL_HOST_PASSWORD": "mat-khau-thu",
    "EMAIL_USE_TLS": "false",
    "EMAIL_USE_SSL": "true",
    "DEFAULT_FROM_EMAIL": "Sở DTTG Sơn La <noreply@sdttg.sonla.gov.vn>",
}


def without(name):
    return {key: value for key, value in PRODUCTION.items() if key != name}


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        (without("PUBLIC_BASE_URL"), "PUBLIC_BASE_URL is not set"),
        ({**PRODUCTION, "PUBLIC_BASE_URL": "sdttg.sonla.gov.vn"}, "PUBLIC_BASE_URL must be"),
        ({**PRODUCTION, "PUBLIC_BASE_URL": "ftp://sdttg.sonla.gov.vn"}, "PUBLIC_BASE_URL must be"),
        ({**PRODUCTION, "PUBLIC_BASE_URL": "https://sdttg.sonla.gov.vn/?a=b"}, "PUBLIC_BASE_URL must be"),
        (without("EMAIL_HOST"), "EMAIL_HOST is not set"),
        (without("DEFAULT_FROM_EMAIL"), "DEFAULT_FROM_EMAIL is not set"),
        ({**PRODUCTION, "EMAIL_PORT": "smtp"}, "EMAIL_PORT must be"),
        ({**PRODUCTION, "EMAIL_USE_TLS": "true", "EMAIL_USE_SSL": "true"}, "EMAIL_USE_TLS and EMAIL_USE_SSL"),
        ({**PRODUCTION, "EMAIL_HOST_USER": "cms"}, "EMAIL_HOST_PASSWORD"),
    ],
)
def test_production_refuses_to_start_without_a_public_address_or_a_mail_server(env, complaint):
    result = load_settings("cms.settings.production", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert complaint in result.stderr


def test_production_reads_mail_and_the_public_address_from_the_environment():
    script = (
        "import json, django; from django.conf import settings as s; django.setup(); "
        "print(json.dumps({name: getattr(s, name) for name in ("
        "'PUBLIC_BASE_URL', 'WAGTAILADMIN_BASE_URL', 'EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', "
        "'EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD', 'EMAIL_USE_TLS', 'EMAIL_USE_SSL', "
        "'DEFAULT_FROM_EMAIL', 'SERVER_EMAIL')}))"
    )
    env = {**PRODUCTION, **MAIL, "PUBLIC_BASE_URL": "https://sdttg.sonla.gov.vn/"}
    result = run_with_settings("cms.settings.production", ["-c", script], **env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "PUBLIC_BASE_URL": "https://sdttg.sonla.gov.vn",
        "WAGTAILADMIN_BASE_URL": "https://sdttg.sonla.gov.vn",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.sonla.gov.vn",
        "EMAIL_PORT": 465,
        "EMAIL_HOST_USER": "cms@sdttg.sonla.gov.vn",
        "EMAIL_HOST_PASSWORD": "mat-khau-thu",
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": True,
        "DEFAULT_FROM_EMAIL": "Sở DTTG Sơn La <noreply@sdttg.sonla.gov.vn>",
        "SERVER_EMAIL": "Sở DTTG Sơn La <noreply@sdttg.sonla.gov.vn>",
    }


def test_an_admin_address_of_its_own_is_kept():
    script = (
        "import django; from django.conf import settings as s; django.setup(); print(s.WAGTAILADMIN_BASE_URL)"
    )
    env = {**PRODUCTION, "WAGTAILADMIN_BASE_URL": "https://quantri.sdttg.sonla.gov.vn"}
    result = run_with_settings("cms.settings.production", ["-c", script], **env)
    assert result.stdout.strip() == "https://quantri.sdttg.sonla.gov.vn", result.stderr
