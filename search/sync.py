"""The search index as a consumer of the publishing log.

Events are applied per page against the page as it is now in the database, so applying one twice
or late is harmless. If the engine is unreachable the consumer's cursor stays where it was and the
events wait, with a growing delay between tries (the worker's), until the engine answers again.
"""

import logging
from dataclasses import dataclass

from opensearchpy import helpers
from opensearchpy.exceptions import OpenSearchException
from urllib3.exceptions import HTTPError

from cms.publishing import consumers, log

from .client import get_client
from .index_admin import concrete_indices, ensure_index
from .sources import TYPES, build, is_indexable

logger = logging.getLogger(__name__)
ENGINE_ERRORS = (OpenSearchException, HTTPError, OSError)
CONSUMER = "search-index"


def index_events(events, refresh=True):
    latest = {}
    for event in events:
        latest[event.key] = event  # the newest event of a page decides; its page is read as it is now
    if not latest:
        return
    targets = concrete_indices() or [ensure_index()]
    client = get_client()
    actions = []
    for key, event in latest.items():
        model = TYPES.get(event.type)
        page = model.objects.filter(pk=event.object_id).first() if model else None
        body = build(page) if page is not None and is_indexable(page) else None
        for index in targets:
            if body is None:
                actions.append({"_op_type": "delete", "_index": index, "_id": key})
            else:
                actions.append({"_op_type": "index", "_index": index, "_id": key, "_source": body})
    _, errors = helpers.bulk(client, actions, raise_on_error=False, raise_on_exception=True)
    failures = [error for error in errors if next(iter(error.values())).get("status") != 404]
    if failures:
        raise OpenSearchException(f"{len(failures)} index updates refused: {str(failures[0])[:300]}")
    if refresh:
        # A published page is searchable within the round that took its event.
        client.indices.refresh(index=",".join(targets))


def register_consumer():
    consumers.register(consumers.Consumer(CONSUMER, index_events, errors=ENGINE_ERRORS))


@dataclass
class DrainReport:
    applied: int = 0
    failed: int = 0
    remaining: int = 0
    error: str = ""


def drain(limit=500, refresh=False, progress=None):
    """Take every waiting event into the index now (tests, benches and the status command);
    `progress` hears how many have been applied after each batch."""
    report = DrainReport()
    log.sequence()
    consumer = consumers.consumers()[CONSUMER]
    if not refresh:
        consumer = consumers.Consumer(CONSUMER, lambda events: index_events(events, refresh=False))
    try:
        while taken := consumers.run(consumer, batch=limit):
            report.applied += taken
            if progress:
                progress(report.applied)
    except ENGINE_ERRORS as error:
        report.error = f"{type(error).__name__}: {error}"[:500]
        logger.warning("Search engine unavailable; index updates wait: %s", report.error)
    report.remaining, _ = consumers.backlog(CONSUMER)
    report.failed = report.remaining if report.error else 0
    return report
