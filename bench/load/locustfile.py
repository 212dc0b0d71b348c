"""Locust users for the load bench: citizens and the portal reading the site and its API at once.

    .venv/bin/locust -f bench/load/locustfile.py --headless -u 50 -r 50 -t 60s --host http://127.0.0.1:8000

bench/load/run.py drives it against gunicorn; on its own it runs against any server holding a
corpus. At the start it reads the corpus through the API (procedures, articles, categories), so
every detail request names something that exists. Requests are named by type ("search api",
"news list page", ...) so locust's statistics group by type, not by address.

Think time is LOAD_THINK_SECONDS, "MIN,MAX" drawn uniformly ("0.5,1.5" by default: 50 users ask
for at most 50 requests a second, a stress figure far above 50 people reading pages) or "0" for
none: each user then sends its next request as soon as the last one answered, which saturates the
server (bench/load/run.py says why the target needs a pause).

Every request goes out as a TLS-terminating proxy forwards it (X-Forwarded-Proto: https), so
production's HTTPS redirect stays on and is not what gets measured. Anything but a 2xx or a 304 is a
failure, redirects included: a redirect here means a link the site itself gave out has moved.
"""

import csv
import json
import os
import random
import sys
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from locust import between, constant, events, task
from locust.contrib.fasthttp import FastHttpUser

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from search.folding import fold  # noqa: E402 - the index's own folding, for the queries without marks

HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "vi"}
NEWS_PAGE = "/tin-tuc/"
LIST_DEPTH = 5  # lists are read up to this page: most readers stop at the first few
FEEDS = [
    "/feeds/news.rss",
    "/feeds/news.atom",
    "/feeds/procedures.rss",
    "/feeds/procedures.atom",
    "/feeds/changes.atom",
]
# Acronyms the agency's readers type; the search expands them at query time (search/abbreviations.py).
ABBREVIATIONS = ["CCHC", "TTHC", "UBND", "TTHC cấp xã", "UBND tỉnh Sơn La", "DTTS", "MTQG 1719", "CCHC 2024"]


def read_queries():
    """The relevance judgments' queries by kind; each query with marks also goes out folded, so the
    two kinds ask for the same things and differ only in the marks."""
    judged = defaultdict(set)
    with open(ROOT / "bench" / "relevance" / "judgments.tsv", encoding="utf-8") as rows:
        for row in csv.reader((line for line in rows if not line.startswith("#")), delimiter="\t"):
            judged[row[1]].add(row[0])
    marked = sorted(judged["diacritics"] | judged["phrase"])
    return {
        "diacritics": marked,
        "no diacritics": sorted({fold(query) for query in marked} | judged["no-diacritics"]),
        "abbreviation": sorted(set(ABBREVIATIONS) | judged["abbreviation"]),
    }


QUERIES = read_queries()
draw = random.Random()  # noqa: S311 - the mix of a load test, not a secret


def think_time():
    spec = os.environ.get("LOAD_THINK_SECONDS", "0.5,1.5")
    if "," in spec:
        low, high = (float(part) for part in spec.split(","))
        return between(low, high)
    return constant(float(spec))


