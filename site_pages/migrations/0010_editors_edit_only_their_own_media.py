from django.db import migrations

from site_pages.editorial_roles import apply_media_rules


class Migration(migrations.Migration):
    dependencies = [("site_pages", "0009_record_rules_and_agency_roles_only")]

    operations = [migrations.RunPython(apply_media_rules, migrations.RunPython.noop)]
