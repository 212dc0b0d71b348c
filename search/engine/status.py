"""What an engine says about itself: version, health, plugins."""

from dataclasses import dataclass, field

from opensearchpy.exceptions import OpenSearchException
from urllib3.exceptions import HTTPError


@dataclass
class EngineStatus:
    url: str
    reachable: bool
    version: str | None = None
    distribution: str | None = None
    cluster_name: str | None = None
    health: str | None = None
    nodes: int | None = None
    plugins: list = field(default_factory=list)
    error: str | None = None

    @property
    def has_icu(self):
        return any("icu" in plugin.lower() for plugin in self.plugins)


def read_status(client, url, timeout=3):
    try:
        info = client.info(request_timeout=timeout)
        health = client.cluster.health(request_timeout=timeout)
        plugins = client.cat.plugins(format="json", request_timeout=timeout)
    except (OpenSearchException, HTTPError, OSError) as error:
        return EngineStatus(url=url, reachable=False, error=str(error) or type(error).__name__)
    version = info.get("version", {})
    return EngineStatus(
        url=url,
        reachable=True,
        version=version.get("number"),
        distribution=version.get("distribution", "elasticsearch"),
        cluster_name=info.get("cluster_name"),
        health=health.get("status"),
        nodes=health.get("number_of_nodes"),
        plugins=sorted({entry["component"] for entry in plugins}),
    )
