"""axe-core from the npm registry, checked against its published integrity, run inside a page.

The tarball is fetched once over plain HTTPS (nothing to install) into the git-ignored var/cache/
and verified on every use, so a truncated or tampered cache fails loudly instead of testing with
an unknown script. The expected digest is pinned here: it is `dist.integrity` of
https://registry.npmjs.org/axe-core/4.14.1, and a new version means a new pin, on purpose.
"""

import base64
import hashlib
import io
import tarfile
import urllib.request
from pathlib import Path

AXE_VERSION = "4.14.1"
TARBALL_URL = f"https://registry.npmjs.org/axe-core/-/axe-core-{AXE_VERSION}.tgz"
INTEGRITY = "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="
CACHE = Path(__file__).resolve().parents[2] / "var" / "cache" / f"axe-core-{AXE_VERSION}.tgz"

# WCAG 2.1 AA is the agency's aim; 2.0 A/AA is the legal minimum and is included in these tags.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
IMPACT_ORDER = ["critical", "serious", "moderate", "minor"]


class IntegrityError(RuntimeError):
    pass


def integrity_of(data):
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def verified(data, source):
    if integrity_of(data) != INTEGRITY:
        raise IntegrityError(f"axe-core {AXE_VERSION} from {source} does not match the pinned {INTEGRITY}")
    return data


def tarball():
    if CACHE.exists():
        return verified(CACHE.read_bytes(), CACHE)
    with urllib.request.urlopen(TARBALL_URL, timeout=60) as response:  # noqa: S310 (fixed https URL)
        data = verified(response.read(), TARBALL_URL)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    partial = CACHE.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(CACHE)  # a crash mid-write leaves no half file under the real name
    return data


def axe_source():
    with tarfile.open(fileobj=io.BytesIO(tarball()), mode="r:gz") as archive:
        return archive.extractfile("package/axe.min.js").read().decode()


def run_axe(page):
    """axe-core's findings on the page for WCAG 2.x A/AA: `violations`, and `incomplete` (what it
    could not decide, such as contrast over a picture, for a person to look at).

    add_script_tag inserts an inline script: under the site's Content-Security-Policy the page's
    browser context must be created with bypass_csp=True.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_TAGS,
    )
    return {"violations": results["violations"], "incomplete": results["incomplete"]}


def blocking(violations):
    return [violation for violation in violations if violation["impact"] in BLOCKING_IMPACTS]


def describe(violations, targets=3):
    lines = []
    for violation in sorted(violations, key=lambda v: IMPACT_ORDER.index(v["impact"] or "minor")):
        lines.append(f"{violation['impact']}: {violation['id']} – {violation['help']}")
        for node in violation["nodes"][:targets]:
            lines.append(f"    {' '.join(map(str, node['target']))}  {node['html'][:120]}")
        if len(violation["nodes"]) > targets:
            lines.append(f"    … and {len(violation['nodes']) - targets} more")
    return "\n".join(lines)
