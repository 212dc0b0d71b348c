"""A copy of each public answer that only publishing changes, kept until something is published.

A policy announcement brings a spike of readers to the same few news lists, articles, procedures and
feeds; without a shared cache in front of the site, every one of them was rendered again from the
database (bench/load). This keeps the rendered answer to an anonymous GET and serves it again while
nothing has been published, withdrawn, moved or edited since:

- The key holds the site's *generation*: the newest ids of Wagtail's page and model logs, which
  record every publish, unpublish, move and deletion of a page and every edit of a snippet or image,
  and of the changes feed. Something published moves it, so the next reader gets a fresh answer at
  once, from every web process: each reads the generation from the database, so no process has to
  be told.
- A copy lives at most RESPONSE_CACHE_SECONDS (60 by default; 0 turns the cache off), which bounds
  what the generation cannot see (a dossier count imported without a log entry) and never past the
  next expiry time of a live page, so an expired page is not served from a copy.
- Only anonymous readers: a request with a session cookie (an editor, who may see the user bar or
  a draft) or credentials always gets a fresh answer, as does anything that sets a cookie, is
  private or no-cache, or is not a 200.
- Only what is the same for every reader: the published-content API and feeds (not search, the
  changes API or previews) and the public pages Wagtail serves (not the search page). The changes
  feed's Atom copy is kept: its answer moves only with the publishing log, and the log's newest
  position is part of the generation.

It sits inside the rate limit, the conditional-GET handling and the cache headers, so a copy is
still counted, answers If-None-Match with a 304 and carries a current Last-Modified.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import cc_delim_re

from .http_caching import PUBLISHED_CONTENT

CACHE_ALIAS = "responses"
# Never the same for every reader, or never worth a look at the generation.
NEVER_KEPT = ("/api/", "/admin/", "/django-admin/", "/documents/", "/static/")
# Not shared between readers however they are asked for.
UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store")


def enabled():
    return settings.RESPONSE_CACHE_SECONDS > 0


def mark_published_page(request):
    """Called as Wagtail serves a live page: its answer is the same for every anonymous reader."""
    request.serves_published_page = True


def cacheable_request(request):
    if request.method != "GET" or not enabled():
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path.startswith(PUBLISHED_CONTENT):
        return True
    return not request.path.startswith(NEVER_KEPT) and request.path != reverse("search")


def cacheable_response(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    if any(word in control for word in UNCACHEABLE_CONTROL):
        return False
    return request.path.startswith(PUBLISHED_CONTENT) or getattr(request, "serves_published_page", False)


def generation():
    """The newest entries of the page log, the model log and the publishing log, as one string.

    The publishing log counts by position, given once a change has committed: its newest row id could
    be one that committed before a slower transaction's lower one."""
    from wagtail.models import ModelLogEntry, PageLogEntry

    from .publishing.models import Event

    # The models' own table and column names, no input: one round trip instead of three.
    logs = ((PageLogEntry, "id"), (ModelLogEntry, "id"), (Event, "position"))
    quote = connection.ops.quote_name
    newest = ", ".join(
        f"(SELECT MAX({quote(column)}) FROM {quote(model._meta.db_table)})"  # noqa: S608
        for model, column in logs
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {newest}")
        return ".".join(str(value or 0) for value in cursor.fetchone())


def lifetime():
    """Seconds a copy made now may live: the setting's, but not past the next live page's expiry."""
    from wagtail.models import Page

    now = timezone.now()
    seconds = settings.RESPONSE_CACHE_SECONDS
    expiring = Page.objects.filter(live=True, expire_at__gt=now).order_by("expire_at")
    upcoming = expiring.values_list("expire_at", flat=True).first()
    if upcoming is not None:
        seconds = min(seconds, (upcoming - now) // timedelta(seconds=1))
    return seconds


def cache_key(request, current):
    # The absolute URI holds the scheme and host that links in feeds and pages are built from.
    parts = [current, request.build_absolute_uri(), request.headers.get("Accept", "")]
    return "response:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


class PublishedResponseCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        try:
            key = cache_key(request, generation())
        except DatabaseError:
            # Without the database nothing here is current; the view's own failure answers.
            return self.get_response(request)
        store = caches[CACHE_ALIAS]
        copy = store.get(key)
        if copy is not None:
            copy["X-Response-Cache"] = "hit"
            return copy
        response = self.get_response(request)
        if cacheable_response(request, response) and not vary_beyond_cookie(response):
            seconds = lifetime()
            if seconds > 0:
                store.set(key, response, seconds)
            response["X-Response-Cache"] = "miss"
        return response


def vary_beyond_cookie(response):
    """An answer that varies on a header the key does not hold (Cookie is covered: only readers
    without a session come here, and a cookie-setting answer is never kept)."""
    varied = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header}
    return bool(varied - {"cookie", "accept"})
