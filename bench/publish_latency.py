#!/usr/bin/env python
"""Publish-to-searchable latency: from an editor's publish (committed) to the page in results.

    .venv/bin/python bench/publish_latency.py [COUNT]

Runs the real search worker in its own process, publishes COUNT articles one at a time and polls
the engine until each is found. The baseline, measured in the same run, is indexing the same
document straight into the engine and refreshing: the least any pipeline could take.
Target: p95 under 1 s.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from stats import bars, percentile  # noqa: E402

COUNT = harness.argument(1, 30, smoke=3)


def wait_for(client, index, key, timeout=10.0):
    began = time.perf_counter()
    while time.perf_counter() - began < timeout:
        if client.search(index=index, body={"query": {"term": {"key": key}}})["hits"]["total"]["value"]:
            return
        time.sleep(0.01)
    raise SystemExit(f"{key} did not become searchable within {timeout} s")


def main():
    harness.setup()
    from search.client import get_client
    from search.documents import alias_name
    from search.sources import build
    from search.sync import drain
    from site_pages.models import NewsArticlePage, NewsIndexPage

    drain(refresh=True)
    worker = subprocess.Popen(
        [sys.executable, str(harness.ROOT / "manage.py"), "publish_worker", "--idle", "0.05"],
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
    )
    try:
        client, index = get_client(), alias_name()
        news = NewsIndexPage.objects.first()
        pipeline, direct = [], []
        for number in range(COUNT):
            article = NewsArticlePage(
                title=f"Bài đo độ trễ số {number}", summary="Đo thời gian từ khi đăng đến khi tìm thấy."
            )
            news.add_child(instance=article)
            revision = article.save_revision()
            began = time.perf_counter()
            revision.publish()  # commits, with its event, in autocommit mode
            wait_for(client, index, f"news:{article.pk}")
            pipeline.append((time.perf_counter() - began) * 1000)

            body = build(article)
            body["key"] = f"direct:{article.pk}"
            began = time.perf_counter()
            client.index(index=index, id=body["key"], body=body)
            client.indices.refresh(index=index)
            wait_for(client, index, body["key"])
            direct.append((time.perf_counter() - began) * 1000)
    finally:
        worker.terminate()
        worker.wait(timeout=10)
    p50, p95 = percentile(pipeline, 0.5), percentile(pipeline, 0.95)
    d50, d95 = percentile(direct, 0.5), percentile(direct, 0.95)
    print(f"{COUNT} articles published one at a time, publish worker resting 50 ms when idle")
    bars(
        [
            ("direct index+refresh p50", d50),
            ("publish→searchable p50", p50),
            ("direct index+refresh p95", d95),
            ("publish→searchable p95", p95),
        ]
    )
    print(f"ratio pipeline/direct: p50 {p50 / d50:.1f}×  p95 {p95 / d95:.1f}×")
    print(f"publish→searchable p95: {p95:.0f} ms (target < 1000 ms)")
    harness.cleanup()


if __name__ == "__main__":
    main()
