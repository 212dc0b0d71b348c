"""Edit saves of one page happen one at a time, so the conflict guard's check cannot be overtaken.

The guard (edit_conflicts.py) reads the page's revisions while the form is validated; Wagtail saves the new
revision later in the same request, and no transaction covers both. Two POSTs arriving together could both
pass the check, and the later save would replace the earlier one unseen. Select-for-update inside the guard
cannot help on its own: nothing there would hold the lock until the save (and PostgreSQL refuses it outside
a transaction). So the whole POST runs in one transaction that begins by locking the page's row: the second
POST waits, then its guard sees the first one's revision. PostgreSQL locks just that row; SQLite takes its
single write lock when the block begins (IMMEDIATE transactions, see settings). Wired through Wagtail 8's
page viewset (`edit_view_class`) rather than a copy of its view.
"""

from django.db import transaction
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page


class OnePageSaveAtATime:
    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            list(Page.objects.select_for_update().filter(pk=self.real_page_record.pk).values_list("pk"))
            return super().post(request, *args, **kwargs)


class SerializedEditView(OnePageSaveAtATime, EditView):
    pass


class SerializedRevertView(OnePageSaveAtATime, RevisionsRevertView):
    pass


class AgencyPageViewSet(PageViewSet):
    """Wagtail's page views, with edit saves serialized per page; registered for `Page`, so for every type."""

    edit_view_class = SerializedEditView
    revisions_revert_view_class = SerializedRevertView
