"""The content index's life: create a suffixed index, point the alias at it, swap atomically."""

from django.utils import timezone
from opensearchpy.exceptions import NotFoundError

from .client import NOT_FOUND, found, get_client
from .documents import ContentDocument, alias_name


def new_index_name():
    return f"{alias_name()}-{timezone.now():%Y%m%d%H%M%S%f}"


def create_index(name):
    index = ContentDocument._index.clone(name)
    index.create(using=get_client())
    return name


def concrete_indices():
    """Every index of ours: the one behind the alias and any being built by a reindex."""
    try:
        return sorted(get_client().indices.get(index=f"{alias_name()}-*", expand_wildcards="open").keys())
    except NotFoundError:
        return []


def aliased_indices():
    answer = get_client().indices.get_alias(name=alias_name(), ignore=NOT_FOUND)
    return sorted(answer) if found(answer) else []


def ensure_index():
    """The alias exists and points at an index; made on first use."""
    current = aliased_indices()
    if current:
        return current[0]
    name = create_index(new_index_name())
    get_client().indices.update_aliases(body={"actions": [{"add": {"index": name, "alias": alias_name()}}]})
    return name


def swap_alias(new_index):
    """Remove the old and add the new in one request, so every search sees exactly one index."""
    old = aliased_indices()
    actions = [{"remove": {"index": name, "alias": alias_name()}} for name in old]
    actions.append({"add": {"index": new_index, "alias": alias_name()}})
    get_client().indices.update_aliases(body={"actions": actions})
    return old
