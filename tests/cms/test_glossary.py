"""Our catalogues translate the admin's key terms as docs/glossary.md says, and never with the
words it rules out ("Phân trang" for Pages, "Trích yếu" for a page's title)."""

import functools
from pathlib import Path

import polib
import pytest
from django.conf import settings

GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.md"
CATALOGUES = [Path(path) / "vi" / "LC_MESSAGES" / "django.po" for path in settings.LOCALE_PATHS]


def glossary():
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("English", "---"):
            continue
        english, vietnamese, avoided = (
            {term.strip().lower() for term in cell.split(",") if term.strip()} for cell in cells[:3]
        )
        rows.append((english, vietnamese, avoided))
    return rows


@functools.cache
def translations():
    return [
        (path.parents[2].name, entry.msgid.lower(), entry.msgstr.lower())
        for path in CATALOGUES
        for entry in polib.pofile(str(path))
        # An entry with a context names another concept on purpose ("title" of a legal document).
        if entry.msgstr and not entry.obsolete and not entry.msgctxt
    ]


def test_glossary_is_read():
    terms = {term for english, _, _ in glossary() for term in english}
    assert {"pages", "title", "approve", "workflow", "snippets"} <= terms


@pytest.mark.parametrize(
    ("english", "vietnamese", "avoided"), glossary(), ids=[min(row[0]) for row in glossary()]
)
def test_catalogues_use_the_glossary_terms(english, vietnamese, avoided):
    wrong = [
        (catalogue, msgid, msgstr)
        for catalogue, msgid, msgstr in translations()
        if msgid in english and (msgstr not in vietnamese or msgstr in avoided)
    ]
    assert wrong == []


def test_no_catalogue_says_pagination_for_pages_or_summary_line_for_title():
    found = [
        (msgid, msgstr)
        for _, msgid, msgstr in translations()
        if ("phân trang" in msgstr and "pagination" not in msgid)
        or ("trích yếu" in msgstr and "title" in msgid and "document" not in msgid)
    ]
    assert found == []
