"""The page editor's form: an ASCII slug is derived on the server too, not only by the browser, a save
based on a revision someone else has since replaced is refused (edit_conflicts.py), and a date and time
the editor left alone keeps its seconds."""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from .edit_conflicts import EditConflictGuard
from .slugs import ascii_slug


class AgencyPageForm(EditConflictGuard, WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # The admin's JavaScript fills the slug from the title; without it (or when an editor
            # empties it) the server derives it instead of refusing the whole article.
            self.fields["slug"].required = False

    def clean(self):
        cleaned_data = super().clean()
        for name, field in self.fields.items():
            if isinstance(field, forms.DateTimeField) and cleaned_data.get(name) is not None:
                cleaned_data[name] = seconds_kept(cleaned_data[name], getattr(self.instance, name, None))
        return cleaned_data

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if slug and slug.isascii():
            return slug
        return ascii_slug(slug or self.data.get("title", ""))


def seconds_kept(submitted, stored):
    """The admin's date and time picker shows minutes only, so saving a page the editor did not date
    again sent back the stored time without its seconds: an article's date, filled from its first
    publication to the second, moved on every save, and with it the article's place among those
    published in the same minute. A time the editor did not change keeps what is stored."""
    if stored is not None and submitted == stored.replace(second=0, microsecond=0):
        return stored
    return submitted
