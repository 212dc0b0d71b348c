from django.core.management.base import BaseCommand

from cms.publishing import log


class Command(BaseCommand):
    help = (
        "Compact the publishing log: events older than CHANGES_RETENTION_DAYS that a newer event of the "
        "same object supersedes are removed; every object's newest event stays, tombstones included. The "
        "publish worker does this every hour."
    )

    def handle(self, *args, **options):
        removed = log.compact()
        self.stdout.write(f"Publishing log: {removed} superseded events removed; horizon at {log.horizon()}.")
