from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from procedure_catalog.statistics_import import StatisticsFileError, import_statistics


class Command(BaseCommand):
    help = (
        "Import one-stop-shop dossier statistics from CSV (columns: procedure_catalog/statistics_import.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        try:
            summary = import_statistics(Path(path).read_bytes())
        except (OSError, StatisticsFileError) as error:
            raise CommandError(str(error)) from error
        for number, field, reason in summary.rejected:
            self.stderr.write(f"row {number} [{field}]: {reason}")
        self.stdout.write(f"saved {summary.saved}, rejected {len(summary.rejected)}")
