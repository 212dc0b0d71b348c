"""Cache-Control and Last-Modified for the API and feeds; ConditionalGetMiddleware adds the strong ETag.

Last-Modified comes from the newest event of the publishing log, which records every publish and every
withdrawal, so a list also looks modified when an item left it; events are dated when they were
numbered, after their commit, so a slow transaction cannot date a change before one already served. It
has whole-second precision, so it is left out while the newest change is younger than two seconds:
otherwise a client that fetched during that second would be told "304" about a later change in the
same second.
The ETag, a hash of the exact bytes, is the precise validator; Last-Modified is the cheap one.
"""

from datetime import timedelta

from django.db import DatabaseError
from django.utils import timezone
from django.utils.http import http_date

from .publishing.models import Event

WHOLE_SECOND_MARGIN = 2

# Longest prefix first. Seconds a shared cache may serve a copy without asking again.
MAX_AGE = [
    ("/api/v1/changes", 0),  # the portal pages through it; every answer must be current
    ("/api/v1/search", 30),
    ("/api/v1/suggest", 30),
    ("/api/v1/", 60),
    ("/feeds/", 300),
]
# Endpoints whose answers change only when syndicated pages are published or withdrawn.
PUBLISHED_CONTENT = ("/api/v1/news", "/api/v1/procedures", "/api/v1/procedure-notices", "/feeds/")


def cache_control(path):
    for prefix, seconds in MAX_AGE:
        if path.startswith(prefix):
            return f"public, max-age={seconds}" if seconds else "no-cache"
    return None


def content_last_modified(now=None):
    now = now or timezone.now()
    try:
        if Event.objects.filter(position=None).exists():
            return None  # a change has committed but is not numbered yet: its date is still to come
        newest = (
            Event.objects.filter(position__isnull=False)
            .order_by("-position")
            .values_list("sequenced_at", flat=True)
            .first()
        )
    except DatabaseError:
        # The answer is already made; losing the database now costs only this optional header.
        return None
    if newest is None or newest > now - timedelta(seconds=WHOLE_SECOND_MARGIN):
        return None
    return newest


class ApiCacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        policy = cache_control(request.path)
        if policy is None:
            return response
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = policy
        if request.path.startswith(PUBLISHED_CONTENT):
            # Replaces the feeds' own Last-Modified, the newest item's date, which a withdrawal
            # does not move: a reader asking If-Modified-Since would keep the withdrawn item.
            if changed := content_last_modified():
                response["Last-Modified"] = http_date(changed.timestamp())
            elif response.has_header("Last-Modified"):
                del response["Last-Modified"]
        return response
