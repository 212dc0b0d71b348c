from django.conf import settings
from django.core.management.base import BaseCommand

from cms.demo.loader import load_demo


class Command(BaseCommand):
    help = "Build the demo site (idempotent). Demo users with printed passwords only under DEBUG."

    def handle(self, *args, **options):
        report = load_demo(with_users=settings.DEBUG)
        if report.created:
            for item in report.created:
                self.stdout.write(f"  created {item}")
        else:
            self.stdout.write("Demo content already present; nothing created.")
        if report.logins:
            self.stdout.write(self.style.SUCCESS(f"Logins at {settings.WAGTAILADMIN_BASE_URL}/admin/:"))
            for username, password in report.logins.items():
                self.stdout.write(f"  {username} / {password}")
        elif not settings.DEBUG:
            self.stdout.write("DEBUG is off: no demo users were created.")
