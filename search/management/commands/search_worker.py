import signal
import time

from django.core.management.base import BaseCommand

from search.sync import drain


class Command(BaseCommand):
    help = "Apply queued index updates to the search engine, continuously (or once with --once)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--idle", type=float, default=0.2, help="seconds to wait when nothing is queued")

    def handle(self, *args, once, idle, **options):
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        self.stdout.write("Search worker: applying index updates.")
        while not stopping:
            # Refresh after each batch: a published page is searchable within a second.
            report = drain(refresh=True)
            if report.applied:
                self.stdout.write(f"applied {report.applied}, waiting {report.remaining}")
            if once:
                return
            time.sleep(idle if not report.error else 1.0)
