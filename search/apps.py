from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.publishing import duties

        from .analytics import purge_old_searches
        from .sync import register_consumer

        register_consumer()
        # Counts are kept by the day: once a day is enough.
        duties.register(duties.Duty("purge the search log", purge_old_searches, every=24 * 3600))
