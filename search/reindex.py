"""Rebuild, compare and repair the content index without a moment where searches fail."""

from dataclasses import dataclass

from django.utils import timezone
from opensearchpy import helpers
from opensearchpy.exceptions import NotFoundError
from wagtail.models import Page, PageLogEntry

from .client import NOT_FOUND, found, get_client
from .documents import alias_name
from .index_admin import aliased_indices, create_index, new_index_name, swap_alias
from .sources import TYPES, build, indexable_queryset, is_indexable, key_for, related_for

CHUNK = 500
# Failed documents named in the report; the count covers them all.
REPORTED_FAILURES = 5


class ReindexFailed(RuntimeError):
    """Some documents were refused: the new index was dropped and the alias left where it was."""

    def __init__(self, failed, total, examples):
        self.failed, self.total, self.examples = failed, total, examples
        named = "; ".join(f"{key}: {reason}" for key, reason in examples)
        more = f" (and {failed - len(examples)} more)" if failed > len(examples) else ""
        super().__init__(
            f"{failed} of {total} documents failed, so the alias still points at the previous index: "
            f"{named}{more}"
        )


def failure_reason(item):
    error = item.get("error", {})
    if isinstance(error, dict):
        caused_by = error.get("caused_by", {}).get("reason")
        return f"{error.get('type', 'error')}: {error.get('reason', '')}" + (
            f" ({caused_by})" if caused_by else ""
        )
    return str(error)


def count_indexable():
    return sum(indexable_queryset(kind).count() for kind in TYPES)


def documents(chunk=CHUNK):
    """Every indexable page's document, read in primary-key order a chunk at a time."""
    for kind in TYPES:
        last_pk = 0
        while True:
            pages = list(
                indexable_queryset(kind)
                .filter(pk__gt=last_pk)
                .select_related(*(["field"] if kind == "procedure" else []))[:chunk]
            )
            if not pages:
                break
            related = related_for(kind, pages)
            for page in pages:
                yield build(page, related)
            last_pk = pages[-1].pk


def reindex(progress=None, chunk=CHUNK):
    """Build a fresh index, load it, refresh, swap the alias in one request, drop the old one.

    While it loads, the sync worker writes to both indices (it writes to every index of ours), and
    the load uses `create`, so a newer document the worker already wrote is not overwritten. A page
    unpublished after its chunk was read could still slip in stale; every page Wagtail logged an
    action for since the start is therefore applied once more before the swap.
    """
    client = get_client()
    started = timezone.now()
    name = create_index(new_index_name())
    try:
        done = load(name, progress, chunk)
        client.indices.refresh(index=name)
        catch_up(name, started)
        client.indices.refresh(index=name)
    except BaseException:
        # Whatever stopped it, the alias still points at the previous, complete index; the
        # half-built one would only be written to by the sync worker and never read.
        client.indices.delete(index=name, ignore_unavailable=True)
        raise
    old = swap_alias(name)
    for index in old:
        client.indices.delete(index=index, ignore_unavailable=True)
    return name, done


def load(name, progress, chunk):
    """Bulk-load every document into `name`; raises ReindexFailed if the engine refused any."""
    total = count_indexable()
    done = 0
    failures = []
    for ok, result in helpers.streaming_bulk(
        get_client(),
        (
            {"_op_type": "create", "_index": name, "_id": doc["key"], "_source": doc}
            for doc in documents(chunk)
        ),
        chunk_size=chunk,
        raise_on_error=False,
    ):
        done += 1
        item = result.get("create", {})
        # 409: the sync worker already wrote a newer version of this document, which is kept.
        if not ok and item.get("status") != 409:
            failures.append((item.get("_id"), failure_reason(item)))
        if progress:
            progress(done, total)
    if failures:
        # A swap now would serve an index without those documents.
        raise ReindexFailed(len(failures), done, failures[:REPORTED_FAILURES])
    return done


def catch_up(index, since):
    """Re-apply every page Wagtail's log says changed since `since` (publish, unpublish, delete,
    move, privacy, a procedure's status change) to one index."""
    client = get_client()
    page_ids = set(PageLogEntry.objects.filter(timestamp__gte=since).values_list("page_id", flat=True))
    for page_id in page_ids:
        page = Page.objects.filter(pk=page_id).specific().first()
        if page is not None and is_indexable(page):
            body = build(page)
            client.index(index=index, id=body["key"], body=body)
        else:
            for kind in TYPES:
                client.delete(index=index, id=key_for(kind, page_id), ignore=[404])
    return len(page_ids)


@dataclass
class Drift:
    missing: int = 0
    stale: int = 0
    extra: int = 0


def indexed_fingerprints(index):
    client = get_client()
    found = {}
    after = None
    while True:
        body = {
            "size": 1000,
            "sort": [{"key": "asc"}],
            "_source": ["fingerprint"],
            "query": {"match_all": {}},
        }
        if after:
            body["search_after"] = after
        hits = client.search(index=index, body=body)["hits"]["hits"]
        if not hits:
            return found
        for hit in hits:
            found[hit["_id"]] = hit["_source"].get("fingerprint")
        after = hits[-1]["sort"]


def reconcile(index=None):
    """Make the index hold exactly the published, public pages as they are now, both ways."""
    client = get_client()
    index = index or (aliased_indices() or [None])[0]
    if index is None:
        return Drift()
    try:
        indexed = indexed_fingerprints(index)
    except NotFoundError:
        indexed = {}
    drift = Drift()
    actions = []
    wanted = set()
    for doc in documents():
        wanted.add(doc["key"])
        current = indexed.get(doc["key"])
        if current != doc["fingerprint"]:
            if current is None:
                drift.missing += 1
            else:
                drift.stale += 1
            actions.append({"_op_type": "index", "_index": index, "_id": doc["key"], "_source": doc})
    for key in set(indexed) - wanted:
        drift.extra += 1
        actions.append({"_op_type": "delete", "_index": index, "_id": key})
    if actions:
        helpers.bulk(client, actions, raise_on_error=False)
    return drift


def index_counts():
    client = get_client()
    answer = client.search(
        index=alias_name(),
        body={"size": 0, "aggs": {"types": {"terms": {"field": "type", "size": 10}}}},
        ignore=NOT_FOUND,
    )
    if not found(answer):
        return {}
    return {bucket["key"]: bucket["doc_count"] for bucket in answer["aggregations"]["types"]["buckets"]}
