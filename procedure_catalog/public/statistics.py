"""The statistics page: received and resolved dossiers and on-time rates per period, as charts."""


def statistics_context(page, request, context):
    from ..dossier_statistics import DossierStatistics

    context["rows"] = DossierStatistics.objects.select_related("field", "procedure")
    return context
