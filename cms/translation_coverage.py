"""How much of what an editor sees in the admin is in Vietnamese: Wagtail's catalogue plus ours."""

from dataclasses import dataclass
from pathlib import Path

import wagtail
from django.conf import settings

# The apps behind the editor's main paths: dashboard, page list and editor, workflow actions,
# images, documents, snippets, users, settings, search.
MAIN_PATH_APPS = [
    "",
    "admin",
    "images",
    "documents",
    "snippets",
    "users",
    "sites",
    "embeds",
    "search",
    "contrib/settings",
    "contrib/table_block",
    "contrib/typed_table_block",
]


@dataclass
class Coverage:
    app: str
    total: int
    by_wagtail: int
    by_us: int

    @property
    def translated(self):
        return self.by_wagtail + self.by_us

    @property
    def share(self):
        return self.translated / self.total if self.total else 1.0


def _translated_keys(path):
    import polib

    if not path.exists():
        return set()
    return {
        (entry.msgctxt, entry.msgid)
        for entry in polib.pofile(str(path))
        if entry.translated() and not entry.obsolete
    }


def wagtail_coverage(language="vi"):
    import polib

    root = Path(wagtail.__file__).parent
    ours = set()
    for locale_path in settings.LOCALE_PATHS:
        ours |= _translated_keys(Path(locale_path) / language / "LC_MESSAGES" / "django.po")
    report = []
    for app in MAIN_PATH_APPS:
        source = root / app / "locale" / "en" / "LC_MESSAGES" / "django.po"
        theirs = _translated_keys(root / app / "locale" / language / "LC_MESSAGES" / "django.po")
        keys = [(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(source)) if not entry.obsolete]
        by_wagtail = sum(1 for key in keys if key in theirs)
        by_us = sum(1 for key in keys if key not in theirs and key in ours)
        report.append(Coverage(app or "core", len(keys), by_wagtail, by_us))
    return report
