"""A procedure as one plain, canonical record: what import reads, export writes and pages hold.

Every text is NFC, every number a canonical string or int, every date ISO. Two records are equal
exactly when the procedure is the same, which is how re-imports know nothing changed.
"""

import datetime
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from search.folding import fold

from .codes import normalize_code, validate_code
from .vocabulary import ONLINE_LEVEL_LABELS, STATUS_LABELS, Channel, Level, OnlineLevel, Status, TimeUnit

SCALAR_TEXT_FIELDS = [
    "handling_agency",
    "authority",
    "coordinating_agencies",
    "where_to_submit",
    "applicants",
    "results",
    "requirements",
]


class RecordError(Exception):
    """One reason a record cannot be imported: which field, a stable code, and a sentence."""

    def __init__(self, field, code, message):
        super().__init__(message)
        self.field = field
        self.code = code
        self.message = message


# -- small, strict converters --------------------------------------------------------------


def text(value, field, required=False):
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RecordError(
            field, "wrong_type", _("Expected text, got %(type)s.") % {"type": type(value).__name__}
        )
    value = unicodedata.normalize("NFC", value).strip()
    if required and not value:
        raise RecordError(field, "missing", _("This field is required."))
    return value


def items(value, field):
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(
            field, "wrong_type", _("Expected a list, got %(type)s.") % {"type": type(value).__name__}
        )
    return value


def mapping(value, field):
    if not isinstance(value, dict):
        raise RecordError(
            field, "wrong_type", _("Expected an object, got %(type)s.") % {"type": type(value).__name__}
        )
    return value


def amount(value, field, required=True):
    if value in (None, ""):
        if required:
            raise RecordError(field, "missing", _("This field is required."))
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise RecordError(
            field, "wrong_type", _("Expected a number, got %(type)s.") % {"type": type(value).__name__}
        )
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation as error:
        raise RecordError(
            field, "not_a_number", _("%(value)r is not a number.") % {"value": value}
        ) from error
    if not number.is_finite():
        raise RecordError(field, "not_a_number", _("%(value)r is not a number.") % {"value": value})
    if number < 0:
        raise RecordError(field, "negative", _("Cannot be negative (%(value)s).") % {"value": value})
    return format(number.normalize(), "f")


def whole_number(value, field, default=0):
    if value in (None, ""):
        return default
    if isinstance(value, bool) or not isinstance(value, int | str | float):
        raise RecordError(
            field, "wrong_type", _("Expected a whole number, got %(type)s.") % {"type": type(value).__name__}
        )
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation as error:
        raise RecordError(
            field, "not_a_number", _("%(value)r is not a number.") % {"value": value}
        ) from error
    if number != number.to_integral_value():
        raise RecordError(field, "not_a_number", _("%(value)r is not a whole number.") % {"value": value})
    if number < 0:
        raise RecordError(field, "negative", _("Cannot be negative (%(value)s).") % {"value": value})
    return int(number)


def flag(value, field, default=True):
    if value in (None, ""):
        return default
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in {"1", "true", "yes", "có", "x"}:
        return True
    if word in {"0", "false", "no", "không"}:
        return False
    raise RecordError(field, "wrong_type", _("Expected yes or no, got %(value)r.") % {"value": value})


def iso_date(value, field):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise RecordError(
            field, "wrong_type", _("Expected a date, got %(type)s.") % {"type": type(value).__name__}
        )
    raw = value.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(raw[:10], pattern).date().isoformat()
        except ValueError:
            continue
    raise RecordError(
        field, "bad_date", _("%(value)r is not a date (use 2025-07-01 or 1/7/2025).") % {"value": value}
    )


def vocabulary_key(value):
    """A vocabulary word as compared on import: folded, words joined by single spaces."""
    return re.sub(r"[\W_]+", " ", fold(value)).strip()


def choice(value, field, choices, aliases=None, default=None):
    if value in (None, ""):
        if default is None:
            raise RecordError(field, "missing", _("This field is required."))
        return default
    if not isinstance(value, str):
        raise RecordError(
            field, "wrong_type", _("Expected text, got %(type)s.") % {"type": type(value).__name__}
        )
    accepted = {vocabulary_key(code): code for code in choices.values}
    accepted |= {vocabulary_key(label): str(code) for label, code in (aliases or {}).items()}
    if vocabulary_key(value) in accepted:
        return accepted[vocabulary_key(value)]
    allowed = ", ".join(choices.values)
    if aliases:
        allowed += "; " + ", ".join(aliases)
    raise RecordError(
        field,
        "unknown_value",
        _("Unknown value %(value)r; use one of: %(allowed)s.") % {"value": value, "allowed": allowed},
    )


