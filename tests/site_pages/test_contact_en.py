"""/en/contact/ is English throughout where the agency has an English name, and otherwise sends
the reader to the Vietnamese contact page instead of mixing the two languages."""

import re

from site_pages.agency import AgencyIdentity
from site_pages.models import ContactPage
from tests.factories import NewsIndexPageFactory


def site_with_contact_page(**agency):
    home = NewsIndexPageFactory(title="Tin tức – sự kiện").get_parent()
    contact = ContactPage(title="Liên hệ", slug="lien-he", introduction="<p>Tham mưu</p>")
    home.add_child(instance=contact)
    contact.save_revision().publish()
    identity = AgencyIdentity.for_site(home.get_site())
    fields = {"name": "Sở Dân tộc và Tôn giáo tỉnh Sơn La", "phone": "0212 3852 025", **agency}
    for name, value in fields.items():
        setattr(identity, name, value)
    identity.save()
    return contact


def without_lang_vi(html):
    """The page's text outside elements marked lang="vi" (the link back to the Vietnamese page)."""
    html = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    html = re.sub(r'<(\w+)[^>]*\blang="vi"[^>]*>.*?</\1>', " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_english_contact_page_has_no_vietnamese_chrome(client, db):
    site_with_contact_page(
        name_en="Department of Ethnic Minority and Religious Affairs of Son La Province",
        address="Tổ 2, phường Chiềng Lề, tỉnh Sơn La",
        address_en="Group 2, Chieng Le Ward, Son La",
    )

    html = client.get("/en/contact/").content.decode()

    text = without_lang_vi(html)
    assert "Department of Ethnic Minority and Religious Affairs of Son La Province" in text
    assert "Group 2, Chieng Le Ward" in text and "0212 3852 025" in text
    for vietnamese in ("Sở Dân tộc", "Tin tức", "Tổ 2", "Liên hệ", "Tìm kiếm"):
        assert vietnamese not in text
    assert '<a href="/lien-he/" hreflang="vi" lang="vi">' in html


def test_english_address_missing_shows_the_vietnamese_one_marked_as_vietnamese(client, db):
    site_with_contact_page(name_en="Department of Ethnic Affairs", address="Tổ 2, phường Chiềng Lề")

    html = client.get("/en/contact/").content.decode()

    assert '<dd lang="vi">Tổ 2, phường Chiềng Lề</dd>' in html
    assert "Tổ 2" not in without_lang_vi(html)


def test_without_an_english_name_the_reader_is_sent_to_the_vietnamese_page(client, db):
    contact = site_with_contact_page(name_en="")

    response = client.get("/en/contact/")

    assert response.status_code == 302
    assert response["Location"] == contact.url
