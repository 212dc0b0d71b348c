"""Start, watch and stop one OpenSearch node on this machine, for development and tests.

Only the process this module started (recorded in a pid file) is ever stopped. The node binds to
127.0.0.1 alone; production points SEARCH_URL at a cluster instead and never runs this.
"""

import fcntl
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from . import artifacts
from .errors import EngineError
from .java import find_java
from .selfcheck import check_vietnamese_folding

CLUSTER_NAME = "sdttg-local"
# The runner refuses HTTP ports above 9299 and then exits without a word.
HIGHEST_RUNNER_PORT = 9299
NODE_CONFIG = """\
# Written by search/engine/local_node.py at each start; edits here are overwritten.
network.host: 127.0.0.1
discovery.type: single-node
# A nearly full developer disk must not turn the local indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
"""


@dataclass(frozen=True)
class StartReport:
    url: str
    pid: int
    already_running: bool
    seconds: float


class LocalNode:
    def __init__(self, home, port=9201, heap_mb=512, lib_dir=None):
        self.home = Path(home)
        self.port = int(port)
        if not 1024 < self.port <= HIGHEST_RUNNER_PORT:
            raise EngineError(
                f"The local engine's port must be between 1025 and {HIGHEST_RUNNER_PORT}, "
                f"not {self.port} (SEARCH_ENGINE_PORT)."
            )
        self.heap_mb = heap_mb
        # Several nodes (a test's and the developer's) can share one resolved class path.
        self.lib_dir = Path(lib_dir) if lib_dir else self.home / "lib"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def cluster_dir(self):
        return self.home / "cluster"

    @property
    def log_file(self):
        return self.home / "engine.log"

    @property
    def pid_file(self):
        return self.home / "engine.pid"

    # -- process bookkeeping -------------------------------------------------------------

    def running_pid(self):
        """The pid of the node this launcher started, if that process still runs; else None."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if self._is_our_process(pid):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    def _is_our_process(self, pid):
        # A pid can be reused after a reboot: check it is our runner on our folder.
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return False
        args = [part.decode(errors="replace") for part in cmdline]
        return artifacts.RUNNER_MAIN_CLASS in args and str(self.cluster_dir) in args

    @contextmanager
    def _exclusive(self):
        self.home.mkdir(parents=True, exist_ok=True)
        with open(self.home / "engine.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    # -- start ---------------------------------------------------------------------------

    def start(self, timeout=180, progress=print):
        began = time.monotonic()
        with self._exclusive():
            pid = self.running_pid()
            if pid is not None:
                self._wait_until_healthy(None, began + timeout)
                return StartReport(self.url, pid, True, time.monotonic() - began)
            if port_is_open(self.port):
                raise EngineError(
                    f"Port {self.port} on 127.0.0.1 is already used by another program; "
                    "stop it or choose another port with SEARCH_ENGINE_PORT."
                )
            java = find_java()
            artifacts.resolve(self.lib_dir, progress=progress)
            process = self._launch(java.executable)
            self.pid_file.write_text(str(process.pid))
            progress(
                f"Starting OpenSearch {artifacts.OPENSEARCH_VERSION} on Java {java.major} at {self.url}…"
            )
            try:
                self._wait_until_healthy(process, began + timeout)
                check_vietnamese_folding(self.url)
            except EngineError:
                self._terminate(process.pid)
                raise
            return StartReport(self.url, process.pid, False, time.monotonic() - began)

    def _launch(self, java):
        node_config_dir = self.cluster_dir / "node_1" / "config"
        node_config_dir.mkdir(parents=True, exist_ok=True)
        (node_config_dir / "opensearch.yml").write_text(NODE_CONFIG)
        tmp_dir = self.home / "tmp"
        tmp_dir.mkdir(exist_ok=True)
        command = [
            str(java),
            f"-Xms{self.heap_mb}m", f"-Xmx{self.heap_mb}m",
            "-Djava.awt.headless=true",
            f"-Djava.io.tmpdir={tmp_dir}",
            "--enable-native-access=ALL-UNNAMED",
            "-cp", str(self.lib_dir / "*"),
            artifacts.RUNNER_MAIN_CLASS,
            "-basePath", str(self.cluster_dir),
            "-numOfNode", "1",
            # The runner gives node N the port baseHttpPort + N.
            "-baseHttpPort", str(self.port - 1),
            "-clusterName", CLUSTER_NAME,
            "-pluginTypes", artifacts.ICU_PLUGIN_CLASS,
        ]  # fmt: skip
        # Keep the previous run's log beside this one, so a failed restart can be compared.
        if self.log_file.exists():
            self.log_file.replace(self.log_file.with_suffix(".log.1"))
        log = open(self.log_file, "wb")  # noqa: SIM115 - handed to the child, closed below
        try:
            return subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.home,
                start_new_session=True,
            )
        finally:
            log.close()

    def _wait_until_healthy(self, process, deadline):
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                raise EngineError(
                    f"The search engine exited during start-up (exit code {process.returncode}). "
                    f"Last lines of {self.log_file}:\n{self.log_tail()}"
                )
            health = fetch_json(f"{self.url}/_cluster/health?wait_for_status=yellow&timeout=1s")
            if health and health.get("cluster_name") == CLUSTER_NAME:
                if health.get("status") in ("green", "yellow"):
                    return health
            elif health:
                raise EngineError(
                    f"{self.url} answers, but as cluster {health.get('cluster_name')!r}, not ours"
                )
            time.sleep(0.5)
        raise EngineError(
            f"The search engine did not become healthy in time. Last lines of {self.log_file}:\n"
            f"{self.log_tail()}"
        )

    def log_tail(self, lines=25):
        try:
            text = self.log_file.read_bytes().decode(errors="replace")
        except FileNotFoundError:
            return "(no log)"
        return "\n".join(text.strip().splitlines()[-lines:]) or "(empty log)"

    # -- stop ----------------------------------------------------------------------------

    def stop(self, timeout=60):
        """Stop the node this launcher started. Returns False when none was running."""
        with self._exclusive():
            pid = self.running_pid()
            if pid is None:
                return False
            self._terminate(pid, timeout)
            return True

    def _terminate(self, pid, timeout=60):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.2)
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)
        self.pid_file.unlink(missing_ok=True)


def _alive(pid):
    try:
        waited, _status = os.waitpid(pid, os.WNOHANG)
        if waited == pid:
            return False
    except ChildProcessError:
        pass  # not our child: fall back to probing
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); its state in /proc tells.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


def port_is_open(port, host="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def fetch_json(url, timeout=3):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - our own URL
            return json.loads(response.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None
