"""The addresses citizens and the portal link to exist on a demo site, in Vietnamese."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/",
    "/tin-tuc/",
    "/thu-tuc-hanh-chinh/",
    "/thong-bao/",
    "/thong-ke/",
    "/lien-he/",
    "/tim-kiem/?q=uy+tin",
]


@pytest.fixture
def demo_site():
    call_command("load_demo", stdout=StringIO())


@pytest.mark.parametrize("address", ADDRESSES)
def test_every_section_answers_in_vietnamese(client, demo_site, address):
    response = client.get(address)
    assert response.status_code == 200
    assert '<html lang="vi"' in response.content.decode()


def test_contact_page_has_an_english_version(client, demo_site):
    body = client.get("/en/contact/").content.decode()
    assert '<html lang="en"' in body
    assert "Department of Ethnic Minority and Religious Affairs of Son La Province" in body
