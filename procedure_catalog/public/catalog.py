"""The procedure catalogue: filters with counts by field, level, online level and status."""


def catalog_context(page, request, context):
    from site_pages.models import publicly_visible

    from ..models import ProcedureNoticePage, ProcedurePage

    context["procedures"] = (
        publicly_visible(ProcedurePage.objects.child_of(page))
        .select_related("field")
        .order_by("field__name", "code")
    )
    context["notices"] = publicly_visible(ProcedureNoticePage.objects.child_of(page)).order_by(
        "-decision_date"
    )
    return context
