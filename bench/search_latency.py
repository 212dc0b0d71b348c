#!/usr/bin/env python
"""Search API latency against the raw OpenSearch query it sends, measured in the same run.

    .venv/bin/python bench/search_latency.py [ROUNDS]

For each judged query of the relevance set, time GET /api/v1/search (Django, query service,
engine, serialisation) and the engine alone answering the identical requests
(search.query.engine_answer: one multi-search, two when the query is relaxed). Prints p50/p95 of
both and their ratio; the target is at most 1.3× at p50.
"""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from stats import bars, percentile  # noqa: E402

ROUNDS = harness.argument(1, 5, smoke=1)


def main():
    harness.setup()
    from django.test import Client

    from search.query import SearchRequest, engine_answer
    from search.sync import drain

    drain(refresh=True)
    queries = harness.sample(
        sorted(
            {
                line.split("\t")[0]
                for line in (Path(__file__).parent / "relevance" / "judgments.tsv").read_text().splitlines()
                if line and not line.startswith("#")
            }
        )
    )
    http = Client()
    for query in queries:  # warm caches on both paths
        http.get("/api/v1/search", {"q": query})
        engine_answer(SearchRequest(q=query))
    api, raw = [], []
    for _round in range(ROUNDS):
        for query in queries:
            began = time.perf_counter()
            engine_answer(SearchRequest(q=query))
            raw.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            response = http.get("/api/v1/search", {"q": query})
            api.append((time.perf_counter() - began) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"search API answered {response.status_code}")
    p50_api, p95_api, p50_raw, p95_raw = (
        percentile(api, 0.5),
        percentile(api, 0.95),
        percentile(raw, 0.5),
        percentile(raw, 0.95),
    )
    print(f"{len(api)} searches each way ({len(queries)} queries × {ROUNDS} rounds)")
    bars(
        [
            ("engine alone p50", p50_raw),
            ("search API p50", p50_api),
            ("engine alone p95", p95_raw),
            ("search API p95", p95_api),
        ]
    )
    print(f"ratio API/raw: p50 {p50_api / p50_raw:.2f}×  p95 {p95_api / p95_raw:.2f}×  (target p50 ≤ 1.3×)")
    harness.cleanup()


if __name__ == "__main__":
    main()
