from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: the publishing core, templates, translations, the API, feeds and health."""

    name = "cms"
    verbose_name = "CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import unicode_normalization
        from .publishing.duties import register_core_duties
        from .webhooks.events import register_consumer

        register_consumer()
        register_core_duties()
        unicode_normalization.register()
