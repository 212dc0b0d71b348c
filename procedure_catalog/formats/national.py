"""The national public-service portal's JSON record, read into and written from our record.

Reads the portal's own keys (docs/domain.md lists them) and a few of ours that the portal lacks
(authority, whereToSubmit, inForceFrom, legal-basis dates), so our JSON export re-imports whole.
"""

from ..records import RecordError, canonical, items, mapping, text
from ..vocabulary import (
    NATIONAL_CHANNELS,
    NATIONAL_ONLINE_LEVELS,
    NATIONAL_STATUSES,
    NATIONAL_TIME_UNITS,
    Level,
)


def _names(value, field):
    """The portal lists many things as [{"name": …}] and sometimes as plain strings."""
    names = []
    for i, entry in enumerate(items(value, field)):
        if isinstance(entry, dict):
            names.append(text(entry.get("name"), f"{field}[{i}].name"))
        else:
            names.append(text(entry, f"{field}[{i}]"))
    return [name for name in names if name]


def _joined(value, field):
    if isinstance(value, list):
        return "\n".join(_names(value, field))
    return text(value, field)


def _level(national):
    if national.get("level"):
        return national["level"]
    if national.get("isProvince"):
        return Level.PROVINCE
    if national.get("isWard"):
        return Level.COMMUNE
    if national.get("isMinistry"):
        return Level.MINISTRY
    return Level.OTHER


def _translated(value, table):
    if isinstance(value, str) and value.strip() in table:
        return str(table[value.strip()])
    if isinstance(value, str) and value.strip().lower() in table:
        return str(table[value.strip().lower()])
    return value


def record_from_national(national):
    national = mapping(national, "record")
    categories = _names(national.get("categoriesDetails"), "categoriesDetails")
    record = {
        "code": national.get("code"),
        "name": national.get("name"),
        "field": categories[0] if categories else "",
        "level": _level(national),
        "online_level": _translated(national.get("onlineLevel"), NATIONAL_ONLINE_LEVELS),
        "status": _translated(national.get("status"), NATIONAL_STATUSES),
        "in_force_from": national.get("inForceFrom"),
        "handling_agency": _joined(national.get("departmentsExecuting"), "departmentsExecuting"),
        "authority": _joined(national.get("authority"), "authority"),
        "coordinating_agencies": _joined(national.get("coordinatingAgencies"), "coordinatingAgencies"),
        "where_to_submit": _joined(national.get("whereToSubmit"), "whereToSubmit"),
        "applicants": _joined(national.get("subjectTypesDetails"), "subjectTypesDetails"),
        "results": _joined(national.get("resultsDetails"), "resultsDetails"),
        "requirements": _joined(national.get("requirementsAndConditions"), "requirementsAndConditions"),
        "steps": [
            {
                "name": mapping(step, f"executionSteps[{i}]").get("name"),
                "description": step.get("description"),
            }
            for i, step in enumerate(items(national.get("executionSteps"), "executionSteps"))
        ],
        "channels": [
            _channel(method, i)
            for i, method in enumerate(items(national.get("executionMethods"), "executionMethods"))
        ],
        "cases": [
            {
                "name": mapping(case, f"executionCases[{i}]").get("name"),
                "components": [
                    {
                        "name": mapping(part, f"executionCases[{i}].profileComponents[{j}]").get("name"),
                        "originals": part.get("originalQty"),
                        "copies": part.get("copyQty"),
                        "required": part.get("required"),
                    }
                    for j, part in enumerate(
                        items(case.get("profileComponents"), f"executionCases[{i}].profileComponents")
                    )
                ],
            }
            for i, case in enumerate(items(national.get("executionCases"), "executionCases"))
        ],
        "legal_bases": [
            {
                "number": mapping(basis, f"legalBasisesDetails[{i}]").get("code"),
                "title": basis.get("name"),
                "issuer": basis.get("issuer"),
                "issued_on": basis.get("issuedOn"),
                "effective_on": basis.get("effectiveOn"),
            }
            for i, basis in enumerate(items(national.get("legalBasisesDetails"), "legalBasisesDetails"))
        ],
    }
    try:
        return canonical(record)
    except RecordError as error:
        error.field = _national_field(error.field)
        raise


