from django.core.management.base import BaseCommand, CommandError

from search.reindex import reconcile
from search.sync import ENGINE_ERRORS


class Command(BaseCommand):
    help = "Find and fix drift between published pages and the index: missing, stale and extra documents."

    def handle(self, *args, **options):
        try:
            drift = reconcile()
        except ENGINE_ERRORS as error:
            raise CommandError(f"The search engine is unavailable: {error}") from error
        self.stdout.write(f"fixed: {drift.missing} missing, {drift.stale} stale, {drift.extra} extra")
