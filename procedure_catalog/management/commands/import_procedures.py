import sys

from django.core.management.base import BaseCommand, CommandError

from procedure_catalog.importer import ImportFileError, import_procedures


class Command(BaseCommand):
    help = (
        "Import administrative procedures from the national portal's JSON, or from CSV/XLSX with the "
        "columns documented in procedure_catalog/formats/spreadsheet.py. Upserts by code."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        parser.add_argument(
            "--all-or-nothing", action="store_true", help="write nothing if any record is rejected"
        )

    def handle(self, *args, path, dry_run, all_or_nothing, **options):
        interactive = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()

        def progress(done, total, outcome):
            if interactive:
                bar = "█" * (30 * done // total) + "·" * (30 - 30 * done // total)
                self.stdout.write(f"\r{bar} {done}/{total}", ending="")
            elif done == total or done % 100 == 0:
                self.stdout.write(f"{done}/{total} records read")

        try:
            summary = import_procedures(
                path, dry_run=dry_run, all_or_nothing=all_or_nothing, progress=progress
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if interactive:
            self.stdout.write("")
        for outcome in summary.rejected:
            where = f" [{outcome.field}]" if outcome.field else ""
            self.stderr.write(f"{outcome.position} {outcome.code or '?'}{where}: {outcome.reason}")
        self.stdout.write(
            f"created {summary.count('created')}, updated {summary.count('updated')}, "
            f"unchanged {summary.count('unchanged')}, rejected {summary.count('rejected')}"
        )
        if summary.rolled_back:
            reason = "dry run" if dry_run else "a record was rejected and --all-or-nothing was given"
            self.stdout.write(f"Nothing was written ({reason}).")
