"""Procedures and announcement decisions as the publishing core knows them."""

from django.core.management import call_command
from django.urls import reverse

from cms.publishing import duties, registry
from cms.publishing.models import STATUS_CHANGED
from cms.publishing.recording import note


def procedure_api_path(page):
    return reverse("api-v1:procedure_detail", kwargs={"code": page.code}) if page.code else None


def register_content():
    from .models import ProcedureField, ProcedureNoticePage, ProcedurePage
    from .notices import procedure_status_changed

    registry.register(
        registry.ContentType(
            name="procedure",
            model=ProcedurePage,
            api_path=procedure_api_path,
            depends_on={ProcedureField: lambda field: ProcedurePage.objects.filter(field=field)},
        )
    )
    # Announcement decisions have no detail endpoint; /api/v1/procedure-notices lists them. A decision
    # shows only the procedures the public may see, so it changes when one appears or goes.
    registry.register(
        registry.ContentType(
            name="notice",
            model=ProcedureNoticePage,
            depends_on={
                ProcedurePage: lambda procedure: ProcedureNoticePage.objects.filter(
                    entries__procedure=procedure
                ).distinct()
            },
        )
    )
    procedure_status_changed.connect(on_status_changed, dispatch_uid="publishing-procedure-status")
    # Status changes announced by a decision take effect on their day.
    duties.register(duties.Duty("apply_procedure_changes", lambda: call_command("apply_procedure_changes")))


def on_status_changed(sender, instance, **kwargs):
    note(instance, STATUS_CHANGED)
