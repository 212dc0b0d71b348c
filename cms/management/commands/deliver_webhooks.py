import signal
import time

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from cms.webhooks.delivery import deliver_due, forget_old_deliveries, retry_now

PRUNE_EVERY_SECONDS = 3600


class Command(BaseCommand):
    help = (
        "Send queued webhook deliveries to their subscribers, retrying failures with growing delays, "
        "every --interval seconds until stopped (or once with --once)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="one round, then exit")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between rounds when idle")
        parser.add_argument(
            "--retry-now",
            dest="retry_waiting",
            action="store_true",
            help="first make every waiting delivery due at once (after a subscriber is fixed)",
        )

    def handle(self, *args, once, interval, retry_waiting, **options):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        if retry_waiting:
            self.stdout.write(f"{retry_now()} waiting deliveries made due now.")
        self.stdout.write("Webhook worker: sending deliveries.")
        pruned_at = None
        while not stopping:
            try:
                if pruned_at is None or time.monotonic() - pruned_at > PRUNE_EVERY_SECONDS:
                    forget_old_deliveries()
                    pruned_at = time.monotonic()
                report = deliver_due()
            except DatabaseError as error:
                if once:
                    raise
                # The database is away (restart, failover): wait for it rather than exit, since
                # nothing else would restart this worker under `make run`.
                self.stderr.write(f"Database unavailable, retrying in 5 s: {error}")
                close_old_connections()
                time.sleep(5)
                continue
            busy = report.delivered + report.retrying + report.failed
            if busy:
                self.stdout.write(
                    f"delivered {report.delivered}, retrying {report.retrying}, gave up {report.failed}"
                )
            if once:
                return
            if not busy:
                time.sleep(interval)
