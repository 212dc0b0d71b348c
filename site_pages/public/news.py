"""The news list: newest first, by category, a page at a time."""

from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from ..models import NewsArticlePage, published_news
from ..taxonomy import NewsCategory
from .paging import paginate
from .pictures import with_pictures

PER_PAGE = 10


@dataclass(frozen=True)
class CategoryLink:
    label: str
    count: int
    url: str
    selected: bool


def category_links(page, articles, chosen, total):
    """'All' (`total` articles) and each category that has articles in this section, with how many."""
    # Counted on the link table alone: annotating categories with a filtered COUNT(DISTINCT) made
    # PostgreSQL test every link against the section's articles, 100 ms a page at 16,000 articles.
    counts = dict(
        NewsArticlePage.categories.through.objects.filter(newsarticlepage__in=articles.values("pk"))
        .values_list("newscategory")
        .annotate(n=Count("newsarticlepage", distinct=True))
    )
    categories = list(NewsCategory.objects.filter(pk__in=counts).order_by("sort_order", "name"))
    for category in categories:
        category.n = counts[category.pk]
    base = page.url
    return [
        CategoryLink(_("All categories"), total, base, chosen is None),
        *(
            CategoryLink(category.name, category.n, f"{base}?category={category.slug}", category == chosen)
            for category in categories
        ),
    ]


def chosen_category(request):
    slug = request.GET.get("category")
    if not slug:
        return None
    # A category that was renamed or removed answers 404 rather than silently showing everything.
    category = NewsCategory.objects.filter(slug=slug).first()
    if category is None:
        raise Http404("unknown category")
    return category


def news_index_context(page, request, context):
    articles = published_news().child_of(page)
    chosen = chosen_category(request)
    listed = articles.filter(categories=chosen) if chosen else articles
    # An out-of-range or garbled ?page= shows the last or first page: an old link still lands
    # somewhere useful after articles are withdrawn.
    pages = paginate(request, with_pictures(listed, "card"), PER_PAGE)
    # Unfiltered, the paginator has already counted the section (28 ms at 16,000 articles).
    total = pages.page.paginator.count if chosen is None else articles.count()
    context.update(categories=category_links(page, articles, chosen, total), category=chosen, pages=pages)
    return context
