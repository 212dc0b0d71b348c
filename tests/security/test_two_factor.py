"""A password alone opens nothing for a user with a device, and administrators must have one."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from site_pages.editorial_roles import ADMINISTRATORS, EDITORS
from tests.cms.test_two_factor import code_at, enrolled, enter_code, frozen_clock, sign_in  # noqa: F401
from tests.factories import NewsArticlePageFactory, UserFactory, role_user

pytestmark = pytest.mark.django_db

PAGES = "/admin/pages/"
ADMINISTRATORS_MUST_ENROL = "Administrators must use two-factor sign-in. Set it up to continue to the admin."


@pytest.fixture
def private_article():
    article = NewsArticlePageFactory(title="Chỉ dành cho cán bộ")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    return article


@pytest.fixture
def private_document():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from tests.images import pdf_bytes

    internal = Collection.get_first_root_node().add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Báo cáo nội bộ", collection=internal)
    document.file.save("bao-cao.pdf", ContentFile(pdf_bytes()))
    return document


def reads(client, url):
    return client.get(url).status_code == 200


@pytest.mark.parametrize("role", [EDITORS, ADMINISTRATORS])
def test_a_password_alone_opens_no_private_page_or_document(client, role, private_article, private_document):
    user = role_user(role)
    device = enrolled(user)
    sign_in(client, user)

    assert not reads(client, private_article.url)
    assert not reads(client, private_document.url)
    assert client.get(private_article.url).url.startswith(reverse("wagtailcore_login"))

    enter_code(client, code_at(device))
    assert reads(client, private_article.url)
    assert reads(client, private_document.url)


def test_the_public_login_sends_a_user_with_a_device_to_the_code_page(client, private_article):
    user = role_user(EDITORS)
    enrolled(user)
    login = reverse("wagtailcore_login")
    response = client.post(
        f"{login}?next={private_article.url}", {"username": user.username, "password": "mat-khau-thu-nghiem"}
    )
    assert response.status_code == 302
    landing = client.get(response.url, follow=True)
    assert landing.redirect_chain[-1][0].startswith(reverse("two_factor_verify"))


@pytest.fixture
def required_for_administrators(settings):
    settings.OTP_REQUIRED_FOR_ADMINISTRATORS = True


@pytest.mark.parametrize(
    "make_user", [lambda: role_user(ADMINISTRATORS), lambda: UserFactory(is_superuser=True, is_staff=True)]
)
def test_administrators_and_superusers_enrol_before_anything(
    client, required_for_administrators, private_article, make_user
):
    user = make_user()
    sign_in(client, user)

    detour = client.get(PAGES)
    assert detour.status_code == 302 and detour.url.startswith(reverse("two_factor_setup"))
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    assert not reads(client, private_article.url)
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    enrolment = client.get(reverse("two_factor_setup"))
    assert enrolment.status_code == 200
    assert escape(gettext(ADMINISTRATORS_MUST_ENROL)) in enrolment.content.decode()
    device = TOTPDevice.objects.get(user=user)
    assert client.post(reverse("two_factor_setup"), {"code": code_at(device)}).status_code == 302
    assert reads(client, PAGES)
    assert reads(client, private_article.url)


def test_editors_are_not_made_to_enrol(client, required_for_administrators, private_article):
    editor = role_user(EDITORS)
    sign_in(client, editor)
    assert reads(client, PAGES)
    assert reads(client, private_article.url)


def test_installations_require_it_of_administrators_unless_told_otherwise():
    from cms.settings import base

    assert base.OTP_REQUIRED_FOR_ADMINISTRATORS is True


@pytest.mark.parametrize("enrolling", [True, False], ids=["enrolment page", "code page"])
def test_the_two_factor_pages_get_the_admin_icons_not_a_second_copy_of_themselves(
    client, required_for_administrators, enrolling
):
    # The admin's scripts fetch the icon sprite on every page, the code and enrolment pages included;
    # sent on to the page itself, the sprite came back as a second form whose "next" led to the SVG.
    user = role_user(ADMINISTRATORS)
    if not enrolling:
        enrolled(user)
    sign_in(client, user)

    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200
    assert b"<svg" in sprite.content
