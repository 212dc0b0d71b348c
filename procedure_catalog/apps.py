from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcedureCatalogConfig(AppConfig):
    name = "procedure_catalog"
    verbose_name = _("Administrative procedures")
