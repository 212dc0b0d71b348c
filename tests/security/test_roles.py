"""Nothing reaches citizens without a leader, and no role reaches beyond itself, whatever the admin URL."""

import datetime

import pytest
from django.apps import apps
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Collection, Page, Site, Task, Workflow, WorkflowPage
from wagtail.snippets.models import get_snippet_models

from site_pages.editorial_roles import (
    ADMINISTRATORS,
    APPROVAL_TASK,
    APPROVERS,
    EDITORS,
    RECORD_MANAGERS,
    WORKFLOW,
    replace_wagtail_defaults,
)
from tests.factories import UserFactory, WebhookSubscriberFactory, role_user

pytestmark = pytest.mark.django_db

AGENCY_ROLES = {EDITORS, APPROVERS, ADMINISTRATORS}


def client_for(role):
    client = Client()
    client.force_login(role_user(role))
    return client


def refused(response):
    """Wagtail's admin answers a refusal with 403, or by sending the user home with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url.split("?")[0] == reverse("wagtailadmin_home")
    )


def model_viewsets():
    reverse("wagtailadmin_home")  # loads the admin's URLs, which fills Wagtail's viewset registry
    return [vs for vs in viewsets.viewsets if isinstance(vs, ModelViewSet) and hasattr(vs.model, "_meta")]


def managed_models():
    """Every model an admin screen edits, from Wagtail's registries: snippets, settings, model viewsets."""
    labels = {model._meta.label_lower for model in get_snippet_models()}
    labels |= {model._meta.label_lower for model in settings_registry}
    labels |= {vs.model._meta.label_lower for vs in model_viewsets() if not issubclass(vs.model, Page)}
    # Not a viewset, but it decides where a public address leads.
    labels.add("wagtailredirects.redirect")
    return labels


def test_every_admin_managed_model_has_a_rule():
    assert managed_models() - set(RECORD_MANAGERS) == set()


def one_of(label):
    """A record of this kind, and its admin URLs (None where the admin has no such screen)."""
    from procedure_catalog.dossier_statistics import DossierStatistics
    from procedure_catalog.models import ProcedureField
    from search.abbreviations import Abbreviation
    from search.promotions import Promotion
    from search.thesaurus import SynonymGroup
    from site_pages.agency import AgencyIdentity
    from site_pages.taxonomy import NewsCategory

    site = Site.objects.get(is_default_site=True)
    builders = {
        "procedure_catalog.dossierstatistics": lambda: DossierStatistics.objects.create(
            period_kind="year", period_start=datetime.date(2025, 1, 1), resolved_on_time=12
        ),
        "procedure_catalog.procedurefield": lambda: ProcedureField.objects.create(name="Công tác dân tộc"),
        "site_pages.newscategory": lambda: NewsCategory.objects.create(name="Thử nghiệm", slug="thu-nghiem"),
        "site_pages.agencyidentity": lambda: AgencyIdentity.objects.create(site=site, name="Sở DTTG"),
        "search.abbreviation": lambda: Abbreviation.objects.create(short="XYZ", expansion="xin yêu zê"),
        "search.synonymgroup": lambda: SynonymGroup.objects.create(
            terms="nhà văn hóa\nnhà sinh hoạt cộng đồng"
        ),
        "search.promotion": lambda: Promotion.objects.create(query="uy tín", page=Page.objects.get(depth=2)),
        "cms.webhooksubscriber": WebhookSubscriberFactory,
        "cms.webhookdelivery": lambda: None,
        "wagtailredirects.redirect": lambda: apps.get_model("wagtailredirects", "Redirect").objects.create(
            old_path="/trang-cu", redirect_link="https://sonla.gov.vn/"
        ),
        "wagtailcore.site": lambda: site,
        "auth.user": UserFactory,
        "auth.group": lambda: Group.objects.get(name=APPROVERS),
    }
    instance = builders[label]()
    if label == "site_pages.agencyidentity":
        edit = reverse("wagtailsettings:edit", args=("site_pages", "agencyidentity", site.pk))
        return instance, {"add": None, "edit": edit, "delete": None}
    if label == "wagtailredirects.redirect":
        urls = {"add": reverse("wagtailredirects:add")}
        urls |= {
            name: reverse(f"wagtailredirects:{name}", args=(instance.pk,)) for name in ("edit", "delete")
        }
        return instance, urls
    viewset = next(vs for vs in model_viewsets() if vs.model._meta.label_lower == label)
    urls = dict.fromkeys(("add", "edit", "delete"))
    for name in urls:
        if name != "add" and instance is None:
            continue
        args = () if name == "add" else (quote(instance.pk),)
        try:
            urls[name] = reverse(viewset.get_url_name(name), args=args)
        except NoReverseMatch:
            continue
    return instance, urls


