from django.core.management.base import BaseCommand, CommandError

from cms.translation_coverage import wagtail_coverage

BAR_WIDTH = 40


class Command(BaseCommand):
    help = "Share of the admin's main-path strings in Vietnamese, per Wagtail app, with a bar chart."

    def handle(self, *args, **options):
        try:
            report = wagtail_coverage()
        except ImportError as error:
            raise CommandError("polib is needed: pip install -e '.[dev]'") from error
        self.stdout.write("app                     strings  Wagtail  ours   share  (█ Wagtail, ▓ ours)")
        for row in report:
            theirs = round(BAR_WIDTH * row.by_wagtail / row.total) if row.total else 0
            ours = round(BAR_WIDTH * row.translated / row.total) - theirs if row.total else 0
            bar = "█" * theirs + "▓" * ours + "·" * (BAR_WIDTH - theirs - ours)
            self.stdout.write(
                f"{row.app:<22} {row.total:>8} {row.by_wagtail:>8} {row.by_us:>5} {row.share:>7.1%}  {bar}"
            )
        total = sum(row.total for row in report)
        wagtail_only = sum(row.by_wagtail for row in report)
        translated = sum(row.translated for row in report)
        self.stdout.write(
            f"all main-path apps: {translated}/{total} = {translated / total:.1%} "
            f"(Wagtail's catalogue alone: {wagtail_only / total:.1%})"
        )
        # Entries, not screens: markup can join two translated strings, and a template can hard-code
        # English. The browser walk reads what each role actually sees.
        self.stdout.write(
            "Catalogue entries only; what editors see is checked by tests/browser/test_admin_language.py."
        )
