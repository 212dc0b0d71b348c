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


# (script and arguments, a line every run prints with its figures)
BENCHES = {
    "reindex_throughput": (["bench/reindex_throughput.py"], "ratio reindex/plain bulk:"),
}


@pytest.mark.parametrize("name", list(BENCHES))
def test_bench_runs_in_smoke_mode_and_prints_its_figures(name, template):
    command, figures = BENCHES[name]
    finished = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=smoke_environment(BENCH_TEMPLATE=template),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout[-2000:] + finished.stderr[-4000:]
    assert figures in finished.stdout, finished.stdout[-2000:]
