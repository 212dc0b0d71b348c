"""The sitemap lists what the public may read, and nothing past its expiry time."""

from wagtail.contrib.sitemaps import Sitemap

from site_pages.models import publicly_visible


class PublicSitemap(Sitemap):
    def items(self):
        # Wagtail's own list counts a page as live until the scheduler withdraws it.
        return publicly_visible(super().items())
