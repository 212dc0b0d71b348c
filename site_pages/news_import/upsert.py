"""Feed items into news articles: matched by source link, so importing again updates in place.

Everything is decided first (plan), then written in one transaction: a failure part-way leaves
the site as it was. Publishing goes through revisions, as an editor's publish does, so the
search index and the changes feed hear about it through the usual signals.
"""

from dataclasses import dataclass

from django.db import transaction

from ..models import NewsArticlePage
from ..slugs import ascii_slug
from ..taxonomy import NewsCategory
from .html_text import summarize
from .items import FeedItem
from .sanitize import body_blocks

MAX_SLUG_LENGTH = 80  # room for a "-2" suffix, and addresses people can still read


@dataclass
class Outcome:
    item: FeedItem
    action: str  # created, updated, unchanged
    page: NewsArticlePage | None = None  # the live record, when one exists already
    fields: dict | None = None
    category_keys: tuple = ()


@dataclass
class Summary:
    outcomes: list
    draft: bool
    dry_run: bool

    def count(self, action):
        return sum(1 for outcome in self.outcomes if outcome.action == action)


def category_key(text):
    """Names match whatever their case and diacritics: "Chính sách dân tộc" = "CHINH SACH DAN TOC"."""
    return ascii_slug(text, max_length=120)


def article_fields(item):
    body = body_blocks(item.body_html or item.summary_html, item.link, extra_image=item.image)
    fields = {
        "title": item.title,
        "summary": summarize(item.summary_html or item.body_html) or item.title,
        "body": body,
        "author": item.author,
        "source": item.source,
        "source_url": item.link,
    }
    if item.published is not None:
        fields["display_date"] = item.published
    return fields


def stored_body(page):
    return [(block["type"], block["value"]) for block in page.body.raw_data]


def is_current(page, fields, category_keys, draft):
    """Whether the article (its latest revision, draft or not) already says what the feed says."""
    latest = page.get_latest_revision_as_object()
    same = (
        all(getattr(latest, name) == value for name, value in fields.items() if name != "body")
        and stored_body(latest) == [(block["type"], block["value"]) for block in fields["body"]]
        and {category.slug for category in latest.categories.all()} == set(category_keys)
    )
    # Without --draft the feed's version must also be the one readers see.
    return same and (draft or (page.live and not page.has_unpublished_changes))


def plan(items, draft):
    existing = {}
    links = [item.link for item in items]
    for page in NewsArticlePage.objects.filter(source_url__in=links).order_by("pk"):
        existing.setdefault(page.source_url, page)  # duplicates made by hand: the oldest is updated
    outcomes = []
    for item in items:
        fields = article_fields(item)
        keys = tuple(dict.fromkeys(key for key in map(category_key, item.categories) if key))
        page = existing.get(item.link)
        if page is None:
            action = "created"
        else:
            action = "unchanged" if is_current(page, fields, keys, draft) else "updated"
        outcomes.append(Outcome(item, action, page, fields, keys))
    return outcomes


def import_items(items, parent, draft=False, dry_run=False):
    outcomes = plan(items, draft)
    summary = Summary(outcomes, draft, dry_run)
    if dry_run:
        return summary
    with transaction.atomic():
        categories = categories_for(outcomes)
        taken_slugs = set(parent.get_children().values_list("slug", flat=True))
        for outcome in outcomes:
            if outcome.action == "unchanged":
                continue
            chosen = [categories[key] for key in outcome.category_keys]
            if outcome.page is None:
                outcome.page = create(parent, outcome.fields, chosen, draft, taken_slugs)
            else:
                outcome.page = update(outcome.page, outcome.fields, chosen, draft)
    return summary


def categories_for(outcomes):
    """Existing categories by key, matched on slug or on name; the missing ones created."""
    wanted = {}
    for outcome in outcomes:
        for name, key in zip(
            outcome.item.categories, map(category_key, outcome.item.categories), strict=True
        ):
            if key:
                wanted.setdefault(key, name)
    found = {}
    for category in NewsCategory.objects.all():
        for key in (category.slug, category_key(category.name)):
            found.setdefault(key, category)
    for key, name in wanted.items():
        if key not in found:
            found[key] = NewsCategory.objects.create(name=name[:120], slug=key)
    return found


def unique_slug(title, taken):
    base = ascii_slug(title, max_length=MAX_SLUG_LENGTH) or "tin"
    slug, suffix = base, 1
    while slug in taken:
        suffix += 1
        slug = f"{base}-{suffix}"
    taken.add(slug)
    return slug


def create(parent, fields, categories, draft, taken_slugs):
    page = NewsArticlePage(slug=unique_slug(fields["title"], taken_slugs), live=False, **fields)
    page.categories = categories
    parent.add_child(instance=page)
    revision = page.save_revision()
    if not draft:
        revision.publish()
    return page


def update(page, fields, categories, draft):
    """A new revision of the article; the address (slug) stays, so links to it keep working."""
    latest = page.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(latest, name, value)
    latest.categories = categories
    revision = latest.save_revision()
    if not draft:
        revision.publish()
    return latest
