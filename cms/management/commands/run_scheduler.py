from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.changes import forget_old_changes
from cms.worker_loop import WorkerLoop
from search.analytics import purge_old_searches


class Command(BaseCommand):
    help = (
        "Publish pages whose go-live time has come, unpublish expired ones and apply procedure status "
        "changes that have taken effect, every --interval seconds until stopped (and once a day delete "
        "citizens' search counts past SEARCH_LOG_RETENTION_DAYS). Production runs this as "
        "a service (or publish_scheduled and apply_procedure_changes from cron)."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loop = WorkerLoop("run_scheduler")
        self.searches_purged_on = None

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="seconds between runs")
        parser.add_argument("--once", action="store_true", help="run once and exit")

    def handle(self, *args, interval, once, **options):
        self.stdout.write(f"Scheduler: checking go-live and expiry times every {interval} s.")

        def one_round():
            call_command("publish_scheduled", stdout=self.stdout)
            call_command("apply_procedure_changes", stdout=self.stdout)
            forget_old_changes()
            # Search counts are kept by the day, so once a day is enough: at the first round of each.
            today = timezone.localdate()
            if self.searches_purged_on != today:
                purge_old_searches(today)
                self.searches_purged_on = today
            return interval

        self.loop.run(one_round, once=once)
        if not once:
            self.stdout.write(f"Scheduler stopped at {timezone.localtime():%H:%M:%S}.")
