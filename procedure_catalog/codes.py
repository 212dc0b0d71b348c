"""National procedure codes: 1.012223, or with a province's local suffix 1.012223.H56."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CODE_PATTERN = re.compile(r"^\d{1,2}\.\d{6}(\.H\d{2})?$")


def normalize_code(raw):
    return str(raw or "").strip().upper().replace(",", ".")


def validate_code(value):
    if not CODE_PATTERN.match(value or ""):
        raise ValidationError(
            _("%(code)r is not a procedure code such as 1.012223 or 1.012223.H56.") % {"code": value},
            code="bad_code",
        )
