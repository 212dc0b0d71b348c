"""Two-factor sign-in: a code from the user's phone after the password, for whoever turned it on."""

import base64
import datetime
import io
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from site_pages.editorial_roles import APPROVERS, EDITORS
from tests.factories import role_user

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-thu-nghiem"  # UserFactory's
# Messages are looked up in the catalogue, so the tests hold before and after the Vietnamese is compiled in.
CODE_PAGE_TITLE = "Enter the 6-digit code"
WRONG_CODE = "This code is not right. Enter the code your authenticator app shows now."
WAIT = "Too many wrong codes. Wait %(count)s second, then enter the newest code."
WAIT_PLURAL = "Too many wrong codes. Wait %(count)s seconds, then enter the newest code."
LEADERS_MUST_ENROL = (
    "Leaders who approve content must use two-factor sign-in. Set it up to continue to the admin."
)
# 15 s into a 30-second step: a few seconds' wait never changes which codes are valid.
MORNING = datetime.datetime(2025, 6, 2, 1, 0, 15, tzinfo=datetime.UTC)

PAGES = "/admin/pages/"


@pytest.fixture(autouse=True)
def frozen_clock(time_machine):
    time_machine.move_to(MORNING, tick=False)
    return time_machine


def code_at(device, steps_from_now=0):
    """What the user's app shows, by RFC 6238 with the device's key (shifting t0 shifts the step)."""
    t0 = device.t0 - steps_from_now * device.step
    return f"{totp(device.bin_key, device.step, t0, device.digits, device.drift):0{device.digits}d}"


def wrong_code(device):
    # Tolerance 1 accepts the previous, current and next codes; avoid all three.
    valid = {code_at(device, steps) for steps in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in valid)


