"""The page editor's form: an ASCII slug is derived on the server too, not only by the browser, and a save
based on a revision someone else has since replaced is refused (edit_conflicts.py)."""

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

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if slug and slug.isascii():
            return slug
        return ascii_slug(slug or self.data.get("title", ""))
