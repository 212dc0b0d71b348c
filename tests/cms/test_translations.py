"""Everything our own code shows a Vietnamese user is translated, and the compiled catalogue is current."""

import gettext
import re
from pathlib import Path

from django.conf import settings

from tests.factories import HomePageFactory

CATALOGUE = Path(settings.BASE_DIR) / "cms" / "locale" / "vi" / "LC_MESSAGES"


def untranslated_ids(po_text):
    entries = re.findall(r'^msgid "(.*)"\nmsgstr "(.*)"$', po_text, flags=re.MULTILINE)
    return [msgid for msgid, msgstr in entries if msgid and not msgstr]


def test_every_project_string_has_a_vietnamese_translation():
    po = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    assert "#, fuzzy" not in po
    assert untranslated_ids(po) == []


def test_compiled_catalogue_matches_its_source():
    import polib

    source = [
        entry for entry in polib.pofile(str(CATALOGUE / "django.po")) if entry.msgstr and not entry.obsolete
    ]
    with open(CATALOGUE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    def current(entry):
        if entry.msgctxt:
            return compiled.pgettext(entry.msgctxt, entry.msgid)
        return compiled.gettext(entry.msgid)

    stale = {entry.msgid: entry.msgstr for entry in source if current(entry) != entry.msgstr}
    assert stale == {}, "run 'make messages' to recompile the catalogue"


def test_public_site_is_vietnamese_even_for_an_english_browser(client, db):
    HomePageFactory()
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Tin mới nhất" in html
    assert 'aria-label="Menu chính"' in html
    assert '<html lang="vi">' in html


def test_admin_main_paths_are_fully_vietnamese():
    from cms.translation_coverage import wagtail_coverage

    report = wagtail_coverage()
    total = sum(row.total for row in report)
    translated = sum(row.translated for row in report)
    untranslated_apps = [row.app for row in report if row.share < 1]
    assert translated / total >= 0.99, untranslated_apps


def test_editor_sees_the_admin_in_vietnamese(db):
    from django.test import Client

    from site_pages.editorial_roles import EDITORS
    from tests.factories import role_user

    client = Client()
    client.force_login(role_user(EDITORS))
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="vi"' in html
    for phrase in ("Trang tổng quan", "Tổng quan trang web", "0 ảnh", "0 tài liệu", "Tài khoản", "Phím tắt"):
        assert phrase in html
    for english in ("Dashboard", "Site summary", "Keyboard shortcuts", "Account"):
        assert f">{english}<" not in html and f"{english} -" not in html


def test_relative_times_in_the_admin_are_vietnamese():
    from datetime import timedelta

    from django.utils import timezone, translation
    from django.utils.timesince import timesince

    with translation.override("vi"):
        assert timesince(timezone.now() - timedelta(minutes=3)).replace("\xa0", " ") == "3 phút"


def test_news_feed_title_is_vietnamese(client, db):
    from tests.factories import NewsArticlePageFactory

    NewsArticlePageFactory()
    feed = client.get("/feeds/news.atom").content.decode()
    title = feed.split("<title>", 1)[1].split("</title>", 1)[0]
    assert title.endswith("Tin tức – sự kiện"), title


def test_admin_login_is_vietnamese_and_words_are_spaced(client, db):
    from site_pages.editorial_roles import EDITORS
    from tests.factories import role_user

    html = client.get("/admin/login/").content.decode()
    assert "Mật khẩu" in html and ">Password" not in html
    assert 'placeholder="Nhập tên đăng nhập"' in html

    wrong = client.post("/admin/login/", {"username": role_user(EDITORS).username, "password": "sai"})
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in wrong.content.decode()


def test_workflow_times_and_buttons_are_vietnamese():
    from datetime import timedelta

    from django.contrib.humanize.templatetags.humanize import naturaltime
    from django.utils import timezone, translation
    from django.utils.translation import gettext

    with translation.override("vi"):
        assert naturaltime(timezone.now() - timedelta(seconds=5)).replace("\xa0", " ") == "5 giây trước"
        assert gettext("%(label)s and Publish") % {"label": gettext("Approve")} == "Phê duyệt và xuất bản"


def test_a_page_has_a_title_and_a_legal_document_a_summary_line():
    from django.utils import translation
    from wagtail.models import Page

    from procedure_catalog.blocks import LegalBasisBlock

    with translation.override("vi"):
        assert str(Page._meta.get_field("title").verbose_name) == "tiêu đề"
        assert str(LegalBasisBlock().child_blocks["title"].label) == "trích yếu"
