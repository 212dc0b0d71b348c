from django import forms
from django.db import models
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from cms.publishing.visibility import publicly_visible
from search.admin_search import FoldedAdminSearch

from .agency import AgencyIdentity  # noqa: F401 - registers the setting with this app
from .blocks import ArticleBodyBlock
from .forms import AgencyPageForm
from .previews import HeadlessPreview, HeadlessPreviewMixin  # noqa: F401 - a model of this app
from .slugs import AsciiSlugMixin
from .source_link import SourceLinkPanel
from .taxonomy import NewsArticleTag, NewsCategory


def published_news():
    return publicly_visible(NewsArticlePage.objects.all()).order_by("-display_date", "-pk")


class HomePage(AsciiSlugMixin, Page):
    base_form_class = AgencyPageForm
    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = [
        "site_pages.NewsIndexPage",
        "site_pages.ProcedureIndexPage",
        "site_pages.NoticeIndexPage",
        "site_pages.StatisticsPage",
        "site_pages.ContactPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from .public.home import home_context

        return home_context(self, request, super().get_context(request, *args, **kwargs))


class NewsIndexPage(AsciiSlugMixin, Page):
    base_form_class = AgencyPageForm
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["site_pages.HomePage"]
    subpage_types = ["site_pages.NewsArticlePage"]

    class Meta:
        verbose_name = _("news section")

    def get_context(self, request, *args, **kwargs):
        from .public.news import news_index_context

        return news_index_context(self, request, super().get_context(request, *args, **kwargs))


class NewsArticlePage(HeadlessPreviewMixin, AsciiSlugMixin, FoldedAdminSearch, RoutablePageMixin, Page):
    base_form_class = AgencyPageForm
    search_fields = [*Page.search_fields, *FoldedAdminSearch.admin_search_fields]
    # Words a citizen puts before a topic to ask for news (search/understanding.py).
    search_intent_words = ("tin", "tin tức", "bản tin", "sự kiện", "bài viết")
    summary = models.TextField(_("summary"), help_text=_("The lead paragraph (sapo)."))
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    featured_image = models.ForeignKey(
        "media.AgencyImage",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.CharField(_("author"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    source_url = models.URLField(
        max_length=1000,
        blank=True,
        db_index=True,
        verbose_name=_("Source link"),
        help_text=_("Where an imported article came from; re-importing the same link updates this article."),
    )
    display_date = models.DateTimeField(
        _("display date"),
        null=True,
        blank=True,
        help_text=_("The date readers see; empty means the date of first publication."),
    )
    categories = ParentalManyToManyField(NewsCategory, verbose_name=_("categories"), blank=True)
    tags = ClusterTaggableManager(through=NewsArticleTag, verbose_name=_("tags"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("source"),
                SourceLinkPanel("source_url"),
                FieldPanel("display_date"),
            ],
            heading=_("Byline"),
        ),
        MultiFieldPanel(
            [FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Classification"),
        ),
        InlinePanel("related_links", label=_("Related articles")),
    ]
    parent_page_types = ["site_pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        # Every news list, feed and the home page read the newest first: with this index PostgreSQL
        # walks the first rows in order instead of sorting every article.
        indexes = [models.Index(fields=["-display_date", "-page_ptr"], name="news_newest_first")]

    def save(self, *args, **kwargs):
        # The display date defaults to the first publication, fixed at that moment.
        if self.display_date is None and self.first_published_at is not None:
            self.display_date = self.first_published_at
        return super().save(*args, **kwargs)

    def related_articles(self):
        links = list(self.related_links.select_related("article"))
        # A related article made private or past its expiry must not show through this one.
        visible = set(
            publicly_visible(
                NewsArticlePage.objects.filter(pk__in=[link.article_id for link in links])
            ).values_list("pk", flat=True)
        )
        return [link.article for link in links if link.article_id in visible]

    @path("")
    def article(self, request):
        return self.render(request)

    @path("in/", name="print")
    def print_view(self, request):
        context = {**self.get_context(request), "auto_print": True}
        return TemplateResponse(request, "site_pages/news_article_print.html", context)

    @path("luu/", name="save")
    def save_view(self, request):
        html = render_to_string(
            "site_pages/news_article_print.html", self.get_context(request), request=request
        )
        response = HttpResponse(html, content_type="text/html; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.html"'
        return response


class RelatedArticle(Orderable):
    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        NewsArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]


class ProcedureIndexPage(AsciiSlugMixin, Page):
    base_form_class = AgencyPageForm
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["site_pages.HomePage"]
    subpage_types = ["procedure_catalog.ProcedurePage", "procedure_catalog.ProcedureNoticePage"]
    max_count = 1

    class Meta:
        verbose_name = _("procedures section")

    def get_context(self, request, *args, **kwargs):
        from procedure_catalog.public.catalog import catalog_context

        return catalog_context(self, request, super().get_context(request, *args, **kwargs))


class SingleSectionPage(AsciiSlugMixin, Page):
    """A section that exists once, under the home page, with an introduction and no child pages."""

    base_form_class = AgencyPageForm
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["site_pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        abstract = True


class NoticeIndexPage(SingleSectionPage):
    """Lists every published announcement decision, wherever in the tree it lives."""

    class Meta:
        verbose_name = _("announcements section")

    def get_context(self, request, *args, **kwargs):
        from procedure_catalog.public.notices import notice_index_context

        return notice_index_context(self, request, super().get_context(request, *args, **kwargs))


class StatisticsPage(SingleSectionPage):
    """Dossier statistics with charts, from the statistics the agency enters or imports."""

    class Meta:
        verbose_name = _("statistics page")

    def get_context(self, request, *args, **kwargs):
        from procedure_catalog.public.statistics import statistics_context

        return statistics_context(self, request, super().get_context(request, *args, **kwargs))


class ContactPage(SingleSectionPage):
    """Organisation and contacts, from the agency identity; /en/contact/ is its English version."""

    introduction = RichTextField(_("introduction"), blank=True)

    class Meta:
        verbose_name = _("contact page")
