from pathlib import Path

from django.core.management.base import BaseCommand

from procedure_catalog.exporter import export_procedures


class Command(BaseCommand):
    help = "Export all procedures as JSON (national portal shape), CSV or XLSX; import reads each back."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv", "xlsx"], default="json")
        parser.add_argument("--output", "-o", help="file to write (default: procedures.FORMAT)")

    def handle(self, *args, format, output, **options):
        path = Path(output or f"procedures.{format}")
        count = export_procedures(format, path)
        self.stdout.write(f"Exported {count} procedures to {path}")