def _channel(method, i):
    where = f"executionMethods[{i}]"
    method = mapping(method, where)
    submission = method.get("submissionMethod")
    if isinstance(submission, str) and submission.strip().upper() not in NATIONAL_CHANNELS:
        raise RecordError(f"{where}.submissionMethod", "unknown_value", _unknown_channel(submission))
    return {
        "channel": _translated(
            submission.strip().upper() if isinstance(submission, str) else submission, NATIONAL_CHANNELS
        ),
        "processing_time": method.get("processingTime"),
        "time_unit": _translated(method.get("processingTimeUnit"), NATIONAL_TIME_UNITS),
        "fees": [
            {
                "amount": mapping(fee, f"{where}.fees[{j}]").get("value"),
                "currency": fee.get("currencyName"),
                "description": fee.get("description"),
            }
            for j, fee in enumerate(items(method.get("fees"), f"{where}.fees"))
        ],
        "note": method.get("note"),
    }


def _unknown_channel(value):
    from django.utils.translation import gettext as _

    return _("Unknown submission method %(value)r; use DIRECT, ONLINE or POSTAL.") % {"value": value}


_NATIONAL_NAMES = {
    "steps": "executionSteps",
    "channels": "executionMethods",
    "cases": "executionCases",
    "components": "profileComponents",
    "legal_bases": "legalBasisesDetails",
    "processing_time": "processingTime",
    "time_unit": "processingTimeUnit",
    "originals": "originalQty",
    "copies": "copyQty",
    "online_level": "onlineLevel",
    "in_force_from": "inForceFrom",
    "number": "code",
}


def _national_field(field):
    """Report a field under the portal's own name, so the operator finds it in the file."""
    for ours, theirs in _NATIONAL_NAMES.items():
        field = field.replace(ours, theirs)
    return field


def national_from_record(record):
    def reverse(table, value):
        return next((key for key, ours in table.items() if str(ours) == value and key.isupper()), value)

    return {
        "code": record["code"],
        "name": record["name"],
        "categoriesDetails": [{"name": record["field"]}] if record["field"] else [],
        "level": record["level"],
        "isProvince": record["level"] == Level.PROVINCE,
        "isWard": record["level"] == Level.COMMUNE,
        "isMinistry": record["level"] == Level.MINISTRY,
        "onlineLevel": reverse(NATIONAL_ONLINE_LEVELS, record["online_level"]),
        "status": reverse(NATIONAL_STATUSES, record["status"]),
        "inForceFrom": record["in_force_from"],
        "departmentsExecuting": record["handling_agency"],
        "authority": record["authority"],
        "coordinatingAgencies": record["coordinating_agencies"],
        "whereToSubmit": record["where_to_submit"],
        "subjectTypesDetails": record["applicants"],
        "resultsDetails": record["results"],
        "requirementsAndConditions": record["requirements"],
        "executionSteps": record["steps"],
        "executionMethods": [
            {
                "submissionMethod": reverse(NATIONAL_CHANNELS, channel["channel"]),
                "processingTime": channel["processing_time"],
                "processingTimeUnit": reverse(NATIONAL_TIME_UNITS, channel["time_unit"]),
                "fees": [
                    {
                        "value": fee["amount"],
                        "currencyName": fee["currency"],
                        "description": fee["description"],
                    }
                    for fee in channel["fees"]
                ],
                "note": channel["note"],
            }
            for channel in record["channels"]
        ],
        "executionCases": [
            {
                "name": case["name"],
                "profileComponents": [
                    {
                        "name": part["name"],
                        "originalQty": part["originals"],
                        "copyQty": part["copies"],
                        "required": part["required"],
                    }
                    for part in case["components"]
                ],
            }
            for case in record["cases"]
        ],
        "legalBasisesDetails": [
            {
                "code": basis["number"],
                "name": basis["title"],
                "issuer": basis["issuer"],
                "issuedOn": basis["issued_on"],
                "effectiveOn": basis["effective_on"],
            }
            for basis in record["legal_bases"]
        ],
    }
