"""GET /feeds/changes.atom: the changes feed for Atom readers, withdrawals as RFC 6721 tombstones.

Each piece of content appears once, as it stands after its latest change: an entry while it is
published, an `at:deleted-entry` once it was unpublished, expired or deleted. Entry ids are the tag
URIs every feed gives the item (cms/entry_ids.py), so a tombstone's `ref` is the id of the entry a
reader holds, whatever its address or the site's host became meanwhile. Like the JSON changes
feed it reads numbered events only (cms/publishing/log.py), dated by when they were numbered, so the
feed never moves backwards.
"""

from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from .entry_ids import content_entry_id, feed_id
from .feeds import agency_name
from .publishing import log, registry
from .publishing.models import Event
from .publishing.public_urls import page_public_url, public_host, public_url

ATOM = "http://www.w3.org/2005/Atom"
TOMBSTONES = "http://purl.org/atompub/tombstones/1.0"
ENTRIES = 100


def latest_changes(limit=ENTRIES):
    """The newest event of each piece of content, newest first."""
    newest = (
        log.numbered()
        .filter(type__in=[name for name, kind in registry.types().items() if kind.is_page])
        .values("key")
        .annotate(newest=Max("position"))
        .order_by("-newest")
        .values_list("newest", flat=True)[:limit]
    )
    return list(Event.objects.filter(position__in=list(newest)).order_by("-position"))


def live_pages(changes):
    """The pages still published, by content key, fetched with one query per type."""
    wanted = {}
    for change in changes:
        if change.public:
            wanted.setdefault(change.type, []).append(change.object_id)
    pages = {}
    for kind, ids in wanted.items():
        content_type = registry.get(kind)
        if content_type is None:
            continue  # a type no longer registered: nothing of it is public any more
        for page in content_type.public().filter(pk__in=ids):
            pages[content_type.key(page.pk)] = page
    return pages


def stamp(moment):
    return timezone.localtime(moment).isoformat()


def changes_atom(request):
    changes = latest_changes()
    pages = live_pages(changes)
    host = public_host()
    agency = agency_name(request)
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    xml = SimplerXMLGenerator(response, "utf-8")
    xml.startDocument()
    xml.startElement("feed", {"xmlns": ATOM, "xmlns:at": TOMBSTONES, "xml:lang": "vi"})
    title = _("Content changes")
    xml.addQuickElement("title", f"{title} – {agency}" if agency else title)
    xml.addQuickElement("id", feed_id("changes"))
    xml.addQuickElement("link", "", {"rel": "self", "href": public_url(request.path)})
    xml.addQuickElement("link", "", {"rel": "alternate", "href": public_url("/")})
    xml.addQuickElement("updated", stamp(changes[0].sequenced_at if changes else timezone.now()))
    xml.startElement("author", {})
    xml.addQuickElement("name", agency or host)
    xml.endElement("author")
    for change in changes:
        page = pages.get(change.key)
        if page is None:
            tombstone(xml, change)
        else:
            entry(xml, change, page)
    xml.endElement("feed")
    xml.endDocument()
    return response


def tombstone(xml, change):
    ref = content_entry_id(change.type, change.object_id)  # the id the entry had (entry below)
    xml.startElement("at:deleted-entry", {"ref": ref, "when": stamp(change.sequenced_at)})
    xml.addQuickElement("at:comment", _("Withdrawn from the site"))
    xml.endElement("at:deleted-entry")


def entry(xml, change, page):
    xml.startElement("entry", {})
    xml.addQuickElement("id", content_entry_id(change.type, change.object_id))
    xml.addQuickElement("title", page.title)
    xml.addQuickElement("updated", stamp(change.sequenced_at))
    if page.first_published_at:
        xml.addQuickElement("published", stamp(page.first_published_at))
    if address := page_public_url(page):  # none for a page outside every site
        xml.addQuickElement("link", "", {"rel": "alternate", "type": "text/html", "href": address})
    if api_url := change.api_url:  # the payload's API path, on today's PUBLIC_BASE_URL
        xml.addQuickElement("link", "", {"rel": "alternate", "type": "application/json", "href": api_url})
    xml.addQuickElement("category", "", {"term": change.type})
    if summary := getattr(page, "summary", ""):
        xml.addQuickElement("summary", summary)
    xml.endElement("entry")
