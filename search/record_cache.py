"""What query time reads from the records editors keep (abbreviations, thesaurus, promotions).

Read from the database at most every few seconds per process, and at once after an edit in this
process: an edit counts within CACHE_SECONDS everywhere, with no index rebuilt (OpenSearch's
reloadable synonym analyzers need a plugin a cluster may lack).
"""

import time

from django.db.models.signals import post_delete, post_save

CACHE_SECONDS = 10


class RecordCache:
    every = []

    def __init__(self, model, load):
        self.model, self.load = model, load
        self.every.append(self)
        self.value, self.until = None, 0.0
        post_save.connect(self.forget, sender=model, weak=False)
        post_delete.connect(self.forget, sender=model, weak=False)

    def get(self):
        now = time.monotonic()
        if self.value is None or now >= self.until:
            self.value = self.load(self.model.objects.all())
            self.until = now + CACHE_SECONDS
        return self.value

    def forget(self, **kwargs):
        self.value = None

    @classmethod
    def forget_all(cls):
        """For tests: a rolled-back transaction sends no signal, and would leave its records cached."""
        for cache in cls.every:
            cache.forget()
