"""The editors' report of what citizens searched for: a chart per day and three tables of queries.

Tables aggregate the chosen period per query. "Found nothing" are queries whose searches returned no
result; "few clicks" are queries searched at least LOW_CLICK_MIN_SEARCHES times that found something
but whose results were seldom opened, lowest click-through first. Each row links to adding a synonym
or a promoted result for it, for users who may add those.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import F, FloatField, Q, Sum
from django.db.models.functions import Cast
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.charts import BLUE, ORANGE, Series, bar_chart, line_chart
from cms.number_formats import grouped, rate_text

from .analytics import SearchQueryDay

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
TABLE_ROWS = 20
LOW_CLICK_MIN_SEARCHES = 5
# The add forms of the synonym and promoted-result snippets, and the field each fills from the query.
SHORTCUTS = (
    ("wagtailsnippets_search_synonymgroup:add", "terms", "search.add_synonymgroup"),
    ("wagtailsnippets_search_promotion:add", "query", "search.add_promotion"),
)


def chosen_period(value):
    try:
        days = int(value)
    except (TypeError, ValueError):
        return DEFAULT_PERIOD
    return days if days in PERIODS else DEFAULT_PERIOD


def admin_add_link(url_name, param, q, user=None, permission=None):
    """The admin's add form for `url_name` filled in with the query, or None when that form does not
    exist in this installation or the user may not add such records."""
    if user is not None and permission and not user.has_perm(permission):
        return None
    try:
        url = reverse(url_name)
    except NoReverseMatch:
        return None
    return f"{url}?{urlencode({param: q})}"


def share(part, whole):
    return Decimal(part * 100) / Decimal(whole) if whole else None


@dataclass(frozen=True)
class QueryRow:
    query: str
    searches: int
    zero_results: int
    clicks: int
    synonym_url: str | None
    promotion_url: str | None

    @property
    def searches_text(self):
        return grouped(self.searches)

    @property
    def zero_results_text(self):
        return grouped(self.zero_results)

    @property
    def clicks_text(self):
        return grouped(self.clicks)

    @property
    def click_rate_text(self):
        return rate_text(share(self.clicks, self.searches))


def period_rows(first_day):
    return (
        SearchQueryDay.objects.filter(day__gte=first_day)
        .values("query")
        .annotate(total_searches=Sum("searches"), total_zero=Sum("zero_results"), total_clicks=Sum("clicks"))
    )


def query_rows(rows, user):
    links = [
        [
            admin_add_link(url_name, param, row["query"], user, permission)
            for url_name, param, permission in SHORTCUTS
        ]
        for row in rows
    ]
    return [
        QueryRow(
            query=row["query"],
            searches=row["total_searches"],
            zero_results=row["total_zero"],
            clicks=row["total_clicks"],
            synonym_url=synonym_url,
            promotion_url=promotion_url,
        )
        for row, (synonym_url, promotion_url) in zip(rows, links, strict=True)
    ]


def tables(first_day, user):
    rows = period_rows(first_day)
    top = rows.order_by("-total_searches", "query")[:TABLE_ROWS]
    found_nothing = rows.filter(total_zero__gt=0).order_by("-total_zero", "query")[:TABLE_ROWS]
    low_clicks = (
        rows.filter(total_searches__gte=LOW_CLICK_MIN_SEARCHES)
        .filter(~Q(total_zero=F("total_searches")))
        .annotate(click_rate=Cast("total_clicks", FloatField()) / Cast("total_searches", FloatField()))
        .order_by("click_rate", "-total_searches", "query")[:TABLE_ROWS]
    )
    return {
        "top_queries": query_rows(list(top), user),
        "zero_result_queries": query_rows(list(found_nothing), user),
        "low_click_queries": query_rows(list(low_clicks), user),
    }


def daily_totals(first_day, today):
    totals = {
        row["day"]: row
        for row in SearchQueryDay.objects.filter(day__gte=first_day)
        .values("day")
        .annotate(total_searches=Sum("searches"), total_zero=Sum("zero_results"))
    }
    days = [first_day + timedelta(days=offset) for offset in range((today - first_day).days + 1)]
    return [
        (day, (totals.get(day) or {}).get("total_searches", 0), (totals.get(day) or {}).get("total_zero", 0))
        for day in days
    ]


def charts(days):
    span = {"count": len(days), "first": f"{days[0][0]:%d/%m/%Y}", "last": f"{days[-1][0]:%d/%m/%Y}"}
    categories = [f"{day.day}/{day.month}" for day, _searches, _zero in days]
    searches = bar_chart(
        chart_id="searches-chart",
        title=_("Searches per day"),
        description=_(
            "Bar chart of the searches citizens made on each of the %(count)s days from %(first)s to "
            "%(last)s."
        )
        % span,
        categories=categories,
        series=[Series(_("Searches"), [count for _day, count, _zero in days], BLUE)],
        format_value=grouped,
    )
    zero_share = line_chart(
        chart_id="zero-results-chart",
        title=_("Share of searches that found nothing"),
        description=_(
            "Line chart of the share of searches that found no result on each of the %(count)s days "
            "from %(first)s to %(last)s; days without searches are left out."
        )
        % span,
        categories=categories,
        series=[
            Series(
                _("Found nothing"),
                [share(zero, count) for _day, count, zero in days],
                ORANGE,
            )
        ],
        format_value=lambda value: rate_text(Decimal(value)),
    )
    return searches, zero_share


def report_context(period, user):
    today = timezone.localdate()
    first_day = today - timedelta(days=period - 1)
    days = daily_totals(first_day, today)
    searches_chart, zero_chart = charts(days)
    total = sum(count for _day, count, _zero in days)
    zero = sum(zero for _day, _count, zero in days)
    return {
        "period": period,
        "period_options": [
            {"days": days_, "url": "?" + urlencode({"days": days_}), "current": days_ == period}
            for days_ in PERIODS
        ],  # fmt: skip
        "total_text": grouped(total),
        "zero_text": grouped(zero),
        "zero_rate_text": rate_text(share(zero, total)),
        "searches_chart": searches_chart,
        "zero_chart": zero_chart,
        "low_click_min_searches": LOW_CLICK_MIN_SEARCHES,
        **tables(first_day, user),
    }
