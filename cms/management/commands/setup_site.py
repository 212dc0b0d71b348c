"""A production site on a migrated database, without demo content; running it again changes nothing."""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from cms.demo import content
from cms.demo.loader import DemoReport, ensure_home_page, ensure_sections
from site_pages.agency import AgencyIdentity
from site_pages.editorial_roles import ensure_roles


class Command(BaseCommand):
    help = (
        "Set up the agency's site: home page, the public sections, editorial roles and workflow, the "
        "agency's name and the Wagtail Site record's host and port from the public base URL. No demo "
        "content. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="the agency's name, as the site shows it")
        parser.add_argument("--short-name", default="", help="e.g. SDTTG Sơn La")
        parser.add_argument("--base-url", help="the public address; defaults to PUBLIC_BASE_URL")

    def handle(self, *args, name, short_name, base_url, **options):
        address = urlsplit((base_url or settings.PUBLIC_BASE_URL).strip())
        if address.scheme not in ("http", "https") or not address.hostname:
            raise CommandError("--base-url must be an http(s) address such as https://sdttg.sonla.gov.vn")
        if base_url and base_url.rstrip("/") != settings.PUBLIC_BASE_URL:
            self.stderr.write(f"Note: PUBLIC_BASE_URL is {settings.PUBLIC_BASE_URL}; set it to {base_url}.")
        port = address.port or (443 if address.scheme == "https" else 80)
        with transaction.atomic():
            report = DemoReport()
            ensure_roles(apps)
            home = ensure_home_page(report, fields={**content.HOME, "title": name})
            ensure_sections(home, report)
            self.ensure_site(home.get_site(), address.hostname, port, name, report)
            self.ensure_identity(home.get_site(), name, short_name, report)
        for item in report.created:
            self.stdout.write(f"  {item}")
        if not report.created:
            self.stdout.write("The site is set up already: nothing to change.")

    @staticmethod
    def ensure_site(site, hostname, port, name, report):
        wanted = {"hostname": hostname, "port": port, "site_name": name}
        if any(getattr(site, field) != value for field, value in wanted.items()):
            Site.objects.filter(pk=site.pk).update(**wanted)
            site.refresh_from_db()
            report.created.append(f"site record {hostname}:{port}")

    @staticmethod
    def ensure_identity(site, name, short_name, report):
        identity = AgencyIdentity.for_site(site)
        wanted = {"name": name, **({"short_name": short_name} if short_name else {})}
        changed = {field: value for field, value in wanted.items() if getattr(identity, field) != value}
        if changed or identity.pk is None:
            for field, value in changed.items():
                setattr(identity, field, value)
            identity.save()
            report.created.append("agency identity")
