"""The frame around every public page: the main menu and which of its sections a visitor is in."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MenuItem:
    label: str
    url: str


# The addresses are the site's published ones (load_demo and a new site create them), so a printed
# leaflet or a bookmark keeps working; the menu does not follow slug changes in the page tree.
MAIN_MENU = (
    MenuItem(_("News"), "/tin-tuc/"),
    MenuItem(_("Administrative procedures"), "/thu-tuc-hanh-chinh/"),
    MenuItem(_("Announcements"), "/thong-bao/"),
    MenuItem(_("Statistics"), "/thong-ke/"),
    MenuItem(_("Contact"), "/lien-he/"),
)


def current_state(path, url):
    """The aria-current value of a menu link: "page" on the section's own page, "true" anywhere
    inside the section (an article under /tin-tuc/), None elsewhere."""
    if path == url:
        return "page"
    if path.startswith(url):
        return "true"
    return None


def main_menu(path):
    return [(item, current_state(path, item.url)) for item in MAIN_MENU]
