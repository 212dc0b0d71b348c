"""Announcement decisions change procedures' statuses on their effective dates, never before."""

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from .models import ProcedurePage, ScheduledStatusChange
from .vocabulary import STATUS_AFTER_CHANGE, Status

STATUS_CHANGED = "procedure_catalog.status_changed"
procedure_status_changed = Signal()


def schedule_changes(notice):
    """Record the changes a published notice makes; apply those already due."""
    for entry in notice.entries.select_related("procedure"):
        ScheduledStatusChange.objects.update_or_create(
            procedure=entry.procedure,
            notice=notice,
            defaults={"new_status": STATUS_AFTER_CHANGE[entry.change], "effective_on": entry.effective_on},
        )
    return apply_due_changes()


def withdraw_changes(notice):
    """An unpublished notice withdraws its changes that have not taken effect yet."""
    ScheduledStatusChange.objects.filter(notice=notice, applied_at__isnull=True).delete()


def apply_due_changes(today=None):
    today = today or timezone.localdate()
    applied = []
    due = ScheduledStatusChange.objects.filter(applied_at__isnull=True, effective_on__lte=today)
    for change in due.select_related("notice").order_by("effective_on", "pk"):
        with transaction.atomic():
            apply_change(change)
        applied.append(change)
    return applied


def apply_change(change):
    procedure = ProcedurePage.objects.select_for_update().get(pk=change.procedure_id)
    previous = procedure.status
    ProcedurePage.objects.filter(pk=procedure.pk).update(
        status=change.new_status, status_changed_on=change.effective_on
    )
    # Keep the latest draft in step, so the next edit does not silently undo the notice.
    latest = procedure.latest_revision
    if latest is not None:
        latest.content["status"] = change.new_status
        latest.save(update_fields=["content"])
    change.applied_at = timezone.now()
    change.save(update_fields=["applied_at"])
    # The index and the changes feed follow, in this same transaction.
    procedure_status_changed.send(sender=ProcedurePage, instance=procedure, status=change.new_status)
    log(
        instance=procedure,
        action=STATUS_CHANGED,
        data={
            "previous": previous,
            "status": change.new_status,
            "status_label": str(Status(change.new_status).label),
            "effective_on": change.effective_on.isoformat(),
            "notice": change.notice.decision_number,
            "notice_id": change.notice_id,
        },
    )


STATUS_CHANGED_LABEL = _("Status changed by an announcement decision")
