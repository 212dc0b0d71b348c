"""The home page: latest news, featured procedures, the search box and key statistics."""

from ..models import published_news


def home_context(page, request, context):
    context["latest_news"] = published_news()[:5]
    return context
