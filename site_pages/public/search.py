"""The search page at /tim-kiem/: results with facets, highlights, "did you mean" and paging.

Everything a visitor chooses is a GET parameter named as in /api/v1/search (repeatable filters,
`sort`, `after`), so a result page is an address to bookmark or share. Paging follows the engine's
`after` token; the tokens of the pages already seen travel along as `back`, for a previous-page link.
"""

import html
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms.number_formats import grouped
from procedure_catalog.vocabulary import Level, OnlineLevel, Status
from search.query import InvalidSearch, SearchRequest, search
from search.query_log import record_search

PAGE_SIZE = 10
# Past thirty pages a citizen refines the query; the cap also bounds the `back` trail in the address.
MAX_PAGES = 30
TYPE_LABELS = {"news": _("News"), "procedure": _("Procedure"), "notice": _("Announcement")}
CODE_LABELS = {"procedure": _("Procedure code"), "notice": _("Decision number")}
STATUS_BADGES = {Status.AMENDED: "badge--warning", Status.ABOLISHED: "badge--danger"}
MARK = re.compile(r"(</?mark>)")


@dataclass(frozen=True)
class FacetKind:
    param: str  # the GET parameter, as the API names it
    name: str  # the query service's filter
    label: str
    value_labels: dict | None  # None: the values are names already (fields, categories)

    def label_of(self, value):
        if self.value_labels is None:
            return value
        return self.value_labels.get(value, value)

    def accepts(self, value):
        return self.value_labels is None or value in self.value_labels


# Headings with their own msgids: Django's and Wagtail's catalogues already translate a bare "Field"
# or "Status" for forms ("Trường", "Trạng thái"), which is not what a procedure's field or status is.
FACETS = (
    FacetKind("type", "type", _("Content type"), TYPE_LABELS),
    FacetKind("category", "categories", _("News category"), None),
    FacetKind("field", "field", _("Procedure field"), None),
    FacetKind("level", "level", _("Procedure level"), dict(Level.choices)),
    FacetKind("status", "status", _("Procedure status"), dict(Status.choices)),
    FacetKind("online_level", "online_level", _("Online public service"), dict(OnlineLevel.choices)),
)
FACET_BY_PARAM = {kind.param: kind for kind in FACETS}


@dataclass(frozen=True)
class SearchState:
    """What the visitor asked for; each link on the page is this state with one thing changed."""

    q: str = ""
    filters: dict = field(default_factory=dict)  # GET parameter -> chosen values
    sort: str = "relevance"
    after: str = ""
    back: tuple = ()

    @property
    def page_number(self):
        return len(self.back) + 1

    def url(self, **changes):
        state = replace(self, **changes)
        params = [("q", state.q)] if state.q else []
        for kind in FACETS:
            params += [(kind.param, value) for value in state.filters.get(kind.param, [])]
        if state.sort != "relevance":
            params.append(("sort", state.sort))
        if state.after:
            params.append(("after", state.after))
        params += [("back", token) for token in state.back]
        return "?" + urlencode(params) if params else "?"

    def first_page(self, **changes):
        return self.url(after="", back=(), **changes)

    def toggled(self, kind, value):
        chosen = list(self.filters.get(kind.param, []))
        if value in chosen:
            chosen.remove(value)
        else:
            chosen.append(value)
        return self.first_page(filters={**self.filters, kind.param: chosen})


def read_state(query):
    """The state in the address, or InvalidSearch when a value is not one the page offers."""
    filters = {}
    for kind in FACETS:
        values = list(dict.fromkeys(value for value in query.getlist(kind.param) if value))
        if not all(kind.accepts(value) for value in values):
            raise InvalidSearch(f"unknown {kind.param}")
        if values:
            filters[kind.param] = values
    state = SearchState(
        q=query.get("q", "")[:200],
        filters=filters,
        sort=query.get("sort", "relevance"),
        after=query.get("after", ""),
        back=tuple(query.getlist("back")),
    )
    if len(state.back) >= MAX_PAGES or (state.back and not state.after):
        raise InvalidSearch("back is not a trail this page gave")
    return state


def search_request(state):
    # InvalidSearch for a token from another sort order or an edited one, as for any other value.
    return SearchRequest(
        q=state.q,
        filters={kind.name: state.filters[kind.param] for kind in FACETS if kind.param in state.filters},
        sort=state.sort,
        size=PAGE_SIZE,
        after=state.after or None,
    )


def safe_highlight(fragment):
    """A highlight fragment with nothing live in it but balanced <mark> tags.

    The engine HTML-encodes fragments (encoder=html), but this does not rely on it: the text between
    the tags is decoded and encoded again, so an encoded fragment comes out the same and a raw one
    comes out harmless."""
    if not fragment:
        return None
    parts, open_mark = [], False
    for piece in MARK.split(fragment):
        if piece == "<mark>":
            if not open_mark:
                parts.append(piece)
                open_mark = True
        elif piece == "</mark>":
            if open_mark:
                parts.append(piece)
                open_mark = False
        else:
            parts.append(escape(html.unescape(piece)))
    if open_mark:
        parts.append("</mark>")
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text was escaped above


