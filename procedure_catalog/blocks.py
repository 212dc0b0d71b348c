"""The ordered parts of a procedure, edited in the admin and stored as structured JSON."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from .vocabulary import Channel, TimeUnit


class StepBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("step"))
    description = blocks.TextBlock(label=_("description"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class FeeBlock(blocks.StructBlock):
    amount = blocks.DecimalBlock(label=_("amount"), min_value=0, decimal_places=0, required=False)
    currency = blocks.CharBlock(label=_("currency"), default="VND", required=False)
    description = blocks.CharBlock(label=_("description"), required=False)


class ChannelBlock(blocks.StructBlock):
    channel = blocks.ChoiceBlock(choices=Channel.choices, label=_("channel"))
    processing_time = blocks.DecimalBlock(label=_("processing time"), min_value=0, decimal_places=1)
    time_unit = blocks.ChoiceBlock(choices=TimeUnit.choices, label=_("unit"), default=TimeUnit.WORKING_DAYS)
    fees = blocks.ListBlock(FeeBlock(), label=_("fees"), required=False)
    note = blocks.CharBlock(label=_("note"), required=False)

    class Meta:
        icon = "time"
        label = _("Channel")


class DossierComponentBlock(blocks.StructBlock):
    name = blocks.TextBlock(label=_("paper"))
    originals = blocks.IntegerBlock(label=_("originals"), min_value=0, default=1)
    copies = blocks.IntegerBlock(label=_("copies"), min_value=0, default=0)
    required = blocks.BooleanBlock(label=_("required"), required=False, default=True)
    forms = blocks.ListBlock(DocumentChooserBlock(), label=_("form templates"), required=False)


class CaseBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("case"), required=False)
    components = blocks.ListBlock(DossierComponentBlock(), label=_("dossier"))

    class Meta:
        icon = "folder-open-1"
        label = _("Case")


class LegalBasisBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("number and symbol"))
    # A legal document's summary line is its "trích yếu", not a page's "tiêu đề".
    title = blocks.TextBlock(label=pgettext_lazy("legal document", "title"), required=False)
    issuer = blocks.CharBlock(label=_("issuer"), required=False)
    issued_on = blocks.DateBlock(label=_("issued on"), required=False)
    effective_on = blocks.DateBlock(label=_("effective from"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Legal basis")
