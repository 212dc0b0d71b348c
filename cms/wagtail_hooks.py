from wagtail import hooks

from .webhooks.admin_views import WebhooksGroup


@hooks.register("register_admin_viewset")
def register_webhooks():
    return WebhooksGroup()
