"""Published content as the API shows it: absolute URLs, +07:00 dates, clean HTML, typed blocks."""

import re

from django.utils import timezone
from wagtail.rich_text import expand_db_html

from media.renditions import renditions

from .publishing.public_urls import public_url

RELATIVE_LINK = re.compile(r'(\s(?:href|src))="(/[^"]*)"')


def iso(value):
    if value is None:
        return None
    if hasattr(value, "hour"):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def absolute(request, url):
    return public_url(url)


def clean_html(request, html):
    """Wagtail's internal link tags become real, absolute links."""
    expanded = expand_db_html(str(getattr(html, "source", html)))
    return RELATIVE_LINK.sub(
        lambda match: f'{match.group(1)}="{absolute(request, match.group(2))}"', expanded
    )


def image(request, picture):
    if picture is None:
        return None
    return {
        "id": picture.pk,
        "alt": picture.default_alt_text,
        "credit": picture.credit,
        "renditions": {
            preset: {
                "url": absolute(request, made.url),
                "width": made.width,
                "height": made.height,
            }
            for preset, made in renditions(picture).items()
        },
    }


def block(request, item):
    value = item.value
    if item.block_type == "paragraph":
        payload = {"html": clean_html(request, value)}
    elif item.block_type == "image":
        payload = {
            "image": image(request, value["image"]),
            "caption": value["caption"],
            "credit": value["credit"],
        }
    elif item.block_type == "quote":
        payload = {"text": value["text"], "attribution": value["attribution"]}
    elif item.block_type == "table":
        payload = {
            "rows": value.get("data", []),
            "first_row_is_header": bool(value.get("first_row_is_table_header")),
        }
    elif item.block_type == "document":
        document = value["document"]
        payload = {
            "label": value["label"] or (document.title if document else ""),
            "url": absolute(request, document.url) if document else None,
            "file_size": document.file_size if document else None,
        }
    else:
        payload = {}
    return {"type": item.block_type, "id": item.id, **payload}


def news_summary(request, page):
    return {
        "id": page.pk,
        "slug": page.slug,
        "title": page.title,
        "summary": page.summary,
        "url": absolute(request, page.url),
        "display_date": iso(page.display_date),
        "last_published_at": iso(page.last_published_at),
        "categories": [{"slug": c.slug, "name": c.name} for c in page.categories.all()],
        # tagged_items__tag is prefetched by the list; page.tags would query once per article.
        "tags": sorted(item.tag.name for item in page.tagged_items.all()),
        "featured_image": image(request, page.featured_image),
    }


def news_detail(request, page):
    return {
        **news_summary(request, page),
        "author": page.author,
        "source": page.source,
        "source_url": page.source_url or None,
        "body": [block(request, item) for item in page.body],
        "related": [
            {"id": other.pk, "title": other.title, "url": absolute(request, other.url)}
            for other in page.related_articles()
        ],
    }


def procedure(request, page, detail=False):
    from procedure_catalog.page_records import record_from_page

    record = record_from_page(page)
    payload = {
        "id": page.pk,
        "code": page.code,
        "name": page.title,
        "url": absolute(request, page.url),
        "field": record["field"] or None,
        "level": page.level,
        "status": page.status,
        "status_changed_on": iso(page.status_changed_on),
        "online_level": page.online_level,
        "handling_agency": page.handling_agency,
        "last_published_at": iso(page.last_published_at),
    }
    if detail:
        payload.update({name: record[name] for name in (
            "authority", "coordinating_agencies", "where_to_submit", "applicants", "results", "requirements",
            "in_force_from", "steps", "channels", "cases", "legal_bases",
        )})  # fmt: skip
        forms = {}
        for case in page.cases:
            for part in case.value["components"]:
                forms[(case.value["name"], part["name"])] = [
                    {"title": form.title, "url": absolute(request, form.url)} for form in part["forms"]
                ]
        for case in payload["cases"]:
            for part in case["components"]:
                part["forms"] = forms.get((case["name"], part["name"]), [])
    return payload
