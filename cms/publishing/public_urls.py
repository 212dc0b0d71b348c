"""Every absolute URL of this site: PUBLIC_BASE_URL followed by a path.

Neither the host a request came in by (a proxy, an internal name) nor Wagtail's Site record (made as
`localhost`, port 80) is where the public reaches the site, and both leaked into e-mails, webhooks,
feeds, the sitemap, og:url and the API. Only WAGTAILADMIN_BASE_URL (derived from the same setting)
is read elsewhere, by Wagtail's own e-mails.
"""

from urllib.parse import urlsplit

from django.conf import settings


def public_url(location):
    """A path of this site, or an address of it on whatever host, on the public base URL."""
    if not location:
        return None
    parts = urlsplit(location)
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    if parts.fragment:
        path += f"#{parts.fragment}"
    return settings.PUBLIC_BASE_URL + path


def page_public_url(page):
    """The page's public address; None for a page outside every site."""
    parts = page.get_url_parts()
    return public_url(parts[2]) if parts else None


def public_host():
    return urlsplit(settings.PUBLIC_BASE_URL).hostname
