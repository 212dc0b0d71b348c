from django.db import migrations

from site_pages.editorial_roles import apply_record_rules


class Migration(migrations.Migration):
    # Leaders and administrators keep the thesaurus and the promoted results; editors may look.
    dependencies = [
        ("site_pages", "0011_search_report_permissions"),
        ("search", "0004_thesaurus_promotions"),
    ]

    operations = [migrations.RunPython(apply_record_rules, migrations.RunPython.noop)]
