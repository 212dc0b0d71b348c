"""One page of a public list and the links to the others, keeping whatever the visitor filtered by."""

from dataclasses import dataclass

from django.core.paginator import Paginator


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None stands for the gap ("…") in a long range
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class Pages:
    page: object  # django.core.paginator.Page
    links: list
    previous_url: str | None
    next_url: str | None


def address(request, params):
    encoded = params.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


def paginate(request, items, per_page):
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    kept = request.GET.copy()
    kept.pop("page", None)

    def url(number):
        params = kept.copy()
        if number > 1:  # the first page has one address, the list's own
            params["page"] = number
        return address(request, params)

    links = [
        PageLink(None)
        if number == paginator.ELLIPSIS
        else PageLink(number, url(number), number == page.number)
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return Pages(
        page=page,
        links=links if paginator.num_pages > 1 else [],
        previous_url=url(page.previous_page_number()) if page.has_previous() else None,
        next_url=url(page.next_page_number()) if page.has_next() else None,
    )