# -- the canonical record ------------------------------------------------------------------


def check_code(value):
    code = normalize_code(text(value, "code", required=True))
    try:
        validate_code(code)
    except ValidationError as error:
        raise RecordError("code", "bad_code", error.messages[0]) from error
    return code


def canonical(record):
    """Validate and normalise a record whose nested parts are already plain lists and dicts."""
    result = {
        "code": check_code(record.get("code")),
        "name": text(record.get("name"), "name", required=True),
        "field": text(record.get("field"), "field"),
        "level": choice(record.get("level"), "level", Level, default=Level.OTHER),
        "online_level": choice(
            record.get("online_level"),
            "online_level",
            OnlineLevel,
            aliases=ONLINE_LEVEL_LABELS,
            default=OnlineLevel.NONE,
        ),
        "status": choice(
            record.get("status"), "status", Status, aliases=STATUS_LABELS, default=Status.IN_FORCE
        ),
        "in_force_from": iso_date(record.get("in_force_from"), "in_force_from"),
    }
    for name in SCALAR_TEXT_FIELDS:
        result[name] = text(record.get(name), name)
    result["steps"] = [
        {
            "name": text(mapping(step, f"steps[{i}]").get("name"), f"steps[{i}].name", required=True),
            "description": text(step.get("description"), f"steps[{i}].description"),
        }
        for i, step in enumerate(items(record.get("steps"), "steps"))
    ]
    result["channels"] = [
        canonical_channel(channel, i) for i, channel in enumerate(items(record.get("channels"), "channels"))
    ]
    result["cases"] = [canonical_case(case, i) for i, case in enumerate(items(record.get("cases"), "cases"))]
    result["legal_bases"] = [
        canonical_legal_basis(basis, i)
        for i, basis in enumerate(items(record.get("legal_bases"), "legal_bases"))
    ]
    return result


def canonical_channel(channel, i):
    where = f"channels[{i}]"
    channel = mapping(channel, where)
    return {
        "channel": choice(channel.get("channel"), f"{where}.channel", Channel),
        "processing_time": amount(channel.get("processing_time"), f"{where}.processing_time"),
        "time_unit": choice(
            channel.get("time_unit"), f"{where}.time_unit", TimeUnit, default=TimeUnit.WORKING_DAYS
        ),
        "fees": [
            {
                "amount": amount(
                    mapping(fee, f"{where}.fees[{j}]").get("amount"),
                    f"{where}.fees[{j}].amount",
                    required=False,
                ),
                "currency": text(fee.get("currency"), f"{where}.fees[{j}].currency") or "VND",
                "description": text(fee.get("description"), f"{where}.fees[{j}].description"),
            }
            for j, fee in enumerate(items(channel.get("fees"), f"{where}.fees"))
        ],
        "note": text(channel.get("note"), f"{where}.note"),
    }


def canonical_case(case, i):
    where = f"cases[{i}]"
    case = mapping(case, where)
    return {
        "name": text(case.get("name"), f"{where}.name"),
        "components": [
            {
                "name": text(
                    mapping(part, f"{where}.components[{j}]").get("name"),
                    f"{where}.components[{j}].name",
                    required=True,
                ),
                "originals": whole_number(
                    part.get("originals"), f"{where}.components[{j}].originals", default=1
                ),
                "copies": whole_number(part.get("copies"), f"{where}.components[{j}].copies", default=0),
                "required": flag(part.get("required"), f"{where}.components[{j}].required"),
            }
            for j, part in enumerate(items(case.get("components"), f"{where}.components"))
        ],
    }


def canonical_legal_basis(basis, i):
    where = f"legal_bases[{i}]"
    basis = mapping(basis, where)
    return {
        "number": text(basis.get("number"), f"{where}.number", required=True),
        "title": text(basis.get("title"), f"{where}.title"),
        "issuer": text(basis.get("issuer"), f"{where}.issuer"),
        "issued_on": iso_date(basis.get("issued_on"), f"{where}.issued_on"),
        "effective_on": iso_date(basis.get("effective_on"), f"{where}.effective_on"),
    }
