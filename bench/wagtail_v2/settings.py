"""Bench-only settings: ours plus Wagtail's API v2, with DEBUG off, for bench/api_throughput.py.

Never used by the site: production neither installs rest_framework nor mounts /api/v2/. Built on
the dev settings with DEBUG forced off rather than on production, whose differences (HTTPS
redirects, security headers, a required secret) would apply to both APIs alike and only get in
the way of a plain-HTTP local run.
"""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
INSTALLED_APPS = [*INSTALLED_APPS, "rest_framework", "wagtail.api.v2"]  # noqa: F405
ROOT_URLCONF = "bench.wagtail_v2.urls"
