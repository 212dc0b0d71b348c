#!/usr/bin/env python
"""Fault: the search engine is killed (SIGKILL) in the middle of a burst of publishes, then restarted.

    .venv/bin/python bench/faults/engine_kill.py [COUNT]

Starts a node of its own (the shared one is never touched) and the real search worker, publishes
COUNT articles through Wagtail one after another, kills the node's JVM after 30% of them and starts
it again after 70%. Editors must notice nothing (publish latency with the engine dead is compared
with the latency while it is up, measured in the same run), and once the backlog has drained
`reconcile()` must find zero missing, stale or extra documents. Exits non-zero otherwise.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402
from stats import bars, percentile  # noqa: E402

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 500
DRAIN_TIMEOUT = 180  # the worker's backoff is at most 60 s between tries


def own_node():
    from search.client import local_node
    from search.engine import artifacts
    from search.engine.local_node import LocalNode
    from tests.search.test_local_node import free_port

    lib = artifacts.resolve(local_node().lib_dir, progress=lambda message: None)
    return LocalNode(Path(tempfile.mkdtemp(prefix="sdttg-fault-")) / "engine", port=free_port(), lib_dir=lib)


def main():
    settings = harness.setup()
    from cms.publishing import consumers
    from search.index_admin import ensure_index
    from search.reindex import index_counts, reconcile
    from search.sync import CONSUMER, drain
    from site_pages.models import NewsArticlePage, NewsIndexPage

    def backlog():
        return consumers.backlog(CONSUMER)[0]

    node = own_node()
    node.start(progress=lambda message: None)
    settings.SEARCH_URL = node.url
    ensure_index()
    drain(refresh=True)
    worker = subprocess.Popen(
        [sys.executable, str(harness.ROOT / "manage.py"), "publish_worker", "--idle", "0.05"],
        env={**os.environ, "SEARCH_URL": node.url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    news = NewsIndexPage.objects.first()
    kill_at, restart_at = int(COUNT * 0.3), int(COUNT * 0.7)
    latency = {"up": [], "down": []}
    backlog_peak = 0
    try:
        for number in range(COUNT):
            if number == kill_at:
                os.kill(node.running_pid(), signal.SIGKILL)
                print(f"  {number}/{COUNT}: engine killed (SIGKILL)", flush=True)
            if number == restart_at:
                report = node.start(progress=lambda message: None)
                print(f"  {number}/{COUNT}: engine restarted in {report.seconds:.1f} s", flush=True)
            article = NewsArticlePage(
                title=f"Bài đăng khi thử sự cố số {number}", summary="Thử sự cố máy tìm kiếm."
            )
            news.add_child(instance=article)
            began = time.perf_counter()
            article.save_revision().publish()
            phase = "down" if kill_at <= number < restart_at else "up"
            latency[phase].append((time.perf_counter() - began) * 1000)
            backlog_peak = max(backlog_peak, backlog())
            if number % 50 == 0:
                print(f"  published {number}/{COUNT}, backlog {backlog()}", flush=True)
        deadline = time.monotonic() + DRAIN_TIMEOUT
        while backlog() and time.monotonic() < deadline:
            time.sleep(0.5)
        drained_in = DRAIN_TIMEOUT - (deadline - time.monotonic())
    finally:
        worker.terminate()
        worker.wait(timeout=10)
    remaining = backlog()
    drift = reconcile()
    counts = index_counts()
    harness.cleanup()
    node.stop()

    up50, down50 = percentile(latency["up"], 0.5), percentile(latency["down"], 0.5)
    print(f"\n{COUNT} publishes; engine dead for {restart_at - kill_at} of them; backlog peak {backlog_peak}")
    bars([("publish p50, engine up", up50), ("publish p50, engine dead", down50),
          ("publish p95, engine up", percentile(latency["up"], 0.95)),
          ("publish p95, engine dead", percentile(latency["down"], 0.95))])  # fmt: skip
    print(f"ratio dead/up publish p50: {down50 / up50:.2f}×  (editors should not notice: ~1×)")
    print(f"backlog drained in {drained_in:.0f} s after the last publish; entries left: {remaining}")
    print(f"reconcile: missing {drift.missing}, stale {drift.stale}, extra {drift.extra}; counts {counts}")
    if remaining or drift.missing or drift.stale or drift.extra:
        raise SystemExit("FAIL: the index does not hold exactly the published pages")
    print("PASS: nothing lost, nothing extra")


if __name__ == "__main__":
    main()
