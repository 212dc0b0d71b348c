"""Each role reaches what it needs in the admin, and no more."""

import pytest
from django.test import Client

from site_pages.editorial_roles import ADMINISTRATORS, APPROVERS, EDITORS
from tests.factories import role_user

pytestmark = pytest.mark.django_db

ADMIN_ONLY = [
    "/admin/users/",
    "/admin/groups/",
    "/admin/snippets/site_pages/newscategory/",
    "/admin/workflows/list/",
]
EVERY_ROLE = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/images/multiple/add/",
]


def client_for(role):
    client = Client()
    client.force_login(role_user(role))
    return client


@pytest.mark.parametrize("role", [EDITORS, APPROVERS, ADMINISTRATORS])
def test_every_role_reaches_pages_images_and_documents(role):
    client = client_for(role)
    for path in EVERY_ROLE:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(("role", "allowed"), [(EDITORS, False), (APPROVERS, False), (ADMINISTRATORS, True)])
def test_only_administrators_manage_users_categories_and_workflows(role, allowed):
    client = client_for(role)
    for path in ADMIN_ONLY:
        response = client.get(path)
        assert (response.status_code == 200) is allowed, (path, response.status_code)


def test_administrators_edit_the_agency_identity():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    client = client_for(ADMINISTRATORS)
    assert client.get(f"/admin/settings/site_pages/agencyidentity/{site.pk}/").status_code == 200
    assert client_for(EDITORS).get(f"/admin/settings/site_pages/agencyidentity/{site.pk}/").status_code != 200
