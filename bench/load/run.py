#!/usr/bin/env python
"""Load: concurrent clients against gunicorn with the production settings and PostgreSQL.

    DATABASE_URL=postgres://… SEARCH_INDEX_PREFIX=gen- VAR_DIR=… \\
    .venv/bin/python bench/load/run.py [--users 50] [--seconds 60] [--steps 5,10,25,50] [--think 0.5,1.5]
        [--worker-class gthread|sync] [--workers N] [--threads 8]

Serves a corpus bench/generate.py already wrote (DATABASE_URL, with its index under
SEARCH_INDEX_PREFIX and its uploads under VAR_DIR); writes nothing to it. Starts gunicorn on a free
loopback port with the production settings (bench/load/settings.py changes only where collectstatic
writes), warms it up, then runs locust (bench/load/locustfile.py) at each step of users: the last
step is --users for --seconds, the earlier ones --step-seconds each. Prints requests, req/s,
failures and p50/p95/p99 per step and per request type, the workers' resident memory and CPU, and
draws bench/charts/load.png, with the share of answers the response cache served per request type
(RESPONSE_CACHE_SECONDS=0 in the environment measures without it). Exits 1 when any request failed,
a worker logged a traceback or was replaced, or the API search's p95 at the last step is at or
above --target-ms.
"""

import argparse
import json
import os
import platform
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from server import start_gunicorn, stop  # noqa: E402
from stats import bars, percentile  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
SEARCH = "search api"  # the request type the target is about
# High enough that one load generator, which is one address, is never refused, while the limiter
# still runs (a cache read and increment per API and feed request) as it does in production.
RATE_LIMIT = "1000000/60"
# With no pause, 50 users keep 50 requests in flight and the mean latency is 50 / throughput (Little's
# law): under 300 ms needs some 170 req/s, about three and a half cores at the ~20 ms of worker CPU a
# request takes. A pause of a second on average caps 50 users at 50 req/s: still a stress figure
# (180,000 requests an hour) that a 2-core machine can be held to. --think 0 saturates the server.
THINK = "0.5,1.5"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50, help="clients at the last step")
    parser.add_argument("--seconds", type=int, default=60, help="length of the last step")
    parser.add_argument("--steps", default="5,10,25,50", help="users at each step, comma-separated")
    parser.add_argument("--step-seconds", type=int, default=20, help="length of every step but the last")
    parser.add_argument("--warmup-seconds", type=int, default=15)
    parser.add_argument("--worker-class", default="gthread", choices=["gthread", "sync"])
    parser.add_argument("--workers", type=int, default=None, help="gthread: one per core; sync: 2×cores+1")
    parser.add_argument("--threads", type=int, default=8, help="threads per gthread worker")
    parser.add_argument(
        "--think", default=THINK, help='seconds between a user\'s requests, "MIN,MAX" or "0" for none'
    )
    parser.add_argument("--target-ms", type=float, default=300.0, help="the API search's p95 must stay under")
    parser.add_argument("--chart", default=str(ROOT / "bench" / "charts" / "load.png"))
    options = parser.parse_args()
    options.steps = sorted({int(users) for users in options.steps.split(",") if int(users) < options.users})
    options.steps.append(options.users)
    cores = os.cpu_count()
    if options.workers is None:
        # One threaded process per core: each uses about one core (the GIL), and its threads cover
        # the waits on PostgreSQL and the engine, which share the same cores. Measured on 2 cores
        # against sync workers (5) and 3×8 or 2×16 threads: the same CPU per request within the
        # noise, at half the memory of five sync workers (bench/README.md, Load).
        options.workers = cores if options.worker_class == "gthread" else 2 * cores + 1
    return options


def server_environment(work):
    database = os.environ.get("DATABASE_URL", "")
    if not database.startswith(("postgres://", "postgresql://")):
        raise SystemExit("DATABASE_URL must name the PostgreSQL database that holds a generated corpus")
    if not os.environ.get("SEARCH_INDEX_PREFIX"):
        raise SystemExit("SEARCH_INDEX_PREFIX must name the prefix of that corpus's index")
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.load.settings",
        "LOAD_STATIC_ROOT": str(work / "static"),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "API_RATE_LIMIT": RATE_LIMIT,
        "DEBUG": "false",
    }


