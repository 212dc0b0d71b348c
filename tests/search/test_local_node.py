"""The launcher starts a real node of its own, is idempotent, and stops only what it started."""

import socket
import subprocess

import pytest
from django.conf import settings
from opensearchpy import OpenSearch

from search.client import local_node
from search.engine import artifacts
from search.engine.errors import EngineError
from search.engine.local_node import HIGHEST_RUNNER_PORT, LocalNode, port_is_open
from search.engine.selfcheck import check_vietnamese_folding

pytestmark = pytest.mark.slow


def free_port():
    """A free port the runner accepts (it takes none above 9299)."""
    for port in range(9250, HIGHEST_RUNNER_PORT + 1):
        if not port_is_open(port):
            return port
    raise RuntimeError("no free port between 9250 and 9299")


@pytest.fixture
def shared_lib():
    """The class path the session's node already resolved (or resolves now)."""
    return artifacts.resolve(local_node().lib_dir, progress=lambda message: None)


@pytest.fixture
def own_node(tmp_path, shared_lib):
    node = LocalNode(tmp_path / "engine", port=free_port(), lib_dir=shared_lib)
    yield node
    node.stop()


def test_start_is_idempotent_and_stop_ends_the_node(own_node):
    first = own_node.start()
    again = own_node.start()

    assert not first.already_running
    assert again.already_running and again.pid == first.pid
    info = OpenSearch(own_node.url).info()
    assert info["version"]["number"] == artifacts.OPENSEARCH_VERSION
    assert check_vietnamese_folding(own_node.url)

    assert own_node.stop() is True
    assert not port_is_open(own_node.port)
    assert own_node.running_pid() is None
    assert own_node.stop() is False


def test_node_listens_on_loopback_only(own_node):
    own_node.start()
    nodes = OpenSearch(own_node.url).nodes.info(metric="http")["nodes"]
    (http,) = [node["http"] for node in nodes.values()]
    assert http["bound_address"] == [f"127.0.0.1:{own_node.port}"]


def test_stop_never_touches_a_process_it_did_not_start(own_node):
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        own_node.home.mkdir(parents=True, exist_ok=True)
        own_node.pid_file.write_text(str(stranger.pid))

        assert own_node.stop() is False
        assert stranger.poll() is None, "an unrelated process was killed"
        assert not own_node.pid_file.exists(), "a stale pid file should be cleared"
    finally:
        stranger.kill()
        stranger.wait()


def test_start_refuses_a_port_another_program_holds(own_node):
    with socket.socket() as squatter:
        squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        squatter.bind(("127.0.0.1", own_node.port))
        squatter.listen()
        with pytest.raises(EngineError, match="already used by another program"):
            own_node.start()


def test_early_exit_of_the_jvm_is_reported_with_its_log(tmp_path):
    broken_lib = tmp_path / "lib"
    broken_lib.mkdir()
    (broken_lib / ".resolved").write_text(artifacts.marker_text())  # looks resolved, holds no jars
    node = LocalNode(tmp_path / "engine", port=free_port(), lib_dir=broken_lib)

    with pytest.raises(EngineError) as failure:
        node.start(timeout=60)

    message = str(failure.value)
    assert "exited during start-up" in message
    assert "OpenSearchRunner" in message  # the JVM's own complaint, read from the log
    assert node.running_pid() is None


def test_ports_the_runner_would_silently_refuse_are_rejected_up_front(tmp_path):
    with pytest.raises(EngineError, match="between 1025 and 9299"):
        LocalNode(tmp_path, port=9300)


def test_missing_maven_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(EngineError, match="Maven \\(mvn\\) is not installed"):
        artifacts.resolve(tmp_path / "lib")
    assert not (tmp_path / "lib").exists()


def test_session_engine_is_the_configured_one(search_engine):
    assert search_engine.url == settings.SEARCH_URL
