from django import template
from django.utils.html import format_html

from site_pages.public.pictures import picture_of

register = template.Library()


@register.simple_tag
def picture(image, preset, loading="lazy"):
    """{% picture article.featured_image "card" %}: a <picture> with WebP renditions and a JPEG
    fallback, its size given so the page does not jump as it loads; nothing without an image."""
    found = picture_of(image, preset)
    if found is None:
        return ""
    sizes = format_html(' sizes="{}"', found.sizes) if found.sizes else ""
    # One copy only: the <img> needs no choice to make, src says it all.
    img_srcset = format_html(' srcset="{}"', found.srcset(1)) if len(found.sources) > 1 else ""
    return format_html(
        '<picture><source type="image/webp" srcset="{}"{}>'
        '<img src="{}"{}{} width="{}" height="{}" alt="{}" loading="{}" decoding="async"></picture>',
        found.srcset(0),
        sizes,
        found.fallback.url,
        img_srcset,
        sizes,
        found.fallback.width,
        found.fallback.height,
        image.default_alt_text,
        loading,
    )