def fields_of(instance):
    instance = type(instance).objects.get(pk=instance.pk)
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields}


@pytest.mark.parametrize("label", sorted(RECORD_MANAGERS))
@pytest.mark.parametrize("role", [EDITORS, APPROVERS])
def test_each_record_is_changed_only_by_its_managers(label, role):
    instance, urls = one_of(label)
    before = fields_of(instance) if instance is not None else None
    client = client_for(role)
    allowed = role in RECORD_MANAGERS[label]
    for name, url in urls.items():
        if url is None:
            continue
        response = client.get(url)
        assert (response.status_code == 200) is allowed, (name, url, response.status_code)
        if not allowed:
            assert refused(response), (name, url, response.status_code)
            # What a browser would post: the record's own values, changed.
            data = {key: f"{value} – sửa" for key, value in (before or {}).items() if isinstance(value, str)}
            assert refused(client.post(url, data)), (name, url)
    if instance is not None and not allowed:
        assert fields_of(instance) == before


def statistics_form(**counts):
    from procedure_catalog.dossier_statistics import COUNT_FIELDS

    return {
        "period_kind": "year",
        "period_start": "2025-01-01",
        "field": "",
        "procedure": "",
        **dict.fromkeys(COUNT_FIELDS, "0"),
        **{name: str(value) for name, value in counts.items()},
    }


def public_on_time_figures():
    response = Client().get("/api/v1/statistics")
    assert response.status_code == 200
    return [row["resolved_on_time"] for row in response.json()["results"]]


def test_an_editor_cannot_change_the_public_figures_but_a_leader_can():
    from procedure_catalog.dossier_statistics import DossierStatistics
    from site_pages.models import StatisticsPage
    from tests.factories import HomePageFactory

    page = HomePageFactory().add_child(instance=StatisticsPage(title="Thống kê hồ sơ", slug="thong-ke"))
    page.save_revision().publish()
    figures, urls = one_of("procedure_catalog.dossierstatistics")
    assert "99" not in Client().get(page.url).content.decode()
    editor = client_for(EDITORS)
    assert refused(editor.post(urls["edit"], statistics_form(resolved_on_time=99)))
    assert refused(
        editor.post(urls["add"], statistics_form(resolved_on_time=5) | {"period_start": "2024-01-01"})
    )
    assert refused(editor.post(urls["delete"]))
    assert DossierStatistics.objects.count() == 1
    assert public_on_time_figures() == [12]
    assert "99" not in Client().get(page.url).content.decode()

    leader = client_for(APPROVERS)
    assert leader.post(urls["edit"], statistics_form(resolved_on_time=99)).status_code == 302
    figures.refresh_from_db()
    assert figures.resolved_on_time == 99
    assert public_on_time_figures() == [99]
    assert "99" in Client().get(page.url).content.decode()


def test_administrators_edit_abbreviations():
    abbreviation, urls = one_of("search.abbreviation")
    administrator = client_for(ADMINISTRATORS)
    assert administrator.get(urls["edit"]).status_code == 200
    response = administrator.post(urls["edit"], {"short": "XYZ", "expansion": "xã yên zê"})
    assert response.status_code == 302
    abbreviation.refresh_from_db()
    assert abbreviation.expansion == "xã yên zê"


def test_administrators_hold_every_permission():
    administrators = Group.objects.get(name=ADMINISTRATORS)
    assert set(Permission.objects.all()) - set(administrators.permissions.all()) == set()


