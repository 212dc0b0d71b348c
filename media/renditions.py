"""Rendition presets, defined once and used by the public pages and the API alike."""

from wagtail.images.models import Filter

RENDITION_PRESETS = {
    "thumbnail": "fill-160x100|format-webp",
    "card": "fill-480x270|format-webp",
    "hero": "width-1200|format-webp",
    # Social networks still expect JPEG for link previews.
    "og": "fill-1200x630|format-jpeg|jpegquality-85",
}
# Parsed once per process: Wagtail parses a spec string again on every call, which cost more than
# finding the rendition itself on a news list of 20 images (bench/api_throughput.py).
FILTERS = {preset: Filter(spec=spec) for preset, spec in RENDITION_PRESETS.items()}


def rendition(image, preset):
    return image.get_rendition(FILTERS[preset])


def renditions(image):
    """Every preset of one image, found with one cache or database lookup instead of one per preset."""
    made = image.get_renditions(*FILTERS.values())
    return {preset: made[spec] for preset, spec in RENDITION_PRESETS.items()}
