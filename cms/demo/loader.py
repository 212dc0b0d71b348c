"""Build the demo site. Each step finds what a previous run made before making anything."""

import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page, Site

from site_pages.agency import AgencyIdentity
from site_pages.models import HomePage, NewsArticlePage, NewsIndexPage, ProcedureIndexPage

from . import content

ADMIN_USERNAME = "admin"


@dataclass
class DemoReport:
    created: list = field(default_factory=list)
    admin_password: str | None = None


def password_file():
    return settings.VAR_DIR / "demo-admin-password.txt"


@transaction.atomic
def load_demo(with_users):
    report = DemoReport()
    home = ensure_home_page(report)
    ensure_agency_identity(home, report)
    news = ensure_child(home, NewsIndexPage, content.NEWS_INDEX, report)
    ensure_child(home, ProcedureIndexPage, content.PROCEDURE_INDEX, report)
    for article in content.ARTICLES:
        fields = {**article, "body": [("paragraph", html) for html in article["body"]]}
        fields["body"].append(("paragraph", content.DEMO_NOTE))
        ensure_child(news, NewsArticlePage, fields, report)
    if with_users:
        report.admin_password = ensure_admin(report)
    return report


def ensure_home_page(report):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(**content.HOME))
        home.save_revision().publish()
        report.created.append(f"home page {home.title!r}")
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name=home.title)
    previous_root = site.root_page if site.pk else None
    site.root_page = home
    site.site_name = home.title
    site.save()
    # Wagtail's first migration leaves a placeholder "Welcome" page; it has no place in our tree.
    if previous_root and previous_root.pk != home.pk and previous_root.specific_class is Page:
        if not previous_root.get_children().exists():
            previous_root.delete()
    return home


def ensure_agency_identity(home, report):
    identity = AgencyIdentity.for_site(home.get_site())
    blanks = {name: value for name, value in content.AGENCY.items() if not getattr(identity, name)}
    if blanks:
        for name, value in blanks.items():
            setattr(identity, name, value)
        identity.save()
        report.created.append("agency identity")


def ensure_child(parent, page_class, fields, report):
    existing = page_class.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing:
        return existing
    page = parent.add_child(instance=page_class(**fields))
    page.save_revision().publish()
    report.created.append(f"{page_class._meta.verbose_name} {page.title!r}")
    return page


def ensure_admin(report):
    """A superuser whose password is kept under var/ (git-ignored, owner-only) to print each run."""
    user_model = get_user_model()
    stored = password_file()
    user = user_model.objects.filter(username=ADMIN_USERNAME).first()
    if user and stored.exists() and user.check_password(stored.read_text().strip()):
        return stored.read_text().strip()
    password = secrets.token_urlsafe(12)
    if user is None:
        user = user_model(
            username=ADMIN_USERNAME, email="admin@example.gov.vn", is_staff=True, is_superuser=True
        )
        report.created.append(f"user {ADMIN_USERNAME!r}")
    user.set_password(password)
    user.save()
    stored.parent.mkdir(parents=True, exist_ok=True)
    stored.touch(mode=0o600)
    stored.write_text(password + "\n")
    return password
