"""The answer to a locked-out admin login (django-axes counts the failures, see AXES_* in settings)."""

import ipaddress
import math

from axes.helpers import get_cool_off
from django.template.response import TemplateResponse

from .client_address import client_address


def client_ip(request):
    """The address failures are counted by: the API's notion of the client, when it is an address.

    A request without one (a login made in code, a proxy header that is not an address) counts
    under no address rather than failing: the database column only takes real addresses.
    """
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def locked_out(request, original_response=None, credentials=None):
    """A Vietnamese page, 429 with Retry-After, instead of axes' English text.

    It names neither the account nor whether it exists: the same page answers any name tried too often.
    """
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    response = TemplateResponse(
        request,
        "cms/login_locked.html",
        {"minutes": max(1, math.ceil(seconds / 60)) if seconds else None},
        status=429,
    )
    if seconds:
        response["Retry-After"] = str(seconds)
    return response.render()
