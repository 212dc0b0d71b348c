#!/usr/bin/env python
"""Requests per second of our read API against Wagtail's API v2, same data, same gunicorn.

    .venv/bin/python bench/api_throughput.py [ROUNDS] [SECONDS] [WORKERS] [CLIENTS]

Builds a throwaway database (SQLite in a temporary folder, or DATABASE_URL if set): the demo
site plus generated articles, every article with a featured image, categories, tags and a body.
Every rendition both APIs ask for is made before the server starts, and each endpoint is warmed
up, so neither side pays for a first rendition inside the measurement.

One gunicorn (sync workers, DEBUG off) serves bench/wagtail_v2/settings.py, which has our
/api/v1/ and Wagtail's /api/v2/ side by side. CLIENTS processes send requests back to back for
SECONDS per endpoint; each round measures all four endpoints, ours and v2 in alternating order,
and the ratio is taken per round between measurements seconds apart. Target: our news list at
least 2× Wagtail v2's.
"""

import http.client
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.wagtail_v2.settings"
# This compares the code that renders an answer; Wagtail's v2 has no copy kept in front of it either.
os.environ["RESPONSE_CACHE_SECONDS"] = "0"
sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402
from server import start_gunicorn, stop  # noqa: E402
from stats import bars  # noqa: E402

ROUNDS = harness.argument(1, 5, smoke=1)
SECONDS = harness.argument(2, 10.0, smoke=2.0, kind=float)  # a loaded machine may answer none in less
WORKERS = harness.argument(3, 2, smoke=1)
CLIENTS = harness.argument(4, 2 * WORKERS, smoke=1)
WARM_UP_SECONDS = 0.5 if harness.SMOKE else 3
ARTICLES = 21 if harness.SMOKE else 30  # more than one page, so both APIs count and link a next page
TICKS = os.sysconf("SC_CLK_TCK")


def build_data():
    import django

    django.setup()
    from cms.demo.loader import demo_image
    from site_pages.models import NewsArticlePage, NewsIndexPage
    from site_pages.taxonomy import NewsCategory

    harness.build_database()
    news = NewsIndexPage.objects.get()
    categories = list(NewsCategory.objects.order_by("pk"))
    for number in range(NewsArticlePage.objects.count(), ARTICLES):
        title = f"Bài đo tải số {number}: hỗ trợ sinh kế đồng bào dân tộc thiểu số"
        slug = f"bai-do-tai-{number}"
        page = NewsArticlePage(
            title=title,
            slug=slug,
            summary="Tóm tắt bài viết dùng để đo tốc độ của API đọc tin tức.",
            body=[("paragraph", f"<p>Đoạn {part} của bài đo tải số {number}.</p>") for part in range(3)],
            featured_image=demo_image({"title": title, "slug": slug}, number),
            author="Văn phòng Sở",
        )
        page.categories.set(categories[number % len(categories) :][:2])
        page.tags.set(["đo tải", f"nhóm {number % 3}"])
        news.add_child(instance=page)
        page.save_revision().publish()


def warm_renditions():
    from wagtail.images import get_image_model

    from media.renditions import RENDITION_PRESETS

    images = list(get_image_model().objects.all())
    for image in images:
        image.get_renditions(*RENDITION_PRESETS.values())
    return len(images)


def richest_procedure():
    from cms.content_api import published_procedures
    from procedure_catalog.page_records import record_from_page

    return max(published_procedures(), key=lambda page: len(json.dumps(record_from_page(page), default=str)))


def endpoints():
    from bench.wagtail_v2.api_fields import NEWS_LIST_FIELDS

    procedure = richest_procedure()
    v2_list = urlencode(
        {
            "type": "site_pages.NewsArticlePage",
            "limit": 20,
            "order": "-display_date,-id",
            "fields": ",".join(NEWS_LIST_FIELDS),
        },
        safe=",()",
    )
    return {
        "news": {"ours": "/api/v1/news?page_size=20", "v2": f"/api/v2/pages/?{v2_list}"},
        "procedure": {"ours": f"/api/v1/procedures/{procedure.code}", "v2": f"/api/v2/pages/{procedure.pk}/"},
    }, procedure


def queries_per_request(urls):
    """Counted in this process with Django's test client, against the same settings and data."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client, counts = Client(), {}
    for kind, sides in urls.items():
        for side, url in sides.items():
            client.get(url)  # caches (site root, renditions) as a warmed worker has them
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url).status_code
            if status != 200:
                raise SystemExit(f"{side} {kind}: HTTP {status} for {url} in process")
            counts[kind, side] = len(captured)
    return counts


def worker_pids(master):
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def cpu_seconds(pids):
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def fetch(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def check(port, urls, procedure):
    """Both sides answer 200 with the content they are meant to carry, before anything is timed."""
    sizes, listed = {}, {}
    for kind, sides in urls.items():
        for side, url in sides.items():
            status, body = fetch(port, url)
            if status != 200:
                raise SystemExit(f"{side} {kind}: HTTP {status} for {url}: {body[:300]!r}")
            data = json.loads(body)
            sizes[kind, side] = len(body)
            if kind == "news":
                items = data["results"] if side == "ours" else data["items"]
                pictures = [
                    item["featured_image"]["renditions"]["card"]["url"]
                    if side == "ours"
                    else item["featured_image_card"]["url"]
                    for item in items
                ]
                tags = [item["tags"] for item in items]
                if len(items) != 20 or not all(pictures) or not all(tags):
                    raise SystemExit(f"{side} news list: expected 20 articles with images and tags")
                listed[side] = [item["id"] for item in items]
            elif data.get("code") != procedure.code or not data.get("cases"):
                raise SystemExit(f"{side} procedure detail: expected {procedure.code} with its dossier")
    if listed["ours"] != listed["v2"]:
        raise SystemExit(f"the news lists differ: ours {listed['ours']}, v2 {listed['v2']}")
    return sizes


def hammer(port, path, start_at, stop_at):
    """Requests back to back on one connection; only answers completed inside the window count."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    done = failed = 0
    while time.time() < start_at:
        time.sleep(0.001)
    began_cpu = time.process_time()
    while True:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        # Sync workers close every connection; http.client reconnects on the next request.
        if time.time() > stop_at:
            break
        if response.status == 200:
            done += 1
        else:
            failed += 1
    connection.close()
    return done, failed, time.process_time() - began_cpu


