"""When the engine cannot answer: a plain folded match over the database, never a server error."""

from .folding import fold
from .sources import TYPES, indexable_queryset

CANDIDATES_PER_TYPE = 2000


def database_search(request):
    from .query import FILTERS, SearchResponse

    words = fold(request.q).split()
    wanted_types = request.filters.get("type") or list(TYPES)
    matches = []
    for kind in wanted_types:
        if kind not in TYPES:
            continue
        pages = indexable_queryset(kind).order_by("-first_published_at")[:CANDIDATES_PER_TYPE]
        for page in pages:
            text = fold(
                " ".join(filter(None, [page.title, getattr(page, "summary", ""), getattr(page, "code", "")]))
            )
            if all(word in text for word in words):
                matches.append(
                    {
                        "key": f"{kind}:{page.pk}",
                        "type": kind,
                        "title": page.title,
                        "url": page.url,
                        "date": page.first_published_at.isoformat() if page.first_published_at else None,
                        "codes": [page.code] if getattr(page, "code", None) else [],
                        "status": getattr(page, "status", None),
                        "promoted": False,
                        "highlight": {},
                    }
                )
    matches.sort(key=lambda hit: hit["date"] or "", reverse=True)
    return SearchResponse(
        hits=matches[: request.size], total=len(matches), facets={name: [] for name in FILTERS}, degraded=True
    )
