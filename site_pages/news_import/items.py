"""A news item as every format reads it, and the checks all formats share."""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from .html_text import plain_text

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_LINK_LENGTH = 1000  # NewsArticlePage.source_url
MAX_TITLE_LENGTH = 255  # Page.title
MAX_BYLINE_LENGTH = 255  # NewsArticlePage.author and .source
EMAIL_WITH_NAME = re.compile(r"^\S+@\S+\s*\((?P<name>[^)]*)\)$")
is_web_address = URLValidator(schemes=["http", "https"])


@dataclass
class RawItem:
    """What a format reader found, before the checks every format shares."""

    number: int  # position in the file, from 1, for messages
    title: str = ""
    link: str = ""
    guid: str = ""
    date: str = ""
    date_kind: str = "iso"  # "rfc822" for RSS pubDate
    authors: list = field(default_factory=list)
    source: str = ""
    categories: list = field(default_factory=list)
    summary_html: str = ""
    body_html: str = ""
    image: str = ""
    problems: list = field(default_factory=list)

    @property
    def name(self):
        if self.title.strip():
            title = one_line(plain_text(self.title))[:80]
            return _("item %(number)s “%(title)s”") % {"number": self.number, "title": title}
        return _("item %(number)s") % {"number": self.number}


@dataclass
class FeedItem:
    number: int
    title: str
    link: str  # the article's address on the old site: the key that makes re-import an update
    published: datetime | None = None
    author: str = ""
    source: str = ""
    categories: list = field(default_factory=list)
    summary_html: str = ""
    body_html: str = ""
    image: str = ""  # an illustration named outside the body (enclosure, media:content, JSON "image")


def checked(raw):
    """The FeedItem of a RawItem, or None with the reasons added to raw.problems."""
    title = one_line(plain_text(raw.title))[:MAX_TITLE_LENGTH]
    link = raw.link.strip() or (raw.guid.strip() if looks_like_web_address(raw.guid) else "")
    if not title:
        raw.problems.append(_("%(item)s has no title.") % {"item": raw.name})
    if not link:
        raw.problems.append(
            _("%(item)s has no link (nor a guid or id that is a web address).") % {"item": raw.name}
        )
    elif not looks_like_web_address(link):
        raw.problems.append(
            _("%(item)s has a link that is not an http(s) address: %(link)s")
            % {"item": raw.name, "link": link[:200]}
        )
    elif len(link) > MAX_LINK_LENGTH:
        raw.problems.append(
            _("%(item)s has a link longer than %(limit)s characters.")
            % {"item": raw.name, "limit": MAX_LINK_LENGTH}
        )
    published = parse_date(raw.date.strip(), raw.date_kind) if raw.date.strip() else None
    if raw.date.strip() and published is None:
        raw.problems.append(
            _("%(item)s has a date that cannot be read: %(date)s")
            % {"item": raw.name, "date": raw.date.strip()[:60]}
        )
    if raw.problems:
        return None
    image = raw.image.strip()
    return FeedItem(
        number=raw.number,
        title=title,
        link=link,
        published=published,
        author=one_line(", ".join(filter(None, map(author_name, raw.authors))))[:MAX_BYLINE_LENGTH],
        source=one_line(plain_text(raw.source))[:MAX_BYLINE_LENGTH],
        categories=[one_line(name) for name in raw.categories if one_line(name)],
        summary_html=nfc(raw.summary_html),
        body_html=nfc(raw.body_html),
        image=image if looks_like_web_address(image) else "",
    )


def nfc(text):
    """Vietnamese typed on some keyboards arrives decomposed; stored text is always composed."""
    return unicodedata.normalize("NFC", text or "")


def one_line(text):
    return " ".join(nfc(text).split())


def looks_like_web_address(value):
    try:
        is_web_address(value.strip())
    except ValidationError:
        return False
    return True


def author_name(value):
    """RSS <author> is "email (Name)"; readers should see the name, never the address."""
    value = one_line(value)
    match = EMAIL_WITH_NAME.match(value)
    if match:
        return match.group("name").strip()
    return "" if "@" in value and " " not in value else value


def parse_date(text, kind):
    """An aware datetime in Vietnam's time; a date without a zone is taken as +07:00."""
    moment = None
    if kind == "rfc822":
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            moment = None  # some old sites put ISO 8601 in pubDate: tried below
    if moment is None:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VIETNAM)
    return moment.astimezone(VIETNAM)
