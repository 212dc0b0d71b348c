"""GET /api/v1/news, /categories, /procedures, /site: published content for any front end."""

from django.db.models import Prefetch, Q
from django.http import Http404
from ninja import Query, Router

from cms.publishing.visibility import publicly_visible
from procedure_catalog.dossier_statistics import PeriodKind
from procedure_catalog.models import ProcedurePage, public_notice_entries, public_procedures
from procedure_catalog.vocabulary import Level, OnlineLevel, Status
from site_pages.agency import AgencyIdentity
from site_pages.models import NewsArticlePage
from site_pages.models import published_news as site_pages_published_news
from site_pages.taxonomy import NewsCategory

from . import api_schemas as schemas
from . import serializers
from .api_params import IsoDate, IsoDateTime, page_id, page_number, page_size, strict_query
from .publishing.public_urls import public_url

router = Router(tags=["content"])


def paginate(request, queryset, present, page, size):
    count = queryset.count()
    items = queryset[(page - 1) * size : page * size]

    def link(number):
        params = request.GET.copy()
        params["page"] = number
        return public_url(f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "next": link(page + 1) if page * size < count else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": [present(request, item) for item in items],
    }


def published_news():
    from django.db.models import Prefetch

    from media.models import AgencyRendition
    from media.renditions import RENDITION_PRESETS

    # Every preset of every featured image in one query: a third of a news list's time otherwise.
    renditions = AgencyRendition.objects.filter(filter_spec__in=list(RENDITION_PRESETS.values()))
    return (
        site_pages_published_news()
        .select_related("featured_image")
        .prefetch_related(
            "categories", "tagged_items__tag", Prefetch("featured_image__renditions", renditions)
        )
    )


@router.get(
    "/news", summary="Published news, newest first", response={200: schemas.NewsPage, **schemas.ERRORS}
)
@strict_query
def news_list(
    request,
    category: str | None = Query(None, description="A category slug, as /categories gives"),
    tag: str | None = None,
    date_from: IsoDate | None = Query(None, description="Display date on or after"),
    date_to: IsoDate | None = Query(None, description="Display date on or before"),
    updated_since: IsoDateTime | None = Query(
        None, description="Published or republished at or after this time (+07:00 when no offset is given)"
    ),
    page: int = page_number(),
    page_size: int = page_size(),
):
    news = published_news()
    # Through subqueries, not joins: a join can repeat an article, and the DISTINCT that would undo
    # that made PostgreSQL sort all 16,000 rows, bodies included, for every page (bench/load/).
    if category:
        news = news.filter(pk__in=NewsArticlePage.objects.filter(categories__slug=category).values("pk"))
    if tag:
        news = news.filter(pk__in=NewsArticlePage.objects.filter(tags__name=tag).values("pk"))
    if date_from:
        news = news.filter(display_date__date__gte=date_from)
    if date_to:
        news = news.filter(display_date__date__lte=date_to)
    if updated_since:
        news = news.filter(last_published_at__gte=updated_since)
    return paginate(request, news, serializers.news_summary, page, page_size)


def one_article(request, **lookup):
    page = published_news().filter(**lookup).first()
    if page is None:
        raise Http404
    return serializers.news_detail(request, page)


@router.get(
    "/news/{int:news_id}",
    summary="One published article",
    response={200: schemas.NewsDetail, **schemas.ERRORS},
)
@strict_query
def news_detail(request, news_id: int = page_id()):
    return one_article(request, pk=news_id)


@router.get(
    "/news/by-slug/{slug}",
    summary="One published article, by its slug",
    response={200: schemas.NewsDetail, **schemas.ERRORS},
)
@strict_query
def news_by_slug(request, slug: str):
    return one_article(request, slug=slug)


@router.get(
    "/categories", summary="News categories", response={200: list[schemas.Category], **schemas.ERRORS}
)
@strict_query
def categories(request):
    return [
        {"slug": c.slug, "name": c.name, "description": c.description} for c in NewsCategory.objects.all()
    ]


def published_procedures():
    return publicly_visible(ProcedurePage.objects.select_related("field")).order_by("code")


@router.get(
    "/procedures",
    summary="Administrative procedures",
    response={200: schemas.ProcedurePage, **schemas.ERRORS},
)
@strict_query
def procedures(
    request,
    field: str | None = Query(None, description="The field's name, exactly"),
    level: Level | None = None,
    status: Status | None = None,
    online_level: OnlineLevel | None = None,
    agency: str | None = Query(None, description="Part of the handling agency's name"),
    page: int = page_number(),
    page_size: int = page_size(),
):
    found = published_procedures()
    if field:
        found = found.filter(field__name=field)
    if level:
        found = found.filter(level=level)
    if status:
        found = found.filter(status=status)
    if online_level:
        found = found.filter(online_level=online_level)
    if agency:
        found = found.filter(handling_agency__icontains=agency)
    return paginate(request, found, serializers.procedure, page, page_size)


@router.get(
    "/procedures/{code}",
    summary="One procedure with every part, by its national code",
    response={200: schemas.ProcedureDetail, **schemas.ERRORS},
)
@strict_query
def procedure_detail(request, code: str):
    page = published_procedures().filter(code=code.upper()).first()
    if page is None:
        raise Http404
    return serializers.procedure(request, page, detail=True)


@router.get(
    "/site", summary="The agency's identity and contacts", response={200: schemas.Site, **schemas.ERRORS}
)
@strict_query
def site(request):
    from wagtail.models import Site

    current = Site.find_for_request(request)
    identity = AgencyIdentity.for_site(current) if current else None
    fields = ("name", "short_name", "document_suffix", "address", "phone", "email")
    return {
        **{name: getattr(identity, name, "") for name in fields},
        "url": public_url("/"),
        "languages": ["vi"],
    }


def notice(request, notice):
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
            for entry in notice.entries.all()
        ],
    }  # fmt: skip


@router.get(
    "/procedure-notices",
    summary="Announcement decisions, newest first",
    response={200: schemas.NoticePage, **schemas.ERRORS},
)
@strict_query
def procedure_notices(request, page: int = page_number(), page_size: int = page_size()):
    from procedure_catalog.models import ProcedureNoticePage

    notices = (
        publicly_visible(ProcedureNoticePage.objects.all())
        .prefetch_related(Prefetch("entries", queryset=public_notice_entries()))
        .order_by("-decision_date", "-pk")
    )
    return paginate(request, notices, notice, page, page_size)


def statistics_row(request, row):
    from procedure_catalog.dossier_statistics import COUNT_FIELDS

    def rate(value):
        return None if value is None else str(value)

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


@router.get(
    "/statistics",
    summary="One-stop-shop dossier statistics with computed rates",
    response={200: schemas.StatisticsPage, **schemas.ERRORS},
)
@strict_query
def statistics(
    request,
    period: PeriodKind | None = Query(None, description="The length of period the counts cover"),
    page: int = page_number(),
    page_size: int = page_size(),
):
    from procedure_catalog.dossier_statistics import DossierStatistics

    # A row about a procedure the public cannot see would name it; whole-agency and field rows stay.
    rows = DossierStatistics.objects.select_related("field", "procedure").filter(
        Q(procedure__isnull=True) | Q(procedure__in=public_procedures())
    )
    if period:
        rows = rows.filter(period_kind=period)
    return paginate(request, rows, statistics_row, page, page_size)
