from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SitePagesConfig(AppConfig):
    name = "site_pages"
    verbose_name = _("Site pages")

    def ready(self):
        from .editorial_roles import grant_administrators_everything
        from .publishing import register_content
        from .search_documents import register_search

        register_content()
        # After the type: search takes the type's model, keys and public set from the core.
        register_search()

        post_migrate.connect(grant_administrators_everything, dispatch_uid="administrators_hold_everything")
