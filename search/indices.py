"""Housekeeping over whole groups of indices, always bounded by an explicit prefix."""

import re

_SAFE_PREFIX = re.compile(r"^[a-z0-9][a-z0-9_.-]*-$")


def delete_indices_with_prefix(client, prefix):
    """Delete every index whose name starts with prefix; returns the names deleted.

    The prefix must end in '-' and hold no wildcard, so a typo can never widen it to the cluster.
    """
    if not _SAFE_PREFIX.match(prefix):
        raise ValueError(f"Refusing to delete indices by the unsafe prefix {prefix!r}")
    names = sorted(client.indices.get(index=f"{prefix}*", expand_wildcards="all").keys())
    for name in names:
        client.indices.delete(index=name)
    return names
