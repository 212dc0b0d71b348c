"""The one visibility rule for pages: what the public may see, wherever it is asked."""

from django.utils import timezone


def publicly_visible(pages):
    """Live, public and unexpired pages, also in the minute between an expiry time and the scheduler's
    run, while Wagtail still counts an expired page as live."""
    return pages.live().public().filter(expired=False).exclude(expire_at__lte=timezone.now())
