from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.publishing.consumers import backlog
from search.reindex import index_counts
from search.sources import TYPES, indexable_queryset
from search.sync import CONSUMER, ENGINE_ERRORS


class Command(BaseCommand):
    help = "Per type: pages that should be searchable vs documents in the index; the update backlog."

    def handle(self, *args, **options):
        try:
            indexed = index_counts()
        except ENGINE_ERRORS as error:
            indexed = None
            self.stderr.write(f"The search engine is unavailable: {type(error).__name__}")
        self.stdout.write(f"{'type':<12}{'database':>10}{'index':>10}")
        for kind in TYPES:
            in_db = indexable_queryset(kind).count()
            in_index = "?" if indexed is None else indexed.get(kind, 0)
            marker = "" if in_index in ("?", in_db) else "  ← differs; run search_reconcile"
            self.stdout.write(f"{kind:<12}{in_db:>10}{in_index:>10}{marker}")
        waiting, oldest = backlog(CONSUMER)
        age = f", oldest {int((timezone.now() - oldest).total_seconds())} s old" if oldest else ""
        self.stdout.write(f"backlog: {waiting} updates waiting{age}")
