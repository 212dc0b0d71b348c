"""The permanent ids of feeds and of their entries: RFC 4151 tag URIs.

A feed reader knows an entry by its id alone: a new id is a new entry, shown again as unread, and an
`at:deleted-entry` (RFC 6721) withdraws only the entry whose id it names. An id therefore holds
nothing that can change: not the page's address (its slug, its section) nor the site's host, only
FEED_TAG_AUTHORITY, the date it was minted under, the content type's name in the publishing registry
and the page's primary key:

    tag:bandantoc.sonla.gov.vn,2025-01-01:news/42

Every feed takes its ids from here, so an item has the same id in the RSS and Atom news feeds and in
/feeds/changes.atom, and a tombstone's ref is the id its entry had.
"""

from django.conf import settings

from .publishing import registry

# The day FEED_TAG_AUTHORITY was the agency's; RFC 4151 asks for a date on which it was.
MINTED_ON = "2025-01-01"


def tag(specific):
    return f"tag:{settings.FEED_TAG_AUTHORITY},{MINTED_ON}:{specific}"


def content_entry_id(type_name, pk):
    """The id of an item known by its type's name and primary key, as an event of the log names it
    even after the item is gone."""
    return tag(f"{type_name}/{pk}")


def entry_id(item):
    """The id of a registered content item (news, procedure, notice)."""
    content_type = registry.type_of(item)
    if content_type is None:
        raise ValueError(f"{type(item).__name__} is not a registered content type")
    return content_entry_id(content_type.name, item.pk)


def feed_id(name):
    """The id of one feed, by a name that stays when its address changes (news, procedures, …)."""
    return tag(f"feed/{name}")
