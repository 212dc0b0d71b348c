import time

from django.core.management.base import BaseCommand

from cms.webhooks.delivery import deliver_due, forget_old_deliveries, retry_now
from cms.worker_loop import WorkerLoop

PRUNE_EVERY_SECONDS = 3600


class Command(BaseCommand):
    help = (
        "Send queued webhook deliveries to their subscribers, retrying failures with growing delays, "
        "every --interval seconds until stopped (or once with --once)."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loop = WorkerLoop("deliver_webhooks")

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
        if retry_waiting:
            self.stdout.write(f"{retry_now()} waiting deliveries made due now.")
        self.stdout.write("Webhook worker: sending deliveries.")
        pruned_at = None

        def one_round():
            nonlocal pruned_at
            if pruned_at is None or time.monotonic() - pruned_at > PRUNE_EVERY_SECONDS:
                forget_old_deliveries()
                pruned_at = time.monotonic()
            report = deliver_due()
            busy = report.delivered + report.retrying + report.failed
            if busy:
                self.stdout.write(
                    f"delivered {report.delivered}, retrying {report.retrying}, gave up {report.failed}"
                )
            return 0 if busy else interval

        self.loop.run(one_round, once=once)
