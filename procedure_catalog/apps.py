from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcedureCatalogConfig(AppConfig):
    name = "procedure_catalog"
    verbose_name = _("Administrative procedures")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .publishing import register_content
        from .search_documents import register_search
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_content()
        # After the types: search takes their models, keys and public sets from the core.
        register_search()
