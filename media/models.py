"""The agency's own image and document models, swapped in from the first migration.

Swapping Wagtail's image model after content exists means a data migration; doing it now keeps
every later field (credit, required alt text, validation) a plain schema change.
"""

import os

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .exif import private_metadata_removed, without_private_metadata


class AgencyImage(AbstractImage):
    # Wagtail's `description` field is the image's alternative text; AgencyImageForm requires it.
    credit = models.CharField(_("credit"), max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")

    def generate_rendition_file(self, filter, *, source=None):
        return without_private_metadata(super().generate_rendition_file(filter, source=source))

    def strip_private_metadata(self):
        """Clean the original file (stored or about to be); True when something had to go.

        The admin's forms and the multiple uploader all call _set_image_file_metadata before saving,
        so the size and hash recorded are those of the cleaned file."""
        self.file.open("rb")
        self.file.seek(0)
        cleaned = private_metadata_removed(self.file.read())
        self.file.seek(0)
        if cleaned is None:
            return False
        if self.file._committed:
            # Rewritten under the same name: the record keeps pointing at it, dimensions unchanged.
            stored, storage = self.file.name, self.file.storage
            self.file.close()
            storage.delete(stored)
            self.file.name = storage.save(stored, ContentFile(cleaned))
        else:
            self.file = ContentFile(cleaned, name=os.path.basename(self.file.name))
        return True

    def _set_image_file_metadata(self):
        self.strip_private_metadata()
        super()._set_image_file_metadata()

    def save(self, *args, **kwargs):
        # A file assigned in code (imports, the demo) rather than through the admin's forms.
        if self.file and not self.file._committed and not self.file_hash:
            self._set_image_file_metadata()
        return super().save(*args, **kwargs)

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
