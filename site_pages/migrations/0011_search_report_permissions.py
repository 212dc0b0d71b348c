from django.db import migrations

from site_pages.editorial_roles import apply_report_rules


class Migration(migrations.Migration):
    dependencies = [
        ("site_pages", "0010_editors_edit_only_their_own_media"),
        ("search", "0003_search_log"),
    ]

    operations = [migrations.RunPython(apply_report_rules, migrations.RunPython.noop)]
