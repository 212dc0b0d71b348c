"""ASCII slugs from Vietnamese titles: "Đăng ký sinh hoạt" -> "dang-ky-sinh-hoat".

Django's slugify drops letters it cannot decompose (đ, Đ); anyascii (shipped with Wagtail)
transliterates them first.
"""

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slug(text, max_length=255):
    return slugify(anyascii(text))[:max_length].strip("-")


class AsciiSlugMixin:
    """Fills an empty slug from the title, and transliterates a non-ASCII one, before validation."""

    def full_clean(self, *args, **kwargs):
        if not self.slug and self.title:
            self.slug = ascii_slug(self.title)
        elif self.slug and not self.slug.isascii():
            self.slug = ascii_slug(self.slug)
        return super().full_clean(*args, **kwargs)
