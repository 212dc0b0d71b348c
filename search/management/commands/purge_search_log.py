from django.core.management.base import BaseCommand

from search.analytics import purge_old_searches, retention_days


class Command(BaseCommand):
    help = (
        "Delete the counts of citizens' searches older than SEARCH_LOG_RETENTION_DAYS. publish_worker does "
        "this once a day; run it from cron where the scheduler does not run."
    )

    def handle(self, *args, **options):
        deleted = purge_old_searches()
        self.stdout.write(f"Search log: {deleted} rows older than {retention_days()} days deleted.")
