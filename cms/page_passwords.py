"""Page passwords (Wagtail's "password" privacy) are throttled as sign-in passwords are.

Wagtail checks every guess it is sent. Here each client address has AXES_FAILURE_LIMIT wrong tries per
protected page; after that the page's form answers 429 with the wait, for AXES_COOLOFF_TIME, and does
not check what is typed. A right password clears the count. Counts live in the default cache, so each
web process counts alone unless CACHES is shared, as with the API's rate limit.
"""

import math

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import ngettext
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from .client_address import client_address


def failures_key(request, page_id):
    return f"page-password-failures:{page_id}:{client_address(request)}"


def authenticate_with_password(request, page_view_restriction_id, page_id):
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    key = failures_key(request, page_id)
    cool_off = int(settings.AXES_COOLOFF_TIME.total_seconds())
    if cache.get(key, 0) >= settings.AXES_FAILURE_LIMIT:
        return paused(request, page_view_restriction_id, page_id, cool_off)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 302:
        cache.delete(key)
    else:
        cache.add(key, 0, timeout=cool_off)
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=cool_off)
    return response


class PausedPasswordForm(PasswordViewRestrictionForm):
    """The page's password form, unchecked, with the wait above it."""

    def __init__(self, *args, message, **kwargs):
        super().__init__(*args, **kwargs)
        self.message = message

    def non_field_errors(self):
        return self.error_class([self.message])


def paused(request, page_view_restriction_id, page_id, cool_off):
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    minutes = max(1, math.ceil(cool_off / 60))
    message = ngettext(
        "Too many wrong passwords for this page from your address. Try again in %(minutes)s minute.",
        "Too many wrong passwords for this page from your address. Try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}
    form = PausedPasswordForm(
        instance=restriction, initial={"return_url": request.POST.get("return_url")}, message=message
    )
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    response["Retry-After"] = str(cool_off)
    return response
