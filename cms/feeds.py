"""Atom and RSS feeds of what is published, for the provincial portal and feed readers.

Only live, public, unexpired pages appear, newest first, with absolute links, categories, the
author, the summary and the featured image as an enclosure. Feed and entry ids are tag URIs that no
move, new slug or new host changes (cms/entry_ids.py); the link is the address.

Summaries are plain text, and feed readers render what a feed calls HTML: Atom says `type="text"`,
RSS (whose description readers always take as HTML) carries the text escaped, so a summary holding
`<img onerror=…>` shows as those characters and never runs. HTML would have to go through the import
sanitizer (site_pages/news_import/sanitize.py) first; no feed carries any today.
"""

import copy
import html

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from cms.entry_ids import entry_id, feed_id
from cms.publishing.public_urls import page_public_url, public_url
from cms.publishing.visibility import publicly_visible
from media.renditions import rendition
from procedure_catalog.models import ProcedureNoticePage, ProcedurePage
from site_pages.agency import AgencyIdentity
from site_pages.models import published_news
from site_pages.taxonomy import NewsCategory

ITEMS = 30


def agency_name(request):
    from wagtail.models import Site

    site = Site.find_for_request(request)
    return AgencyIdentity.for_site(site).name if site else ""


class TextSummaryAtom(Atom1Feed):
    """Django's Atom writes every description as `<summary type="html">`; ours are plain text."""

    def add_item(self, *args, description=None, **kwargs):
        super().add_item(*args, description=None, text_summary=description, **kwargs)

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item["text_summary"]:
            handler.addQuickElement("summary", item["text_summary"], {"type": "text"})


class TextDescriptionRss(Rss201rev2Feed):
    """An RSS description is HTML to every reader: plain text goes in escaped, to decode to itself."""

    def add_item(self, *args, description=None, **kwargs):
        if description:
            description = html.escape(description, quote=False)
        super().add_item(*args, description=description, **kwargs)


class AgencyFeed(Feed):
    feed_type = TextSummaryAtom

    def __call__(self, request, *args, **kwargs):
        # The URLconf holds one instance for every request, in every thread: what belongs to this
        # request goes on a copy of its own, or a concurrent request's host would end up in its links.
        feed = copy.copy(self)
        feed.request = request
        # Looked up once per request: every item without an author falls back to it.
        feed.agency = agency_name(request)
        return super(AgencyFeed, feed).__call__(request, *args, **kwargs)

    def link(self):
        return public_url("/")

    def feed_url(self):
        return public_url(self.request.path)

    def author_name(self):
        return self.agency

    def item_link(self, page):
        return page_public_url(page)

    def item_guid(self, page):
        # Not the address: a new slug, section or host would make every reader show it again as new.
        return entry_id(page)

    def item_guid_is_permalink(self, page):
        return False

    def item_updateddate(self, page):
        return page.last_published_at


class NewsFeed(AgencyFeed):
    description = _("The latest news of the department.")

    def get_object(self, request, category=None):
        if category is None:
            return None
        found = NewsCategory.objects.filter(slug=category).first()
        if found is None:
            raise Http404(category)
        return found

    def feed_guid(self, category):
        return feed_id(f"news/category/{category.pk}" if category else "news")

    def title(self, category):
        # Outside the f-string, where makemessages would not see it.
        section = category.name if category else _("News and events")
        return f"{self.agency} – {section}"

    def link(self, category):
        return public_url("/tin-tuc/")

    def items(self, category):
        news = published_news().select_related("featured_image")
        if category is not None:
            news = news.filter(categories=category)
        return news.prefetch_related("categories")[:ITEMS]

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_pubdate(self, page):
        return page.display_date or page.first_published_at

    def item_author_name(self, page):
        return page.author or self.agency

    def item_categories(self, page):
        return [category.name for category in page.categories.all()]

    def item_enclosures(self, page):
        if not page.featured_image:
            return []
        picture = rendition(page.featured_image, "og")
        return [Enclosure(public_url(picture.url), str(picture.file.size), "image/jpeg")]


class ProceduresFeed(AgencyFeed):
    description = _("Administrative procedures and the decisions that announce, amend or abolish them.")

    def feed_guid(self):
        return feed_id("procedures")

    def title(self):
        return f"{self.agency} – {_('Administrative procedures')}"

    def link(self):
        return public_url("/thu-tuc-hanh-chinh/")

    def items(self):
        newest = "-last_published_at"
        # The newest ids first, then their rows: sorting whole procedure rows (steps, dossiers, legal
        # bases) to keep thirty took PostgreSQL 100 ms at 4,000 procedures.
        newest_ids = (
            publicly_visible(ProcedurePage.objects.all())
            .order_by(newest)
            .values_list("pk", flat=True)[:ITEMS]
        )
        procedures = list(
            ProcedurePage.objects.select_related("field").filter(pk__in=list(newest_ids)).order_by(newest)
        )
        notices = list(publicly_visible(ProcedureNoticePage.objects.all()).order_by(newest)[:ITEMS])
        return sorted(procedures + notices, key=lambda page: page.last_published_at, reverse=True)[:ITEMS]

    def item_title(self, page):
        if isinstance(page, ProcedurePage):
            return f"{page.code} – {page.title}"
        return f"{page.decision_number}: {page.title}"

    def item_description(self, page):
        if isinstance(page, ProcedurePage):
            return f"{page.get_status_display()} · {page.get_level_display()}"
        return page.summary

    def item_pubdate(self, page):
        return page.first_published_at

    def item_categories(self, page):
        field = getattr(page, "field", None)
        return [field.name] if field else []


class NewsRss(NewsFeed):
    feed_type = TextDescriptionRss


class ProceduresRss(ProceduresFeed):
    feed_type = TextDescriptionRss
