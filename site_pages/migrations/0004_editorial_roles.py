from django.db import migrations

from site_pages.editorial_roles import create_roles


class Migration(migrations.Migration):
    dependencies = [
        ("site_pages", "0003_default_categories"),
        ("media", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
