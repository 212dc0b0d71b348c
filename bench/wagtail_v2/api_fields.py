"""The api_fields Wagtail's API v2 needs, declared on our models for the benchmark only.

A Wagtail site would write these on its models; ours has no v2 API, so the benchmark adds them
when its URLconf loads. They are chosen to carry what our /api/v1/ answers carry: the article's
summary, dates, categories, tags and the featured image with a rendition per preset (each with
URL, size and alt text), and every field of a procedure.
"""

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

from media.renditions import RENDITION_PRESETS

# The v2 list query that matches GET /api/v1/news?page_size=20 (newest first, 20 items).
NEWS_LIST_FIELDS = [
    "summary",
    "display_date",
    "last_published_at",
    "categories",
    "tags",
    "featured_image(credit)",
    *(f"featured_image_{preset}" for preset in RENDITION_PRESETS),
]


class CategorySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


def declare_api_fields():
    from media.models import AgencyImage
    from procedure_catalog.models import ProcedurePage
    from procedure_catalog.records import SCALAR_TEXT_FIELDS
    from site_pages.models import NewsArticlePage

    AgencyImage.api_fields = [APIField("credit")]
    NewsArticlePage.api_fields = [
        APIField("summary"),
        APIField("display_date"),
        APIField("last_published_at"),
        APIField("categories", serializer=CategorySerializer(many=True)),
        APIField("tags"),
        APIField("featured_image"),
        *(
            APIField(
                f"featured_image_{preset}", serializer=ImageRenditionField(spec, source="featured_image")
            )
            for preset, spec in RENDITION_PRESETS.items()
        ),
        APIField("author"),
        APIField("source"),
        APIField("body"),
    ]
    ProcedurePage.api_fields = [
        APIField(name)
        for name in (
            "code",
            "level",
            "status",
            "status_changed_on",
            "online_level",
            *SCALAR_TEXT_FIELDS,
            "in_force_from",
            "steps",
            "channels",
            "cases",
            "legal_bases",
            "last_published_at",
        )
    ] + [APIField("field", serializer=serializers.StringRelatedField())]
