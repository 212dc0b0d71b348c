import signal
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.changes import forget_old_changes


class Command(BaseCommand):
    help = (
        "Publish pages whose go-live time has come, unpublish expired ones and apply procedure status "
        "changes that have taken effect, every --interval seconds until stopped. Production runs this as "
        "a service (or publish_scheduled and apply_procedure_changes from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between runs")
        parser.add_argument("--once", action="store_true", help="run once and exit")

    def handle(self, *args, interval, once, **options):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        self.stdout.write(f"Scheduler: checking go-live and expiry times every {interval} s.")
        while True:
            call_command("publish_scheduled", stdout=self.stdout)
            call_command("apply_procedure_changes", stdout=self.stdout)
            forget_old_changes()
            if once:
                return
            deadline = time.monotonic() + interval
            while time.monotonic() < deadline:
                if stopping:
                    self.stdout.write(f"Scheduler stopped at {timezone.localtime():%H:%M:%S}.")
                    return
                time.sleep(1)
