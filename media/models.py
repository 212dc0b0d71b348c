"""The agency's own image and document models, swapped in from the first migration.

Swapping Wagtail's image model after content exists means a data migration; doing it now keeps
every later field (credit, required alt text, validation) a plain schema change.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .exif import without_location


class AgencyImage(AbstractImage):
    # Wagtail's `description` field is the image's alternative text; AgencyImageForm requires it.
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")

    def generate_rendition_file(self, filter, *, source=None):
        return without_location(super().generate_rendition_file(filter, source=source))

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class AgencyRendition(AbstractRendition):
    image = models.ForeignKey(AgencyImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class AgencyDocument(AbstractDocument):
    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
