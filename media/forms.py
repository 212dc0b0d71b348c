"""Admin forms whose file checks run before Wagtail's, so every refusal is our clear message."""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .validation import validate_document_upload, validate_image_upload


def _uploaded(data):
    return data if hasattr(data, "read") and hasattr(data, "size") else None


class SafeImageField(WagtailImageField):
    def to_python(self, data):
        if upload := _uploaded(data):
            validate_image_upload(upload)
        return super().to_python(data)


class SafeDocumentField(WagtailDocumentField):
    def to_python(self, data):
        if upload := _uploaded(data):
            validate_document_upload(upload)
        return super().to_python(data)


def _swap_field_class(form, name, field_class):
    current = form.fields.get(name)
    if current is None:
        return
    swapped = field_class(
        label=current.label,
        required=current.required,
        widget=current.widget,
        help_text=current.help_text,
    )
    swapped.error_messages.update(current.error_messages)
    form.fields[name] = swapped


class AgencyImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_field_class(self, "file", SafeImageField)
        if "description" in self.fields:
            # Screen-reader users depend on it (WCAG 2.0, required by Thông tư 22/2023/TT-BTTTT).
            description = self.fields["description"]
            description.required = True
            description.label = _("Alternative text")
            description.help_text = _(
                "Describe what the image shows, for readers who cannot see it "
                "(for example: Leaders of the department visit Chiềng Lề ward)."
            )


class AgencyDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _swap_field_class(self, "file", SafeDocumentField)
