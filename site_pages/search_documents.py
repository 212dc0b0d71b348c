"""What a news article gives its search document; search/sources.py adds the fields every type shares."""

from search import sources
from search.documents import plain

from .models import NewsArticlePage
from .taxonomy import NewsArticleTag


def register_search():
    sources.register(sources.Source("news", fields=news_fields, related=news_related))


def news_related(pages):
    """The tags and categories of a chunk of articles, one query each instead of two per article."""
    pks = [page.pk for page in pages]
    tags, categories = {}, {}
    for page_id, name in NewsArticleTag.objects.filter(content_object_id__in=pks).values_list(
        "content_object_id", "tag__name"
    ):
        tags.setdefault(page_id, []).append(name)
    through = NewsArticlePage.categories.through
    for page_id, name in through.objects.filter(newsarticlepage_id__in=pks).values_list(
        "newsarticlepage_id", "newscategory__name"
    ):
        categories.setdefault(page_id, []).append(name)
    return {"tags": tags, "categories": categories}


def news_fields(page, related=None):
    if related is None:
        # Sorted as in the chunked path below, or reconciliation would call every such page stale.
        tag_names = sorted(tag.name for tag in page.tags.all())
        category_names = sorted(category.name for category in page.categories.all())
    else:
        tag_names = sorted(related["tags"].get(page.pk, []))
        category_names = sorted(related["categories"].get(page.pk, []))
    parts = []
    for block in page.body:
        if block.block_type == "paragraph":
            # The stored HTML, not the rendered one: rendering runs a template per paragraph.
            parts.append(plain(getattr(block.value, "source", block.value)))
        elif block.block_type == "quote":
            parts.append(block.value["text"])
        elif block.block_type == "image":
            parts.append(block.value["caption"])
        elif block.block_type == "document":
            parts.append(
                block.value["label"] or block.value["document"].title if block.value["document"] else ""
            )
    return {
        "summary": page.summary,
        "body": " ".join(filter(None, parts + [" ".join(tag_names)])),
        "code": None,
        "codes": [],
        "categories": category_names,
        "date": page.display_date or page.first_published_at,
    }
