"""gunicorn for the bench scripts: on a free loopback port, waited for until it answers, then stopped."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(*options, env=None, log=None, ready_path="/api/v1/health", timeout=60):
    """Returns (process, command, port) once `ready_path` answers 200; options are gunicorn's own
    (workers, worker class, threads)."""
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application", *options,
        f"--bind=127.0.0.1:{port}", f"--chdir={ROOT}", "--log-level=warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env or os.environ.copy(), stdout=log, stderr=log)
    deadline = time.time() + timeout
    while time.time() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=10) as answer:  # noqa: S310
                if answer.status == 200:
                    return server, command, port
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.3)
    stop(server)
    where = f"; its log: {log.name}" if log else ""
    raise SystemExit(f"gunicorn did not answer {ready_path} with 200 within {timeout} s{where}")


def stop(server):
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
