"""How editors see where an imported article came from: a link to the old page, not editable."""

from django.utils.html import format_html
from wagtail.admin.panels import FieldPanel


class SourceLinkPanel(FieldPanel):
    def __init__(self, field_name="source_url", **kwargs):
        kwargs.setdefault("read_only", True)  # re-import finds the article by it
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        # FieldPanel looks for choices by building a form field, which for a URLField warns about
        # Django 6's default scheme; a link has no choices, so that lookup is skipped.
        if not value:
            return ""
        return format_html('<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', value, value)
