"""The news list: newest first, by category, a page at a time."""

from ..models import published_news


def news_index_context(page, request, context):
    context["articles"] = published_news().child_of(page)
    return context
