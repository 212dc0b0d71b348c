"""Rendition presets, defined once and used by the public pages and the API alike."""

RENDITION_PRESETS = {
    "thumbnail": "fill-160x100|format-webp",
    "card": "fill-480x270|format-webp",
    "hero": "width-1200|format-webp",
    # Social networks still expect JPEG for link previews.
    "og": "fill-1200x630|format-jpeg|jpegquality-85",
}


def rendition(image, preset):
    return image.get_rendition(RENDITION_PRESETS[preset])
