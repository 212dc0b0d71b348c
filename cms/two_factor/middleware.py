"""Holds an admin session at the code page until it enters one, and leaders who must enrol at enrolment.

After the password, django-otp's OTPMiddleware (before this one) tells whether the session has entered
a code: request.user.is_verified(). Users with no device, and not required to have one, pass untouched.
"""

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
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        # The code page itself, a way out, and the translations the admin's scripts load on every page.
        always_open = {
            reverse("two_factor_verify"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
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
