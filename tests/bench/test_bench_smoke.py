"""Every benchmark still runs: each script in smoke mode (BENCH_SMOKE=1, bench/harness.py) on a
tiny corpus, in its own process, must finish and print its figures. No speed is judged here.

    .venv/bin/python -m pytest -m bench_smoke --durations=0
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.bench_smoke


def smoke_environment(**extra):
    env = dict(os.environ, BENCH_SMOKE="1", **extra)
    # A bench throws its database away: never the suite's (CI points DATABASE_URL at PostgreSQL).
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


@pytest.fixture(scope="module")
def template(search_engine):
    """One migrated database with the demo loaded, copied by every script instead of rebuilt."""
    prepared = subprocess.run(
        [sys.executable, "bench/harness.py", "prepare"],
        cwd=ROOT,
        env=smoke_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return prepared.stdout.strip().splitlines()[-1]


# name: (script, a line its run prints with the figures)
BENCHES = {
    "api_throughput": ("bench/api_throughput.py", "ratio ours/v2: median"),
    "page_weight": ("bench/page_weight.py", "HTML+CSS+JS of a first visit on a phone"),
    "publish_latency": ("bench/publish_latency.py", "publish→searchable p95:"),
    "reindex_throughput": ("bench/reindex_throughput.py", "ratio reindex/plain bulk:"),
    "scaling": ("bench/scaling.py", "p50 at 120 / p50 at 60 docs:"),
    "scaling_variants": ("bench/scaling_variants.py", "asked again relaxed"),
    "search_latency": ("bench/search_latency.py", "ratio API/raw:"),
    "relevance": ("bench/relevance/run.py", "nDCG@10"),
    "fuzz_api": ("bench/fuzz_api.py", "answers by status"),
}
# What each of the others needs that a test run must not have or do.
NOT_IN_SMOKE = {
    "faults/engine_kill": "kills and restarts the search engine the rest of the suite is using",
    "faults/database_restart": "restarts the PostgreSQL cluster CI's suite runs on (needs root)",
    "load/run": "needs locust (the bench extra, not installed for tests) and a PostgreSQL corpus",
    "dependency_audit": "needs the network: pip-audit asks PyPI's live advisories",
}


@pytest.mark.parametrize("name", list(BENCHES))
def test_bench_runs_in_smoke_mode_and_prints_its_figures(name, template):
    script, figures = BENCHES[name]
    finished = subprocess.run(
        [sys.executable, script],
        cwd=ROOT,
        env=smoke_environment(BENCH_TEMPLATE=template),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout[-2000:] + finished.stderr[-4000:]
    assert figures in finished.stdout, finished.stdout[-2000:]


@pytest.mark.parametrize("name", list(NOT_IN_SMOKE))
def test_bench_that_cannot_run_here(name):
    pytest.skip(f"bench/{name}.py {NOT_IN_SMOKE[name]}")


def test_every_bench_script_is_smoked_or_says_why_not():
    scripts = {
        str(path.relative_to(ROOT / "bench").with_suffix(""))
        for path in (ROOT / "bench").rglob("*.py")
        if "__main__" in path.read_text(encoding="utf-8")
    }
    covered = {script.removeprefix("bench/").removesuffix(".py") for script, _ in BENCHES.values()}
    # generate.py writes the load test's corpus (scaling.py smokes its generator); harness.py prepares.
    assert scripts - covered - set(NOT_IN_SMOKE) - {"generate", "harness"} == set()
