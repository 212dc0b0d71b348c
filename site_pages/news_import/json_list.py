"""A JSON list of news items, for exports from sites that offer no feed.

Each item is an object with these keys (text unless said otherwise):
title (required), url or link (required; guid is used if it is a web address), date (ISO 8601,
+07:00 when no zone is given), author (text or list), categories (text or list), summary and
body_html (HTML), image (the address of an illustration), source (the original publisher's name).
"""

import json

from django.utils.translation import gettext as _

from .errors import NewsImportError
from .items import RawItem

TEXT_KEYS = ("title", "url", "link", "guid", "date", "summary", "body_html", "image", "source")


def read_json(label, data):
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise NewsImportError(_("%(source)s is not UTF-8 text.") % {"source": label}) from error
    except json.JSONDecodeError as error:
        raise NewsImportError(
            _("%(source)s is not valid JSON (line %(line)s, column %(column)s): %(reason)s")
            % {"source": label, "line": error.lineno, "column": error.colno, "reason": error.msg}
        ) from error
    if not isinstance(document, list):
        raise NewsImportError(
            _("%(source)s must hold a JSON list of news items, [{…}, {…}].") % {"source": label}
        )
    return [json_item(number, entry) for number, entry in enumerate(document, 1)]


def json_item(number, entry):
    raw = RawItem(number=number)
    if not isinstance(entry, dict):
        raw.problems.append(_("%(item)s is not a JSON object.") % {"item": raw.name})
        return raw
    if isinstance(entry.get("title"), str):
        raw.title = entry["title"]  # first, so that the messages below name the item
    text = {key: text_value(raw, entry, key) for key in TEXT_KEYS}
    raw.link = text["url"] or text["link"]
    raw.guid = text["guid"]
    raw.date = text["date"]
    raw.authors = text_list(raw, entry, "author")
    raw.source = text["source"]
    raw.categories = text_list(raw, entry, "categories")
    raw.summary_html = text["summary"]
    raw.body_html = text["body_html"]
    raw.image = text["image"]
    return raw


def text_value(raw, entry, key):
    value = entry.get(key)
    if value is None or isinstance(value, str):
        return value or ""
    raw.problems.append(_("%(item)s: “%(key)s” must be text.") % {"item": raw.name, "key": key})
    return ""


def text_list(raw, entry, key):
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(element, str) for element in value):
        return value
    raw.problems.append(
        _("%(item)s: “%(key)s” must be text or a list of texts.") % {"item": raw.name, "key": key}
    )
    return []
