"""Production refuses to start on a guessed secret or open host list: a silent default is a hole."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import base_url, env_bool, env_int, env_list, env_required, env_str

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_required("SECRET_KEY", "production needs a long random secret key")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("django-insecure", "dev-only")):
    raise ImproperlyConfigured(
        "SECRET_KEY is too weak for production: use at least 50 random characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(64))")'
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set: name the host names this site answers to")
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name hosts explicitly, not '*'")

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe health over plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^api/v1/health$"]
# One day to start with; raise it (and add includeSubDomains) once HTTPS is proven everywhere.
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "86400"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Wagtail's live preview frames the site's own pages, so SAMEORIGIN rather than DENY.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",
    # The HSTS preload list takes registrable domains only; the agency's site is a subdomain of
    # the province's (sonla.gov.vn), which the province would have to preload.
    "security.W021",
]

# Hashed file names let browsers cache static files forever across Wagtail upgrades.
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
)

# Reset links and notifications must point where people can follow them, not at 127.0.0.1.
PUBLIC_BASE_URL = base_url(
    "PUBLIC_BASE_URL",
    env_required("PUBLIC_BASE_URL", "name the public address, e.g. https://sdttg.sonla.gov.vn"),
)
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or PUBLIC_BASE_URL

# Mail goes out through the agency's SMTP server: without one, a leader's approval request or a
# password reset would fail quietly when it is sent, so a start without it is refused.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_required("EMAIL_HOST", "name the SMTP server that sends notifications and password resets")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
if bool(EMAIL_HOST_USER) != bool(EMAIL_HOST_PASSWORD):
    raise ImproperlyConfigured("EMAIL_HOST_USER and EMAIL_HOST_PASSWORD go together: set both or neither")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "EMAIL_USE_TLS and EMAIL_USE_SSL exclude each other: STARTTLS (port 587) or SSL (port 465)"
    )
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_required("DEFAULT_FROM_EMAIL", "name the sender of notifications, e.g. noreply@…")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# After Wagtail's serve view has checked a document's privacy, the web server sends its bytes.
SENDFILE_BACKENDS = {"nginx": "media.sendfile.nginx", "apache": "media.sendfile.apache"}
DOCUMENTS_SENDFILE = env_str("DOCUMENTS_SENDFILE", "")
if DOCUMENTS_SENDFILE:
    if DOCUMENTS_SENDFILE not in SENDFILE_BACKENDS:
        raise ImproperlyConfigured("DOCUMENTS_SENDFILE must be nginx, apache or empty")
    SENDFILE_BACKEND = SENDFILE_BACKENDS[DOCUMENTS_SENDFILE]
