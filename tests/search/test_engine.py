"""The configured engine (local node or SEARCH_URL) is fit for Vietnamese search."""

import pytest

from search.client import get_client, index_name
from search.engine.selfcheck import check_vietnamese_folding
from search.engine.status import read_status
from search.indices import delete_indices_with_prefix


def analyze(client, filters, text):
    answer = client.indices.analyze(body={"tokenizer": "standard", "filter": filters, "text": text})
    return [token["token"] for token in answer["tokens"]]


def test_engine_folds_vietnamese_with_icu(search_engine):
    assert check_vietnamese_folding(search_engine.client)
    assert analyze(search_engine.client, ["icu_normalizer", "icu_folding"], "Đồng bào DÂN TỘC") == [
        "dong",
        "bao",
        "dan",
        "toc",
    ]


def test_status_shows_version_health_and_icu(search_engine):
    status = read_status(search_engine.client, search_engine.url)
    assert status.reachable
    assert status.health in {"green", "yellow"}
    assert status.has_icu


def test_status_of_an_unreachable_engine_says_so():
    from opensearchpy import OpenSearch

    status = read_status(OpenSearch("http://127.0.0.1:9"), "http://127.0.0.1:9", timeout=1)
    assert not status.reachable
    assert status.error


def test_indices_are_created_under_this_runs_prefix(search_engine):
    name = index_name("probe")
    assert name.startswith(search_engine.prefix)
    client = get_client()
    client.indices.create(index=name)
    try:
        assert client.indices.exists(index=name)
    finally:
        client.indices.delete(index=name)


def test_prefix_cleanup_removes_only_its_own_indices(search_engine):
    client = search_engine.client
    mine = [f"{search_engine.prefix}cleanup-a", f"{search_engine.prefix}cleanup-b"]
    neighbour = f"{search_engine.prefix}neighbour"
    for name in [*mine, neighbour]:
        client.indices.create(index=name)

    deleted = delete_indices_with_prefix(client, f"{search_engine.prefix}cleanup-")

    assert deleted == mine
    assert client.indices.exists(index=neighbour)
    assert not any(client.indices.exists(index=name) for name in mine)
    client.indices.delete(index=neighbour)


@pytest.mark.parametrize("prefix", ["", "*", "sdttg", "a*-", "-"])
def test_prefix_cleanup_refuses_prefixes_that_could_widen(prefix, search_engine):
    with pytest.raises(ValueError, match="unsafe prefix"):
        delete_indices_with_prefix(search_engine.client, prefix)
