"""Finding a JDK new enough for OpenSearch 3 (Java 21+)."""

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import EngineError

MINIMUM_JAVA = 21
JVM_ROOT = Path("/usr/lib/jvm")
_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


@dataclass(frozen=True)
class Java:
    executable: Path
    major: int


def java_major_version(executable):
    try:
        completed = subprocess.run(
            [str(executable), "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.search(completed.stderr + completed.stdout)
    if not match:
        return None
    major = int(match.group(1))
    # Java 8 and older report "1.8".
    return int(match.group(2)) if major == 1 and match.group(2) else major


def candidate_javas(jvm_root=JVM_ROOT):
    """JAVA_HOME first, then Temurin builds, then any other JDK under /usr/lib/jvm."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        yield Path(java_home) / "bin" / "java"
    if jvm_root.is_dir():
        homes = sorted(jvm_root.iterdir(), key=lambda home: ("temurin" not in home.name, home.name))
        for home in homes:
            if not home.is_symlink():
                yield home / "bin" / "java"


def find_java(jvm_root=JVM_ROOT, minimum=MINIMUM_JAVA):
    seen = []
    for executable in candidate_javas(jvm_root):
        if not executable.exists():
            continue
        major = java_major_version(executable)
        seen.append(f"{executable} (Java {major})")
        if major is not None and major >= minimum:
            return Java(executable, major)
    found = "; found: " + ", ".join(seen) if seen else f"; no JDK under {jvm_root}"
    raise EngineError(
        f"OpenSearch 3 needs Java {minimum} or newer{found}. Install a Temurin JDK {minimum}+ "
        f"under {jvm_root} or point JAVA_HOME at one."
    )
