#!/usr/bin/env python
"""search_reindex throughput against a plain helpers.bulk of the same, already built documents.

    .venv/bin/python bench/reindex_throughput.py [DOCUMENTS]

Generates DOCUMENTS published articles (default 20,000) beside the demo site, then measures in one
run: (a) helpers.bulk of the pre-built documents into a fresh index with the same mapping, and
(b) the full reindex (read pages by primary key, build documents, bulk load, refresh, reconcile,
swap the alias, drop the old index). Target: (b) at least half the documents per second of (a).
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from stats import bars  # noqa: E402

COUNT = harness.argument(1, 20_000, smoke=200)


def main():
    harness.setup()
    from bench_corpus import generate_news
    from opensearchpy import helpers

    from search.client import get_client
    from search.index_admin import create_index, new_index_name
    from search.reindex import documents, reindex
    from search.sync import drain
    from site_pages.models import NewsIndexPage

    drain(refresh=True)
    began = time.perf_counter()
    generate_news(NewsIndexPage.objects.first(), COUNT)
    print(f"generated {COUNT} articles in {time.perf_counter() - began:.1f} s")

    client = get_client()
    prebuilt = list(documents())
    scratch = create_index(new_index_name())
    began = time.perf_counter()
    helpers.bulk(
        client, ({"_index": scratch, "_id": doc["key"], "_source": doc} for doc in prebuilt), chunk_size=500
    )
    client.indices.refresh(index=scratch)
    plain_seconds = time.perf_counter() - began
    client.indices.delete(index=scratch)

    def progress(done, total):
        if done % 5000 == 0 or done == total:
            print(f"  reindex {done}/{total}", flush=True)

    began = time.perf_counter()
    _name, indexed = reindex(progress=progress)
    ours_seconds = time.perf_counter() - began

    plain_rate, ours_rate = len(prebuilt) / plain_seconds, indexed / ours_seconds
    print(f"{len(prebuilt)} documents")
    bars([("helpers.bulk, pre-built", plain_rate), ("search_reindex, end to end", ours_rate)], unit="docs/s")
    print(f"ratio reindex/plain bulk: {ours_rate / plain_rate:.2f} (target ≥ 0.5)")
    harness.cleanup()


if __name__ == "__main__":
    main()