class Corpus:
    """What the server holds, read once per locust process before any user starts."""

    procedures = []  # (code, public path)
    articles = []  # public paths
    categories = []  # slugs
    news_pages = 1  # pages of 20 in the API's list, up to LIST_DEPTH

    @classmethod
    def load(cls, host):
        def get(path):
            request = urllib.request.Request(host + path, headers=HEADERS)  # noqa: S310 - the host under test
            with urllib.request.urlopen(request, timeout=60) as answer:  # noqa: S310
                return json.load(answer)

        procedures = sample_pages(get, "/api/v1/procedures")
        cls.procedures = [(item["code"], urlsplit(item["url"]).path) for item in procedures]
        cls.articles = [urlsplit(n["url"]).path for n in sample_pages(get, "/api/v1/news")]
        cls.categories = [category["slug"] for category in get("/api/v1/categories")]
        cls.news_pages = max(1, min(LIST_DEPTH, -(-get("/api/v1/news?page_size=20")["count"] // 20)))
        if not cls.procedures or not cls.articles:
            raise SystemExit(f"{host} holds no procedures or no articles: generate a corpus first")


def sample_pages(get, path, size=100, pages=5):
    """Up to `pages` pages of `size` items spread over the whole list, not just the newest."""
    first = get(f"{path}?page_size={size}")
    last = max(1, -(-first["count"] // size))
    numbers = sorted({1 + round(step * (last - 1) / (pages - 1)) for step in range(pages)})
    items = list(first["results"])
    for number in numbers:
        if number != 1:
            items += get(f"{path}?page_size={size}&page={number}")["results"]
    return items


@events.test_start.add_listener
def read_corpus(environment, **_kwargs):
    Corpus.load(environment.host.rstrip("/"))


# Latencies of the searches by kind of query, kept beside locust's own statistics (which group by
# type) and written with them where LOAD_SUMMARY_FILE says when the run ends.
SEARCH_TIMES = defaultdict(list)
# Per request type, how many answers were a kept copy (X-Response-Cache: hit), made and kept (miss),
# or never kept (none): the share of the load the response cache took.
KEPT_ANSWERS = defaultdict(lambda: defaultdict(int))


@events.request.add_listener
def record_search_kind(name, response_time, exception, context, **_kwargs):
    if exception is None and "query_kind" in context:
        SEARCH_TIMES[f"{name}, {context['query_kind']}"].append(response_time)


@events.init.add_listener
def forget_search_times_with_the_stats(environment, **_kwargs):
    # Locust's --reset-stats clears its own statistics once every user runs, without an event.
    def forget(**_kwargs):
        if environment.reset_stats:
            SEARCH_TIMES.clear()
            KEPT_ANSWERS.clear()

    environment.events.spawning_complete.add_listener(forget)


@events.quitting.add_listener
def write_summary(environment, **_kwargs):
    """Locust's final statistics, once every user has stopped and its last request is counted (the CSV
    files are rewritten once a second, so their last copy can miss the final second)."""
    target = os.environ.get("LOAD_SUMMARY_FILE")
    if not target:
        return
    stats = environment.stats
    entries = {entry.name: entry for entry in stats.entries.values()}
    summary = {
        "types": {name: figures(entry) for name, entry in [*entries.items(), ("all", stats.total)]},
        "errors": [
            {"name": error["name"], "error": error["error"], "occurrences": error["occurrences"]}
            for error in stats.serialize_errors().values()
        ],
        "search_times": SEARCH_TIMES,
        "kept_answers": KEPT_ANSWERS,
    }
    Path(target).write_text(json.dumps(summary, ensure_ascii=False))


def figures(entry):
    percentile = entry.get_response_time_percentile
    return {
        "requests": entry.num_requests,
        "failures": entry.num_failures,
        "rps": entry.total_rps,
        "p50": percentile(0.5),
        "p95": percentile(0.95),
        "p99": percentile(0.99),
        "max": entry.max_response_time,
        "bytes": entry.avg_content_length,
    }


class Visitor(FastHttpUser):
    """One client: a citizen on the public pages or the portal on the API, by the task drawn.

    Weights (out of 100): half the traffic searches (the site's main use, and the target's subject),
    the rest reads lists, details and feeds."""

    wait_time = think_time()
    network_timeout = 30.0
    connection_timeout = 30.0

    def on_start(self):
        self.etags = {}

    def fetch(self, path, name, headers=None, context=None):
        with self.client.get(
            path,
            name=name,
            headers={**HEADERS, **(headers or {})},
            allow_redirects=False,
            catch_response=True,
            context=context or {},
        ) as answer:
            if 200 <= answer.status_code < 300 or answer.status_code == 304:
                answer.success()
                KEPT_ANSWERS[name][(answer.headers or {}).get("X-Response-Cache", "none")] += 1
            else:
                answer.failure(f"HTTP {answer.status_code}")
            return answer

    @staticmethod
    def query():
        kind = draw.choice(list(QUERIES))
        return kind, draw.choice(QUERIES[kind])

    @task(25)
    def search_api(self):
        kind, q = self.query()
        params = {"q": q}
        if draw.random() < 0.2:  # the portal's search box filters by type now and then
            params["type"] = draw.choice(["news", "procedure"])
        self.fetch(f"/api/v1/search?{urlencode(params)}", "search api", context={"query_kind": kind})

    @task(15)
    def search_page(self):
        kind, q = self.query()
        self.fetch(f"/tim-kiem/?{urlencode({'q': q})}", "search page", context={"query_kind": kind})

    @task(10)
    def suggest(self):
        _kind, q = self.query()
        typed = q[: draw.randint(2, max(2, min(len(q), 10)))]
        self.fetch(f"/api/v1/suggest?{urlencode({'q': typed})}", "suggest api")

    @task(8)
    def news_list_api(self):
        page = draw.randint(1, Corpus.news_pages)
        self.fetch(f"/api/v1/news?page={page}", "news list api")

    @task(8)
    def news_list_page(self):
        page = draw.randint(1, Corpus.news_pages)
        self.fetch(NEWS_PAGE if page == 1 else f"{NEWS_PAGE}?page={page}", "news list page")

    @task(4)
    def news_article_page(self):
        self.fetch(draw.choice(Corpus.articles), "news article page")

    @task(8)
    def procedure_api(self):
        code, _path = draw.choice(Corpus.procedures)
        self.fetch(f"/api/v1/procedures/{code}", "procedure detail api")

    @task(8)
    def procedure_page(self):
        _code, path = draw.choice(Corpus.procedures)
        self.fetch(path, "procedure detail page")

    @task(14)
    def feed(self):
        feeds = FEEDS + [f"/feeds/news/{slug}.atom" for slug in Corpus.categories[:3]]
        path = draw.choice(feeds)
        # Feed readers poll with the ETag they hold: the first fetch is whole, the next ones are 304s
        # (which the server still renders in full to compare, so they cost the same).
        etag = self.etags.get(path)
        answer = self.fetch(path, "feed", headers={"If-None-Match": etag} if etag else None)
        if answer.headers and answer.headers.get("ETag"):
            self.etags[path] = answer.headers["ETag"]
