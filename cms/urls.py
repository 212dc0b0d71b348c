from pathlib import Path

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from media.public_folders import PUBLIC_MEDIA_FOLDERS
from site_pages.public.contact import contact_en
from site_pages.public.search import search_page

from .api import api, unknown_endpoint
from .changes_atom import changes_atom
from .feeds import NewsFeed, NewsRss, ProceduresFeed, ProceduresRss
from .page_passwords import authenticate_with_password
from .sitemap import PublicSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", api.urls),
    # [\s\S]: a path with an encoded line break is still an API path and gets a problem, not HTML.
    re_path(r"^api/(?P<rest>[\s\S]*)$", unknown_endpoint),
    path("feeds/news.atom", NewsFeed(), name="feed-news-atom"),
    path("feeds/news.rss", NewsRss(), name="feed-news-rss"),
    path("feeds/news/<slug:category>.atom", NewsFeed(), name="feed-category-atom"),
    path("feeds/news/<slug:category>.rss", NewsRss(), name="feed-category-rss"),
    path("feeds/procedures.atom", ProceduresFeed(), name="feed-procedures-atom"),
    path("feeds/procedures.rss", ProceduresRss(), name="feed-procedures-rss"),
    path("feeds/changes.atom", changes_atom, name="feed-changes-atom"),
    path("tim-kiem/", search_page, name="search"),
    path("en/contact/", contact_en, name="contact-en"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublicSitemap}}),
    # Wagtail's own address for a page password, answered by a view that counts wrong guesses.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Only the image folders: documents go through /documents/, which checks their privacy.
    for folder in PUBLIC_MEDIA_FOLDERS:
        root = Path(settings.MEDIA_ROOT) / folder
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=root)

# Wagtail serves every other path from the page tree; keep it last.
urlpatterns += [path("", include(wagtail_urls))]
