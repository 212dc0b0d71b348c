"""The statistics page: received and resolved dossiers and on-time rates per period, as charts.

The figures are the agency's own (whole-agency rows, neither field nor procedure), for the latest
periods of the kind a visitor picks. When the agency enters quarters only, a year is the sum of its
four quarters; a period with a part missing is left out rather than shown too low.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.charts import BLUE, GREEN, ORANGE, Series, bar_chart, line_chart
from cms.number_formats import grouped, rate_text

from ..dossier_statistics import COUNT_FIELDS, DossierStatistics, PeriodKind

PARAM = "period"
LATEST = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 8, PeriodKind.HALF_YEAR: 6, PeriodKind.YEAR: 5}
PREFERRED = [PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.HALF_YEAR, PeriodKind.YEAR]
# The finer kinds a period can be added up from, preferred first, and how many parts make it whole.
PARTS = {
    PeriodKind.YEAR: [(PeriodKind.QUARTER, 4), (PeriodKind.MONTH, 12)],
    PeriodKind.HALF_YEAR: [(PeriodKind.QUARTER, 2), (PeriodKind.MONTH, 6)],
    PeriodKind.QUARTER: [(PeriodKind.MONTH, 3)],
    PeriodKind.MONTH: [],
}
ADDED_UP_NOTE = {
    PeriodKind.QUARTER: gettext_lazy(
        "Added up from the quarterly figures; only periods with every quarter entered are shown."
    ),
    PeriodKind.MONTH: gettext_lazy(
        "Added up from the monthly figures; only periods with every month entered are shown."
    ),
}


@dataclass(frozen=True)
class PeriodFigures:
    label: str  # in a sentence or a table: "Quý 1/2025"
    axis_label: tuple  # under a chart's bar, on two short lines: ("Quý 1", "2025")
    received: int
    resolved: int
    timely: int  # early and on time: what reports call "đúng hạn"
    late: int
    timely_rate: Decimal | None

    @property
    def received_text(self):
        return grouped(self.received)

    @property
    def resolved_text(self):
        return grouped(self.resolved)

    @property
    def timely_text(self):
        return grouped(self.timely)

    @property
    def late_text(self):
        return grouped(self.late)

    @property
    def timely_rate_text(self):
        return rate_text(self.timely_rate)


def start_of(kind, day):
    if kind == PeriodKind.YEAR:
        return datetime.date(day.year, 1, 1)
    if kind == PeriodKind.HALF_YEAR:
        return datetime.date(day.year, 1 if day.month <= 6 else 7, 1)
    if kind == PeriodKind.QUARTER:
        return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return datetime.date(day.year, day.month, 1)


def labels(kind, start):
    """The full label and the two-line chart label of a period."""
    year = start.year
    if kind == PeriodKind.MONTH:
        return (
            _("Month %(month)s/%(year)s") % {"month": start.month, "year": year},
            (_("Month %(month)s") % {"month": start.month}, str(year)),
        )
    if kind == PeriodKind.QUARTER:
        quarter = (start.month - 1) // 3 + 1
        return (
            _("Quarter %(quarter)s/%(year)s") % {"quarter": quarter, "year": year},
            (_("Quarter %(quarter)s") % {"quarter": quarter}, str(year)),
        )
    if kind == PeriodKind.HALF_YEAR:
        if start.month <= 6:
            return _("First half of %(year)s") % {"year": year}, (_("First half"), str(year))
        return _("Second half of %(year)s") % {"year": year}, (_("Second half"), str(year))
    return _("Year %(year)s") % {"year": year}, (str(year),)


def agency_rows(kind):
    return DossierStatistics.objects.filter(period_kind=kind, field__isnull=True, procedure__isnull=True)


def added_up(kind, part_kind, parts_needed):
    """Whole periods of `kind` as the sum of their parts: counts add up, the dossiers carried over are
    the first part's and those still pending the last part's."""
    groups = {}
    for row in agency_rows(part_kind).order_by("period_start"):
        groups.setdefault(start_of(kind, row.period_start), {})[row.period_start] = row
    totals = []
    for start, parts in groups.items():
        if len(parts) != parts_needed:
            continue
        ordered = [parts[day] for day in sorted(parts)]
        sums = {name: sum(getattr(part, name) for part in ordered) for name in COUNT_FIELDS}
        sums["carried_over"] = ordered[0].carried_over
        sums["pending_within_deadline"] = ordered[-1].pending_within_deadline
        sums["pending_overdue"] = ordered[-1].pending_overdue
        totals.append(DossierStatistics(period_kind=kind, period_start=start, **sums))
    return totals


def rows_for(kind):
    """The latest periods of a kind, oldest first, and the finer kind they were added up from."""
    entered = list(agency_rows(kind).order_by("-period_start")[: LATEST[kind]])
    if entered:
        return entered[::-1], None
    for part_kind, parts_needed in PARTS[kind]:
        totals = added_up(kind, part_kind, parts_needed)
        if totals:
            return totals[-LATEST[kind] :], part_kind
    return [], None


def figures(row):
    label, axis_label = labels(row.period_kind, row.period_start)
    return PeriodFigures(
        label=label,
        axis_label=axis_label,
        received=row.received,
        resolved=row.resolved,
        timely=row.resolved_early + row.resolved_on_time,
        late=row.resolved_late,
        timely_rate=row.timely_rate,
    )


def default_kind():
    for kind in PREFERRED:
        if rows_for(kind)[0]:
            return kind
    return PeriodKind.QUARTER


def chosen_kind(request):
    """The period kind asked for, or the default; and whether the address asked for a kind we lack."""
    asked = request.GET.get(PARAM)
    if asked in PeriodKind.values:
        return PeriodKind(asked), False
    return default_kind(), asked is not None


def charts(kind, periods):
    plural = {
        PeriodKind.MONTH: _("months"),
        PeriodKind.QUARTER: _("quarters"),
        PeriodKind.HALF_YEAR: _("half-years"),
        PeriodKind.YEAR: _("years"),
    }[kind]
    span = {"count": len(periods), "periods": plural, "first": periods[0].label, "last": periods[-1].label}
    categories = [period.axis_label for period in periods]
    received = bar_chart(
        chart_id="received-chart",
        title=_("Dossiers received and resolved"),
        description=_(
            "Bar chart of the dossiers received and resolved in the %(count)s latest %(periods)s, "
            "from %(first)s to %(last)s. The table below gives the same figures."
        )
        % span,
        categories=categories,
        series=[
            Series(_("Received"), [period.received for period in periods], BLUE),
            Series(_("Resolved"), [period.resolved for period in periods], ORANGE),
        ],
        format_value=grouped,
    )
    rate = line_chart(
        chart_id="rate-chart",
        title=_("On-time rate"),
        description=_(
            "Line chart of the share of resolved dossiers resolved early or on time in the %(count)s "
            "latest %(periods)s, from %(first)s to %(last)s. The table below gives the same figures."
        )
        % span,
        categories=categories,
        series=[Series(_("On-time rate"), [period.timely_rate for period in periods], GREEN)],
        format_value=lambda value: rate_text(Decimal(value)),
    )
    return received, rate


def period_options(kind):
    return [
        {"label": label, "url": "?" + urlencode({PARAM: value}), "current": value == kind}
        for value, label in PeriodKind.choices
    ]


def statistics_context(page, request, context):
    kind, invalid = chosen_kind(request)
    rows, added_from = rows_for(kind)
    periods = [figures(row) for row in rows]
    context.update(
        {
            "period_kind": kind,
            "period_kind_label": kind.label,
            "period_options": period_options(kind),
            "invalid_period": invalid,
            "periods": periods,
            "added_up_note": ADDED_UP_NOTE.get(added_from),
        }
    )
    if periods:
        context["received_chart"], context["rate_chart"] = charts(kind, periods)
    return context
