"""The sitemap lists what the public may read, and nothing past its expiry time."""

from wagtail.contrib.sitemaps import Sitemap

from cms.publishing.public_urls import public_url
from cms.publishing.visibility import publicly_visible


class PublicSitemap(Sitemap):
    def items(self):
        # Wagtail's own list counts a page as live until the scheduler withdraws it.
        return publicly_visible(super().items())

    def _urls(self, page, protocol, domain):
        # Wagtail writes each location on the Site record's host; the public reaches it elsewhere.
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = public_url(url["location"])
        return urls