def test_a_new_administrator_sees_only_the_agency_roles_and_workflow():
    assert set(Group.objects.values_list("name", flat=True)) == AGENCY_ROLES
    assert list(Workflow.objects.values_list("name", flat=True)) == [WORKFLOW]
    assert list(Task.objects.values_list("name", flat=True)) == [APPROVAL_TASK]
    administrator = client_for(ADMINISTRATORS)
    groups_page = administrator.get("/admin/groups/").content.decode()
    workflows_page = administrator.get("/admin/workflows/list/").content.decode()
    for default in ("Moderators", "Editors"):
        assert default not in groups_page
    assert "Moderators approval" not in workflows_page
    assert WORKFLOW in workflows_page


def test_wagtail_defaults_pass_their_members_and_pages_to_the_agency_roles():
    """An installation that used Wagtail's groups and workflow before the roles migration ran."""
    from wagtail.models import GroupApprovalTask

    moderator, editor = UserFactory(), UserFactory()
    Group.objects.create(name="Moderators").user_set.add(moderator)
    Group.objects.create(name="Editors").user_set.add(editor)
    old = Workflow.objects.create(name="Moderators approval")
    old_task = GroupApprovalTask.objects.create(name="Moderators approval")
    old.workflow_tasks.create(task=old_task, sort_order=0)
    section = Page.get_first_root_node().add_child(instance=Page(title="Mục cũ", slug="muc-cu"))
    WorkflowPage.objects.create(page=section, workflow=old)

    replace_wagtail_defaults(apps, None)

    assert set(Group.objects.values_list("name", flat=True)) == AGENCY_ROLES
    assert moderator.groups.get().name == APPROVERS
    assert editor.groups.get().name == EDITORS
    assert WorkflowPage.objects.get(page=section).workflow.name == WORKFLOW
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def new_user_form(**fields):
    return {
        "username": "canbo-moi",
        "email": "canbo-moi@example.gov.vn",
        "first_name": "Cán",
        "last_name": "Bộ",
        "password1": "Mat-khau-dai-va-kho-2025",
        "password2": "Mat-khau-dai-va-kho-2025",
        **fields,
    }


def test_an_administrator_cannot_make_a_superuser():
    from django.contrib.auth import get_user_model

    administrator = client_for(ADMINISTRATORS)
    response = administrator.post(reverse("wagtailusers_users:add"), new_user_form(is_superuser="on"))
    assert refused(response), response.status_code
    assert not get_user_model().objects.filter(is_superuser=True).exists()

    colleague = role_user(EDITORS)
    edit = reverse("wagtailusers_users:edit", args=(colleague.pk,))
    form = {"username": colleague.username, "email": colleague.email, "is_active": "on", "is_superuser": "on"}
    assert refused(administrator.post(edit, form))
    colleague.refresh_from_db()
    assert not colleague.is_superuser

    # Without the box ticked, the same administrator adds users as before.
    assert administrator.post(reverse("wagtailusers_users:add"), new_user_form()).status_code == 302
    assert get_user_model().objects.filter(username="canbo-moi", is_superuser=False).exists()


def test_an_administrator_cannot_touch_a_superusers_account():
    superuser = UserFactory(is_superuser=True, is_staff=True)
    before = fields_of(superuser)
    administrator = client_for(ADMINISTRATORS)
    edit = reverse("wagtailusers_users:edit", args=(superuser.pk,))
    assert refused(administrator.get(edit))
    form = {"username": superuser.username, "email": "ke-gian@example.com", "is_active": "", "password1": "x"}
    form["password2"] = form["password1"]
    assert refused(administrator.post(edit, form))
    assert refused(administrator.post(reverse("wagtailusers_users:delete", args=(superuser.pk,))))
    assert fields_of(superuser) == before


def test_a_superuser_still_grants_superuser_status():
    from django.contrib.auth import get_user_model

    root = Client()
    root.force_login(UserFactory(is_superuser=True))
    assert root.post(reverse("wagtailusers_users:add"), new_user_form(is_superuser="on")).status_code == 302
    assert get_user_model().objects.get(username="canbo-moi").is_superuser


