"""`make test` checks the machine's own packages first: it installs them when it can, and
otherwise stops before anything runs, with the command that installs what is missing."""

import os
import shutil
import stat

import pytest

from tests.make_runner import run_make, stand_in_python

# What system/check and make use; everything else (apt-get above all) is left off PATH.
TOOLS = ("sh", "make", "id", "awk", "mvn")


def tool_dir(tmp_path, **fakes):
    """A PATH directory of symlinks to the real TOOLS, plus small scripts standing in for others."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in TOOLS:
        real = shutil.which(name)
        if real:
            (bin_dir / name).symlink_to(real)
    for name, script in fakes.items():
        fake = bin_dir / name
        fake.unlink(missing_ok=True)
        fake.write_text(f"#!/bin/sh\n{script}\n")
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    return bin_dir


def environment(bin_dir, chromium):
    env = dict(os.environ)
    env.update(PATH=str(bin_dir), CHROMIUM=str(chromium))
    return env


def make(env, tmp_path, *targets):
    # Should the check ever let `make test` through, this stand-in Python is all it reaches: it
    # leaves a mark instead of installing or starting the real suite.
    python = stand_in_python(tmp_path, f"echo >{tmp_path}/went-past-the-check\nexit 1")
    return run_make(tmp_path, python, *targets, env=env)


@pytest.mark.parametrize(
    ("fakes", "install_command"),
    [
        ({}, "apt-get update && apt-get install -y --no-install-recommends chromium"),
        (
            {"id": "echo 1000", "apt-get": "exit 1"},
            "sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium",
        ),
    ],
    ids=["apt-get-absent", "not-root"],
)
def test_make_test_stops_before_anything_runs_when_the_browser_is_missing(tmp_path, fakes, install_command):
    bin_dir = tool_dir(tmp_path, **fakes)

    finished = make(environment(bin_dir, tmp_path / "no-chromium-here"), tmp_path, "test")

    assert finished.returncode != 0
    assert install_command in finished.stderr
    assert "chromium" in finished.stderr and "browser tests" in finished.stderr
    assert not (tmp_path / "went-past-the-check").exists()
    assert "-m pytest" not in finished.stdout
    assert "ruff check" not in finished.stdout


def test_the_check_installs_nothing_when_everything_is_present(tmp_path):
    chromium = tmp_path / "chromium"
    chromium.write_text("#!/bin/sh\n")
    chromium.chmod(0o755)
    bin_dir = tool_dir(tmp_path, **{"apt-get": f"echo >{tmp_path}/apt-get-ran\nexit 1"})

    finished = make(environment(bin_dir, chromium), tmp_path, "check-system-test")

    assert finished.returncode == 0, finished.stderr
    assert finished.stdout == finished.stderr == ""
    assert not (tmp_path / "apt-get-ran").exists()
