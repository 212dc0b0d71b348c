"""The search page at /tim-kiem/: results with facets, highlights, "did you mean" and paging."""

from django.template.response import TemplateResponse

from search.query import InvalidSearch, SearchRequest, search


def search_page(request):
    q = request.GET.get("q", "")
    result = None
    if q:
        try:
            result = search(SearchRequest(q=q))
        except InvalidSearch:
            result = None
    return TemplateResponse(request, "site_pages/search_page.html", {"q": q, "result": result})
