"""Two editors save one page: the one whose form predates someone else's save is asked to look first.

Wagtail 8 refuses an autosave based on a revision that is no longer the latest (`EditView.is_out_of_date`),
and its editing-session ping warns in the browser once it has noticed another save; but the edit form's
own POST (save draft, submit, publish, workflow actions) is saved whatever revision it was loaded from,
so the second editor silently replaces the first one's work. The guard below refuses that POST while
keeping everything the editor typed, and names who saved and when. Wagtail's `overwrite_revision_id`
cannot be reused to let them go ahead: it only overwrites the editor's *own* autosave revision
(`save_revision` refuses anyone else's), so the explicit "keep my version" choice is our own field; it
saves a new revision, so the other editor's stays in the page history.

The form remembers the revision it was based on in its own hidden field, because Wagtail's
`loaded_revision_id` is re-rendered as the page's newest revision when a form comes back with errors:
the autosave that Wagtail fires right after such a re-render would otherwise save over the other editor's
version before this editor has decided anything.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name

BASE_FIELD = "edit_conflict_base"
KEEP_MINE_FIELD = "edit_conflict_keep_mine"


@dataclass(frozen=True)
class RevisionMark:
    """A revision as a form saw it: its id, and its time, which changes when an autosave overwrites it."""

    revision_id: int
    created_at: datetime | None = None

    @classmethod
    def of(cls, revision):
        return cls(revision.pk, revision.created_at)

    @classmethod
    def parse(cls, revision_id, created_at=""):
        try:
            revision_id = int(revision_id)
        except (TypeError, ValueError):
            return None
        try:
            moment = datetime.fromisoformat(created_at) if created_at else None
        except ValueError:
            moment = None
        return cls(revision_id, moment if moment is None or timezone.is_aware(moment) else None)

    @classmethod
    def decode(cls, value):
        revision_id, _separator, created_at = (value or "").partition("@")
        return cls.parse(revision_id, created_at)

    def encode(self):
        return f"{self.revision_id}@{self.created_at.isoformat() if self.created_at else ''}"


def newest_revision_by_others(page, user, since):
    """The newest revision someone other than `user` saved after `since`, or None.

    A later id is a new revision; a later time on any id is an autosave that overwrote one in place. The
    user's own revisions never count: saving twice, or after one's own autosave, is no conflict.
    """
    later = Q(pk__gt=since.revision_id)
    if since.created_at is not None:
        later |= Q(created_at__gt=since.created_at)
    return (
        page.revisions.filter(later)
        .exclude(user=user)
        .select_related("user")
        .order_by("-created_at", "-pk")
        .first()
    )


def saved_by(revision):
    return get_user_display_name(revision.user) if revision.user else _("the system")


def saved_at(revision):
    moment = timezone.localtime(revision.created_at)
    if moment.date() == timezone.localdate():
        return date_format(moment, "H:i")
    return date_format(moment, "H:i d/m/Y")


class KeepMineChoice(forms.Widget):
    """Nothing until a conflict is found; then who saved, links to look at their version, and the choice."""

    template_name = "site_pages/admin/edit_conflict.html"
    conflict = None

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["conflict"] = self.conflict
        return context

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class BookkeepingField(forms.CharField):
    """Part of the form only to track revisions: never content, so it never makes the page look changed."""

    def has_changed(self, initial, data):
        return False


class EditConflictGuard:
    """Mixed into the page form: refuses a save based on a revision someone else has since replaced."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the edit view (and its revert variant) passes a subscription with a saved page: the preview
        # posts the same data without one, and must keep drawing while a conflict is pending.
        self.guards_conflicts = self.subscription is not None and self.instance.pk is not None
        if not self.guards_conflicts:
            return
        latest = self.instance.latest_revision
        self.fields[BASE_FIELD] = BookkeepingField(
            required=False,
            widget=forms.HiddenInput,
            initial=RevisionMark.of(latest).encode() if latest else "",
        )
        self.fields[KEEP_MINE_FIELD] = BookkeepingField(required=False, widget=KeepMineChoice)

    def clean(self):
        cleaned_data = super().clean()
        if self.guards_conflicts:
            self.refuse_a_stale_save()
        return cleaned_data

    def loaded_from(self):
        """The revision this form was based on: ours when present, else what Wagtail's form recorded."""
        return RevisionMark.decode(self.data.get(BASE_FIELD)) or RevisionMark.parse(
            self.data.get("loaded_revision_id"), self.data.get("loaded_revision_created_at", "")
        )

    def refuse_a_stale_save(self):
        base = self.loaded_from()
        if base is None:
            return  # no record of what the form was loaded from (not our admin's form): nothing to compare
        theirs = newest_revision_by_others(self.instance, self.for_user, base)
        if theirs is None:
            return
        if self.data.get(KEEP_MINE_FIELD) == RevisionMark.of(theirs).encode():
            return  # having seen exactly this revision, they chose to save their version after it
        self.add_error(None, conflict_message(theirs))
        self.fields[KEEP_MINE_FIELD].widget.conflict = {
            "by": saved_by(theirs),
            "at": saved_at(theirs),
            "mark": RevisionMark.of(theirs).encode(),
            "compare_url": reverse(
                "wagtailadmin_pages:revisions_compare", args=(self.instance.pk, base.revision_id, theirs.pk)
            ),
            "history_url": reverse("wagtailadmin_pages:history", args=(self.instance.pk,)),
        }
        # The form comes back still based on the revision it was loaded from, so neither its next submit
        # nor the autosave Wagtail fires on a re-rendered form saves over theirs without that choice.
        self.data = self.data.copy()
        self.data[BASE_FIELD] = base.encode()


def conflict_message(theirs):
    return _(
        "%(name)s saved this page at %(time)s, after you opened it. Your changes have not been saved: "
        "look at their version, then tick “Keep my version” at the end of the form and save again."
    ) % {"name": saved_by(theirs), "time": saved_at(theirs)}
