from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.snippets.models import register_snippet

from cms.publishing.visibility import publicly_visible
from search.admin_search import FoldedAdminSearch
from site_pages.forms import AgencyPageForm
from site_pages.previews import HeadlessPreviewMixin
from site_pages.slugs import AsciiSlugMixin

from .blocks import CaseBlock, ChannelBlock, LegalBasisBlock, StepBlock
from .codes import validate_code
from .dossier_statistics import DossierStatistics  # noqa: F401 - a model of this app
from .vocabulary import Level, NoticeChange, OnlineLevel, Status


@register_snippet
class ProcedureField(models.Model):
    """A field of state management (lĩnh vực), e.g. Công tác dân tộc."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    code = models.CharField(_("code"), max_length=64, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("procedure field")
        verbose_name_plural = _("procedure fields")

    def __str__(self):
        return self.name


class ProcedurePage(HeadlessPreviewMixin, AsciiSlugMixin, FoldedAdminSearch, Page):
    """One administrative procedure; the page title is its name."""

    base_form_class = AgencyPageForm
    # Words a citizen puts before a topic to ask for a procedure (search/understanding.py).
    search_intent_words = (
        "thủ tục", "thủ tục hành chính", "tthc", "hồ sơ", "giấy tờ", "lệ phí", "phí", "nộp", "nộp hồ sơ",
        "mẫu đơn", "biểu mẫu", "dịch vụ công",
    )  # fmt: skip
    search_fields = [*Page.search_fields, *FoldedAdminSearch.admin_search_fields]

    code = models.CharField(_("code"), max_length=32, unique=True, validators=[validate_code])
    field = models.ForeignKey(
        ProcedureField, verbose_name=_("field"), null=True, blank=True, on_delete=models.PROTECT
    )
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.PROVINCE)
    handling_agency = models.TextField(_("handling agency"), blank=True)
    authority = models.TextField(_("competent authority"), blank=True)
    coordinating_agencies = models.TextField(_("coordinating agencies"), blank=True)
    where_to_submit = models.TextField(_("where to submit"), blank=True)
    applicants = models.TextField(_("applicants"), blank=True)
    results = models.TextField(_("results"), blank=True)
    requirements = models.TextField(_("requirements and conditions"), blank=True)
    online_level = models.CharField(
        _("online service"), max_length=16, choices=OnlineLevel.choices, default=OnlineLevel.NONE
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.IN_FORCE)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True, editable=False)
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"), blank=True)
    channels = StreamField([("channel", ChannelBlock())], verbose_name=_("channels"), blank=True)
    cases = StreamField([("case", CaseBlock())], verbose_name=_("dossier"), blank=True)
    legal_bases = StreamField([("legal_basis", LegalBasisBlock())], verbose_name=_("legal bases"), blank=True)
    national_record = models.JSONField(_("imported record"), null=True, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("code"), FieldPanel("field"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("in_force_from"), FieldPanel("online_level")]),
        MultiFieldPanel(
            [
                FieldPanel("handling_agency"),
                FieldPanel("authority"),
                FieldPanel("coordinating_agencies"),
                FieldPanel("where_to_submit"),
            ],
            heading=_("Agencies"),
        ),
        FieldPanel("steps"),
        FieldPanel("channels"),
        FieldPanel("cases"),
        FieldPanel("applicants"),
        FieldPanel("results"),
        FieldPanel("requirements"),
        FieldPanel("legal_bases"),
    ]
    parent_page_types = ["site_pages.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")

    def get_context(self, request, *args, **kwargs):
        from .public.procedure import procedure_context

        return procedure_context(self, request, super().get_context(request, *args, **kwargs))


class ProcedureNoticePage(HeadlessPreviewMixin, AsciiSlugMixin, FoldedAdminSearch, Page):
    """An announcement decision (quyết định công bố) listing new, amended and abolished procedures."""

    base_form_class = AgencyPageForm
    search_intent_words = ("quyết định công bố", "quyết định", "công bố")
    search_fields = [*Page.search_fields, *FoldedAdminSearch.admin_search_fields]

    decision_number = models.CharField(_("number and symbol"), max_length=64)
    decision_date = models.DateField(_("decision date"))
    issuer = models.CharField(_("issuer"), max_length=255)
    signer = models.CharField(_("signed by"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
        FieldPanel("summary"),
        InlinePanel("entries", label=_("Procedures in this decision"), min_num=1),
    ]
    parent_page_types = ["site_pages.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("procedure announcement")

    def public_entries(self):
        return public_notice_entries().filter(notice=self)

    def get_context(self, request, *args, **kwargs):
        from .public.notices import notice_context

        return notice_context(self, request, super().get_context(request, *args, **kwargs))


class NoticeEntry(Orderable):
    notice = ParentalKey(ProcedureNoticePage, on_delete=models.CASCADE, related_name="entries")
    procedure = models.ForeignKey(
        ProcedurePage, verbose_name=_("procedure"), on_delete=models.PROTECT, related_name="+"
    )
    change = models.CharField(_("change"), max_length=16, choices=NoticeChange.choices)
    effective_on = models.DateField(_("effective from"))

    panels = [FieldPanel("procedure"), FieldPanel("change"), FieldPanel("effective_on")]

    def clean(self):
        super().clean()
        if self.effective_on and self.notice_id and self.notice.decision_date:
            if self.effective_on < self.notice.decision_date:
                raise ValidationError(
                    {"effective_on": _("A procedure cannot change before the decision that changes it.")}
                )


def public_procedures():
    """The procedures the public may see, by the one rule every public answer uses."""
    return publicly_visible(ProcedurePage.objects.all())


def public_notice_entries():
    """Entries naming a public procedure, in the decision's order. A published decision may list a
    procedure that is still a draft, login-only or withdrawn: its name and code are not shown, on
    the page, in the API or in the search index."""
    return (
        NoticeEntry.objects.filter(procedure__in=public_procedures())
        .select_related("procedure")
        .order_by("sort_order", "pk")
    )


class ScheduledStatusChange(models.Model):
    """A published notice's change to one procedure, applied on its effective date."""

    procedure = models.ForeignKey(ProcedurePage, on_delete=models.CASCADE, related_name="status_changes")
    notice = models.ForeignKey(ProcedureNoticePage, on_delete=models.CASCADE, related_name="+")
    new_status = models.CharField(max_length=16, choices=Status.choices)
    effective_on = models.DateField()
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["procedure", "notice"], name="one_change_per_notice"),
        ]
        ordering = ["effective_on", "pk"]
