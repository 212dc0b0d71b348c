from .base import *  # noqa: F403
from .environment import env_bool, env_list, env_str

DEBUG = env_bool("DEBUG", True)
# A fixed, obviously non-secret key: dev settings are never served to the public.
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-sdttg-cms-local-machine-key-000000")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
