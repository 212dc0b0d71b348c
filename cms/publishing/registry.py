"""The public content types, as each content app registers them in its AppConfig.ready.

A type names its model, its public queryset (the visibility rule every reader uses: the API, search,
feeds, the sitemap, public pages and preview), the address of its API detail, and the shared objects
it shows: a change to one of those is a change to every public item that shows it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .visibility import publicly_visible


@dataclass(frozen=True)
class ContentType:
    name: str
    model: type
    # The API detail path of an item, or None where the type has none.
    api_path: Callable[[Any], str | None] = lambda item: None
    # Shared model -> function(instance) giving the queryset of this type's items that show it.
    depends_on: dict = field(default_factory=dict)
    # For a type that is not a page (the agency's identity): its public set. Pages have the one rule.
    public_set: Callable[[], Any] | None = None

    @property
    def is_page(self):
        from wagtail.models import Page

        return issubclass(self.model, Page)

    def public(self):
        if self.public_set is not None:
            return self.public_set()
        return publicly_visible(self.model.objects.all())

    def key(self, pk):
        return f"{self.name}:{pk}"


_types: dict[str, ContentType] = {}
# Told of every type as it is registered: the recorder connects its signals (recording.py).
_listeners: list[Callable[[ContentType], None]] = []


def register(content_type):
    _types[content_type.name] = content_type
    for listener in _listeners:
        listener(content_type)
    return content_type


def on_register(listener):
    """Call `listener` for every type registered so far and from now on."""
    _listeners.append(listener)
    for content_type in _types.values():
        listener(content_type)


def types():
    return dict(_types)


def get(name):
    return _types.get(name)


def type_of(item):
    for content_type in _types.values():
        if type(item) is content_type.model:
            return content_type
    return None


def is_public(item):
    content_type = type_of(item)
    return bool(content_type and item.pk and content_type.public().filter(pk=item.pk).exists())


def is_content_model(model):
    return any(content_type.model is model for content_type in _types.values())


def public_keys():
    """Every public item's key, type by type, in a stable order."""
    keys = []
    for content_type in _types.values():
        keys += [
            content_type.key(pk) for pk in content_type.public().order_by("pk").values_list("pk", flat=True)
        ]
    return keys


def parse_key(key):
    """(type name, id) of a key made by ContentType.key; None for anything else."""
    kind, _colon, pk = key.partition(":")
    return (kind, int(pk)) if kind in _types and pk.isdigit() else None


def key_order(key):
    """Keys sort by type, in registration order, then by id."""
    kind, pk = parse_key(key) or ("", 0)
    names = list(_types)
    return (names.index(kind) if kind in names else len(names), pk)


def referencing(model):
    """For `depends_on`: the items of `model` whose live content refers to a shared object, by
    Wagtail's reference index (foreign keys, rich text and StreamField blocks alike)."""

    def items(instance):
        from wagtail.models import ReferenceIndex

        ids = ReferenceIndex.get_references_to(instance).values_list("object_id", flat=True)
        return model.objects.filter(pk__in=[int(pk) for pk in ids if pk.isdigit()])

    return items
