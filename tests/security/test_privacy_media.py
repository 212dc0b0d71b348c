"""What the public and third parties can learn from our media and admin: nothing private."""

import pytest

from site_pages.editorial_roles import EDITORS
from tests.factories import role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db


def test_admin_shows_no_gravatar_avatars():
    # An avatar from Gravatar sends a hash of every editor's e-mail address to a third party,
    # and shows a broken image offline.
    editor = AdminSession(role_user(EDITORS, email="bien.tap@sdttg.sonla.gov.vn"))

    response = editor.client.get("/admin/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "wagtail-sidebar" in html
    assert "gravatar" not in html.lower()
