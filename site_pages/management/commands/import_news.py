from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from site_pages.news_import import NewsImportError, import_news

ACTION_LABELS = {
    "created": gettext_lazy("Created"),
    "updated": gettext_lazy("Updated"),
    "unchanged": gettext_lazy("Unchanged"),
}


class Command(BaseCommand):
    help = (
        "Import news articles from RSS 2.0, Atom or a JSON list (a file or an http(s) URL). "
        "Articles are matched by their source link, so importing again updates instead of duplicating."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="PATH_OR_URL_FILE")
        parser.add_argument("--parent", help="id or slug of the news section (default: the first one)")
        parser.add_argument("--draft", action="store_true", help="save as drafts instead of publishing")
        parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")

    def handle(self, *args, source, parent, draft, dry_run, verbosity, **options):
        try:
            summary = import_news(source, parent=parent, draft=draft, dry_run=dry_run)
        except NewsImportError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 2:
            for outcome in summary.outcomes:
                self.stdout.write(
                    f"{ACTION_LABELS[outcome.action]}: {outcome.item.title} <{outcome.item.link}>"
                )
        self.stdout.write(
            _("Created %(created)s, updated %(updated)s, unchanged %(unchanged)s.")
            % {name: summary.count(name) for name in ACTION_LABELS}
        )
        if dry_run:
            self.stdout.write(_("Dry run: nothing was written."))
        elif draft:
            self.stdout.write(_("The articles were saved as drafts; none was published."))
