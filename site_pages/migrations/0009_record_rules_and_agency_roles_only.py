from django.db import migrations

from site_pages.editorial_roles import (
    apply_record_rules,
    grant_administrators_everything,
    replace_wagtail_defaults,
)


def grant_everything(apps, schema_editor):
    grant_administrators_everything(apps)


class Migration(migrations.Migration):
    # After every app whose records RECORD_MANAGERS names, so their permissions exist.
    dependencies = [
        ("site_pages", "0008_news_newest_first_index"),
        ("procedure_catalog", "0002_role_permissions"),
        ("search", "0002_default_abbreviations"),
        ("cms", "0002_webhooks"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [
        migrations.RunPython(apply_record_rules, migrations.RunPython.noop),
        migrations.RunPython(grant_everything, migrations.RunPython.noop),
        migrations.RunPython(replace_wagtail_defaults, migrations.RunPython.noop),
    ]
