from django import template
from wagtail.models import Page

from cms.publishing.public_urls import page_public_url, public_url

register = template.Library()


@register.filter
def public(target):
    """`{{ page|public }}` or `{{ rendition.url|public }}`: the absolute address the public follows."""
    if isinstance(target, Page):
        return page_public_url(target)
    return public_url(target)
