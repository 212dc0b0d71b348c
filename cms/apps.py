from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: templates, translations, the API, feeds and health checks."""

    name = "cms"
    verbose_name = "CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import unicode_normalization
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        unicode_normalization.register()
