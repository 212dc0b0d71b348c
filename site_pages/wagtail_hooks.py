from django.http import Http404
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks

from cms.response_cache import mark_published_page

from . import account_limits  # noqa: F401 - registers its hooks
from .edit_serialization import AgencyPageViewSet


@hooks.register("register_admin_viewset")
def serialized_page_saves():
    # Registered after Wagtail's own viewset for Page (its hook has order -1), so this one is used.
    return AgencyPageViewSet()


@hooks.register("insert_editor_js")
def vietnamese_slugs():
    return format_html('<script src="{}"></script>', static("site_pages/js/vietnamese-slug.js"))


@hooks.register("before_serve_page")
def not_after_expiry(page, request, serve_args, serve_kwargs):
    """Between a page's expiry time and the scheduler's next run Wagtail still serves it; the API,
    feeds and search already hide it, so the public page does too."""
    expire_at = getattr(page, "expire_at", None)
    if expire_at is not None and expire_at <= timezone.now():
        raise Http404


@hooks.register("before_serve_page")
def same_for_every_reader(page, request, serve_args, serve_kwargs):
    mark_published_page(request)