def key_groups(device):
    """The key as the page shows it for typing into an app: base32 in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def sign_in(client, user):
    response = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home"), "password accepted"
    return response


def enter_code(client, code, next_url=""):
    return client.post(reverse("two_factor_verify"), {"code": code, "next": next_url})


def announced(code_page, message):
    """Shown at the top of the code page, where its layout puts errors (it hides those beside fields)."""
    return f'<li class="error">{escape(message)}</li>' in code_page.content.decode()


def enrolled(user):
    return TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)


def sent_to_code_page(response, next_url):
    return (
        response.status_code == 302
        and response.url == f"{reverse('two_factor_verify')}?next={quote(next_url, safe='')}"
    )


def test_enrolment_activates_the_device_only_after_a_right_code(client, frozen_clock):
    editor = role_user(EDITORS)
    sign_in(client, editor)

    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=editor)
    assert not device.confirmed
    html = page.content.decode()
    assert '<svg width="' in html and 'class="segno"' in html, "a QR code to scan"
    assert device.config_url.startswith("otpauth://totp/")
    assert escape(device.config_url) in html, "a link a phone opens in its authenticator app"
    assert device.key not in html
    assert key_groups(device) in html, "the key to type by hand, in base32"
    assert key_groups(device) in client.get(reverse("two_factor_setup")).content.decode(), "a reload keeps it"

    refused = client.post(reverse("two_factor_setup"), {"code": wrong_code(device)})
    assert refused.status_code == 200
    assert escape(gettext(WRONG_CODE)) in refused.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    # Not active yet: signing in again asks for nothing more than the password.
    client.logout()
    sign_in(client, editor)
    assert client.get(PAGES).status_code == 200

    frozen_clock.shift(2)  # past the 1-second pause after the wrong code
    confirmed = client.post(reverse("two_factor_setup"), {"code": code_at(device)})
    assert confirmed.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(PAGES).status_code == 200, "the code just typed counts for this session"

    client.logout()
    sign_in(client, editor)
    assert sent_to_code_page(client.get(PAGES), PAGES), "the next sign-in asks for a code"


def test_after_the_password_a_user_with_a_device_is_held_at_the_code_page(client):
    editor = role_user(EDITORS)
    enrolled(editor)

    sign_in(client, editor)
    assert sent_to_code_page(client.get(reverse("wagtailadmin_home")), reverse("wagtailadmin_home"))
    assert sent_to_code_page(client.get(PAGES), PAGES)
    assert client.post(PAGES).status_code == 302
    # A stolen password alone cannot swap the device for the thief's.
    assert sent_to_code_page(client.get(reverse("two_factor_setup")), reverse("two_factor_setup"))

    page = client.get(reverse("two_factor_verify"), {"next": PAGES})
    assert page.status_code == 200
    html = page.content.decode()
    assert f"<h1>{escape(gettext(CODE_PAGE_TITLE))}</h1>" in html
    assert '<html lang="vi"' in html
    assert 'autocomplete="one-time-code"' in html

    # The way out stays open.
    signed_out = client.post(reverse("wagtailadmin_logout"))
    assert signed_out.status_code == 302
    assert client.get(PAGES).url.startswith(reverse("wagtailadmin_login"))


def test_the_right_code_opens_the_admin_for_this_session_only(client):
    editor = role_user(EDITORS)
    device = enrolled(editor)
    sign_in(client, editor)

    answer = enter_code(client, code_at(device), next_url=PAGES)
    assert answer.status_code == 302 and answer.url == PAGES
    assert client.get(PAGES).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    elsewhere = Client()
    sign_in(elsewhere, editor)
    assert sent_to_code_page(elsewhere.get(PAGES), PAGES), "another browser needs its own code"
    replayed = enter_code(elsewhere, code_at(device))
    assert replayed.status_code == 200, "a code already used cannot be used again"
    assert sent_to_code_page(elsewhere.get(PAGES), PAGES)


def test_a_wrong_code_keeps_the_admin_closed_and_says_so_in_vietnamese(client, frozen_clock):
    editor = role_user(EDITORS)
    device = enrolled(editor)
    sign_in(client, editor)

    refused = enter_code(client, wrong_code(device), next_url=PAGES)
    assert refused.status_code == 200
    assert announced(refused, gettext(WRONG_CODE))
    assert sent_to_code_page(client.get(PAGES), PAGES)

    # django-otp's throttling: straight after a wrong code even the right one waits.
    paused = enter_code(client, code_at(device), next_url=PAGES)
    assert paused.status_code == 200
    assert announced(paused, ngettext(WAIT, WAIT_PLURAL, 1) % {"count": 1})
    assert sent_to_code_page(client.get(PAGES), PAGES)

    frozen_clock.shift(2)
    assert enter_code(client, code_at(device), next_url=PAGES).url == PAGES
    assert client.get(PAGES).status_code == 200


def test_each_wrong_code_doubles_the_wait_and_the_page_says_how_long(client, frozen_clock):
    editor = role_user(EDITORS)
    device = enrolled(editor)
    sign_in(client, editor)
    for _ in range(3):  # pauses of 1, 2 and 4 seconds
        enter_code(client, wrong_code(device))
        frozen_clock.shift(5)
    fourth = enter_code(client, wrong_code(device))
    assert announced(fourth, gettext(WRONG_CODE))
    assert announced(fourth, ngettext(WAIT, WAIT_PLURAL, 8) % {"count": 8})
    frozen_clock.shift(7)
    still = enter_code(client, code_at(device))
    assert announced(still, ngettext(WAIT, WAIT_PLURAL, 1) % {"count": 1})
    assert sent_to_code_page(client.get(PAGES), PAGES)


def test_password_lockout_still_applies_to_users_with_a_device(client):
    editor = role_user(EDITORS)
    enrolled(editor)
    for _ in range(5):
        client.post(reverse("wagtailadmin_login"), {"username": editor.username, "password": "doan-sai"})
    locked = client.post(reverse("wagtailadmin_login"), {"username": editor.username, "password": PASSWORD})
    assert locked.status_code == 429, "the code page is never reached past a locked password"
    assert client.get(PAGES).url.startswith(reverse("wagtailadmin_login"))


def test_leaders_without_a_device_are_sent_to_enrolment_when_required(client, settings):
    settings.OTP_REQUIRED_FOR_LEADERS = True
    leader = role_user(APPROVERS)
    sign_in(client, leader)

    detour = client.get(PAGES)
    assert detour.status_code == 302
    assert detour.url == f"{reverse('two_factor_setup')}?next={quote(PAGES, safe='')}"
    page = client.get(detour.url)
    assert page.status_code == 200
    assert escape(gettext(LEADERS_MUST_ENROL)) in page.content.decode()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302, "every admin page, not just one"

    device = TOTPDevice.objects.get(user=leader)
    enrolment = client.post(reverse("two_factor_setup"), {"code": code_at(device), "next": PAGES})
    assert enrolment.url == PAGES
    assert client.get(PAGES).status_code == 200

    editor_client = Client()
    editor = role_user(EDITORS)
    sign_in(editor_client, editor)
    assert editor_client.get(PAGES).status_code == 200, "editors without a device are not affected"
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_leaders_sign_in_with_the_password_alone_by_default(client):
    leader = role_user(APPROVERS)
    sign_in(client, leader)
    assert client.get(PAGES).status_code == 200


def test_removal_needs_a_current_code_and_then_the_password_alone_signs_in(client, frozen_clock):
    editor = role_user(EDITORS)
    device = enrolled(editor)
    sign_in(client, editor)
    enter_code(client, code_at(device))

    account = client.get(reverse("wagtailadmin_account"))
    assert reverse("two_factor_setup") in account.content.decode(), "reachable from the account page"
    setup = client.get(reverse("two_factor_setup"))
    html = setup.content.decode()
    assert 'class="segno"' not in html and key_groups(device) not in html, "the key is never shown again"

    refused = client.post(reverse("two_factor_setup"), {"code": wrong_code(device)})
    assert escape(gettext(WRONG_CODE)) in refused.content.decode()
    assert TOTPDevice.objects.filter(user=editor).exists()

    frozen_clock.shift(30)  # the code used to sign in cannot be used again; the next one can
    removed = client.post(reverse("two_factor_setup"), {"code": code_at(device)})
    assert removed.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()

    client.logout()
    sign_in(client, editor)
    assert client.get(PAGES).status_code == 200


def test_the_code_page_never_sends_anyone_to_another_site(client):
    editor = role_user(EDITORS)
    device = enrolled(editor)
    sign_in(client, editor)
    answer = enter_code(client, code_at(device), next_url="https://lua-dao.example/admin/")
    assert answer.status_code == 302 and answer.url == reverse("wagtailadmin_home")


def test_an_administrator_can_remove_a_lost_phone_from_the_command_line(client):
    editor = role_user(EDITORS)
    enrolled(editor)
    call_command("two_factor_reset", editor.username, stdout=io.StringIO())
    sign_in(client, editor)
    assert client.get(PAGES).status_code == 200
    with pytest.raises(CommandError):
        call_command("two_factor_reset", "khong-ton-tai", stdout=io.StringIO())
