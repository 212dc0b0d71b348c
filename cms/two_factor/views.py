"""Enrolment and removal of the authenticator app, and the code page every sign-in with one passes."""

import base64

import segno
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_lazy
from django.views.generic import FormView
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .devices import (
    CodeRefused,
    administrator_must_enrol,
    confirmed_device,
    must_enrol,
    pending_device,
    use_code,
)
from .forms import CodeForm


def safe_next(request, default):
    """The page the user was on before the detour, if it is on this site."""
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def mark_session_verified(request, device):
    # A fresh session key for the stronger sign-in, as Django gives one after the password.
    request.session.cycle_key()
    otp_login(request, device)


class CodeFormMixin:
    form_class = CodeForm

    def accept_code(self, form, device):
        """The device once the form's code is accepted, else None with the reasons on the form."""
        try:
            return use_code(device, form.cleaned_data["code"])
        except CodeRefused as refusal:
            for message in refusal.args:
                form.add_error("code", message)
            return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = safe_next(self.request, "")
        return context


class VerifyView(CodeFormMixin, FormView):
    """The code page: a page of its own, like the login page, since the admin is not open yet."""

    template_name = "two_factor/verify.html"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        if self.device is None or request.user.is_verified():
            return redirect(safe_next(request, reverse("wagtailadmin_home")))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        device = self.accept_code(form, self.device)
        if device is None:
            return self.form_invalid(form)
        mark_session_verified(self.request, device)
        return redirect(safe_next(self.request, reverse("wagtailadmin_home")))


class SetupView(CodeFormMixin, WagtailAdminTemplateMixin, FormView):
    """Turning two-factor sign-in on (scan, then confirm with a code) or off (with a current code)."""

    template_name = "two_factor/setup.html"
    page_title = gettext_lazy("Two-factor sign-in")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        self.device = confirmed_device(request.user)
        # The middleware already sends such a session to the code page; this view never trusts that alone.
        if self.device is not None and not request.user.is_verified():
            return redirect("two_factor_verify")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["enrolled"] = self.device is not None
        if self.device is None:
            context["required"] = must_enrol(self.request.user)
            context["required_as_administrator"] = administrator_must_enrol(self.request.user)
            context.update(enrolment_details(pending_device(self.request.user)))
        return context

    def form_valid(self, form):
        if self.device is not None:
            return self.turn_off(form)
        return self.turn_on(form)

    def turn_on(self, form):
        device = self.accept_code(form, pending_device(self.request.user))
        if device is None:
            return self.form_invalid(form)
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=self.request.user).exclude(pk=device.pk).delete()
        # The code just typed proves the phone is at hand: no second code for this session.
        mark_session_verified(self.request, device)
        messages.success(
            self.request,
            gettext(
                "Two-factor sign-in is on. After your password, the admin will ask for a code from your app."
            ),
        )
        return redirect(safe_next(self.request, reverse("two_factor_setup")))

    def turn_off(self, form):
        if self.accept_code(form, self.device) is None:
            return self.form_invalid(form)
        TOTPDevice.objects.filter(user=self.request.user).delete()
        messages.success(
            self.request, gettext("Two-factor sign-in is off. Your password alone signs you in.")
        )
        return redirect("two_factor_setup")


def enrolment_details(device):
    """What an authenticator app needs: a QR code, the link a phone opens, and the key to type by hand."""
    uri = device.config_url
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    qr_code = segno.make(uri, error="m").svg_inline(
        scale=5,
        border=4,
        dark="#000",
        # White even in the admin's dark theme: scanners need dark modules on a light ground.
        light="#fff",
        title=gettext("QR code for your authenticator app"),
    )
    return {
        # segno escapes the title; the rest is path data it draws itself.
        "qr_code": mark_safe(qr_code),  # noqa: S308
        "otpauth_uri": uri,
        "secret_groups": [secret[start : start + 4] for start in range(0, len(secret), 4)],
    }
