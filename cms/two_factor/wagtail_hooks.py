from django.urls import path, reverse
from django.utils.translation import gettext
from wagtail import hooks

from .views import SetupView, VerifyView


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", SetupView.as_view(), name="two_factor_setup"),
        path("two-factor/verify/", VerifyView.as_view(), name="two_factor_verify"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": gettext("Two-factor sign-in"),
        "help_text": gettext("After your password, also ask for a code from an app on your phone."),
    }
