"""Holds a session at the code page until it enters one, and users who must enrol at enrolment.

After the password, django-otp's OTPMiddleware (before this one) tells whether the session has entered
a code: request.user.is_verified(). Until it has, the admin sends it to the code page (or enrolment),
and everywhere else (private pages, documents, the API) the request is anonymous. Users with no
device, and not required to have one, pass untouched.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from .devices import confirmed_device, must_enrol


def with_next(url_name, request):
    url = reverse(url_name)
    # Only a page can be returned to; a form post would arrive as a GET without its data.
    if request.method in ("GET", "HEAD"):
        url += "?" + urlencode({"next": request.get_full_path()})
    return url


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.detour(request) or self.get_response(request)

    def detour(self, request):
        # Without a session cookie nobody is signed in. Not reading the session then keeps Vary: Cookie
        # off public answers, so shared caches keep one copy for every visitor.
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return self.outside_admin(request)
        # The code page itself, a way out, and what the admin's scripts load on every page (the
        # translations and the icon sprite, which a redirect would replace with this page's HTML).
        always_open = {
            reverse("two_factor_verify"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
            reverse("wagtailadmin_sprite"),
        }
        if request.path in always_open:
            return None
        # Enrolment is not open to a session that has not entered a code: a stolen password alone
        # must not be able to replace the device.
        if confirmed_device(user) is not None:
            return redirect(with_next("two_factor_verify", request))
        if request.path != reverse("two_factor_setup") and must_enrol(user):
            return redirect(with_next("two_factor_setup", request))
        return None

    def outside_admin(self, request):
        user = request.user
        has_device = confirmed_device(user) is not None
        if not has_device and not must_enrol(user):
            return None
        # Not signed in for anything yet: the session only remembers whose password was right.
        anonymous = AnonymousUser()
        request.user = anonymous

        async def auser():
            return anonymous

        request.auser = auser
        # The public sign-in page (private pages send readers there) continues to the code page.
        if request.path == reverse("wagtailcore_login"):
            url = reverse("two_factor_verify" if has_device else "two_factor_setup")
            next_url = request.GET.get("next")
            return redirect(url + ("?" + urlencode({"next": next_url}) if next_url else ""))
        return None
