from django.apps import AppConfig


class CmsConfig(AppConfig):
    """The project itself: templates, translations, the API and health checks."""

    name = "cms"
    verbose_name = "CMS"
