from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"
OUR_MIDDLEWARE = "cms.two_factor.middleware.TwoFactorMiddleware"


class TwoFactorConfig(AppConfig):
    """Optional TOTP codes after the admin password (django-otp), mandatory for leaders when configured."""

    name = "cms.two_factor"
    label = "two_factor"
    verbose_name = "Two-factor sign-in"

    def ready(self):
        # Without these the admin would either crash on user.is_verified() or, worse, never ask for a code.
        missing = [
            app for app in ("django_otp", "django_otp.plugins.otp_totp") if app not in settings.INSTALLED_APPS
        ]
        if missing:
            raise ImproperlyConfigured(f"cms.two_factor needs {', '.join(missing)} in INSTALLED_APPS")
        middleware = list(settings.MIDDLEWARE)
        if (
            OUR_MIDDLEWARE not in middleware
            or OTP_MIDDLEWARE not in middleware[: middleware.index(OUR_MIDDLEWARE)]
        ):
            raise ImproperlyConfigured(f"MIDDLEWARE needs {OTP_MIDDLEWARE} and, after it, {OUR_MIDDLEWARE}")
