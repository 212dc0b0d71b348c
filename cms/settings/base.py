"""Settings shared by every environment; each value a deployer may change comes from the environment."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from .environment import base_url, domain_name, env_bool, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Everything the running system writes (database, uploads, engine data) lives under var/.
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "cms",
    "site_pages",
    "procedure_catalog",
    "search",
    "media",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    # Its Vietnamese catalogue: Wagtail's workflow panel says "5 giây trước" through naturaltime.
    "django.contrib.humanize",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Installed for its static files: the API's documentation page then loads Swagger UI from this
    # site instead of a CDN, so it works offline and under the site's Content-Security-Policy.
    "ninja",
    "django_tasks",
    "axes",
    "cms.two_factor",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that reads the method, so a HEAD gets a GET's ETag, caching and rate limit.
    "cms.head_requests.HeadAsGetMiddleware",
    "cms.database_outage.DatabaseOutageMiddleware",
    "cms.security_headers.ContentSecurityPolicyMiddleware",
    "cms.api_middleware.ApiAccessMiddleware",
    # ETag on every GET answer and 304 when it matches: feed readers and the portal poll often.
    "django.middleware.http.ConditionalGetMiddleware",
    # Inside ConditionalGetMiddleware, so the Last-Modified it adds is honoured for If-Modified-Since.
    "cms.http_caching.ApiCacheHeadersMiddleware",
    # Inside all three, so a kept answer is still rate-limited, validated and given current headers.
    "cms.response_cache.PublishedResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session has entered a code from the user's device.
    "django_otp.middleware.OTPMiddleware",
    # Holds a session with a device at the code page, and a leader who must enrol at enrolment.
    "cms.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite under var/ is the embedded default; DATABASE_URL points anywhere else (PostgreSQL in CI
# and production).
DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
# Health checks: a connection that died with a database restart is replaced on the next request.
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process, the search worker, the webhook sender and the scheduler all write. SQLite's
    # default (deferred transactions, rollback journal, 5 s) makes an editor's save fail with
    # "database is locked" while the worker writes; write-ahead logging lets readers go on, and
    # IMMEDIATE transactions queue writers for the timeout instead of failing on a lock upgrade.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# AXES_FAILURE_LIMIT wrong passwords for one username from one address lock that pair for
# AXES_COOLOFF_MINUTES; other accounts, and the same account from elsewhere, still sign in. Counts are
# kept in the database, so every web worker sees them. `manage.py axes_reset_username <name>` unlocks.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(env_str("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env_str("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A correct password clears the count, so occasional typos never add up to a lockout.
AXES_RESET_ON_SUCCESS = True
# The client's address as the API's rate limit sees it (X-Forwarded-For only behind a trusted proxy).
AXES_CLIENT_IP_CALLABLE = "cms.login_throttling.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.login_throttling.locked_out"

# Two-factor sign-in (cms/two_factor/, django-otp): optional, as the security requirements allow. Any
# staff user may turn it on from the account page; from then on, every admin session asks for the
# 6-digit code from their authenticator app after the password. True makes it mandatory for the
# leaders' group ("Lãnh đạo duyệt"), who approve what the public sees: a leader without a device is
# sent to enrolment until done.
# A lost phone: `manage.py two_factor_reset <name>` removes the device, as axes_reset_username unlocks.
OTP_REQUIRED_FOR_LEADERS = env_bool("OTP_REQUIRED_FOR_LEADERS", False)
# Superusers and "Quản trị" enrol before anything opens to them.
OTP_REQUIRED_FOR_ADMINISTRATORS = env_bool("OTP_REQUIRED_FOR_ADMINISTRATORS", True)
# The name the authenticator app shows next to the account.
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Sở DTTG Sơn La")
# After each wrong code the device refuses codes for 1, 2, 4, 8... seconds (django-otp's default,
# stated here because 0 would turn it off): guessing a 6-digit code stops being practical.
OTP_TOTP_THROTTLE_FACTOR = 1

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese whatever the browser asks for (no LocaleMiddleware): a citizen whose browser is set
# to English still gets the agency's site in Vietnamese. Editors may pick English in their profile.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# Our own strings first, then our Vietnamese for the Wagtail strings its catalogue leaves blank.
LOCALE_PATHS = [BASE_DIR / "cms" / "locale", BASE_DIR / "cms" / "locale_wagtail"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor can post many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAILADMIN_USER_LOGIN_FORM = "cms.admin_login.VietnameseLoginForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_SITE_NAME = "Sở Dân tộc và Tôn giáo tỉnh Sơn La"
# Where the public reaches this site: every absolute URL (e-mails, webhooks, feeds, the sitemap, the
# API, og:url) starts with it, whatever host a request came in by (cms/publishing/public_urls.py).
PUBLIC_BASE_URL = base_url("PUBLIC_BASE_URL", env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000"))
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL") or PUBLIC_BASE_URL
# The authority of every feed entry's id (cms/entry_ids.py): a domain the agency held on 2025-01-01.
# Unlike PUBLIC_BASE_URL it never changes with the site's address: a reader that holds an entry would
# take one minted under a new authority for a new entry.
FEED_TAG_AUTHORITY = domain_name(
    "FEED_TAG_AUTHORITY", env_str("FEED_TAG_AUTHORITY", "bandantoc.sonla.gov.vn")
)
WAGTAILIMAGES_IMAGE_MODEL = "media.AgencyImage"
WAGTAILDOCS_DOCUMENT_MODEL = "media.AgencyDocument"
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.AgencyImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media.forms.AgencyDocumentForm"
# Gravatar would receive a hash of every editor's e-mail address, and shows nothing offline.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt"]
# Documents are only ever served by Wagtail's view, which checks their collection's privacy; the
# web server must not publish MEDIA_ROOT/documents/ (README, production).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
MEDIA_MAX_IMAGE_BYTES = 10 * 1024 * 1024
MEDIA_MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MEDIA_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = MEDIA_MAX_IMAGE_BYTES
WAGTAILDOCS_MAX_UPLOAD_SIZE = MEDIA_MAX_DOCUMENT_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = MEDIA_MAX_IMAGE_PIXELS
# Slugs stay ASCII ("dang-ky-sinh-hoat"), which Vietnamese citizens can type and share.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin's own search stays on the database; public search goes to OpenSearch via search/.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The search engine: a local node by default, a cluster in production.
SEARCH_ENGINE_PORT = int(env_str("SEARCH_ENGINE_PORT", "9201"))
SEARCH_URL = env_str("SEARCH_URL") or f"http://127.0.0.1:{SEARCH_ENGINE_PORT}"
SEARCH_URL_IS_LOCAL_ENGINE = not env_str("SEARCH_URL")
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "sdttg-")
SEARCH_TIMEOUT_SECONDS = float(env_str("SEARCH_TIMEOUT_SECONDS", "10"))
SEARCH_ENGINE_DIR = Path(env_str("SEARCH_ENGINE_DIR", str(VAR_DIR / "search-engine")))

# Origins whose pages may call the API from a browser (the provincial portal), comma-separated.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
# Requests per client per window of seconds on /api/ and /feeds/; "0/60" turns the limit off.
# Each process counts on its own unless CACHES points at a shared cache.
API_RATE_LIMIT = tuple(int(part) for part in env_str("API_RATE_LIMIT", "300/60").split("/"))
# How many proxies of ours stand in front of the web processes (nginx alone: 1). The client is the
# X-Forwarded-For hop just before them, for the rate limit and the login throttling alike
# (cms/client_address.py); 0 ignores the header. The former switch meant one proxy.
TRUSTED_PROXY_COUNT = int(
    env_str("TRUSTED_PROXY_COUNT", "1" if env_bool("API_TRUST_X_FORWARDED_FOR", False) else "0")
)

# Seconds a rendered public answer (published-content API, feeds, public pages) may be served again
# while nothing is published; 0 turns it off. Each web process keeps its own copies: publishing
# anywhere is seen by all of them at once (cms/response_cache.py), so nothing needs sharing.
RESPONSE_CACHE_SECONDS = int(env_str("RESPONSE_CACHE_SECONDS", "60"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # About 25 MB per process at the answers' usual 10-35 KB.
    "responses": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "responses",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

# The front end's preview page, e.g. https://portal.example/preview: when set, the admin's preview
# of news, procedures and announcements opens it with a token for GET /api/v1/preview/<token>, valid
# for HEADLESS_PREVIEW_MAX_AGE seconds. Empty keeps Wagtail's own preview.
HEADLESS_PREVIEW_URL = env_str("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = int(env_str("HEADLESS_PREVIEW_MAX_AGE", "3600"))

# Webhook deliveries: per-request timeout, first retry delay (doubling up to the cap), attempts before
# giving up (30 is about a day), and how long the delivery log keeps finished deliveries.
WEBHOOK_TIMEOUT_SECONDS = int(env_str("WEBHOOK_TIMEOUT_SECONDS", "5"))
WEBHOOK_BACKOFF_SECONDS = int(env_str("WEBHOOK_BACKOFF_SECONDS", "30"))
WEBHOOK_BACKOFF_MAX_SECONDS = int(env_str("WEBHOOK_BACKOFF_MAX_SECONDS", "3600"))
WEBHOOK_MAX_ATTEMPTS = int(env_str("WEBHOOK_MAX_ATTEMPTS", "30"))
WEBHOOK_LOG_RETENTION_DAYS = int(env_str("WEBHOOK_LOG_RETENTION_DAYS", "30"))
# Subscribers are refused on loopback, private, link-local and other internal addresses; these host
# names (as written in the subscriber URL) are allowed anyway, e.g. the provincial portal's own network.
WEBHOOK_ALLOWED_INTERNAL_HOSTS = env_list("WEBHOOK_ALLOWED_INTERNAL_HOSTS")

# The workers' pause after a failed round (database or engine away), doubling up to the cap.
WORKER_BACKOFF_SECONDS = float(env_str("WORKER_BACKOFF_SECONDS", "1"))
WORKER_BACKOFF_MAX_SECONDS = float(env_str("WORKER_BACKOFF_MAX_SECONDS", "60"))

# How long the changes feed keeps tombstones for the portal to pick up.
CHANGES_RETENTION_DAYS = int(env_str("CHANGES_RETENTION_DAYS", "90"))

# Citizens' searches (search/analytics.py): days kept before the scheduler deletes them, and how
# often each web process writes the counts it holds in memory.
SEARCH_LOG_RETENTION_DAYS = int(env_str("SEARCH_LOG_RETENTION_DAYS", "365"))
SEARCH_LOG_FLUSH_SECONDS = float(env_str("SEARCH_LOG_FLUSH_SECONDS", "5"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "search": {"level": "INFO"},
        "cms.workers": {"level": "INFO"},
        "opensearch": {"level": "WARNING"},
    },
}
