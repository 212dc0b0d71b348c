from django.core.management.base import BaseCommand

from procedure_catalog.notices import apply_due_changes


class Command(BaseCommand):
    help = "Apply status changes from published announcement decisions whose effective date has come."

    def handle(self, *args, **options):
        for change in apply_due_changes():
            self.stdout.write(
                f"{change.procedure.code}: {change.new_status} (decision {change.notice.decision_number})"
            )
