"""The admin page of the citizens' search report (Reports → "Tìm kiếm của người dân")."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .analytics import retention_days
from .search_report import chosen_period, report_context

VIEW_PERMISSION = "search.view_searchqueryday"


class SearchReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/search_report.html"
    page_title = _("Citizens' searches")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(VIEW_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(report_context(chosen_period(self.request.GET.get("days")), self.request.user))
        context["retention_days"] = retention_days()
        return context
