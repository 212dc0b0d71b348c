"""`make run PORT=…` serves on that port and prints every address and login with it."""

import os

from tests.make_runner import run_make, stand_in_python


def test_make_run_prints_logins_at_the_port_given(tmp_path):
    # Records what make asks of Python and the admin address it passes along.
    calls = tmp_path / "calls"
    python = stand_in_python(tmp_path, f'echo "$* @ $PUBLIC_BASE_URL" >>{calls}')
    (tmp_path / "installed").touch()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("WAGTAILADMIN", "PUBLIC_BASE_URL"))
    }
    env["SEARCH_URL"] = "http://127.0.0.1:9"

    finished = run_make(tmp_path, python, "run", "PORT=8123", env=env)

    assert finished.returncode == 0, finished.stderr
    assert "Admin: http://127.0.0.1:8123/admin/" in finished.stdout
    assert "8000" not in finished.stdout
    asked = calls.read_text().splitlines()
    assert "manage.py load_demo @ http://127.0.0.1:8123" in asked
    # The server and the workers write absolute URLs too: API answers, feeds, webhook payloads.
    # (The workers run in the background and may be stopped before they report; the server may not.)
    assert any(line.startswith("manage.py runserver 127.0.0.1:8123 ") for line in asked)
    assert all(line.endswith(" @ http://127.0.0.1:8123") for line in asked), asked
