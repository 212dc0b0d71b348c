"""cms.urls with Wagtail's API v2 (pages and images) at /api/v2/, ahead of our /api/ catch-all."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.urls import urlpatterns as site_urlpatterns

from .api_fields import declare_api_fields

declare_api_fields()

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)
router.register_endpoint("images", ImagesAPIViewSet)

urlpatterns = [path("api/v2/", router.urls), *site_urlpatterns]
