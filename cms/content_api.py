"""GET /api/v1/news, /categories, /procedures, /site: published content for any front end."""

from datetime import date

from django.http import Http404
from ninja import Router

from procedure_catalog.models import ProcedurePage
from site_pages.agency import AgencyIdentity
from site_pages.models import published_news as site_pages_published_news
from site_pages.taxonomy import NewsCategory

from . import serializers

router = Router(tags=["content"])
MAX_PAGE_SIZE = 100


class BadParameters(ValueError):
    pass


def check_params(request, allowed):
    unknown = set(request.GET) - set(allowed) - {"page", "page_size"}
    if unknown:
        raise BadParameters(f"unknown query parameters: {', '.join(sorted(unknown))}")


def whole(request, name, default):
    raw = request.GET.get(name, default)
    try:
        return int(raw)
    except (TypeError, ValueError) as error:
        raise BadParameters(f"{name} must be a whole number") from error


def day(request, name):
    raw = request.GET.get(name)
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError as error:
        raise BadParameters(f"{name} must be a date such as 2025-07-01") from error


def paginate(request, queryset, present):
    page = whole(request, "page", 1)
    size = whole(request, "page_size", 20)
    if page < 1:
        raise BadParameters("page must be 1 or more")
    if not 1 <= size <= MAX_PAGE_SIZE:
        # A clear error rather than a silent cap, so a client never believes it has everything.
        raise BadParameters(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    count = queryset.count()
    items = queryset[(page - 1) * size : page * size]

    def link(number):
        params = request.GET.copy()
        params["page"] = number
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "next": link(page + 1) if page * size < count else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": [present(request, item) for item in items],
    }


def problem_for(request, error):
    from .api import problem

    return problem(request, 400, "Invalid request", detail=str(error))


def published_news():
    return (
        site_pages_published_news()
        .select_related("featured_image")
        .prefetch_related("categories", "tagged_items__tag")
    )


@router.get("/news", summary="Published news, newest first")
def news_list(request):
    try:
        check_params(request, {"category", "tag", "date_from", "date_to", "updated_since"})
        news = published_news()
        if category := request.GET.get("category"):
            news = news.filter(categories__slug=category)
        if tag := request.GET.get("tag"):
            news = news.filter(tags__name=tag)
        if date_from := day(request, "date_from"):
            news = news.filter(display_date__date__gte=date_from)
        if date_to := day(request, "date_to"):
            news = news.filter(display_date__date__lte=date_to)
        if updated_since := day(request, "updated_since"):
            news = news.filter(last_published_at__date__gte=updated_since)
        return paginate(request, news.distinct(), serializers.news_summary)
    except BadParameters as error:
        return problem_for(request, error)


def one_article(request, **lookup):
    page = published_news().filter(**lookup).first()
    if page is None:
        raise Http404
    return serializers.news_detail(request, page)


@router.get("/news/{int:news_id}", summary="One published article")
def news_detail(request, news_id: int):
    return one_article(request, pk=news_id)


@router.get("/news/by-slug/{slug}", summary="One published article, by its slug")
def news_by_slug(request, slug: str):
    return one_article(request, slug=slug)


@router.get("/categories", summary="News categories")
def categories(request):
    return [
        {"slug": c.slug, "name": c.name, "description": c.description} for c in NewsCategory.objects.all()
    ]


PROCEDURE_FILTERS = {
    "field": "field__name",
    "level": "level",
    "status": "status",
    "online_level": "online_level",
    "agency": "handling_agency__icontains",
}


def published_procedures():
    return (
        ProcedurePage.objects.live().public().filter(expired=False).select_related("field").order_by("code")
    )


@router.get("/procedures", summary="Administrative procedures")
def procedures(request):
    try:
        check_params(request, set(PROCEDURE_FILTERS))
        found = published_procedures()
        for name, lookup in PROCEDURE_FILTERS.items():
            if value := request.GET.get(name):
                found = found.filter(**{lookup: value})
        return paginate(request, found, serializers.procedure)
    except BadParameters as error:
        return problem_for(request, error)


@router.get("/procedures/{code}", summary="One procedure with every part, by its national code")
def procedure_detail(request, code: str):
    page = published_procedures().filter(code=code.upper()).first()
    if page is None:
        raise Http404
    return serializers.procedure(request, page, detail=True)


@router.get("/site", summary="The agency's identity and contacts")
def site(request):
    from wagtail.models import Site

    current = Site.find_for_request(request)
    identity = AgencyIdentity.for_site(current) if current else None
    fields = ("name", "short_name", "document_suffix", "address", "phone", "email")
    return {
        **{name: getattr(identity, name, "") for name in fields},
        "url": request.build_absolute_uri("/"),
        "languages": ["vi"],
    }


@router.get("/procedure-notices", summary="Announcement decisions, newest first")
def procedure_notices(request):
    from procedure_catalog.models import ProcedureNoticePage

    def present(request, notice):
        return {
            "id": notice.pk,
            "title": notice.title,
            "url": serializers.absolute(request, notice.url),
            "decision_number": notice.decision_number,
            "decision_date": serializers.iso(notice.decision_date),
            "issuer": notice.issuer,
            "signer": notice.signer,
            "entries": [
                {"code": entry.procedure.code, "name": entry.procedure.title, "change": entry.change,
                 "effective_on": serializers.iso(entry.effective_on)}
                for entry in notice.entries.select_related("procedure")
            ],
        }  # fmt: skip

    try:
        check_params(request, set())
        notices = (
            ProcedureNoticePage.objects.live()
            .public()
            .filter(expired=False)
            .order_by("-decision_date", "-pk")
        )
        return paginate(request, notices, present)
    except BadParameters as error:
        return problem_for(request, error)


@router.get("/statistics", summary="One-stop-shop dossier statistics with computed rates")
def statistics(request):
    from procedure_catalog.dossier_statistics import COUNT_FIELDS, DossierStatistics

    def rate(value):
        return None if value is None else str(value)

    def present(request, row):
        return {
            "period": row.period_kind,
            "period_start": serializers.iso(row.period_start),
            "field": row.field.name if row.field_id else None,
            "procedure": row.procedure.code if row.procedure_id else None,
            **{name: getattr(row, name) for name in COUNT_FIELDS},
            "received": row.received,
            "resolved": row.resolved,
            "early_rate": rate(row.early_rate),
            "on_time_rate": rate(row.on_time_rate),
            "late_rate": rate(row.late_rate),
            "timely_rate": rate(row.timely_rate),
        }

    try:
        check_params(request, {"period"})
        rows = DossierStatistics.objects.select_related("field", "procedure")
        if period := request.GET.get("period"):
            rows = rows.filter(period_kind=period)
        return paginate(request, rows, present)
    except BadParameters as error:
        return problem_for(request, error)
