"""The home page: latest news, featured procedures, the search box and key statistics."""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _

from cms.publishing.visibility import publicly_visible

from ..models import published_news
from .pictures import with_pictures

LATEST_NEWS = 6
FEATURED_PROCEDURES = 6
# What a citizen typically types: shown under the big search box as an example.
SEARCH_EXAMPLE = "thu tuc cong nhan nguoi co uy tin"


def featured_procedures():
    """Procedures in force, those a citizen can complete online first, then partly online."""
    from procedure_catalog.models import ProcedurePage
    from procedure_catalog.vocabulary import OnlineLevel, Status

    online_first = Case(
        When(online_level=OnlineLevel.FULL, then=Value(0)),
        When(online_level=OnlineLevel.PARTIAL, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        publicly_visible(ProcedurePage.objects.filter(status=Status.IN_FORCE))
        .select_related("field")
        .order_by(online_first, "title", "pk")[:FEATURED_PROCEDURES]
    )


def latest_statistics():
    """The agency-wide figures of the most recent period; of two periods that start on the same day
    (a year and its first quarter) the longer one, as it is the one that ends last."""
    from procedure_catalog.dossier_statistics import DossierStatistics, PeriodKind

    length = Case(
        When(period_kind=PeriodKind.YEAR, then=Value(0)),
        When(period_kind=PeriodKind.HALF_YEAR, then=Value(1)),
        When(period_kind=PeriodKind.QUARTER, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return (
        DossierStatistics.objects.filter(field__isnull=True, procedure__isnull=True)
        .order_by("-period_start", length)
        .first()
    )


def period_label(row):
    """How Vietnamese reports name a period: "Quý 3/2025", "Tháng 7/2025", "6 tháng đầu năm 2025"."""
    from procedure_catalog.dossier_statistics import PeriodKind

    start = row.period_start
    if row.period_kind == PeriodKind.QUARTER:
        return _("Quarter %(number)s/%(year)s") % {"number": (start.month - 1) // 3 + 1, "year": start.year}
    if row.period_kind == PeriodKind.MONTH:
        return _("Month %(number)s/%(year)s") % {"number": start.month, "year": start.year}
    if row.period_kind == PeriodKind.HALF_YEAR:
        if start.month <= 6:
            return _("First half of %(year)s") % {"year": start.year}
        return _("Second half of %(year)s") % {"year": start.year}
    return _("Year %(year)s") % {"year": start.year}


def home_context(page, request, context):
    statistics = latest_statistics()
    context.update(
        latest_news=list(with_pictures(published_news(), "card")[:LATEST_NEWS]),
        featured_procedures=list(featured_procedures()),
        statistics=statistics,
        statistics_period=period_label(statistics) if statistics else "",
        search_example=SEARCH_EXAMPLE,
    )
    return context
