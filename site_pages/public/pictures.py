"""Responsive pictures for the public pages: each WebP preset with a JPEG twin for older browsers,
and narrower copies of the full-width ones for phones.

The twins and copies are derived from the presets rather than added to RENDITION_PRESETS, so the API
keeps offering exactly the sizes it documents and one preset still defines one size everywhere."""

import re
from dataclasses import dataclass

from django.db.models import Prefetch
from wagtail.images.models import Filter

from media.renditions import RENDITION_PRESETS

JPEG_FALLBACK = "format-jpeg|jpegquality-80"
# A 1200-pixel hero is three times what a phone can show; on a slow mobile network that is the
# difference between a page that opens and one that does not. Same proportions, so one <img> box.
NARROWER_WIDTHS = {"hero": (640,)}
# How wide each preset is drawn, for the browser to pick a copy before the stylesheet arrives
# (the widest container is 72rem less 1rem of padding each side).
SIZES = {"hero": "(min-width: 72rem) 70rem, calc(100vw - 2rem)"}


@dataclass(frozen=True)
class Variant:
    webp: Filter
    jpeg: Filter


def _variant(spec):
    return Variant(Filter(spec=spec), Filter(spec=spec.replace("format-webp", JPEG_FALLBACK)))


def _variants(preset):
    spec = RENDITION_PRESETS[preset]
    narrower = [re.sub(r"^width-\d+", f"width-{width}", spec) for width in NARROWER_WIDTHS.get(preset, ())]
    return [_variant(each) for each in [*narrower, spec]]


VARIANTS = {preset: _variants(preset) for preset in RENDITION_PRESETS}


@dataclass(frozen=True)
class Picture:
    sources: list  # (webp rendition, jpeg rendition), narrowest first
    sizes: str

    @property
    def fallback(self):
        return self.sources[-1][1]

    def srcset(self, index):
        if len(self.sources) == 1:
            return self.sources[0][index].url
        return ", ".join(f"{pair[index].url} {pair[index].width}w" for pair in self.sources)


def picture_of(image, preset):
    """Every variant of one preset for one image, found with one lookup; None without an image."""
    if image is None:
        return None
    variants = VARIANTS[preset]
    made = image.get_renditions(*(f for variant in variants for f in (variant.webp, variant.jpeg)))
    return Picture(
        sources=[(made[variant.webp.spec], made[variant.jpeg.spec]) for variant in variants],
        sizes=SIZES.get(preset, ""),
    )


def with_pictures(pages, *presets):
    """Pages with their featured image and its renditions of these presets, in two extra queries for
    a whole list instead of one per picture."""
    from media.models import AgencyRendition

    variants = [variant for preset in presets for variant in VARIANTS[preset]]
    specs = [spec for variant in variants for spec in (variant.webp.spec, variant.jpeg.spec)]
    renditions = AgencyRendition.objects.filter(filter_spec__in=specs)
    return pages.select_related("featured_image").prefetch_related(
        Prefetch("featured_image__renditions", renditions)
    )
