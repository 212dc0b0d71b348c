"""The announcements list: every published decision, newest first."""


def notice_index_context(page, request, context):
    from site_pages.models import publicly_visible

    from ..models import ProcedureNoticePage

    context["notices"] = publicly_visible(ProcedureNoticePage.objects.all()).order_by("-decision_date", "-pk")
    return context
