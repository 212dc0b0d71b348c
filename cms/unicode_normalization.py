"""Every text our models store is NFC, however it was typed or pasted.

Some Windows keyboards and editors send Vietnamese decomposed (NFD: "u" then a combining hook
above), which looks the same but compares, sorts and matches exactly as different text. One
handler for every model of our apps, so a new field or model is covered without remembering to:
plain and rich text fields, every string inside a StreamField, and the content of the revisions
Wagtail keeps for drafts (saved without the page itself being saved).
"""

import json
import unicodedata

from django.apps import apps
from django.db.models import CharField, TextField
from django.db.models.signals import pre_save
from wagtail.fields import StreamField
from wagtail.models import Revision

OUR_APPS = ("cms", "site_pages", "procedure_catalog", "search", "media")


def nfc(value):
    """The value with every string in it composed: strings, and lists and dicts of them."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(item) for item in value]
    if isinstance(value, dict):
        return {key: nfc(item) for key, item in value.items()}
    return value


def normalize_fields(sender, instance, **kwargs):
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(field, StreamField):
            raw = field.get_prep_value(value)
            if (normalized := nfc(raw)) != raw:
                setattr(instance, field.attname, normalized)
        elif isinstance(field, (CharField, TextField)) and isinstance(value, str):
            setattr(instance, field.attname, nfc(value))


def normalize_revision(sender, instance, **kwargs):
    model = instance.content_type.model_class() if instance.content_type_id else None
    if model is None or model._meta.app_label not in OUR_APPS:
        return
    # A revision holds StreamFields as JSON text whose non-ASCII letters are \u escapes.
    streams = {field.name for field in model._meta.concrete_fields if isinstance(field, StreamField)}
    content = {}
    for name, value in instance.content.items():
        if name in streams and isinstance(value, str) and value:
            blocks = json.loads(value)
            if (normalized := nfc(blocks)) != blocks:
                value = json.dumps(normalized)
        content[name] = nfc(value)
    instance.content = content


def register():
    for label in OUR_APPS:
        for model in apps.get_app_config(label).get_models():
            pre_save.connect(normalize_fields, sender=model, dispatch_uid=f"nfc-{model._meta.label}")
    pre_save.connect(normalize_revision, sender=Revision, dispatch_uid="nfc-revisions")
