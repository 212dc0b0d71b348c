from django.db import migrations

from site_pages.editorial_roles import apply_record_rules


class Migration(migrations.Migration):
    # Leaders and administrators keep the thesaurus and the promoted results; editors may look.
    dependencies = [
        ("site_pages", "0010_editors_edit_only_their_own_media"),
        ("search", "0003_thesaurus_promotions"),
    ]

    operations = [migrations.RunPython(apply_record_rules, migrations.RunPython.noop)]
