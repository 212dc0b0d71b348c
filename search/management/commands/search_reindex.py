import sys
import time

from django.core.management.base import BaseCommand, CommandError

from search.reindex import ReindexFailed, reindex
from search.sync import ENGINE_ERRORS


class Command(BaseCommand):
    help = "Rebuild the content index into a fresh index and swap the alias atomically."

    def handle(self, *args, **options):
        began = time.monotonic()
        interactive = sys.stdout.isatty()

        def progress(done, total):
            if interactive and (done % 100 == 0 or done == total):
                filled = 30 * done // max(total, 1)
                self.stdout.write(f"\r{'█' * filled}{'·' * (30 - filled)} {done}/{total}", ending="")
            elif not interactive and (done % 5000 == 0 or done == total):
                self.stdout.write(f"{done}/{total} documents")

        try:
            name, count = reindex(progress=progress)
        except ENGINE_ERRORS as error:
            raise CommandError(f"The search engine is unavailable: {error}") from error
        except ReindexFailed as error:
            if interactive:
                self.stdout.write("")
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - began
        if interactive:
            self.stdout.write("")
        self.stdout.write(
            f"Indexed {count} documents into {name} in {seconds:.1f} s ({count / max(seconds, 1e-9):.0f}/s)"
        )
