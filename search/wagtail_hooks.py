from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .admin_views import SearchRecordsGroup
from .report_views import VIEW_PERMISSION, SearchReportView

register_snippet(SearchRecordsGroup)


class SearchReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def register_search_report_url():
    return [path("reports/citizen-searches/", SearchReportView.as_view(), name="search_report")]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return SearchReportMenuItem(
        _("Citizens' searches"),
        reverse("search_report"),
        name="citizen-searches",
        icon_name="search",
        order=1250,
    )
