#!/usr/bin/env python
"""Fault: PostgreSQL restarts under traffic. Requests fail cleanly (503, problem+json on the API)
and the same gunicorn serves again once the database is back, without being restarted.

    .venv/bin/python bench/faults/database_restart.py

Needs the local PostgreSQL cluster (.ci/run starts one) and root to restart it: creates a throwaway
database, loads the demo into it, starts gunicorn, has four clients read the news API and the news
page for 24 s, stops the cluster at 6 s and starts it at 12 s. Exits non-zero on any answer other
than 200 or 503, or if answers do not return to 200 after the restart.
"""

import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DURATION, STOP_AT, START_AT = 24.0, 6.0, 12.0
PATHS = ["/api/v1/news?page_size=5", "/tin-tuc/"]


def cluster():
    line = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=True).stdout.split()
    return line[0], line[1], line[2]  # version, name, port


def as_postgres(*command):
    subprocess.run(["runuser", "-u", "postgres", "--", *command], check=True, capture_output=True)


def throwaway_database(port):
    name = f"sdttg_fault_{uuid.uuid4().hex[:6]}"
    as_postgres("psql", "-q", "-p", port, "-c",
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cms_ci') THEN "
                "CREATE ROLE cms_ci LOGIN CREATEDB PASSWORD 'cms_ci'; END IF; END $$;")  # fmt: skip
    as_postgres("createdb", "-p", port, "-O", "cms_ci", name)
    return name, f"postgres://cms_ci:cms_ci@127.0.0.1:{port}/{name}"


def fetch(port, path):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:  # noqa: S310
            answer.read()
            return answer.status, answer.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        error.read()
        return error.code, error.headers.get("Content-Type", "")
    except OSError as error:
        return f"no answer ({type(error).__name__})", ""


def main():
    version, name, pg_port = cluster()
    database, url = throwaway_database(pg_port)
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "false"
    sys.path.insert(0, str(ROOT / "bench"))
    import harness

    harness.setup()
    from server import start_gunicorn  # noqa: PLC0415 - after Django is set up

    server, _command, port = start_gunicorn(
        "--workers=2",
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"},
        ready_path=PATHS[0],
        timeout=30,
    )
    answers = []
    try:
        began = time.monotonic()

        def client(number):
            while (elapsed := time.monotonic() - began) < DURATION:
                path = PATHS[number % len(PATHS)]
                status, content_type = fetch(port, path)
                answers.append((elapsed, path, status, content_type))
                time.sleep(0.05)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        time.sleep(STOP_AT)
        subprocess.run(["pg_ctlcluster", version, name, "stop", "-m", "fast"], check=True)
        print(f"  {STOP_AT:.0f} s: PostgreSQL stopped", flush=True)
        time.sleep(START_AT - STOP_AT)
        subprocess.run(["pg_ctlcluster", version, name, "start"], check=True)
        print(f"  {START_AT:.0f} s: PostgreSQL started", flush=True)
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=10)
        subprocess.run(["pg_ctlcluster", version, name, "start"], capture_output=True)
        as_postgres("dropdb", "-p", pg_port, "--if-exists", database)

    print(
        f"\n{len(answers)} requests by 4 clients over {DURATION:.0f} s; "
        f"database down from {STOP_AT:.0f} s to {START_AT:.0f} s"
    )
    print("  second  " + "  ".join(f"{s:>2}" for s in range(int(DURATION))))
    for status in sorted({a[2] for a in answers}, key=str):
        row = Counter(int(a[0]) for a in answers if a[2] == status)
        print(
            f"  {str(status):<7} " + "  ".join(f"{'█' if row[s] else '·':>2}" for s in range(int(DURATION)))
        )
    by_status = Counter(str(a[2]) for a in answers)
    print(f"answers: {dict(by_status)}")
    bad = [a for a in answers if a[2] not in (200, 503)]
    api_503_not_problem = [
        a for a in answers if a[2] == 503 and a[1].startswith("/api/") and "problem+json" not in a[3]
    ]
    recovered = [a for a in answers if a[0] > START_AT + 5 and a[2] == 200]
    late_failures = [a for a in answers if a[0] > START_AT + 5 and a[2] != 200]
    print(f"after the restart (+5 s): {len(recovered)} answered 200, {len(late_failures)} did not")
    if bad or api_503_not_problem or not recovered or late_failures:
        raise SystemExit(
            f"FAIL: {len(bad)} unexpected answers, {len(api_503_not_problem)} API 503s without problem+json"
        )
    print("PASS: clean 503s while the database was down, served again by the same gunicorn after")


if __name__ == "__main__":
    main()
