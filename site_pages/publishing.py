"""The news as the publishing core knows it: its public set, API address and what it shows."""

from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.publishing import registry


def register_content():
    from .agency import AgencyIdentity
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
    # The agency's identity (GET /api/v1/site): a mirror keeps its copy of names and contacts current.
    registry.register(
        registry.ContentType(
            name="site",
            model=AgencyIdentity,
            api_path=lambda identity: reverse("api-v1:site"),
            # Wagtail makes a blank one the first time a page or feed asks for it: nothing to mirror yet.
            public_set=lambda: AgencyIdentity.objects.filter(site__is_default_site=True).exclude(name=""),
        )
    )