def test_a_user_manager_cannot_hand_out_a_group_that_holds_more_than_they_do():
    manager_group = Group.objects.create(name="Quản lý tài khoản")
    manager_group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_user", "change_user", "view_user"])
    )
    manager = UserFactory()
    manager.groups.add(manager_group)
    client = Client()
    client.force_login(manager)
    colleague = UserFactory()
    edit = reverse("wagtailusers_users:edit", args=(colleague.pk,))
    administrators = Group.objects.get(name=ADMINISTRATORS)
    form = {"username": colleague.username, "email": colleague.email, "first_name": "An", "last_name": "Lò"}
    form["is_active"] = "on"
    assert refused(client.post(edit, form | {"groups": [manager_group.pk, administrators.pk]}))
    assert refused(client.post(reverse("wagtailusers_users:add"), new_user_form(groups=[administrators.pk])))
    assert not colleague.groups.exists()
    # A group within what they hold is theirs to give.
    assert client.post(edit, form | {"groups": [manager_group.pk]}).status_code == 302
    assert list(colleague.groups.all()) == [manager_group]


# --- Media used by live content -------------------------------------------------------------------

OLD_ALT = "Cán bộ Sở làm việc tại xã"
NEW_ALT = "Ảnh đã bị thay"


def published_article(article):
    """The article as the API gives it, as text (the JSON escapes Vietnamese letters)."""
    import json

    response = Client().get(f"/api/v1/news/{article.pk}")
    assert response.status_code == 200
    return json.dumps(response.json(), ensure_ascii=False)


