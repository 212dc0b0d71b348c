"""Article HTML from another website, made safe and shaped like the blocks of an article body.

nh3 does the security work: scripts, iframes, styles, event handlers and any link that is not
http(s), mailto or tel are gone after it, and relative addresses are resolved against the item's
link. A second pass over that safe HTML reshapes it into what Wagtail's rich text editor can hold
(paragraphs, h2/h3, b, i, lists, links), with quotations and tables as their own blocks.

Wagtail's rich text stores pictures only as references to its own image library, and the
importer does not download (the machine may be offline, and the old site may vanish). So each
<img> becomes a paragraph linking to the original picture, labelled with its alt text: nothing is
silently lost, and an editor can replace the link with an uploaded image later.
"""

import re
from html import escape
from urllib.parse import urljoin, urlsplit

import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.translation import gettext as _

from .html_text import plain_lines, plain_text

HEADING_LEVEL = {"h1": 2, "h2": 2, "h3": 3, "h4": 3, "h5": 3, "h6": 3}  # the editor offers h2 and h3
BOLD, ITALIC = {"b", "strong"}, {"i", "em"}
TABLE_PARTS = {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}
# Elements that only group paragraphs: their inside is kept, their edges end a paragraph.
GROUPING = {
    "div", "section", "article", "main", "header", "footer", "aside", "figure", "figcaption",
    "pre", "address", "center", "dl", "dt", "dd", "hr",
}  # fmt: skip
KEPT_BY_NH3 = (
    {"p", "br", "a", "img", "ul", "ol", "li", "blockquote"}
    | set(HEADING_LEVEL)
    | BOLD
    | ITALIC
    | TABLE_PARTS
    | GROUPING
)
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
    "noframes", "template", "svg", "math", "form", "button", "select", "textarea", "audio", "video",
    "canvas", "head", "title",
}  # fmt: skip
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
EDGE_BREAKS = re.compile(r"^(?:\s|<br/>)+|(?:\s|<br/>)+$")


def safe_html(html, base_url):
    return nh3.clean(
        html,
        tags=KEPT_BY_NH3,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes={"a": {"href"}, "img": {"src", "alt"}},
        url_schemes=LINK_SCHEMES,
        url_relative=lambda url: urljoin(base_url, url),
        link_rel=None,
        strip_comments=True,
    )


def body_blocks(html, base_url, extra_image=""):
    """Raw StreamField data for NewsArticlePage.body: paragraph, quote and table blocks."""
    soup = BeautifulSoup(safe_html(html or "", base_url), "html.parser")
    builder = BodyBuilder()
    pictures = {img.get("src") for img in soup.find_all("img")}
    if extra_image and extra_image not in pictures:
        builder.add_picture(extra_image, "")
    builder.add_children(soup)
    return builder.finish()


class BodyBuilder:
    def __init__(self):
        self.blocks = []
        self.rich_text = []  # block-level HTML of the paragraph block being built
        self.inline = []  # pieces of the <p> being built

    def finish(self):
        self.end_rich_text()
        return self.blocks

    def add_children(self, node):
        for child in node.children:
            self.add(child)

    def add(self, node):
        if isinstance(node, NavigableString):
            self.inline.append(escape(str(node), quote=False))
            return
        name = node.name
        if name == "p":
            self.end_paragraph()
            self.inline.append(inline_html(node))
            self.end_paragraph()
        elif name in HEADING_LEVEL:
            self.end_paragraph()
            text = trimmed(inline_html(node, links=False))
            if text:
                level = HEADING_LEVEL[name]
                self.rich_text.append(f"<h{level}>{text}</h{level}>")
        elif name in ("ul", "ol"):
            self.end_paragraph()
            listed = list_html(node)
            if listed:
                self.rich_text.append(listed)
        elif name == "img":
            self.end_paragraph()
            self.add_picture(node.get("src", ""), node.get("alt", ""))
        elif name == "blockquote":
            self.end_rich_text()
            self.add_quote(node)
        elif name == "table":
            self.end_rich_text()
            self.add_table(node)
        elif name in GROUPING or name in TABLE_PARTS or name == "li":
            self.end_paragraph()
            self.add_children(node)
            self.end_paragraph()
        else:
            self.inline.append(inline_html_of(node))

    def add_picture(self, src, alt):
        reference = picture_reference(src, alt)
        if reference:
            self.end_paragraph()
            self.rich_text.append(f"<p>{reference}</p>")

    def end_paragraph(self):
        text = trimmed("".join(self.inline))
        self.inline = []
        if text:
            self.rich_text.append(f"<p>{text}</p>")

    def end_rich_text(self):
        self.end_paragraph()
        if self.rich_text:
            self.blocks.append({"type": "paragraph", "value": "".join(self.rich_text)})
        self.rich_text = []

    def add_quote(self, node):
        text = "\n".join(plain_lines(str(node)))
        if text:
            self.blocks.append({"type": "quote", "value": {"text": text, "attribution": ""}})

    def add_table(self, node):
        rows = [
            [plain_text(str(cell)) for cell in row.find_all(["td", "th"], recursive=False)]
            for row in node.find_all("tr")
        ]
        rows = [row for row in rows if any(row)]
        if not rows:
            return
        width = max(len(row) for row in rows)
        first_row = node.find("tr")
        caption = node.find("caption")
        self.blocks.append(
            {
                "type": "table",
                "value": {
                    "data": [row + [""] * (width - len(row)) for row in rows],
                    "first_row_is_table_header": first_row.find("td", recursive=False) is None,
                    "first_col_is_header": False,
                    "table_caption": plain_text(str(caption)) if caption else "",
                },
            }
        )


def trimmed(html):
    return EDGE_BREAKS.sub("", re.sub(r"\s+", " ", html))


def inline_html(node, links=True):
    return "".join(inline_html_of(child, links) for child in node.children)


def inline_html_of(node, links=True):
    """Inline HTML in Wagtail's stored form; block elements met inside a line become line breaks."""
    if isinstance(node, NavigableString):
        return escape(str(node), quote=False)
    if not isinstance(node, Tag):
        return ""
    name = node.name
    if name == "br":
        return "<br/>"
    if name == "img":
        return picture_reference(node.get("src", ""), node.get("alt", ""), as_link=links)
    href = node.get("href", "") if name == "a" else ""
    is_link = links and urlsplit(href).scheme in LINK_SCHEMES
    inner = inline_html(node, links and not is_link)  # a link inside a link would be invalid
    if not inner.strip():
        return inner
    if is_link:
        return f'<a href="{escape(href)}">{inner}</a>'
    if name in BOLD:
        return f"<b>{inner}</b>"
    if name in ITALIC:
        return f"<i>{inner}</i>"
    if name in ("ul", "ol"):
        return list_html(node) if links else inner
    if name in GROUPING or name in TABLE_PARTS or name in HEADING_LEVEL or name in ("p", "li", "blockquote"):
        return f"{inner}<br/>"
    return inner


def list_html(node):
    items = [trimmed(inline_html(item)) for item in node.find_all("li", recursive=False)]
    items = [item for item in items if item]
    if not items:
        return ""
    return f"<{node.name}>{''.join(f'<li>{item}</li>' for item in items)}</{node.name}>"


def picture_reference(src, alt, as_link=True):
    """A picture as a link to the original, labelled with its description."""
    if urlsplit(src).scheme not in ("http", "https"):
        return ""
    alt = " ".join(alt.split())
    label = _("Picture: %(description)s") % {"description": alt} if alt else _("Picture")
    if not as_link:
        return escape(label, quote=False)
    return f'<a href="{escape(src)}">{escape(label, quote=False)}</a>'
