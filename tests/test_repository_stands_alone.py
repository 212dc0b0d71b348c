"""The repository explains itself: no tracked file points at notes kept outside it, or at an issue
tracker's numbers instead of naming the requirement."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THIS_FILE = str(Path(__file__).resolve().relative_to(ROOT))
OUTSIDE_REFERENCES = re.compile(
    r"\.\./shared\b"
    r"|\bshared/\w+"
    r"|\b(?:DOMAIN|CONVENTIONS)\.md\b"
    r"|/work/"
    r"|\b(?:[Ii]ssue|[Tt]icket)s?\s+(?:#|no\.?\s*)?\d+"
    # A bare hash and one or two digits (colours have three or six hex digits, entities follow "&").
    r"|(?<![\w&#/])#\d{1,2}(?![\w-])"
)


def tracked_text_files():
    names = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for name in filter(None, names):
        path = ROOT / name
        if not path.is_file():
            continue
        try:
            yield name, path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images, compiled catalogues


def test_no_tracked_file_refers_outside_the_repository_or_to_issue_numbers():
    found = [
        f"{name}:{text.count(chr(10), 0, match.start()) + 1}: {match.group()}"
        for name, text in tracked_text_files()
        if name != THIS_FILE  # its patterns would find themselves
        for match in OUTSIDE_REFERENCES.finditer(text)
    ]
    assert found == []
