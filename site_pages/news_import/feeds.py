"""Any supported export, read completely before anything is written.

The format is recognised by content, not by file name: old sites serve feeds as .aspx or .php.
One bad item rejects the whole file, with every problem listed, so the operator fixes the export
once and no half-migrated archive is left behind.
"""

from django.utils.translation import gettext as _

from .errors import NewsImportError
from .items import checked
from .json_list import read_json
from .xml_feeds import read_xml


def read_items(label, data):
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start == b"<":
        raw_items = read_xml(label, data)
    elif start in (b"[", b"{"):
        raw_items = read_json(label, data)
    else:
        raise NewsImportError(_("%(source)s is neither XML (RSS, Atom) nor a JSON list.") % {"source": label})
    items, problems, first_by_link = [], [], {}
    for raw in raw_items:
        item = checked(raw)
        problems.extend(raw.problems)
        if item is None:
            continue
        earlier = first_by_link.setdefault(item.link, item.number)
        if earlier != item.number:
            problems.append(
                _("%(item)s has the same link as item %(earlier)s: %(link)s")
                % {"item": raw.name, "earlier": earlier, "link": item.link}
            )
        items.append(item)
    if problems:
        raise NewsImportError(
            _("%(source)s was not imported; fix these items and run the import again:") % {"source": label},
            problems,
        )
    return items
