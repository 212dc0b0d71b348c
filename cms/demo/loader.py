"""Build the demo site. Each step finds what a previous run made before making anything."""

import datetime
import io
import json
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from procedure_catalog.dossier_statistics import DossierStatistics
from procedure_catalog.formats.national import record_from_national
from procedure_catalog.importer import import_one
from procedure_catalog.models import NoticeEntry, ProcedureNoticePage, ProcedurePage
from site_pages.agency import AgencyIdentity
from site_pages.models import (
    ContactPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    NoticeIndexPage,
    ProcedureIndexPage,
    StatisticsPage,
)
from site_pages.taxonomy import NewsCategory

from . import content
from . import procedures as demo_procedures
from .images import landscape_jpeg

ADMIN_USERNAME = "admin"


@dataclass
class DemoReport:
    created: list = field(default_factory=list)
    logins: dict = field(default_factory=dict)


def credentials_file():
    return settings.VAR_DIR / "demo-credentials.json"


@transaction.atomic
def load_demo(with_users):
    report = DemoReport()
    home = ensure_home_page(report)
    ensure_agency_identity(home, report)
    news, procedures_section = ensure_sections(home, report)
    ensure_procedures(procedures_section, report)
    ensure_statistics(report)
    for number, article in enumerate(content.ARTICLES):
        ensure_article(news, article, number, report)
    if with_users:
        report.logins = ensure_demo_users(report)
    return report


def ensure_sections(home, report):
    """Every section of the public site, empty; the news and procedure sections are returned."""
    news = ensure_child(home, NewsIndexPage, content.NEWS_INDEX, report)
    procedures_section = ensure_child(home, ProcedureIndexPage, content.PROCEDURE_INDEX, report)
    ensure_child(home, NoticeIndexPage, content.NOTICE_INDEX, report)
    ensure_child(home, StatisticsPage, content.STATISTICS_PAGE, report)
    ensure_child(home, ContactPage, content.CONTACT_PAGE, report)
    return news, procedures_section


def ensure_home_page(report, fields=content.HOME):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(**fields))
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


def ensure_article(news, article, number, report):
    if NewsArticlePage.objects.child_of(news).filter(slug=article["slug"]).exists():
        return
    fields = {key: value for key, value in article.items() if key not in ("categories", "tags", "body")}
    fields["body"] = [("paragraph", html) for html in article["body"]] + [("paragraph", content.DEMO_NOTE)]
    fields["featured_image"] = demo_image(article, number)
    fields["author"] = "Văn phòng Sở (minh họa)"
    page = NewsArticlePage(**fields)
    page.categories.set(NewsCategory.objects.filter(slug__in=article.get("categories", [])))
    page.tags.set(article.get("tags", []))
    news.add_child(instance=page)
    page.save_revision().publish()
    report.created.append(f"news article {page.title!r}")


def ensure_procedures(section, report):
    """Procedures go through the importer, as an agency's own file would; the notice then amends one
    and abolishes another. Existing procedures are left as editors (or the notice) made them."""
    existing = set(ProcedurePage.objects.values_list("code", flat=True))
    seen = set()
    for number, record in enumerate(demo_procedures.PROCEDURES, start=1):
        if record["code"] in existing:
            continue
        outcome = import_one(section, f"demo {number}", record, record_from_national, seen)
        if outcome.action != "created":
            raise RuntimeError(
                f"demo procedure {record['code']}: {outcome.action} {outcome.field} {outcome.reason}"
            )
        report.created.append(f"procedure {record['code']}")
    ensure_notice(section, report)


def ensure_notice(section, report):
    fields = demo_procedures.NOTICE
    if ProcedureNoticePage.objects.child_of(section).filter(slug=fields["slug"]).exists():
        return
    today = timezone.localdate()
    notice = ProcedureNoticePage(
        slug=fields["slug"],
        title=fields["title"],
        decision_number=fields["decision_number"],
        decision_date=today - datetime.timedelta(days=20),
        issuer=fields["issuer"],
        signer=fields["signer"],
        summary=fields["summary"],
    )
    for order, (code, change) in enumerate(fields["entries"]):
        notice.entries.add(
            NoticeEntry(
                procedure=ProcedurePage.objects.get(code=code),
                change=change,
                effective_on=today - datetime.timedelta(days=10),
                sort_order=order,
            )
        )
    section.add_child(instance=notice)
    notice.save_revision().publish()
    report.created.append(f"announcement {fields['decision_number']}")


def ensure_statistics(report):
    """Two years of quarterly one-stop-shop figures for the whole agency (illustrative)."""
    this_year = timezone.localdate().year
    created = 0
    for year in (this_year - 2, this_year - 1):
        for quarter in range(4):
            seed = year * 4 + quarter
            received = 3 + seed % 5
            late = 1 if seed % 7 == 0 else 0
            early = seed % 3 if received - late > seed % 3 else 0
            _row, made = DossierStatistics.objects.get_or_create(
                period_kind="quarter",
                period_start=datetime.date(year, 3 * quarter + 1, 1),
                field=None,
                procedure=None,
                defaults={
                    "carried_over": seed % 2,
                    "received_in_person": received - received // 2,
                    "received_online": received // 2,
                    "resolved_early": early,
                    "resolved_late": late,
                    "resolved_on_time": received + seed % 2 - early - late,
                },
            )
            created += made
    if created:
        report.created.append(f"{created} quarters of dossier statistics")


def demo_image(article, number):
    image_model = get_image_model()
    title = f"Ảnh minh họa: {article['title']}"[:255]
    existing = image_model.objects.filter(title=title).first()
    if existing:
        return existing
    colour = content.IMAGE_PALETTE[number % len(content.IMAGE_PALETTE)]
    image = image_model(
        title=title,
        description="Tranh minh họa đồi núi và ruộng bậc thang Sơn La (ảnh vẽ, không phải ảnh chụp)",
        credit="Ảnh minh họa do hệ thống tạo",
        collection=Collection.get_first_root_node(),
    )
    image.file = ImageFile(io.BytesIO(landscape_jpeg(colour, seed=number)), name=f"{article['slug']}.jpg")
    image._set_image_file_metadata()  # width, height, size and hash, as Wagtail's upload form does
    image.save()
    return image


def ensure_demo_users(report):
    """Demo accounts whose passwords are kept under var/ (git-ignored, owner-only) to print each run."""
    stored_file = credentials_file()
    stored = json.loads(stored_file.read_text()) if stored_file.exists() else {}
    accounts = [{"username": ADMIN_USERNAME, "superuser": True}, *content.DEMO_USERS]
    logins = {}
    for account in accounts:
        logins[account["username"]] = ensure_user(account, stored.get(account["username"]), report)
    stored_file.parent.mkdir(parents=True, exist_ok=True)
    stored_file.touch(mode=0o600)
    stored_file.write_text(json.dumps(logins, indent=2))
    return logins


def ensure_user(account, known_password, report):
    user_model = get_user_model()
    user = user_model.objects.filter(username=account["username"]).first()
    if user and known_password and user.check_password(known_password):
        return known_password
    password = secrets.token_urlsafe(12)
    if user is None:
        user = user_model(
            username=account["username"],
            email=f"{account['username']}@example.gov.vn",
            first_name=account.get("first_name", ""),
            last_name=account.get("last_name", ""),
            is_staff=account.get("superuser", False),
            is_superuser=account.get("superuser", False),
        )
        report.created.append(f"user {account['username']!r}")
    user.set_password(password)
    user.save()
    if role := account.get("role"):
        user.groups.add(Group.objects.get(name=role))
    return password
