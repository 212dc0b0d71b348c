from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SitePagesConfig(AppConfig):
    name = "site_pages"
    verbose_name = _("Site pages")

    def ready(self):
        from .editorial_roles import grant_administrators_everything
        from .publishing import register_content

        register_content()

        post_migrate.connect(grant_administrators_everything, dispatch_uid="administrators_hold_everything")
