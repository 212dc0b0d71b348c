"""Reading configuration from environment variables, with the errors a deployer can act on."""

import os
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE_WORDS | FALSE_WORDS)}, not {raw!r}")


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_required(name, why):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} is not set: {why}")
    return value


def env_int(name, default):
    raw = os.environ.get(name, str(default)).strip()
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def base_url(name, value):
    """An http(s) origin with an optional path, without the trailing slash: every absolute URL is built
    on it, so a bare host name or a query string would spoil every link."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"{name} must be an http(s) address such as https://sdttg.sonla.gov.vn, not {value!r}"
        )
    return value.strip().rstrip("/")


DNS_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def domain_name(name, value):
    """A DNS name of two labels or more, in lower case: what RFC 4151 lets a tag URI be minted under."""
    candidate = value.strip().lower()
    labels = candidate.split(".")
    if len(candidate) > 253 or len(labels) < 2 or not all(DNS_LABEL.match(label) for label in labels):
        raise ImproperlyConfigured(
            f"{name} must be a domain name such as bandantoc.sonla.gov.vn (no scheme, port or path), "
            f"not {value!r}"
        )
    return candidate
