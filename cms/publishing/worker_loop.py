"""The loop of each part of the publish worker (a consumer of the log, webhook sending, the
scheduler): it outlives outages.

Nothing restarts a worker that exits, so a database restart or an unreachable engine must cost that
loop a pause, not the worker. A failed round is logged once, the next try waits
longer each time up to a cap, and the first good round after failures says so.
"""

import logging
import signal
import threading

from django.conf import settings
from django.db import DatabaseError, connections

logger = logging.getLogger("cms.workers")


class WorkerLoop:
    def __init__(self, name, passing=(), stopping=None):
        self.name = name
        # Failures that are passing (the database or an engine away): wait and try again.
        self.passing = (DatabaseError, *passing)
        self.stopping = stopping or threading.Event()

    def stop(self, *args):
        self.stopping.set()

    def run(self, round_, once=False):
        """Run `round_` until stopped; it returns how many seconds to rest before the next round."""
        if threading.current_thread() is threading.main_thread() and not once:
            signal.signal(signal.SIGTERM, self.stop)
        failures = 0
        while not self.stopping.is_set():
            try:
                rest = round_()
            except self.passing as error:
                if once:
                    raise
                failures += 1
                delay = self.backoff(failures)
                logger.warning(
                    "%s: round failed (%s: %s), trying again in %.1f s",
                    self.name,
                    type(error).__name__,
                    str(error).strip()[:300],
                    delay,
                    extra={"retry_in": delay},
                )
                # A connection that failed stays broken; the next round opens a fresh one.
                connections.close_all()
                self.stopping.wait(delay)
                continue
            if failures:
                logger.warning("%s: working again after %d failed rounds", self.name, failures)
                failures = 0
            if once:
                return
            if rest:
                self.stopping.wait(rest)

    @staticmethod
    def backoff(failures):
        first, cap = settings.WORKER_BACKOFF_SECONDS, settings.WORKER_BACKOFF_MAX_SECONDS
        return min(first * 2 ** (failures - 1), cap)
