#!/usr/bin/env python
"""pip-audit of this environment against PyPI's live advisory data, as far as this machine reaches it.

    .venv/bin/python bench/dependency_audit.py        (or: make audit)

pip-audit asks PyPI about each installed release at /pypi/<name>/<version>/json. The index this
machine reaches answers 404 there, and answers only /pypi/<name>/json: the newest release, whose
"vulnerabilities" are PyPI's advisories (from the OSV database) for exactly that release. So a
release's question is answered from its project's answer when the installed release is the newest,
and with 404 otherwise, which pip-audit reports as "could not be audited", never as clean. Where
PyPI answers the release's question itself, that answer is used unchanged.

Every distribution pip-audit could not audit is then listed with what keeps it from the newest
release: the running Python, or an installed distribution's requirement. Exits 1 when pip-audit
finds a vulnerability, 2 when it cannot run.
"""

import importlib.metadata
import json
import re
import sys
import tempfile
from pathlib import Path

import requests
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version
from pip_audit import _cli as pip_audit_cli
from pip_audit._service import pypi as pip_audit_pypi

PYPI = "https://pypi.org/pypi/"
RELEASE_QUESTION = re.compile(r"^https://pypi\.org/pypi/([^/]+)/([^/]+)/json$")
TIMEOUT = 30


class NewestReleaseAdapter(requests.adapters.HTTPAdapter):
    """Answers a release's question from its project's answer when that release is the newest."""

    def send(self, request, **kwargs):
        asked = RELEASE_QUESTION.match(request.url)
        response = super().send(request, **kwargs)
        if asked is None or response.status_code != 404:
            return response
        name, version = asked.groups()
        project = requests.get(f"{PYPI}{name}/json", timeout=TIMEOUT)
        if project.status_code == 200 and Version(project.json()["info"]["version"]) == Version(version):
            return project
        return response


def session_with_newest_release_answers(original):
    def caching_session(*args, **kwargs):
        session = original(*args, **kwargs)
        # Mounted last and on the longer prefix, so it serves pypi.org instead of the cache's
        # adapter: every answer is asked anew, none comes from an earlier run's cache.
        session.mount(PYPI, NewestReleaseAdapter())
        return session

    return caching_session


def run_pip_audit(report):
    if not hasattr(pip_audit_pypi, "caching_session"):
        raise SystemExit(f"pip-audit {importlib.metadata.version('pip-audit')} changed its PyPI client")
    pip_audit_pypi.caching_session = session_with_newest_release_answers(pip_audit_pypi.caching_session)
    # --skip-editable: this project itself, installed from the checkout, is not on PyPI.
    sys.argv = [
        "pip-audit",
        "--skip-editable",
        "--progress-spinner",
        "off",
        "--desc",
        "on",
        "--format",
        "json",
    ]
    sys.argv += ["--output", str(report)]
    try:
        pip_audit_cli.audit()
    except SystemExit as exit:
        if exit.code not in (0, 1, None):  # 1: vulnerabilities found, read from the report below
            raise
    return json.loads(report.read_text())


def requirements_on(name):
    """Installed distributions' unconditional requirements on `name`, as "dist (requirement)"."""
    found = []
    for dist in importlib.metadata.distributions():
        for line in dist.requires or []:
            requirement = Requirement(line)
            if canonicalize_name(requirement.name) != name:
                continue
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            found.append((dist.metadata["Name"], requirement))
    return found


def held_back(name, installed):
    """Why `name` is not at its newest release here: a newer release's Python, or a requirement."""
    project = requests.get(f"{PYPI}{name}/json", timeout=TIMEOUT)
    if project.status_code != 200:
        return f"installed {installed}, not on PyPI"
    newest = project.json()["info"]["version"]
    python = Version(".".join(map(str, sys.version_info[:3])))
    reasons = []
    needs = {file.get("requires_python") for file in project.json()["releases"].get(newest, [])} - {None, ""}
    if needs and not any(python in SpecifierSet(spec) for spec in needs):
        reasons.append(f"{newest} needs Python {' or '.join(sorted(needs))}")
    for dist, requirement in requirements_on(name):
        if Version(newest) not in requirement.specifier:
            reasons.append(f"{dist} requires {requirement}")
    return f"installed {installed}, newest {newest}: " + ("; ".join(reasons) or "nothing holds it, upgrade")


def main():
    with tempfile.TemporaryDirectory() as folder:
        report = run_pip_audit(Path(folder) / "audit.json")
    dependencies = report["dependencies"]
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    skipped = [dep for dep in dependencies if "skip_reason" in dep]
    vulnerable = [dep for dep in audited if dep["vulns"]]
    print(f"pip-audit {importlib.metadata.version('pip-audit')}, PyPI's advisories as of this run")
    print(f"{len(dependencies)} distributions: {len(audited)} audited, {len(skipped)} could not be audited")
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln["fix_versions"]) or "no fix yet"
            print(f"  VULNERABLE {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
            print(f"    {vuln['description'][:300]}")
    if not vulnerable:
        print(f"  no known vulnerabilities in the {len(audited)} audited")
    if skipped:
        print("not audited (PyPI answers here only for a project's newest release):")
    for dep in skipped:
        name = canonicalize_name(dep["name"])
        if "could not be audited" not in dep["skip_reason"]:
            print(f"  {name}: {dep['skip_reason']}")  # this project itself, installed from the checkout
            continue
        print(f"  {name}: {held_back(name, importlib.metadata.version(name))}")
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
