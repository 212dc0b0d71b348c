"""The production settings, unchanged but for where collectstatic writes, for bench/load/run.py.

Production keeps its static files in the work tree's static/ (hashed names, with a manifest the
templates read); a load run collects them into a folder of its own instead, so it never rewrites a
folder that another checkout or process may be serving from.
"""

import os

from cms.settings.production import *  # noqa: F403

STATIC_ROOT = os.environ["LOAD_STATIC_ROOT"]
