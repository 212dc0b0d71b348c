"""The content index on whatever SEARCH_URL names: healthy on one node, a replica on a cluster."""

from search.index_admin import aliased_indices


def test_the_index_is_green_on_one_node_and_asks_for_a_copy_on_a_cluster(search_index):
    (name,) = aliased_indices()
    health = search_index.client.cluster.health(index=name, wait_for_status="green")
    settings = search_index.client.indices.get_settings(index=name)[name]["settings"]["index"]

    assert health["status"] == "green"  # no replica waiting for a node that does not exist
    assert health["active_shards"] == 1
    assert settings["auto_expand_replicas"] == "0-1"  # the engine adds one replica per index on a cluster
