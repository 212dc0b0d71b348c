"""The agency's editorial roles and approval workflow, as data every installation starts with.

Staff draft ("Biên tập viên"), a leader approves and publishes ("Lãnh đạo duyệt"), and
administrators manage everything ("Quản trị"). Group names are what the agency calls the roles,
so they are data in Vietnamese, not translatable interface strings.
"""

EDITORS = "Biên tập viên"
APPROVERS = "Lãnh đạo duyệt"
ADMINISTRATORS = "Quản trị"
APPROVAL_TASK = "Lãnh đạo duyệt tin bài"
WORKFLOW = "Duyệt tin bài hai bước"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}

# "add" alone lets a user edit and delete what they uploaded themselves; "change" reaches everyone's
# media, including media live content uses, which nothing less reaches (media/permissions.py).
MEDIA_PERMISSIONS = {
    EDITORS: ["add", "choose"],
    APPROVERS: ["add", "change", "choose"],
    ADMINISTRATORS: ["add", "change", "choose", "delete"],
}


# Records the admin manages beside pages and media, and the roles that may add, change or delete
# them. None of them has drafts: a save reaches citizens at once, so editors never may (they keep
# "view" where they have it). Every model an admin screen edits must be listed here.
RECORD_MANAGERS = {
    "procedure_catalog.dossierstatistics": (APPROVERS, ADMINISTRATORS),
    "procedure_catalog.procedurefield": (ADMINISTRATORS,),
    "site_pages.newscategory": (ADMINISTRATORS,),
    "site_pages.agencyidentity": (ADMINISTRATORS,),
    "search.abbreviation": (ADMINISTRATORS,),
    "search.synonymgroup": (APPROVERS, ADMINISTRATORS),
    "search.promotion": (APPROVERS, ADMINISTRATORS),
    "cms.webhooksubscriber": (ADMINISTRATORS,),
    "cms.webhookdelivery": (ADMINISTRATORS,),
    "wagtailredirects.redirect": (ADMINISTRATORS,),
    "wagtailcore.site": (ADMINISTRATORS,),
    "auth.user": (ADMINISTRATORS,),
    "auth.group": (ADMINISTRATORS,),
}
RECORD_ACTIONS = ("add", "change", "delete")
# Records the other agency roles may look at in the admin without changing them.
RECORD_VIEWERS = {
    "search.synonymgroup": (EDITORS, APPROVERS),
    "search.promotion": (EDITORS, APPROVERS),
}

# Records nobody edits, read in an admin report by the roles listed ("view" permission only).
REPORT_READERS = {
    "search.searchqueryday": (EDITORS, APPROVERS, ADMINISTRATORS),
}

# What Wagtail's own migrations make, replaced by the agency's roles and workflow.
WAGTAIL_DEFAULT_GROUPS = {"Editors": EDITORS, "Moderators": APPROVERS}
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
WAGTAIL_DEFAULT_TASK = "Moderators approval"


def ensure_permissions_exist(apps):
    """Permissions are normally made after all migrations; roles need them now."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0)
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None


def create_roles(apps, schema_editor):
    ensure_permissions_exist(apps)
    ensure_roles(apps)


def ensure_roles(apps):
    """The groups, their permissions and the workflow, made where missing (permissions must exist)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
        # Wagtail checks media permissions against its own Image and Document models, whichever
        # concrete models the project swaps in.
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in MEDIA_PERMISSIONS[name]:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    # Administrators manage everything else too: users, groups, sites, settings, workflows,
    # snippets, redirects.
    groups[ADMINISTRATORS].permissions.add(*Permission.objects.all())
    create_workflow(apps, root_page, groups[APPROVERS])


def create_workflow(apps, root_page, approvers):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=APPROVAL_TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([approvers])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # One workflow for the whole tree: news and notices alike wait for a leader's approval.
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def record_permissions(Permission, label):
    app_label, model = label.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename__in=[f"{action}_{model}" for action in RECORD_ACTIONS]
    )


def apply_record_rules(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label, managers in RECORD_MANAGERS.items():
        permissions = list(record_permissions(Permission, label))
        for group in Group.objects.filter(name__in=[EDITORS, APPROVERS, ADMINISTRATORS]):
            if group.name in managers:
                group.permissions.add(*permissions)
            else:
                group.permissions.remove(*permissions)
    for label, viewers in RECORD_VIEWERS.items():
        app_label, model = label.split(".")
        view = Permission.objects.filter(content_type__app_label=app_label, codename=f"view_{model}")
        for group in Group.objects.filter(name__in=viewers):
            group.permissions.add(*view)


def grant_administrators_everything(apps=None, **kwargs):
    """Quản trị holds every permission, including those of models added after the roles were made.

    Connected to post_migrate: a permission Django creates for a new model exists only once its
    app has migrated, after any data migration of ours could have granted it.
    """
    from django.apps import apps as installed_apps
    from django.contrib.auth.management import create_permissions

    apps = apps or installed_apps
    if (app_config := kwargs.get("app_config")) is not None:
        # This app is listed before django.contrib.auth, so its receiver runs before the one that
        # makes this app's permissions; making them here (it is idempotent) lets the grant see them.
        create_permissions(app_config, verbosity=0, using=kwargs.get("using", "default"), apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=ADMINISTRATORS).first()
    if group is not None:
        group.permissions.add(*Permission.objects.all())


def replace_wagtail_defaults(apps, schema_editor):
    """Wagtail's sample groups and workflow go, their members and pages passing to the agency's own."""
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    ours = Workflow.objects.get(name=WORKFLOW)
    our_task = Task.objects.get(name=APPROVAL_TASK)
    for old in Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exclude(pk=ours.pk):
        for relation in ("wagtailcore", "WorkflowPage"), ("wagtailcore", "WorkflowContentType"):
            apps.get_model(*relation).objects.filter(workflow=old).update(workflow=ours)
        # Anything waiting in the old workflow now waits for the agency's leaders instead.
        apps.get_model("wagtailcore", "WorkflowState").objects.filter(workflow=old).update(workflow=ours)
        old.delete()
    for old_task in Task.objects.filter(name=WAGTAIL_DEFAULT_TASK).exclude(pk=our_task.pk):
        apps.get_model("wagtailcore", "TaskState").objects.filter(task=old_task).update(task=our_task)
        old_task.delete()
    for old_name, our_name in WAGTAIL_DEFAULT_GROUPS.items():
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        Group.objects.get(name=our_name).user_set.add(*old.user_set.all())
        old.delete()


def apply_media_rules(apps, schema_editor):
    """Takes back collection-wide media permissions a role no longer has in MEDIA_PERMISSIONS."""
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for name, actions in MEDIA_PERMISSIONS.items():
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            GroupCollectionPermission.objects.filter(
                group__name=name, permission__content_type__app_label=app_label
            ).exclude(permission__codename__in=[f"{action}_{model}" for action in actions]).delete()


def apply_report_rules(apps, schema_editor):
    """Gives each role in REPORT_READERS the view permission of its report's records."""
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label, readers in REPORT_READERS.items():
        app_label, model = label.split(".")
        permission = Permission.objects.get(content_type__app_label=app_label, codename=f"view_{model}")
        for group in Group.objects.filter(name__in=readers):
            group.permissions.add(permission)