def corpus_and_static():
    """Counts what is published and indexed, and collects the static files with their manifest."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections

    from cms.content_api import published_procedures
    from cms.publishing.visibility import publicly_visible
    from procedure_catalog.models import ProcedureNoticePage
    from search.client import get_client
    from search.documents import alias_name
    from site_pages.models import published_news

    engine = get_client()
    answer = engine.search(
        # Counted exactly: past 10,000 hits the engine otherwise answers "at least 10,000".
        index=alias_name(),
        body={"size": 0, "track_total_hits": True, "aggs": {"types": {"terms": {"field": "type"}}}},
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    corpus = {
        "news": published_news().count(),
        "procedures": published_procedures().count(),
        "notices": publicly_visible(ProcedureNoticePage.objects.all()).count(),
        "indexed": answer["hits"]["total"]["value"],
        "indexed_by_type": {b["key"]: b["doc_count"] for b in answer["aggregations"]["types"]["buckets"]},
        "index": alias_name(),
        "engine": engine.info()["version"]["number"],
        "postgres": postgres,
        "media": Path(settings.MEDIA_ROOT),
    }
    connections.close_all()
    began = time.monotonic()
    call_command("collectstatic", interactive=False, verbosity=0)
    corpus["collectstatic_seconds"] = time.monotonic() - began
    return corpus


class WorkerSampler(threading.Thread):
    """Every half second: each worker's resident memory (VmRSS); CPU of the workers and of the whole
    machine from the first sample to the last."""

    def __init__(self, master):
        super().__init__(daemon=True)
        self.master, self.stopping = master, threading.Event()
        self.samples = []  # {pid: rss bytes}

    def workers(self):
        path = Path(f"/proc/{self.master}/task/{self.master}/children")
        return [int(pid) for pid in path.read_text().split()]

    def cpu(self, pids):
        total = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / TICKS

    @staticmethod
    def machine():
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle, iowait
        return sum(fields) / TICKS, idle / TICKS

    def rss(self, pid):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except FileNotFoundError:
            pass
        return None

    def run(self):
        self.first_pids = self.workers()
        self.began = (time.monotonic(), self.cpu(self.first_pids), self.machine())
        while not self.stopping.wait(0.5):
            sample = {pid: self.rss(pid) for pid in self.workers()}
            self.samples.append({pid: rss for pid, rss in sample.items() if rss})

    def finish(self):
        self.stopping.set()
        self.join()
        seconds = time.monotonic() - self.began[0]
        pids = self.workers()
        total, idle = self.machine()
        began_total, began_idle = self.began[2]
        per_worker = [rss for sample in self.samples for rss in sample.values()]
        totals = [sum(sample.values()) for sample in self.samples]
        return {
            "workers": len(pids),
            "restarted": sorted(set(self.first_pids) ^ set(pids)),
            "rss_worker_mean": sum(per_worker) / len(per_worker),
            "rss_worker_peak": max(per_worker),
            "rss_total_mean": sum(totals) / len(totals),
            "rss_total_peak": max(totals),
            # Shares of one core, so 200% is both cores of this machine.
            "worker_cpu": 100 * (self.cpu(pids) - self.began[1]) / seconds,
            "machine_busy": 100 * (1 - (idle - began_idle) / (total - began_total)),
        }


def run_locust(options, host, users, seconds, work, label):
    summary_file = work / f"{label}.json"
    command = [
        sys.executable, "-m", "locust", "-f", str(HERE / "locustfile.py"), "--headless",
        "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", host,
        "--reset-stats", "--only-summary", "--loglevel", "WARNING",
        # Users finish the request they are in when time is up: its latency counts too.
        "--stop-timeout", "10", "--exit-code-on-error", "0",
    ]  # fmt: skip
    env = {**os.environ, "LOAD_THINK_SECONDS": options.think, "LOAD_SUMMARY_FILE": str(summary_file)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    finished = subprocess.run(command, env=env, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    (work / f"{label}.log").write_text(finished.stdout + finished.stderr)
    if finished.returncode != 0 or not summary_file.exists():
        raise SystemExit(f"locust failed ({finished.returncode}):\n{finished.stderr[-3000:]}")
    summary = json.loads(summary_file.read_text())
    client_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "users": users,
        "seconds": seconds,
        "rows": summary["types"],
        "failures": [(e["name"], e["error"], e["occurrences"]) for e in summary["errors"]],
        "kinds": summary["search_times"],
        "kept": summary["kept_answers"],
        "client_cpu": 100 * client_cpu / seconds,
    }


def busy_before(seconds=3.0):
    """What the rest of the machine was doing just before the run, in % of one core: figures taken
    while something else keeps the cores busy are that machine's, not this server's."""
    total, idle = WorkerSampler.machine()
    time.sleep(seconds)
    total_after, idle_after = WorkerSampler.machine()
    return 100 * os.cpu_count() * (1 - (idle_after - idle) / (total_after - total))


def header(options, corpus, command, busy):
    from importlib.metadata import version

    import django
    import wagtail

    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    print(f"commit {commit}")
    print(
        f"Python {platform.python_version()}, Django {django.__version__}, Wagtail {wagtail.__version__}, "
        f"locust {version('locust')}, PostgreSQL {corpus['postgres']}, OpenSearch {corpus['engine']}, "
        f"{os.cpu_count()} CPUs"
    )
    by_type = ", ".join(f"{count} {kind}" for kind, count in sorted(corpus["indexed_by_type"].items()))
    print(
        f"corpus: {corpus['news']} live articles, {corpus['procedures']} procedures and {corpus['notices']} "
        f"announcements in the database; {corpus['indexed']} documents in {corpus['index']} ({by_type})"
    )
    live = corpus["news"] + corpus["procedures"] + corpus["notices"]
    if live != corpus["indexed"]:
        print(
            f"  warning: {live} live in the database but {corpus['indexed']} indexed: is the worker behind?"
        )
    print(
        f"machine before the run: {busy:.0f}% of one core busy, load average {os.getloadavg()[0]:.1f}"
        + ("  (other work is running: figures will be lower than this machine's)" if busy > 20 else "")
    )
    print(f"server: gunicorn {' '.join(command[4:])}")
    print(
        "  settings cms.settings.production (static files collected with their manifest into a "
        f"temporary folder, {corpus['collectstatic_seconds']:.1f} s), API_RATE_LIMIT={RATE_LIMIT}"
    )
    think = think_label(options)
    print(
        f"clients: locust FastHttpUser (one process), think time {think}, X-Forwarded-Proto: https; "
        f"warm-up {options.warmup_seconds} s at {options.steps[0]} users, not counted"
    )


def think_label(options):
    return "none" if float(options.think.split(",")[-1]) == 0 else f"{options.think.replace(',', '–')} s"


def step_table(results):
    print()
    print(
        "By step, all requests (latency in ms; resident memory of the workers in MiB; CPU in % of one "
        "core, and the workers' CPU time per request)"
    )
    print(
        f"  {'users':>5} {'s':>4} {'requests':>9} {'req/s':>7} {'fail':>5} {'p50':>5} {'p95':>5} {'p99':>5}"
        f" {SEARCH + ' p95':>15} {'RSS/worker mean':>16} {'peak':>5} {'all mean':>9} {'peak':>5}"
        f" {'workers':>8} {'ms/req':>7} {'locust':>7} {'machine':>8}"
    )
    mib = 1024 * 1024
    for r in results:
        a, s, m = r["rows"]["all"], r["rows"].get(SEARCH, {}), r["memory"]
        print(
            f"  {r['users']:>5} {r['seconds']:>4} {a['requests']:>9} {a['rps']:>7.1f} {a['failures']:>5}"
            f" {a['p50']:>5.0f} {a['p95']:>5.0f} {a['p99']:>5.0f} {s.get('p95', float('nan')):>15.0f}"
            f" {m['rss_worker_mean'] / mib:>16.0f} {m['rss_worker_peak'] / mib:>5.0f}"
            f" {m['rss_total_mean'] / mib:>9.0f} {m['rss_total_peak'] / mib:>5.0f}"
            f" {m['worker_cpu']:>7.0f}% {10 * m['worker_cpu'] / a['rps']:>7.1f}"
            f" {r['client_cpu']:>6.0f}% {m['machine_busy'] * os.cpu_count():>7.0f}%"
        )
    print("\nthroughput by step")
    bars([(f"{r['users']} users", r["rows"]["all"]["rps"]) for r in results], unit="req/s")
    print(f"\n{SEARCH} p95 by step")
    bars([(f"{r['users']} users", r["rows"].get(SEARCH, {}).get("p95", 0)) for r in results])


def type_table(last):
    print()
    print(f"At {last['users']} users for {last['seconds']} s, by request type (latency in ms)")
    print(
        f"  {'type':<22} {'requests':>9} {'req/s':>7} {'fail':>5} {'p50':>5} {'p95':>5} {'p99':>5}"
        f" {'max':>6} {'KiB':>6}"
    )
    rows = sorted(((n, r) for n, r in last["rows"].items() if n != "all"), key=lambda i: -i[1]["requests"])
    for name, r in [*rows, ("all", last["rows"]["all"])]:
        print(
            f"  {name:<22} {r['requests']:>9} {r['rps']:>7.1f} {r['failures']:>5} {r['p50']:>5.0f}"
            f" {r['p95']:>5.0f} {r['p99']:>5.0f} {r['max']:>6.0f} {r['bytes'] / 1024:>6.1f}"
        )
    print("\np95 by request type")
    bars([(name, r["p95"]) for name, r in rows])
    print("\nsearches by kind of query (the same queries with and without marks, and abbreviations)")
    for name, times in sorted(last["kinds"].items()):
        print(
            f"  {name:<34} {len(times):>6} requests  p50 {percentile(times, 0.5):5.0f}"
            f"  p95 {percentile(times, 0.95):5.0f}  p99 {percentile(times, 0.99):5.0f} ms"
        )
    print("\nanswers by the response cache (hit: a copy kept from an earlier one; none: not kept, or a 304)")
    for name, counts in sorted(last["kept"].items()):
        total = sum(counts.values())
        shares = "  ".join(f"{kind} {100 * counts.get(kind, 0) / total:5.1f}%" for kind in KEPT_KINDS)
        print(f"  {name:<22} {total:>6} answers  {shares}")


KEPT_KINDS = ("hit", "miss", "none")


def draw(results, options, corpus, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    users = [r["users"] for r in results]
    figure, (latency, throughput, memory) = plt.subplots(1, 3, figsize=(14, 4.2))
    for share, style in (("p50", "o-"), ("p95", "s-"), ("p99", "^-")):
        latency.plot(users, [r["rows"]["all"][share] for r in results], style, label=f"all, {share}")
    latency.plot(
        users, [r["rows"].get(SEARCH, {}).get("p95") for r in results], "d--", label=f"{SEARCH}, p95"
    )
    latency.axhline(
        options.target_ms, color="grey", linestyle=":", label=f"target {options.target_ms:.0f} ms"
    )
    latency.set(xlabel="concurrent users", ylabel="latency (ms)", title="Latency against load")
    latency.set_ylim(bottom=0)
    latency.legend(fontsize=8)
    latency.grid(alpha=0.3)
    throughput.plot(users, [r["rows"]["all"]["rps"] for r in results], "o-", color="tab:green")
    throughput.set(xlabel="concurrent users", ylabel="requests per second", title="Throughput")
    throughput.set_ylim(bottom=0)
    throughput.grid(alpha=0.3)
    mib = 1024 * 1024
    for key, style, label in (("rss_total_mean", "o-", "mean"), ("rss_total_peak", "^--", "peak")):
        memory.plot(users, [r["memory"][key] / mib for r in results], style, label=label)
    memory.set(xlabel="concurrent users", ylabel="MiB", title="Resident memory, all workers")
    memory.set_ylim(bottom=0)
    memory.legend(fontsize=8)
    memory.grid(alpha=0.3)
    workers = f"{options.workers} {options.worker_class} workers" + (
        f" × {options.threads} threads" if options.worker_class == "gthread" else ""
    )
    figure.suptitle(
        f"{corpus['indexed']} documents, gunicorn {workers}, {os.cpu_count()} CPUs, "
        f"think time {think_label(options)}",
        fontsize=10,
    )
    figure.tight_layout()
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=110)


def server_errors(log_path):
    """The first traceback gunicorn's workers logged, and how many there were."""
    text = Path(log_path).read_text(errors="replace")
    count = text.count("Traceback (most recent call last)")
    first = text.find("Traceback (most recent call last)")
    return count, text[max(0, text.rfind("\n", 0, max(0, first - 300))) : first + 3000] if count else ""


