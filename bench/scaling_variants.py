#!/usr/bin/env python
"""What would bring search's p50 at 100,000 documents within 1.5× of its p50 at 10,000? Candidate
changes, each timed on the same two indices in the same rounds, so the load of this busy machine
reaches every variant and both sizes alike.

    .venv/bin/python bench/scaling_variants.py [ROUNDS=4]

The indices are bench/scaling.py's: its generated documents, loaded the same way and snapshotted at
10,000 and 100,000. A variant changes one thing for its turn and puts it back:

- shipped: the query service as it is;
- two slices: the engine searches each request's segments on two threads (concurrent segment
  search; the engine gives a 2-core machine one), a cluster setting restored afterwards;
- window 500, window 200: fewer of the best hits re-scored by the ranking clauses (RESCORE_WINDOW);
- relax all but one: a query finding too little is asked again requiring every syllable but one,
  not 75 % of them (RELAXED_MINIMUM), which bench/relevance/run.py shows to lose a judged answer;
- counts every match: the total and the facets count all matches, not the first COUNT_LIMIT
  (10,000) as shipped;
- counts stop at 1,000: they stop ten times sooner.

Each query is timed through the engine (`engine_answer`, the requests the API sends) with the
engine's request cache emptied first, as bench/scaling.py's "first asked". Prints p50/p95 per size
and variant, the ratio, and how many queries were asked again relaxed and what those match.
"""

import contextlib
import os
import shutil
import statistics
import sys
import time
from pathlib import Path
from unittest.mock import patch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
import scaling  # noqa: E402 - sets this run's index prefix and the environment before Django loads

ROUNDS = harness.argument(1, 4, smoke=1)
SIZES = (60, 120) if harness.SMOKE else (10_000, 100_000)
TARGET = 1.5
EVERY_MATCH = 0  # terminate_after 0, the engine's default: counting never stops


@contextlib.contextmanager
def engine_settings(client, values):
    client.cluster.put_settings(body={"transient": values})
    try:
        yield
    finally:
        client.cluster.put_settings(body={"transient": dict.fromkeys(values)})


def variants(client):
    from search import query

    return {
        "shipped": contextlib.nullcontext,
        "two slices": lambda: engine_settings(
            client,
            {"search.concurrent_segment_search.mode": "all", "search.concurrent.max_slice_count": 2},
        ),
        "window 500": lambda: patch.object(query, "RESCORE_WINDOW", 500),
        "window 200": lambda: patch.object(query, "RESCORE_WINDOW", 200),
        "relax all but one": lambda: patch.object(query, "RELAXED_MINIMUM", "-1"),
        "counts every match": lambda: patch.object(query, "COUNT_LIMIT", EVERY_MATCH),
        "counts stop at 1,000": lambda: patch.object(query, "COUNT_LIMIT", 1_000),
    }


def build(client):
    from search.index_admin import ensure_index
    from search.sync import drain

    index = ensure_index()
    drain(refresh=True)  # the demo's pages: every judged query finds its judged answer
    names = list(scaling.grown_snapshots(client, index, SIZES))
    client.indices.delete(index=index)
    return names


def time_variants(client, names, chosen, texts):
    from search.query import SearchRequest, engine_answer

    times, relaxed = {}, {}
    for turn in range(ROUNDS + 1):  # round 0 warms up and is not counted
        order = list(chosen)[turn % len(chosen) :] + list(chosen)[: turn % len(chosen)]
        for label in order:
            with chosen[label]():
                for text in texts:
                    for name in names[turn % 2 :] + names[: turn % 2]:
                        client.indices.clear_cache(index=name, request=True)
                        began = time.perf_counter()
                        answer, was_relaxed = engine_answer(SearchRequest(q=text), index=name)
                        elapsed = (time.perf_counter() - began) * 1000
                        if turn:
                            times.setdefault((label, name), []).append(elapsed)
                        if was_relaxed:
                            relaxed.setdefault((label, name), {})[text] = answer["hits"]["total"]["value"]
    return times, relaxed


def main():
    harness.setup(load_demo=True)
    try:
        from search.client import get_client

        client = get_client()
        texts = scaling.queries()
        names = build(client)
        chosen = variants(client)
        print(f"timing {len(chosen)} variants × {len(names)} sizes, {len(texts)} queries × {ROUNDS} rounds")
        times, relaxed = time_variants(client, names, chosen, texts)
        print(f"\n{'variant':<22}" + "".join(f"{size:>12,} p50    p95" for size in SIZES) + "   ratio")
        for label in chosen:
            cells, p50s = "", []
            for name in names:
                sample = times[(label, name)]
                p50s.append(statistics.median(sample))
                cells += f"{p50s[-1]:>15.1f} {statistics.quantiles(sample, n=20)[-1]:>6.1f}"
            ratio = p50s[-1] / p50s[0]
            print(f"{label:<22}{cells}   {ratio:.2f}× {'≤' if ratio <= TARGET else '>'} {TARGET}×")
        print("\nasked again relaxed (fewer than RELAX_BELOW documents had every syllable):")
        for label in chosen:
            largest = relaxed.get((label, names[-1]), {})
            matched = statistics.median(largest.values()) if largest else 0
            print(
                f"  {label:<22}{len(largest)} of {len(texts)} queries at {SIZES[-1]:,}; "
                f"median counted {matched:,.0f} documents ({matched / SIZES[-1]:.0%})"
            )
        return 0
    finally:
        harness.cleanup()
        shutil.rmtree(os.environ["VAR_DIR"], ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
