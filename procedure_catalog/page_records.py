"""Between ProcedurePage and the canonical record."""

import datetime
from decimal import Decimal

from .models import ProcedureField
from .records import SCALAR_TEXT_FIELDS


def _iso(value):
    return value.isoformat() if value else None


def _decimal_text(value):
    return None if value is None else format(Decimal(value).normalize(), "f")


def record_from_page(page):
    record = {
        "code": page.code,
        "name": page.title,
        "field": page.field.name if page.field_id else "",
        "level": page.level,
        "online_level": page.online_level,
        "status": page.status,
        "in_force_from": _iso(page.in_force_from),
    }
    for name in SCALAR_TEXT_FIELDS:
        record[name] = getattr(page, name)
    record["steps"] = [{"name": b.value["name"], "description": b.value["description"]} for b in page.steps]
    record["channels"] = [
        {
            "channel": b.value["channel"],
            "processing_time": _decimal_text(b.value["processing_time"]),
            "time_unit": b.value["time_unit"],
            "fees": [
                {
                    "amount": _decimal_text(fee["amount"]),
                    "currency": fee["currency"] or "VND",
                    "description": fee["description"],
                }
                for fee in b.value["fees"]
            ],
            "note": b.value["note"],
        }
        for b in page.channels
    ]
    record["cases"] = [
        {
            "name": b.value["name"],
            "components": [
                {
                    "name": part["name"],
                    "originals": part["originals"],
                    "copies": part["copies"],
                    "required": bool(part["required"]),
                }
                for part in b.value["components"]
            ],
        }
        for b in page.cases
    ]
    record["legal_bases"] = [
        {
            "number": b.value["number"],
            "title": b.value["title"],
            "issuer": b.value["issuer"],
            "issued_on": _iso(b.value["issued_on"]),
            "effective_on": _iso(b.value["effective_on"]),
        }
        for b in page.legal_bases
    ]
    return record


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _dec(value):
    return None if value is None else Decimal(value)


def apply_record(page, record, raw=None):
    """Write a canonical record onto a page (not saved). Form templates already attached stay."""
    page.code = record["code"]
    page.title = record["name"]
    page.field = ProcedureField.objects.get_or_create(name=record["field"])[0] if record["field"] else None
    page.level = record["level"]
    page.online_level = record["online_level"]
    page.status = record["status"]
    page.in_force_from = _date(record["in_force_from"])
    for name in SCALAR_TEXT_FIELDS:
        setattr(page, name, record[name])
    page.steps = [("step", step) for step in record["steps"]]
    page.channels = [
        (
            "channel",
            {
                **channel,
                "processing_time": _dec(channel["processing_time"]),
                "fees": [{**fee, "amount": _dec(fee["amount"])} for fee in channel["fees"]],
            },
        )
        for channel in record["channels"]
    ]
    existing_forms = _forms_by_component(page)
    page.cases = [
        (
            "case",
            {
                "name": case["name"],
                "components": [
                    {**part, "forms": existing_forms.get((case["name"], part["name"]), [])}
                    for part in case["components"]
                ],
            },
        )
        for case in record["cases"]
    ]
    page.legal_bases = [
        (
            "legal_basis",
            {**basis, "issued_on": _date(basis["issued_on"]), "effective_on": _date(basis["effective_on"])},
        )
        for basis in record["legal_bases"]
    ]
    if raw is not None:
        page.national_record = raw
    return page


def _forms_by_component(page):
    if not page.pk:
        return {}
    forms = {}
    for case in page.cases:
        for part in case.value["components"]:
            forms[(case.value["name"], part["name"])] = list(part["forms"])
    return forms