def main():
    options = arguments()
    work = Path(tempfile.mkdtemp(prefix="sdttg-load-"))
    try:
        env = server_environment(work)
    except SystemExit:
        shutil.rmtree(work)
        raise
    os.environ.update(env)
    corpus = corpus_and_static()
    if not (corpus["media"] / "images").exists():
        print(f"warning: no uploads under {corpus['media']}: set VAR_DIR to the generator's", file=sys.stderr)
    busy = busy_before()
    log = (work / "gunicorn.log").open("w")
    server, command, port = start_gunicorn(
        f"--worker-class={options.worker_class}",
        f"--workers={options.workers}",
        *([f"--threads={options.threads}"] if options.worker_class == "gthread" else []),
        env=env,
        log=log,
    )
    host = f"http://127.0.0.1:{port}"
    results = []
    try:
        header(options, corpus, command, busy)
        print(
            f"  warm-up: {options.warmup_seconds} s at {options.steps[0]} users", file=sys.stderr, flush=True
        )
        warmup = run_locust(options, host, options.steps[0], options.warmup_seconds, work, "warmup")
        for number, users in enumerate(options.steps, 1):
            seconds = options.seconds if users == options.users else options.step_seconds
            print(
                f"  step {number}/{len(options.steps)}: {users} users for {seconds} s",
                file=sys.stderr,
                flush=True,
            )
            sampler = WorkerSampler(server.pid)
            sampler.start()
            result = run_locust(options, host, users, seconds, work, f"step-{users}")
            result["memory"] = sampler.finish()
            results.append(result)
    finally:
        stop(server)
        log.close()
    step_table(results)
    type_table(results[-1])
    draw(results, options, corpus, options.chart)
    print(f"\nchart: {os.path.relpath(options.chart, ROOT)}")
    verdict(options, warmup, results, work)


def verdict(options, warmup, results, work):
    failures = [(r["users"], *failure) for r in [warmup, *results] for failure in r["failures"]]
    restarted = [(r["users"], r["memory"]["restarted"]) for r in results if r["memory"]["restarted"]]
    count, traceback = server_errors(work / "gunicorn.log")
    for users, name, error, occurrences in failures:
        print(f"FAILED at {users} users: {occurrences} × {name}: {error}")
    for users, pids in restarted:
        print(f"workers replaced during the {users}-user step: {pids}")
    if count:
        print(f"{count} tracebacks in gunicorn's log; the first:\n{traceback}")
    search_p95 = results[-1]["rows"].get(SEARCH, {}).get("p95", float("inf"))
    print(
        f"\n{SEARCH} p95 at {options.users} users: {search_p95:.0f} ms "
        f"(target < {options.target_ms:.0f} ms); failed requests: {sum(f[3] for f in failures)} (target 0)"
    )
    if failures or count or restarted or not search_p95 < options.target_ms:
        print(f"FAIL (kept {work}: locust's summaries and logs, gunicorn.log)")
        raise SystemExit(1)
    shutil.rmtree(work, ignore_errors=True)
    print("PASS")


if __name__ == "__main__":
    main()
