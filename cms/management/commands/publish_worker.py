import signal
import threading
import time

from django.core.management.base import BaseCommand
from django.db import connections
from django.utils import timezone

from cms.publishing import consumers, duties, log
from cms.publishing.worker_loop import WorkerLoop
from cms.webhooks.delivery import deliver_due, retry_now


class Command(BaseCommand):
    help = (
        "The publish worker: numbers committed events of the publishing log, hands them to each consumer "
        "(the search index, webhooks), sends webhook deliveries, and runs the scheduler (go-live and "
        "expiry times, procedure status changes, log compaction, retention), until stopped. Each part "
        "waits out a database or engine outage on its own. Production runs it as a service; two may run."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stopping = threading.Event()

    def stop(self, *args):
        self.stopping.set()

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="one pass of every part, then exit")
        parser.add_argument("--interval", type=float, default=60, help="seconds between scheduler rounds")
        parser.add_argument(
            "--idle", type=float, default=0.2, help="seconds a part rests when it found nothing"
        )
        parser.add_argument(
            "--retry-now",
            dest="retry_waiting",
            action="store_true",
            help="first make every waiting webhook delivery due at once (after a subscriber is fixed)",
        )

    def handle(self, *args, once, interval, idle, retry_waiting, **options):
        if retry_waiting:
            self.stdout.write(f"{retry_now()} waiting deliveries made due now.")
        self.idle = idle
        self.last_run = {}
        parts = [
            (f"consumer {consumer.name}", self.consumer_round(consumer), consumer.errors)
            for consumer in consumers.consumers().values()
        ]
        scheduler = ("scheduler", lambda: self.scheduler_round() or interval, consumers.transient_errors())
        sender = ("webhook sender", self.sender_round, ())
        if once:
            # In the order one change travels: the scheduler publishes, consumers follow, subscribers hear.
            for name, round_, passing in [scheduler, *parts, sender]:
                WorkerLoop(name, passing).run(round_, once=True)
            return
        self.run_forever([scheduler, *parts, sender])

    def run_forever(self, parts):
        threads = [
            threading.Thread(
                target=self.run_part, args=(WorkerLoop(name, passing, self.stopping), round_), name=name
            )
            for name, round_, passing in parts
        ]
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, self.stop)
        self.stdout.write(f"Publish worker: {', '.join(thread.name for thread in threads)}.")
        for thread in threads:
            thread.start()
        while any(thread.is_alive() for thread in threads):
            self.stopping.wait(0.5)
        self.stdout.write(f"Publish worker stopped at {timezone.localtime():%H:%M:%S}.")

    @staticmethod
    def run_part(loop, round_):
        try:
            loop.run(round_)
        finally:
            connections.close_all()

    def consumer_round(self, consumer):
        def one_round():
            log.sequence()
            taken = 0
            while batch := consumers.run(consumer):
                taken += batch
            if taken:
                self.stdout.write(f"{consumer.name}: {taken} events taken")
            return 0 if taken else self.idle

        return one_round

    def scheduler_round(self):
        now = time.monotonic()
        for duty in duties.duties():
            last = self.last_run.get(duty.name)
            if duty.every is None or last is None or now - last >= duty.every:
                outcome = duty.run()
                self.last_run[duty.name] = now
                if outcome:
                    self.stdout.write(f"{duty.name}: {outcome}")

    def sender_round(self):
        report = deliver_due()
        busy = report.delivered + report.retrying + report.failed
        if busy:
            self.stdout.write(
                f"delivered {report.delivered}, retrying {report.retrying}, gave up {report.failed}"
            )
        return 0 if busy else max(self.idle, 1.0)
