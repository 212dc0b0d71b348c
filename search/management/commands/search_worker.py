from django.core.management.base import BaseCommand

from cms.worker_loop import WorkerLoop
from search.sync import drain


class Command(BaseCommand):
    help = "Apply queued index updates to the search engine, continuously (or once with --once)."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loop = WorkerLoop("search_worker")

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--idle", type=float, default=0.2, help="seconds to wait when nothing is queued")

    def handle(self, *args, once, idle, **options):
        self.stdout.write("Search worker: applying index updates.")

        def one_round():
            # Refresh after each batch: a published page is searchable within a second.
            report = drain(refresh=True)
            if report.applied:
                self.stdout.write(f"applied {report.applied}, waiting {report.remaining}")
            # An unreachable engine is handled inside drain (the updates wait with their own delays).
            return idle if not report.error else 1.0

        self.loop.run(one_round, once=once)
