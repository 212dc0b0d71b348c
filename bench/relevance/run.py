#!/usr/bin/env python
"""Relevance of our search against Wagtail's stock opensearch3 backend, on the same demo corpus.

    .venv/bin/python bench/relevance/run.py

Loads the demo site (its procedures go through the project's importer), indexes it both ways,
runs every judged query through the public search API and through the stock backend, and prints
nDCG@10, MRR (first hit graded 2 or 3) and recall@10 (hits graded 1–3), overall and per kind.
With --details, also each query whose nDCG@10 is below 1, with the judged documents it missed.
"""

import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import harness  # noqa: E402 - sets the environment before Django loads

JUDGMENTS = Path(__file__).with_name("judgments.tsv")
K = 10


def read_judgments():
    queries = {}
    for line in JUDGMENTS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, kind, document, grade = line.split("\t")
        entry = queries.setdefault(query, {"kind": kind, "grades": {}})
        entry["grades"][document] = int(grade)
    return {query: queries[query] for query in harness.sample(queries)}


def stable_keys():
    """Index keys (type:pk) to keys that survive a reload: slugs, codes, decision numbers."""
    from procedure_catalog.models import ProcedureNoticePage, ProcedurePage
    from site_pages.models import NewsArticlePage

    keys = {f"news:{p.pk}": f"news:{p.slug}" for p in NewsArticlePage.objects.all()}
    keys.update({f"procedure:{p.pk}": f"procedure:{p.code}" for p in ProcedurePage.objects.all()})
    keys.update({f"notice:{p.pk}": f"notice:{p.decision_number}" for p in ProcedureNoticePage.objects.all()})
    return keys


def ours(query, keys):
    from django.test import Client

    response = Client().get("/api/v1/search", {"q": query, "size": K})
    if response.status_code != 200:
        raise SystemExit(f"search API answered {response.status_code} for {query!r}")
    return [keys[hit["key"]] for hit in response.json()["hits"]]


def stock_backend(settings):
    from django.core.management import call_command
    from modelsearch.backends import get_search_backend

    settings.WAGTAILSEARCH_BACKENDS["stock"] = {
        "BACKEND": "modelsearch.backends.opensearch3",
        "URLS": [settings.SEARCH_URL],
        "INDEX_PREFIX": f"{settings.SEARCH_INDEX_PREFIX}stock-",
    }
    call_command("update_index", backend_name="stock", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return get_search_backend("stock")


def stock(backend, query, keys):
    from procedure_catalog.models import ProcedureNoticePage, ProcedurePage
    from site_pages.models import NewsArticlePage

    scored = []
    for prefix, model in (
        ("news", NewsArticlePage),
        ("procedure", ProcedurePage),
        ("notice", ProcedureNoticePage),
    ):
        for page in backend.search(query, model.objects.live()).annotate_score("_score")[:K]:
            scored.append((page._score or 0, keys[f"{prefix}:{page.pk}"]))
    return [key for _score, key in sorted(scored, key=lambda pair: -pair[0])[:K]]


def ndcg(ranked, grades):
    dcg = sum((2 ** grades.get(doc, 0) - 1) / math.log2(i + 2) for i, doc in enumerate(ranked[:K]))
    ideal = sorted(grades.values(), reverse=True)[:K]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mrr(ranked, grades):
    return next((1 / (i + 1) for i, doc in enumerate(ranked[:K]) if grades.get(doc, 0) >= 2), 0.0)


def recall(ranked, grades):
    relevant = {doc for doc, grade in grades.items() if grade >= 1}
    return len(relevant & set(ranked[:K])) / len(relevant) if relevant else 0.0


def main():
    settings = harness.setup()
    from search.sync import drain

    drain(refresh=True)
    keys = stable_keys()
    backend = stock_backend(settings)
    from search.client import get_client

    get_client().indices.refresh(index=f"{settings.SEARCH_INDEX_PREFIX}*")
    queries = read_judgments()
    scores = {"ours": defaultdict(list), "stock": defaultdict(list)}
    details = []
    for query, judged in queries.items():
        for system, ranked in (("ours", ours(query, keys)), ("stock", stock(backend, query, keys))):
            if system == "ours" and ndcg(ranked, judged["grades"]) < 1:
                details.append((query, judged, ranked))
            row = (
                ndcg(ranked, judged["grades"]),
                mrr(ranked, judged["grades"]),
                recall(ranked, judged["grades"]),
            )
            scores[system][judged["kind"]].append(row)
            scores[system]["all"].append(row)
    print(f"{len(queries)} judged queries, corpus: the demo site (make run / load_demo)\n")
    if "--details" in sys.argv:
        for query, judged, ranked in details:
            missed = {doc: grade for doc, grade in judged["grades"].items() if doc not in ranked[:K]}
            print(f"{ndcg(ranked, judged['grades']):.3f}  {query}  [{judged['kind']}]")
            print(f"       ranked: {ranked[:5]}\n       missed: {missed}")
        print()
    print(f"{'kind':<24}{'n':>4}   {'nDCG@10':>16}   {'MRR':>16}   {'recall@10':>16}")
    print(f"{'':<28}   {'ours  stock':>16}   {'ours  stock':>16}   {'ours  stock':>16}")
    kinds = ["all"] + sorted(kind for kind in scores["ours"] if kind != "all")
    for kind in kinds:
        cells = []
        for metric in range(3):
            mine = sum(row[metric] for row in scores["ours"][kind]) / len(scores["ours"][kind])
            theirs = sum(row[metric] for row in scores["stock"][kind]) / len(scores["stock"][kind])
            cells.append(f"{mine:>7.3f} {theirs:>6.3f}")
        print(f"{kind:<24}{len(scores['ours'][kind]):>4}   " + "   ".join(f"{cell:>16}" for cell in cells))
    harness.cleanup()


if __name__ == "__main__":
    main()
