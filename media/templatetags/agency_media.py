from django import template

from media.renditions import rendition

register = template.Library()


@register.simple_tag
def preset_rendition(image, preset):
    """{% preset_rendition page.featured_image "card" as picture %}: one of RENDITION_PRESETS."""
    return rendition(image, preset) if image else None
