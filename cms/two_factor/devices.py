"""A user's authenticator-app device, and checking a code against it under django-otp's throttling."""

import math

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from site_pages.editorial_roles import ADMINISTRATORS, APPROVERS


class CodeRefused(Exception):
    """The code was not accepted; the arguments are the messages to show, in order."""


def confirmed_device(user):
    """The device whose codes this user's sign-in asks for, or None.

    Enrolment keeps one confirmed device per user, so there is never a choice to offer.
    """
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def pending_device(user):
    """The device enrolment shows, created on first visit and kept across reloads.

    Keeping it means a QR code scanned before a reload still produces codes that confirm.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=False)


def must_enrol(user):
    return administrator_must_enrol(user) or leader_must_enrol(user)


def administrator_must_enrol(user):
    """Whoever can change every account and setting: a stolen password alone must never be enough."""
    return settings.OTP_REQUIRED_FOR_ADMINISTRATORS and (
        user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists()
    )


def leader_must_enrol(user):
    return settings.OTP_REQUIRED_FOR_LEADERS and user.groups.filter(name=APPROVERS).exists()


def use_code(device, code):
    """The device, fresh from the database, once `code` is accepted; else CodeRefused.

    The row is locked while checking, so two requests can neither both use one code nor both slip
    past the pause django-otp's throttling imposes after each wrong code (1, 2, 4, 8... seconds).
    A wrong code's count is committed before CodeRefused is raised, outside the transaction.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, pause = device.verify_is_allowed()
        accepted = allowed and device.verify_token(code)
        paused_now = False
        if allowed and not accepted:
            still_allowed, pause = device.verify_is_allowed()
            paused_now = not still_allowed
    if not allowed:
        raise CodeRefused(wait_message(pause))
    if not accepted:
        messages = [gettext("This code is not right. Enter the code your authenticator app shows now.")]
        # The first pauses (1 and 2 seconds) pass before anyone can type again; longer ones are worth saying.
        if paused_now and seconds_left(pause) > 2:
            messages.append(wait_message(pause))
        raise CodeRefused(*messages)
    return device


def seconds_left(pause):
    locked_until = (pause or {}).get("locked_until")
    if locked_until is None:
        return 0
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))


def wait_message(pause):
    seconds = max(1, seconds_left(pause))
    if seconds < 120:
        return ngettext(
            "Too many wrong codes. Wait %(count)s second, then enter the newest code.",
            "Too many wrong codes. Wait %(count)s seconds, then enter the newest code.",
            seconds,
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Too many wrong codes. Wait %(count)s minute, then enter the newest code.",
        "Too many wrong codes. Wait %(count)s minutes, then enter the newest code.",
        minutes,
    ) % {"count": minutes}
