"""Shared set-up for bench scripts: a throwaway database, a real engine, a run-specific prefix.

Import this before Django: it points VAR_DIR at a temporary folder (fresh SQLite, no uploads in
the work tree), keeps the local engine's class path and data where `make run` has them, and
starts that engine when SEARCH_URL is not set.
"""

import os
import sys
import tempfile
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
os.environ["VAR_DIR"] = tempfile.mkdtemp(prefix="sdttg-bench-")
os.environ.setdefault("SEARCH_ENGINE_DIR", str(ROOT / "var" / "search-engine"))
os.environ["SEARCH_INDEX_PREFIX"] = f"bench-{uuid.uuid4().hex[:6]}-"
os.environ["ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
os.environ["API_RATE_LIMIT"] = "0/60"  # benchmarks measure speed, not the limiter


def setup(load_demo=True):
    import logging

    import django

    django.setup()
    logging.getLogger("opensearch").setLevel(logging.ERROR)
    from django.conf import settings
    from django.core.management import call_command

    from search.client import get_client, local_node
    from search.engine.status import read_status

    if settings.SEARCH_URL_IS_LOCAL_ENGINE and not read_status(get_client(), settings.SEARCH_URL).reachable:
        local_node().start(progress=lambda message: None)
    call_command("migrate", verbosity=0)
    if load_demo:
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return settings


def cleanup():
    from django.conf import settings

    from search.client import get_client
    from search.indices import delete_indices_with_prefix

    delete_indices_with_prefix(get_client(), settings.SEARCH_INDEX_PREFIX)
