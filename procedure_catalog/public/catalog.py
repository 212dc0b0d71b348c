"""The procedure catalogue: filters with counts by field, level, online level and status.

Every filter is a GET parameter, so a filtered list is an address a citizen can bookmark or share.
Within one dimension the chosen options add up (province or commune), across dimensions they narrow
(province and fully online). Each option's count is what the list would hold if it were toggled on
over the other dimensions' choices, so a visitor sees what widening gives as well as narrowing.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cms.publishing.visibility import publicly_visible
from search.folding import fold
from site_pages.public.paging import address, paginate

from ..vocabulary import Level, OnlineLevel, Status

PER_PAGE = 20
MAX_QUERY_LENGTH = 200
LATEST_NOTICES = 3


def _field_choices():
    from ..models import ProcedureField

    return [(str(pk), name) for pk, name in ProcedureField.objects.order_by("name").values_list("pk", "name")]


@dataclass(frozen=True)
class Dimension:
    param: str  # the GET parameter
    column: str  # the ProcedurePage field it filters and counts
    label: str
    choices: object  # () -> [(value, label)], values as they appear in addresses

    def counts(self, procedures):
        rows = procedures.order_by().values(self.column).annotate(n=Count("pk"))
        return {str(row[self.column]): row["n"] for row in rows if row[self.column] is not None}


DIMENSIONS = (
    Dimension("field", "field", _("Procedure field"), _field_choices),
    Dimension("level", "level", _("Level"), lambda: Level.choices),
    Dimension("online", "online_level", _("Online public service"), lambda: OnlineLevel.choices),
    Dimension("status", "status", _("Status"), lambda: Status.choices),
)


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass(frozen=True)
class Facet:
    param: str
    label: str
    options: list


def chosen_values(request, dimension, choices):
    known = {value for value, _label in choices}
    return list(dict.fromkeys(value for value in request.GET.getlist(dimension.param) if value in known))


def matching_text(procedures, q):
    """Procedures whose name or code holds every word of q, with or without diacritics.

    Folded in Python rather than in SQL so that "thu tuc" finds "Thủ tục" on SQLite and PostgreSQL
    alike; a province's catalogue is a few hundred rows, and the site-wide search covers the rest."""
    words = fold(q).split()
    if not words:
        return procedures
    keep = [
        pk
        for pk, title, code in procedures.values_list("pk", "title", "code")
        if all(word in fold(f"{title} {code}") for word in words)
    ]
    return procedures.filter(pk__in=keep)


def narrowed(procedures, selection, leave_out=None):
    for dimension, values in selection.items():
        if values and dimension is not leave_out:
            procedures = procedures.filter(**{f"{dimension.column}__in": values})
    return procedures


def filter_address(request, q, selection):
    params = QueryDict(mutable=True)
    if q:
        params["q"] = q
    for dimension, values in selection.items():
        if values:
            params.setlist(dimension.param, values)
    return address(request, params)


def facets_for(request, searched, q, selection, choices):
    facets = []
    for dimension in DIMENSIONS:
        counts = dimension.counts(narrowed(searched, selection, leave_out=dimension))
        chosen = selection[dimension]
        options = []
        for value, label in choices[dimension]:
            selected = value in chosen
            if not counts.get(value) and not selected:
                continue  # an option that would empty the list is noise
            toggled = [v for v in chosen if v != value] if selected else [*chosen, value]
            url = filter_address(request, q, {**selection, dimension: toggled})
            options.append(FacetOption(value, str(label), counts.get(value, 0), selected, url))
        facets.append(Facet(dimension.param, dimension.label, options))
    return facets


def catalog_context(page, request, context):
    from site_pages.models import NoticeIndexPage

    from ..models import ProcedureNoticePage, ProcedurePage

    q = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    choices = {dimension: dimension.choices() for dimension in DIMENSIONS}
    selection = {dimension: chosen_values(request, dimension, choices[dimension]) for dimension in DIMENSIONS}

    visible = publicly_visible(ProcedurePage.objects.child_of(page))
    searched = matching_text(visible, q)
    results = narrowed(searched, selection).select_related("field").order_by("field__name", "code", "pk")
    pages = paginate(request, results, PER_PAGE)

    context.update(
        q=q,
        facets=facets_for(request, searched, q, selection, choices),
        filtered=bool(q) or any(selection.values()),
        pages=pages,
        procedures=pages.page.object_list,
        site_search_url=f"{reverse('search')}?{urlencode({'q': q, 'type': 'procedure'})}" if q else "",
        notices=publicly_visible(ProcedureNoticePage.objects.all()).order_by("-decision_date", "-pk")[
            :LATEST_NOTICES
        ],
        notice_index=publicly_visible(NoticeIndexPage.objects.all()).first(),
    )
    return context
