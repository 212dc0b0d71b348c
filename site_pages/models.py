from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .agency import AgencyIdentity  # noqa: F401 - registers the setting with this app


class HomePage(Page):
    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    subpage_types = ["site_pages.NewsIndexPage", "site_pages.ProcedureIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsArticlePage.objects.live().public().order_by("-display_date", "-pk")[:5]
        return context


class NewsIndexPage(Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["site_pages.HomePage"]
    subpage_types = ["site_pages.NewsArticlePage"]

    class Meta:
        verbose_name = _("news section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = (
            NewsArticlePage.objects.child_of(self).live().public().order_by("-display_date", "-pk")
        )
        return context


class NewsArticlePage(Page):
    summary = models.TextField(_("summary"), help_text=_("The lead paragraph (sapo)."))
    body = StreamField(
        [("paragraph", blocks.RichTextBlock(label=_("paragraph")))],
        verbose_name=_("body"),
        blank=True,
    )
    display_date = models.DateTimeField(
        _("display date"),
        default=timezone.now,
        help_text=_("The date readers see; defaults to when the article was written."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("display_date"),
        FieldPanel("body"),
    ]
    parent_page_types = ["site_pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")


class ProcedureIndexPage(Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    parent_page_types = ["site_pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("procedures section")
