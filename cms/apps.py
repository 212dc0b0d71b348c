from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: the publishing core, templates, translations, the API, feeds and health."""

    name = "cms"
    verbose_name = "CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import unicode_normalization
        from .publishing import recording, registry
        from .publishing.duties import register_core_duties
        from .webhooks.delivery import register_duties as register_webhook_duties
        from .webhooks.events import register_consumer

        # Every content type's changes are recorded, whichever app registered it first.
        registry.on_register(recording.watch)
        register_consumer()
        register_core_duties()
        # The publishing core knows no consumer: the webhooks register their own retention.
        register_webhook_duties()
        unicode_normalization.register()
