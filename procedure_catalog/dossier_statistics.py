"""One-stop-shop dossier statistics (một cửa): counts are entered, rates are always computed."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    HALF_YEAR = "half_year", _("Half-year")
    YEAR = "year", _("Year")


COUNT_FIELDS = [
    "carried_over",
    "received_in_person",
    "received_online",
    "received_postal",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "pending_within_deadline",
    "pending_overdue",
    "returned_or_withdrawn",
]


def _count(label):
    return models.PositiveIntegerField(label, default=0)


def percentage(part, whole):
    """part/whole as a percentage with two decimals, or None when there is nothing to divide."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@register_snippet
class DossierStatistics(models.Model):
    period_kind = models.CharField(_("period"), max_length=16, choices=PeriodKind.choices)
    period_start = models.DateField(_("period starts"))
    field = models.ForeignKey(
        "procedure_catalog.ProcedureField",
        verbose_name=_("field"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Leave both field and procedure empty for the whole agency."),
    )
    procedure = models.ForeignKey(
        "procedure_catalog.ProcedurePage",
        verbose_name=_("procedure"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    carried_over = _count(_("carried over"))
    received_in_person = _count(_("received in person"))
    received_online = _count(_("received online"))
    received_postal = _count(_("received by post"))
    resolved_early = _count(_("resolved early"))
    resolved_on_time = _count(_("resolved on time"))
    resolved_late = _count(_("resolved late"))
    pending_within_deadline = _count(_("in progress, within deadline"))
    pending_overdue = _count(_("in progress, overdue"))
    returned_or_withdrawn = _count(_("returned or withdrawn"))

    panels = [
        FieldRowPanel([FieldPanel("period_kind"), FieldPanel("period_start")]),
        FieldRowPanel([FieldPanel("field"), FieldPanel("procedure")]),
        MultiFieldPanel(
            [
                FieldPanel("carried_over"),
                FieldRowPanel(
                    [
                        FieldPanel("received_in_person"),
                        FieldPanel("received_online"),
                        FieldPanel("received_postal"),
                    ]
                ),
            ],
            heading=_("Received"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("resolved_early"),
                        FieldPanel("resolved_on_time"),
                        FieldPanel("resolved_late"),
                    ]
                )
            ],
            heading=_("Resolved"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("pending_within_deadline"), FieldPanel("pending_overdue")]),
                FieldPanel("returned_or_withdrawn"),
            ],
            heading=_("Not yet resolved"),
        ),
    ]

    class Meta:
        verbose_name = _("dossier statistics")
        verbose_name_plural = _("dossier statistics")
        ordering = ["-period_start", "period_kind"]
        # One row per period and scope (agency, field or procedure); partial indexes because
        # SQLite cannot treat NULLs as equal in a plain unique constraint.
        constraints = [
            models.UniqueConstraint(
                fields=["period_kind", "period_start"],
                condition=models.Q(field__isnull=True, procedure__isnull=True),
                name="one_agency_statistics_per_period",
            ),
            models.UniqueConstraint(
                fields=["period_kind", "period_start", "field"],
                condition=models.Q(field__isnull=False, procedure__isnull=True),
                name="one_field_statistics_per_period",
            ),
            models.UniqueConstraint(
                fields=["period_kind", "period_start", "procedure"],
                condition=models.Q(procedure__isnull=False),
                name="one_procedure_statistics_per_period",
            ),
        ]

    def __str__(self):
        scope = self.procedure or self.field or _("whole agency")
        return f"{self.get_period_kind_display()} {self.period_start:%d/%m/%Y} – {scope}"

    def clean(self):
        super().clean()
        if self.field_id and self.procedure_id:
            raise ValidationError(_("Choose a field or a procedure, not both."))

    @property
    def received(self):
        return self.received_in_person + self.received_online + self.received_postal

    @property
    def to_handle(self):
        return self.carried_over + self.received

    @property
    def resolved(self):
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def early_rate(self):
        return percentage(self.resolved_early, self.resolved)

    @property
    def on_time_rate(self):
        return percentage(self.resolved_on_time, self.resolved)

    @property
    def late_rate(self):
        return percentage(self.resolved_late, self.resolved)

    @property
    def timely_rate(self):
        """Early and on time together: what reports call 'đúng hạn'."""
        return percentage(self.resolved_early + self.resolved_on_time, self.resolved)
