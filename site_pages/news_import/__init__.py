"""Import news from another website: RSS 2.0, Atom 1.0 or a JSON list, from a file or a URL.

read (sources) -> parse and check every item (feeds) -> sanitise and upsert in one transaction
(upsert). See README.md, "Importing news from an old website".
"""

from django.utils.translation import gettext as _

from ..models import NewsIndexPage
from .errors import NewsImportError
from .feeds import read_items
from .sources import read_source
from .upsert import Summary, import_items

__all__ = ["NewsImportError", "Summary", "import_news", "news_section"]


def news_section(choice=None):
    """The news index to add articles under: the one given by id or slug, else the first one."""
    sections = NewsIndexPage.objects.order_by("path")
    if choice:
        section = sections.filter(pk=int(choice)).first() if str(choice).isdigit() else None
        section = section or sections.filter(slug=choice).first()
        if section is None:
            raise NewsImportError(
                _("There is no news section with id or slug “%(parent)s”.") % {"parent": choice}
            )
        return section
    section = sections.first()
    if section is None:
        raise NewsImportError(_("There is no news section to hold the articles; create one first."))
    return section


def import_news(location, parent=None, draft=False, dry_run=False):
    """Reads and checks everything before writing anything; NewsImportError leaves the site untouched."""
    section = news_section(parent)
    label, data = read_source(location)
    items = read_items(label, data)
    return import_items(items, section, draft=draft, dry_run=dry_run)
