"""Running the Makefile's targets from tests, with a stand-in for the virtualenv's Python so that
nothing is installed and no real server or suite starts."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def stand_in_python(tmp_path, script):
    python = tmp_path / "python"
    python.write_text(f"#!/bin/sh\n{script}\n")
    python.chmod(0o755)
    return python


def run_make(tmp_path, python, *arguments, env=None):
    """`make ARGUMENTS` in the repository, with PY pointing at `python` and the install step
    marked done only when tmp_path/installed exists."""
    env = {key: value for key, value in (env or os.environ).items() if not key.startswith("MAKE")}
    return subprocess.run(
        ["make", "--no-print-directory", *arguments, f"PY={python}", f"INSTALLED={tmp_path}/installed"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