def upload_document(client, title):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model

    from tests.images import pdf_bytes

    file = SimpleUploadedFile("quyet-dinh.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post(reverse("wagtaildocs:add"), {"title": title, "collection": "1", "file": file})
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_document_model().objects.get(title=title)


@pytest.fixture
def live_media():
    """An editor's own image and document, both used by a published article."""
    from wagtail.models import ReferenceIndex

    from tests.factories import NewsArticlePageFactory
    from tests.site_pages.admin_session import AdminSession

    editor = AdminSession(role_user(EDITORS))
    image = editor.upload_image(alt=OLD_ALT)
    document = upload_document(editor.client, "Quyết định công bố")
    article = NewsArticlePageFactory(
        featured_image=image,
        body=[("document", {"document": document, "label": "Tải quyết định"})],
    )
    assert ReferenceIndex.get_references_to(image).exists()
    assert ReferenceIndex.get_references_to(document).exists()
    return editor, image, document, article


def new_jpeg():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.images import jpeg_bytes

    return SimpleUploadedFile("anh-khac.jpg", jpeg_bytes(colour=(0, 0, 0)), content_type="image/jpeg")


def new_pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.images import pdf_bytes

    return SimpleUploadedFile("van-ban-khac.pdf", pdf_bytes(), content_type="application/pdf")


def image_routes(image):
    bulk = reverse("wagtail_bulk_action", args=(image._meta.app_label, image._meta.model_name, "delete"))
    prefix = f"image-{image.pk}-"
    return {
        "edit": (
            reverse("wagtailimages:edit", args=(image.pk,)),
            {"title": image.title, "description": NEW_ALT, "collection": "1", "file": new_jpeg()},
        ),
        "edit_multiple": (
            reverse("wagtailimages:edit_multiple", args=(image.pk,)),
            {f"{prefix}title": image.title, f"{prefix}description": NEW_ALT, f"{prefix}collection": "1"},
        ),
        "delete": (reverse("wagtailimages:delete", args=(image.pk,)), {}),
        "delete_multiple": (reverse("wagtailimages:delete_multiple", args=(image.pk,)), {}),
        "bulk_delete": (f"{bulk}?id={image.pk}", {}),
    }


def document_routes(document):
    bulk = reverse(
        "wagtail_bulk_action", args=(document._meta.app_label, document._meta.model_name, "delete")
    )
    prefix = f"doc-{document.pk}-"
    return {
        "edit": (
            reverse("wagtaildocs:edit", args=(document.pk,)),
            {"title": "Văn bản đã bị thay", "collection": "1", "file": new_pdf()},
        ),
        "edit_multiple": (
            reverse("wagtaildocs:edit_multiple", args=(document.pk,)),
            {f"{prefix}title": "Văn bản đã bị thay", f"{prefix}collection": "1"},
        ),
        "delete": (reverse("wagtaildocs:delete", args=(document.pk,)), {}),
        "delete_multiple": (reverse("wagtaildocs:delete_multiple", args=(document.pk,)), {}),
        "bulk_delete": (f"{bulk}?id={document.pk}", {}),
    }


def media_state(item):
    item = type(item).objects.filter(pk=item.pk).first()
    return item and (item.title, getattr(item, "description", None), item.file.name)


@pytest.mark.parametrize("route", ["edit", "edit_multiple", "delete", "delete_multiple", "bulk_delete"])
def test_an_editor_cannot_change_media_live_content_uses(live_media, route):
    editor, image, document, article = live_media
    for item, routes in ((image, image_routes(image)), (document, document_routes(document))):
        before = media_state(item)
        url, data = routes[route]
        editor.client.post(url, data)
        assert media_state(item) == before, (route, item)
    published = published_article(article)
    assert OLD_ALT in published and NEW_ALT not in published


@pytest.mark.parametrize("role", [APPROVERS, ADMINISTRATORS])
def test_leaders_and_administrators_change_media_live_content_uses(live_media, role):
    _editor, image, document, article = live_media
    client = client_for(role)
    for item, routes in ((image, image_routes(image)), (document, document_routes(document))):
        url, data = routes["edit"]
        assert client.post(url, data).status_code == 302
        assert media_state(item)[2] != item.file.name
    image.refresh_from_db()
    assert image.description == NEW_ALT
    assert NEW_ALT in published_article(article)


def test_an_editor_still_edits_and_deletes_their_own_unused_media():
    from tests.site_pages.admin_session import AdminSession

    editor = AdminSession(role_user(EDITORS))
    image = editor.upload_image(title="Ảnh chưa dùng", alt=OLD_ALT)
    document = upload_document(editor.client, "Văn bản chưa dùng")
    for routes in (image_routes(image), document_routes(document)):
        url, data = routes["edit"]
        assert editor.client.post(url, data).status_code == 302
    image.refresh_from_db()
    assert image.description == NEW_ALT
    url, _data = image_routes(image)["delete"]
    assert editor.client.post(url).status_code == 302
    assert media_state(image) is None


def test_an_editor_cannot_change_a_colleagues_media():
    from tests.site_pages.admin_session import AdminSession

    image = AdminSession(role_user(EDITORS)).upload_image(alt=OLD_ALT)
    before = media_state(image)
    colleague = client_for(EDITORS)
    url, data = image_routes(image)["edit"]
    assert refused(colleague.post(url, data))
    assert media_state(image) == before


def test_an_installation_whose_editors_could_change_all_media_loses_that():
    """What the media migration does where editors were given collection-wide change before."""
    from wagtail.models import GroupCollectionPermission

    from site_pages.editorial_roles import apply_media_rules

    editors = Group.objects.get(name=EDITORS)
    for codename in ("change_image", "change_document"):
        GroupCollectionPermission.objects.create(
            group=editors,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(
                codename=codename, content_type__app_label__startswith="wagtail"
            ),
        )
    apply_media_rules(apps, None)
    kept = GroupCollectionPermission.objects.filter(group=editors).values_list(
        "permission__codename", flat=True
    )
    assert sorted(kept) == ["add_document", "add_image", "choose_document", "choose_image"]


def test_a_user_manager_cannot_hand_out_publishing():
    from wagtail.models import GroupPagePermission

    account_rights = Permission.objects.filter(
        codename__in=["access_admin", "add_user", "change_user", "view_user"]
    )
    manager_group = Group.objects.create(name="Quản lý tài khoản")
    manager_group.permissions.add(*account_rights)
    publishers = Group.objects.create(name="Đăng bài")
    publishers.permissions.add(*account_rights)
    GroupPagePermission.objects.create(
        group=publishers,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page"),
    )
    manager = UserFactory()
    manager.groups.add(manager_group)
    client = Client()
    client.force_login(manager)
    response = client.post(reverse("wagtailusers_users:add"), new_user_form(groups=[publishers.pk]))
    assert refused(response)
    assert not Group.objects.get(name="Đăng bài").user_set.exists()


def test_administrators_give_every_agency_role():
    from django.contrib.auth import get_user_model

    administrator = client_for(ADMINISTRATORS)
    for number, role in enumerate(sorted(AGENCY_ROLES)):
        group = Group.objects.get(name=role)
        form = new_user_form(
            username=f"canbo-{number}", email=f"canbo-{number}@example.gov.vn", groups=[group.pk]
        )
        assert administrator.post(reverse("wagtailusers_users:add"), form).status_code == 302, role
        assert list(get_user_model().objects.get(username=f"canbo-{number}").groups.all()) == [group]
