"""Shared set-up for bench scripts: a throwaway database, a real engine, a run-specific prefix.

Import this before Django: it points VAR_DIR at a temporary folder (fresh SQLite, no uploads in
the work tree), keeps the local engine's class path and data where `make run` has them, and
starts that engine when SEARCH_URL is not set.

Smoke mode (BENCH_SMOKE=1, see tests/bench/): each script runs on a tiny corpus for a few
iterations, to prove it still runs end to end; its figures mean nothing. BENCH_TEMPLATE names a
VAR_DIR already migrated with the demo loaded (`python bench/harness.py prepare`), which is copied
instead of building the same database again for every script.
"""

import os
import shutil
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
SMOKE = os.environ.get("BENCH_SMOKE") == "1"
TEMPLATE = os.environ.get("BENCH_TEMPLATE")
if TEMPLATE:
    shutil.copytree(TEMPLATE, os.environ["VAR_DIR"], dirs_exist_ok=True)


def sample(items, smoke=5):
    """All of items, or in smoke mode `smoke` of them spread over the list."""
    items = list(items)
    return items[:: max(1, len(items) // smoke)][:smoke] if SMOKE else items


def argument(position, full, smoke, kind=int):
    """sys.argv[position] when given, else the full run's default, or the smoke mode's."""
    if len(sys.argv) > position:
        return kind(sys.argv[position])
    return smoke if SMOKE else full


def setup(load_demo=True):
    import logging

    import django

    django.setup()
    logging.getLogger("opensearch").setLevel(logging.ERROR)
    from django.conf import settings

    from search.client import get_client, local_node
    from search.engine.status import read_status

    if settings.SEARCH_URL_IS_LOCAL_ENGINE and not read_status(get_client(), settings.SEARCH_URL).reachable:
        local_node().start(progress=lambda message: None)
    build_database(load_demo)
    return settings


def build_database(load_demo=True):
    """Migrate, then load the demo; a BENCH_TEMPLATE copy has both (its index events still waiting)."""
    from django.core.management import call_command

    if TEMPLATE and load_demo:
        return
    call_command("migrate", verbosity=0)
    if load_demo:
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def cleanup():
    from django.conf import settings

    from search.client import get_client
    from search.indices import delete_indices_with_prefix

    delete_indices_with_prefix(get_client(), settings.SEARCH_INDEX_PREFIX)


if __name__ == "__main__" and sys.argv[1:] == ["prepare"]:
    # Prints the folder for BENCH_TEMPLATE; its search updates stay queued for each copy's own prefix.
    setup()
    print(os.environ["VAR_DIR"])
