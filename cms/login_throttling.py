"""The answer to a locked-out admin login (django-axes counts the failures, see AXES_* in settings)."""

import math

from axes.helpers import get_cool_off
from django.template.response import TemplateResponse


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
