"""RSS 2.0 and Atom 1.0, parsed with defusedxml so a hostile feed cannot expand entities."""

import re
from html import escape
from xml.etree.ElementTree import ParseError, tostring

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.utils.translation import gettext as _

from .errors import NewsImportError
from .items import RawItem

ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
MEDIA = "{http://search.yahoo.com/mrss/}"


def read_xml(label, data):
    try:
        root = fromstring(data)
    except ParseError as error:
        line, column = error.position
        raise NewsImportError(
            _("%(source)s is not well-formed XML (line %(line)s, column %(column)s): %(reason)s")
            % {"source": label, "line": line, "column": column, "reason": str(error).rsplit(": line", 1)[0]}
        ) from error
    except DefusedXmlException as error:
        raise NewsImportError(
            _("%(source)s declares XML entities or external references, which are refused for safety.")
            % {"source": label}
        ) from error
    channel = root.find("channel")
    if root.tag == "rss" and channel is not None:
        return [rss_item(number, node) for number, node in enumerate(channel.findall("item"), 1)]
    if root.tag == f"{ATOM}feed":
        feed_authors = names(root)
        return [
            atom_entry(number, node, feed_authors)
            for number, node in enumerate(root.findall(f"{ATOM}entry"), 1)
        ]
    raise NewsImportError(
        _("%(source)s is XML but neither RSS 2.0 nor Atom (its root element is <%(root)s>).")
        % {"source": label, "root": root.tag}
    )


def text_of(node, path):
    found = node.find(path)
    return (found.text or "").strip() if found is not None else ""


def rss_item(number, node):
    pub_date = text_of(node, "pubDate")
    return RawItem(
        number=number,
        title=text_of(node, "title"),
        link=text_of(node, "link"),
        guid=text_of(node, "guid"),
        date=pub_date or text_of(node, f"{DC}date"),
        date_kind="rfc822" if pub_date else "iso",
        authors=[creator.text or "" for creator in node.findall(f"{DC}creator")] or [text_of(node, "author")],
        source=text_of(node, "source"),
        categories=[category.text or "" for category in node.findall("category")],
        summary_html=text_of(node, "description"),
        body_html=text_of(node, f"{CONTENT}encoded"),
        image=media_image(node),
    )


def media_image(node):
    for enclosure in node.findall("enclosure"):
        if enclosure.get("type", "").startswith("image/"):
            return enclosure.get("url", "")
    for media in node.findall(f"{MEDIA}content"):
        if media.get("medium") == "image" or media.get("type", "").startswith("image/"):
            return media.get("url", "")
    thumbnail = node.find(f"{MEDIA}thumbnail")
    return thumbnail.get("url", "") if thumbnail is not None else ""


def names(node):
    return [text_of(author, f"{ATOM}name") for author in node.findall(f"{ATOM}author")]


def atom_html(node, path):
    """An Atom text construct as HTML: type text is escaped, html taken as is, xhtml serialised."""
    found = node.find(path)
    if found is None:
        return ""
    kind = found.get("type", "text")
    if kind == "html":
        return found.text or ""
    if kind == "xhtml":
        wrapper = found.find(f"{XHTML}div")
        inner = wrapper if wrapper is not None else found
        markup = (inner.text or "") + "".join(tostring(child, encoding="unicode") for child in inner)
        # ElementTree writes namespaced tags as <html:p>; the sanitiser wants plain <p>.
        return re.sub(r"<(/?)[\w.-]+:", r"<\1", markup)
    return escape(found.text or "", quote=False)


def atom_entry(number, node, feed_authors):
    links = node.findall(f"{ATOM}link")
    alternate = next(
        (link.get("href", "") for link in links if link.get("rel", "alternate") == "alternate"), ""
    )
    enclosure = next(
        (
            link.get("href", "")
            for link in links
            if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/")
        ),
        "",
    )
    return RawItem(
        number=number,
        title=atom_html(node, f"{ATOM}title"),
        link=alternate,
        guid=text_of(node, f"{ATOM}id"),
        date=text_of(node, f"{ATOM}published") or text_of(node, f"{ATOM}updated"),
        authors=names(node) or feed_authors,
        categories=[
            category.get("label") or category.get("term", "") for category in node.findall(f"{ATOM}category")
        ],
        summary_html=atom_html(node, f"{ATOM}summary"),
        body_html=atom_html(node, f"{ATOM}content"),
        image=enclosure or media_image(node),
    )
