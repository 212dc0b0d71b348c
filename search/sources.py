"""Which pages are searchable, and the document each one becomes."""

from django.utils import timezone

from cms.publishing.visibility import publicly_visible
from procedure_catalog.models import ProcedureNoticePage, ProcedurePage
from site_pages.models import NewsArticlePage

from .documents import fingerprint, plain

TYPES = {"news": NewsArticlePage, "procedure": ProcedurePage, "notice": ProcedureNoticePage}
TYPE_OF_MODEL = {model: name for name, model in TYPES.items()}


def type_of(page):
    return TYPE_OF_MODEL.get(type(page))


def key_for(type_name, pk):
    return f"{type_name}:{pk}"


def parse_key(key):
    """(type name, page id) of a key made by key_for; None for anything else."""
    kind, _colon, pk = key.partition(":")
    return (kind, int(pk)) if kind in TYPES and pk.isdigit() else None


def indexable_queryset(type_name):
    """Live, public, unexpired pages of one type: drafts, private and scheduled pages never qualify."""
    return publicly_visible(TYPES[type_name].objects.all()).order_by("pk")


def is_indexable(page):
    return bool(
        type_of(page)
        and page.live
        and not page.expired
        and (page.expire_at is None or page.expire_at > timezone.now())
        and (page.go_live_at is None or page.go_live_at <= timezone.now())
        and not page.get_view_restrictions().exists()
    )


def build(page, related=None):
    """The index body for a page; `fingerprint` lets reconciliation spot stale documents.

    `related` carries a chunk's tags and categories fetched in one query each (see related_for),
    instead of two queries per page.
    """
    kind = type_of(page)
    body = {
        "key": key_for(kind, page.pk),
        "type": kind,
        "page_id": page.pk,
        "url": page.url or "",
        "path": page.path,
        "title": page.title,
        # Searches leave out what expired after it was indexed, before the scheduler withdraws it.
        "expire_at": page.expire_at,
        **BUILDERS[kind](page, related),
    }
    body["fingerprint"] = fingerprint(body)
    return body


def related_for(kind, pages):
    if kind != "news":
        return None
    from site_pages.models import NewsArticlePage
    from site_pages.taxonomy import NewsArticleTag

    pks = [page.pk for page in pages]
    tags, categories = {}, {}
    for page_id, name in NewsArticleTag.objects.filter(content_object_id__in=pks).values_list(
        "content_object_id", "tag__name"
    ):
        tags.setdefault(page_id, []).append(name)
    through = NewsArticlePage.categories.through
    for page_id, name in through.objects.filter(newsarticlepage_id__in=pks).values_list(
        "newsarticlepage_id", "newscategory__name"
    ):
        categories.setdefault(page_id, []).append(name)
    return {"tags": tags, "categories": categories}


def _news(page, related=None):
    if related is None:
        # Sorted as in the chunked path below, or reconciliation would call every such page stale.
        tag_names = sorted(tag.name for tag in page.tags.all())
        category_names = sorted(category.name for category in page.categories.all())
    else:
        tag_names = sorted(related["tags"].get(page.pk, []))
        category_names = sorted(related["categories"].get(page.pk, []))
    parts = []
    for block in page.body:
        if block.block_type == "paragraph":
            # The stored HTML, not the rendered one: rendering runs a template per paragraph.
            parts.append(plain(getattr(block.value, "source", block.value)))
        elif block.block_type == "quote":
            parts.append(block.value["text"])
        elif block.block_type == "image":
            parts.append(block.value["caption"])
        elif block.block_type == "document":
            parts.append(
                block.value["label"] or block.value["document"].title if block.value["document"] else ""
            )
    return {
        "summary": page.summary,
        "body": " ".join(filter(None, parts + [" ".join(tag_names)])),
        "code": None,
        "codes": [],
        "categories": category_names,
        "date": page.display_date or page.first_published_at,
    }


def _procedure(page, related=None):
    steps = [f"{step.value['name']} {step.value['description']}" for step in page.steps]
    papers = [part["name"] for case in page.cases for part in case.value["components"]]
    return {
        "summary": " ".join(filter(None, [page.applicants, page.results])),
        # The field's name too: "khen thưởng" finds the procedures of "Thi đua, khen thưởng".
        "body": " ".join(
            filter(None, [*steps, *papers, page.requirements, page.where_to_submit, field_name(page)])
        ),
        "code": page.code,
        "codes": [page.code, *(basis.value["number"] for basis in page.legal_bases)],
        "categories": [],
        "field": field_name(page),
        "level": page.level,
        "agency": page.handling_agency.splitlines()[0] if page.handling_agency else None,
        "status": page.status,
        "online_level": page.online_level,
        "date": page.in_force_from or page.first_published_at,
    }


def field_name(page):
    return page.field.name if page.field_id else None


def _notice(page, related=None):
    entries = list(page.public_entries())
    return {
        "summary": page.summary,
        "body": " ".join(f"{entry.procedure.code} {entry.procedure.title}" for entry in entries),
        "code": page.decision_number,
        "codes": [page.decision_number, *(entry.procedure.code for entry in entries)],
        "categories": [],
        "agency": page.issuer,
        "date": page.decision_date,
    }


BUILDERS = {"news": _news, "procedure": _procedure, "notice": _notice}