def measure(pool, port, path, pids, seconds=SECONDS):
    start_at = time.time() + 0.3
    stop_at = start_at + seconds
    cpu_before = cpu_seconds(pids)
    runs = list(pool.map(hammer, *zip(*[(port, path, start_at, stop_at)] * CLIENTS, strict=True)))
    server_cpu = cpu_seconds(pids) - cpu_before
    done = sum(run[0] for run in runs)
    failed = sum(run[1] for run in runs)
    if failed:
        raise SystemExit(f"{failed} failed requests to {path}")
    return {
        "rps": done / seconds,
        "done": done,
        "server_cpu": server_cpu,
        "client_cpu": sum(r[2] for r in runs),
    }


def git_commit():
    found = subprocess.run(
        ["git", "-C", str(harness.ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "-C", str(harness.ROOT), "status", "--porcelain", "--", "cms", "media", "site_pages"],
        capture_output=True,
        text=True,
    )
    return found.stdout.strip() + (
        " + uncommitted changes in cms/, media/ or site_pages/" if dirty.stdout else ""
    )


def main():
    began = time.perf_counter()
    build_data()
    images = warm_renditions()
    urls, procedure = endpoints()
    queries = queries_per_request(urls)
    from django.db import connections

    connections.close_all()  # the workers open their own; SQLite readers do not block each other
    server, command, port = start_gunicorn(
        f"--workers={WORKERS}", "--worker-class=sync", ready_path="/api/v1/categories", timeout=30
    )
    try:
        pids = worker_pids(server.pid)
        sizes = check(port, urls, procedure)
        with ProcessPoolExecutor(CLIENTS) as pool:
            for sides in urls.values():
                for path in sides.values():
                    measure(pool, port, path, pids, seconds=WARM_UP_SECONDS)  # every worker fills its caches
            results = {(kind, side): [] for kind, sides in urls.items() for side in sides}
            for number in range(ROUNDS):
                order = ("ours", "v2") if number % 2 == 0 else ("v2", "ours")
                for kind, sides in urls.items():
                    for side in order:
                        results[kind, side].append(measure(pool, port, sides[side], pids))
                print(f"  round {number + 1}/{ROUNDS} done", file=sys.stderr)
    finally:
        stop(server)
    report(urls, procedure, results, queries, sizes, images, command, time.perf_counter() - began)


def report(urls, procedure, results, queries, sizes, images, command, elapsed):
    import django
    import wagtail

    print(f"commit {git_commit()}")
    print(
        f"Python {platform.python_version()}, Django {django.__version__}, Wagtail {wagtail.__version__}, "
        f"{os.cpu_count()} CPUs, {database_kind()}"
    )
    print("server: " + " ".join(["gunicorn", *command[3:]]))
    print(f"{images} images, every preset rendered before the server started; endpoints warmed up")
    print(
        f"{ROUNDS} rounds × {SECONDS:g} s per endpoint, {CLIENTS} client processes, ours/v2 order alternating"
    )
    names = {"news": "news list, 20 items", "procedure": f"procedure {procedure.code}"}
    client_share = []
    for kind, sides in urls.items():
        print()
        print(f"{names[kind]}")
        for side, url in sides.items():
            print(f"  {side:<4} GET {url}")
        rows, figures = [], {}
        for side in sides:
            runs = results[kind, side]
            rps = statistics.median(run["rps"] for run in runs)
            cpu_ms = 1000 * sum(run["server_cpu"] for run in runs) / sum(run["done"] for run in runs)
            figures[side] = (rps, cpu_ms)
            client_share += [run["client_cpu"] / (SECONDS * os.cpu_count()) for run in runs]
            rows.append((f"{kind} {side} median", rps))
        bars(rows, unit="req/s")
        ratios = sorted(
            o["rps"] / v["rps"] for o, v in zip(results[kind, "ours"], results[kind, "v2"], strict=True)
        )
        print(
            f"ratio ours/v2: median {statistics.median(ratios):.2f}×  "
            f"(rounds {ratios[0]:.2f}×–{ratios[-1]:.2f}×)" + ("  target ≥ 2×" if kind == "news" else "")
        )
        print(
            "server CPU per request: "
            + ", ".join(f"{side} {figures[side][1]:.1f} ms" for side in sides)
            + f" (v2/ours {figures['v2'][1] / figures['ours'][1]:.2f}×)"
            + "; queries per request: "
            + ", ".join(f"{side} {queries[kind, side]}" for side in sides)
            + "; body: "
            + ", ".join(f"{side} {sizes[kind, side] / 1024:.1f} KiB" for side in sides)
        )
    print()
    print(
        f"client processes used at most {100 * max(client_share):.0f}% of the machine's CPU; "
        f"the run took {elapsed:.0f} s"
    )


def database_kind():
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return engine if engine != "sqlite3" else "SQLite (file in a temporary folder)"


if __name__ == "__main__":
    main()
