"""The bytes of a news export: a local file, or an http(s) address fetched once."""

from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.utils.translation import gettext as _

from .errors import NewsImportError

FETCH_TIMEOUT_SECONDS = 30
MAX_BYTES = 20 * 1024 * 1024  # an old site's complete news archive as RSS stays well below this


def is_url(location):
    return urlsplit(location).scheme.lower() in ("http", "https")


def read_source(location):
    """(label for messages, bytes) of a path or an http(s) URL."""
    if is_url(location):
        return location, fetch(location)
    path = Path(location)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise too_large(path.name)
        return path.name, path.read_bytes()
    except OSError as error:
        raise NewsImportError(
            _("Cannot read %(path)s: %(reason)s") % {"path": location, "reason": error.strerror}
        ) from error


def fetch(url):
    request = Request(url, headers={"User-Agent": "sdtg-sonla-news-import/1"})  # noqa: S310 - http(s) only
    try:
        with urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310 - http(s) only
            data = response.read(MAX_BYTES + 1)
    except HTTPError as error:
        raise NewsImportError(
            _("Cannot download %(url)s: the server answered %(status)s %(reason)s.")
            % {"url": url, "status": error.code, "reason": error.reason}
        ) from error
    except (URLError, OSError, ValueError) as error:
        # A connection timeout arrives wrapped in URLError, a read timeout bare.
        reason = error.reason if isinstance(error, URLError) else error
        if isinstance(reason, TimeoutError):
            raise NewsImportError(
                _("Cannot download %(url)s: no answer within %(seconds)s seconds.")
                % {"url": url, "seconds": FETCH_TIMEOUT_SECONDS}
            ) from error
        raise NewsImportError(
            _("Cannot download %(url)s: %(reason)s") % {"url": url, "reason": reason}
        ) from error
    if len(data) > MAX_BYTES:
        raise too_large(url)
    return data


def too_large(label):
    return NewsImportError(
        _("%(source)s is larger than %(megabytes)s MB; split the export into several files.")
        % {"source": label, "megabytes": MAX_BYTES // (1024 * 1024)}
    )
