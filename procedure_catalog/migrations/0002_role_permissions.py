from django.db import migrations

from site_pages.editorial_roles import ADMINISTRATORS, APPROVERS, EDITORS, ensure_permissions_exist

# Procedures and notices are pages: the page permissions and the approval workflow already cover
# them. Statistics and the list of fields are snippets, granted here.
GRANTS = {
    EDITORS: ["add_dossierstatistics", "change_dossierstatistics", "view_dossierstatistics", "view_procedurefield"],
    APPROVERS: [
        "add_dossierstatistics",
        "change_dossierstatistics",
        "delete_dossierstatistics",
        "view_dossierstatistics",
        "view_procedurefield",
    ],
}


def grant(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label="procedure_catalog")
    for name, codenames in GRANTS.items():
        Group.objects.get(name=name).permissions.add(*ours.filter(codename__in=codenames))
    Group.objects.get(name=ADMINISTRATORS).permissions.add(*ours)


class Migration(migrations.Migration):
    dependencies = [
        ("procedure_catalog", "0001_initial"),
        ("site_pages", "0004_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