def highlighted_title(fragment, title):
    """The title with its matches marked; the plain title when the fragment is only part of it (the
    engine cuts fragments at 160 characters, and some procedure names are longer)."""
    if fragment and html.unescape(MARK.sub("", fragment)) == title:
        return safe_highlight(fragment)
    return escape(title)


def local_date(value):
    """The day a result is dated, in Vietnam: the index stores dates and UTC times as text."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if timezone.is_aware(moment):
        return timezone.localtime(moment).date()
    return moment.date()


@dataclass(frozen=True)
class Result:
    key: str  # as the API names the hit, for the click count of the editors' search report
    type_label: str
    title: str  # safe HTML: the highlighted title, or the escaped plain one
    url: str
    date: date | None
    code_label: str | None
    code: str | None
    status_label: str | None
    status_badge: str
    snippet: str | None  # safe HTML
    promoted: bool


def present(hit):
    highlight = hit.get("highlight") or {}
    kind = hit.get("type")
    status = hit.get("status")
    codes = hit.get("codes") or []
    return Result(
        key=hit["key"],
        type_label=TYPE_LABELS.get(kind, kind),
        title=highlighted_title(highlight.get("title"), hit["title"]),
        url=hit["url"],
        date=local_date(hit.get("date")),
        code_label=CODE_LABELS.get(kind) if codes else None,
        code=codes[0] if codes and kind in CODE_LABELS else None,
        status_label=dict(Status.choices).get(status) if kind == "procedure" else None,
        status_badge=STATUS_BADGES.get(status, ""),
        snippet=safe_highlight(highlight.get("summary") or highlight.get("body")),
        promoted=bool(hit.get("promoted")),
    )


@dataclass(frozen=True)
class FacetOption:
    label: str
    count: str
    url: str
    chosen: bool


@dataclass(frozen=True)
class Facet:
    label: str
    options: list


def facets(state, answer):
    # Past COUNT_LIMIT matches the facets count only the first ones: the values stay, the counts
    # would mislead.
    exact = answer.total_relation == "eq"
    groups = []
    for kind in FACETS:
        chosen = state.filters.get(kind.param, [])
        buckets = {bucket["value"]: bucket["count"] for bucket in answer.facets.get(kind.name, [])}
        # A chosen value that no longer matches anything stays listed, so it can be switched off.
        for value in chosen:
            buckets.setdefault(value, 0)
        options = [
            FacetOption(
                label=kind.label_of(value),
                count=grouped(count) if exact else "",
                url=state.toggled(kind, value),
                chosen=value in chosen,
            )
            for value, count in buckets.items()
        ]
        if options:
            groups.append(Facet(kind.label, options))
    return groups


def count_text(answer):
    count = {"count": grouped(answer.total)}
    if answer.total_relation == "gte":  # counting stopped at COUNT_LIMIT
        return ngettext("More than %(count)s result", "More than %(count)s results", answer.total) % count
    return ngettext("%(count)s result", "%(count)s results", answer.total) % count


def paging(state, answer):
    links = {}
    if answer.next and state.page_number < MAX_PAGES:
        links["next"] = state.url(after=answer.next, back=(*state.back, state.after))
    if state.back:
        links["previous"] = state.url(after=state.back[-1], back=state.back[:-1])
    if state.page_number > 2:
        links["first"] = state.first_page()
    return links


def results_context(state):
    answer = search(search_request(state))
    groups = facets(state, answer)
    chosen_any = any(state.filters.values())
    return {
        "answer": answer,
        "count_text": count_text(answer),
        "results": [present(hit) for hit in answer.hits],
        "first_number": (state.page_number - 1) * PAGE_SIZE + 1,
        "facets": groups,
        "chosen_any": chosen_any,
        # Without the engine there are no counts to show, and the simpler search cannot apply most filters.
        "show_filters": not answer.degraded and bool(groups or chosen_any),
        "clear_filters_url": state.first_page(filters={}),
        "sort_options": [
            {"label": label, "url": state.first_page(sort=value), "chosen": state.sort == value}
            for value, label in (("relevance", _("Best match")), ("date", _("Newest first")))
        ],
        "suggestion_url": state.first_page(q=answer.suggestion) if answer.suggestion else None,
        "intent": intent_link(state, answer),
        "paging": paging(state, answer),
    }


def intent_link(state, answer):
    """One click to the kind of content the query names ("thủ tục …" asks for procedures)."""
    if not answer.intent or answer.intent not in TYPE_LABELS:
        return None
    return {
        "label": TYPE_LABELS[answer.intent],
        "url": state.first_page(filters={**state.filters, "type": [answer.intent]}),
    }


def search_page(request):
    context = {"q": request.GET.get("q", "")[:200]}
    status = 200
    try:
        state = read_state(request.GET)
        context.update(state=state, q=state.q, sort=state.sort)
        if state.q.strip() or state.filters:
            context.update(results_context(state))
            record_search(state.q, state.after, context["answer"])
    except InvalidSearch:
        status = 400
        context["invalid"] = True
        context["plain_search_url"] = SearchState(q=context["q"]).url()
    return TemplateResponse(request, "site_pages/search_page.html", context, status=status)
