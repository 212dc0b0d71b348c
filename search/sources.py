"""Which pages are searchable, and the document each one becomes.

The types are the publishing core's (cms.publishing.registry): their names, keys and public sets. A
content app makes its type searchable by registering a Source in its AppConfig.ready, next to the
type itself: the type's own fields of the index document and what a chunk of its pages reads in one
query each. The fields every document shares, the fingerprint and the mapping stay here, so search
imports no content app.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from cms.publishing import registry

from .documents import fingerprint


@dataclass(frozen=True)
class Source:
    # The name of a type registered with the publishing core.
    name: str
    # (page, related) -> the type's own fields of the document: summary, body, code, codes, ...
    fields: Callable[[Any, Any], dict]
    # A chunk of pages -> what `fields` reads for all of them at once (tags, categories), or None.
    related: Callable[[list], Any] = lambda pages: None


# Searchable type name -> page model and back, in registration order. The content apps' ready() fills
# them in, so read them once the apps are loaded (URL modules and requests are), never at model import.
TYPES: dict[str, type] = {}
TYPE_OF_MODEL: dict[type, str] = {}
_sources: dict[str, Source] = {}


def register(source):
    content_type = registry.get(source.name)
    if content_type is None:
        raise ImproperlyConfigured(
            f"The search source {source.name!r} names no type of the publishing registry: "
            "register the type first."
        )
    _sources[source.name] = source
    TYPES[source.name] = content_type.model
    TYPE_OF_MODEL[content_type.model] = source.name
    return source


def type_of(page):
    return TYPE_OF_MODEL.get(type(page))


def key_for(type_name, pk):
    return registry.get(type_name).key(pk)


def parse_key(key):
    """(type name, page id) of a key made by key_for; None for anything else."""
    parsed = registry.parse_key(key)
    return parsed if parsed and parsed[0] in TYPES else None


def indexable_queryset(type_name):
    """Live, public, unexpired pages of one type: drafts, private and scheduled pages never qualify."""
    return registry.get(type_name).public().order_by("pk")


def is_indexable(page):
    return bool(
        type_of(page)
        and page.live
        and not page.expired
        and (page.expire_at is None or page.expire_at > timezone.now())
        and (page.go_live_at is None or page.go_live_at <= timezone.now())
        and not page.get_view_restrictions().exists()
    )


def build(page, related=None):
    """The index body for a page; `fingerprint` lets reconciliation spot stale documents.

    `related` carries a chunk's shared data fetched in one query each (see related_for), instead of
    queries per page.
    """
    kind = type_of(page)
    body = {
        "key": key_for(kind, page.pk),
        "type": kind,
        "page_id": page.pk,
        "url": page.url or "",
        "path": page.path,
        "title": page.title,
        # Searches leave out what expired after it was indexed, before the scheduler withdraws it.
        "expire_at": page.expire_at,
        **_sources[kind].fields(page, related),
    }
    body["fingerprint"] = fingerprint(body)
    return body


def related_for(kind, pages):
    return _sources[kind].related(pages)
