"""The news as the publishing core knows it: its public set, API address and what it shows."""

from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.publishing import registry


def register_content():
    from .models import NewsArticlePage
    from .taxonomy import NewsCategory

    registry.register(
        registry.ContentType(
            name="news",
            model=NewsArticlePage,
            api_path=lambda page: reverse("api-v1:news_detail", kwargs={"news_id": page.pk}),
            depends_on={
                NewsCategory: lambda category: NewsArticlePage.objects.filter(categories=category),
                # An article shows the title and address of the articles it lists as related.
                NewsArticlePage: lambda article: NewsArticlePage.objects.filter(
                    related_links__article=article
                ),
                get_image_model(): registry.referencing(NewsArticlePage),
                get_document_model(): registry.referencing(NewsArticlePage),
            },
        )
    )
