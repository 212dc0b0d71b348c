"""Citizens find a procedure by filtering the catalogue, read it as on the national portal, and follow
the announcement decisions that change procedures."""

import datetime
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from procedure_catalog.models import NoticeEntry, ProcedureField, ProcedureNoticePage, ProcedurePage
from site_pages.models import NoticeIndexPage
from tests.factories import ProcedureIndexPageFactory

pytestmark = pytest.mark.django_db


# -- building a catalogue ------------------------------------------------------------------------


@pytest.fixture
def section():
    return ProcedureIndexPageFactory()


@pytest.fixture
def fields():
    return {
        "dan_toc": ProcedureField.objects.create(name="Công tác dân tộc"),
        "ton_giao": ProcedureField.objects.create(name="Tín ngưỡng, tôn giáo"),
    }


def procedure(section, code, title, publish=True, **values):
    page = section.add_child(instance=ProcedurePage(code=code, title=title, live=publish, **values))
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ProcedurePage.objects.get(pk=page.pk)


def hide(page, how):
    if how == "private":
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="mat-khau")
    elif how == "expired":
        ProcedurePage.objects.filter(pk=page.pk).update(
            expire_at=timezone.now() - datetime.timedelta(hours=1)
        )


@pytest.fixture
def catalogue(section, fields):
    dan_toc, ton_giao = fields["dan_toc"], fields["ton_giao"]
    made = {
        "recognise": procedure(section, "1.900101", "Công nhận người có uy tín", field=dan_toc,
                               level="province", online_level="full", status="in_force"),
        "replace": procedure(section, "1.012223", "Thay thế người có uy tín", field=dan_toc,
                             level="commune", online_level="partial", status="in_force"),
        "old_support": procedure(section, "1.900102", "Hỗ trợ người có uy tín (cũ)", field=dan_toc,
                                 level="commune", online_level="none", status="abolished"),
        "register": procedure(section, "1.900201", "Đăng ký sinh hoạt tôn giáo tập trung", field=ton_giao,
                              level="province", online_level="partial", status="in_force"),
        "festival": procedure(section, "1.900202", "Đề nghị tổ chức lễ hội tín ngưỡng", field=ton_giao,
                              level="commune", online_level="partial", status="amended"),
        # Not for citizens: a draft, a private page, an expired page.
        "draft": procedure(section, "1.900901", "Thủ tục bản nháp", publish=False, field=dan_toc,
                           level="province", online_level="full"),
        "private": procedure(section, "1.900902", "Thủ tục nội bộ", field=ton_giao,
                             level="commune", online_level="partial"),
        "expired": procedure(section, "1.900903", "Thủ tục hết hạn", field=dan_toc,
                             level="commune", online_level="none"),
    }  # fmt: skip
    hide(made["private"], "private")
    hide(made["expired"], "expired")
    return made


# -- reading what the citizen sees -----------------------------------------------------------------


class CatalogueReader(HTMLParser):
    """Facets as {param: {option label: (count, chosen, address)}} and the listed procedure titles."""

    def __init__(self):
        super().__init__()
        self.facets, self.titles = {}, []
        self._facet = self._option = self._skip = None
        self._in_card_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and attrs.get("role") == "group":
            self._facet = self.facets.setdefault(attrs["aria-labelledby"].removeprefix("facet-"), {})
        elif tag == "a" and self._facet is not None:
            self._option = {"label": "", "count": "", "chosen": attrs.get("aria-current") == "true",
                            "url": attrs["href"]}  # fmt: skip
        elif tag == "span" and self._option is not None:
            self._skip = attrs.get("class")
        elif tag == "li" and attrs.get("class") == "card":
            self.titles.append("")
        elif tag == "h3" and self.titles and self._facet is None:
            self._in_card_title = True

    def handle_endtag(self, tag):
        if tag == "span":
            self._skip = None
        elif tag == "a" and self._option is not None:
            option = self._option
            self._facet[option["label"].strip()] = (int(option["count"]), option["chosen"], option["url"])
            self._option = None
        elif tag == "div" and self._facet is not None and self._option is None:
            self._facet = None
        elif tag == "h3":
            self._in_card_title = False

    def handle_data(self, data):
        if self._option is not None:
            if self._skip == "count":
                self._option["count"] += data
            elif self._skip is None:
                self._option["label"] += data
        elif self._in_card_title:
            self.titles[-1] += data


def read_catalogue(client, address):
    response = client.get(address)
    assert response.status_code == 200
    reader = CatalogueReader()
    reader.feed(response.content.decode())
    return reader


def counts(reader, param):
    return {label: count for label, (count, _chosen, _url) in reader.facets.get(param, {}).items()}


def vi(text):
    with translation.override("vi"):
        return gettext(text)


# -- the catalogue ---------------------------------------------------------------------------------


def test_facets_count_only_what_citizens_may_see(client, section, catalogue):
    page = read_catalogue(client, section.url)

    assert counts(page, "field") == {"Công tác dân tộc": 3, "Tín ngưỡng, tôn giáo": 2}
    assert counts(page, "level") == {vi("Province"): 2, vi("Commune"): 3}
    assert counts(page, "online") == {vi("Fully online"): 1, vi("Partly online"): 3, vi("Not online"): 1}
    assert counts(page, "status") == {vi("In force"): 3, vi("Amended or supplemented"): 1, vi("Abolished"): 1}
    visible = ("recognise", "replace", "old_support", "register", "festival")
    assert sorted(page.titles) == sorted(catalogue[key].title for key in visible)
    for hidden in ("draft", "private", "expired"):
        assert catalogue[hidden].title not in client.get(section.url).content.decode()


def test_a_facet_counts_over_the_other_filters_and_filters_combine(client, section, catalogue):
    commune = read_catalogue(client, f"{section.url}?level=commune")
    # Its own dimension is left out, so the citizen still sees what "province" would add ...
    assert counts(commune, "level") == {vi("Province"): 2, vi("Commune"): 3}
    assert commune.facets["level"][vi("Commune")][1] is True, "the chosen option is marked"
    assert commune.facets["level"][vi("Province")][1] is False
    # ... while the other dimensions count within commune level only.
    assert counts(commune, "field") == {"Công tác dân tộc": 2, "Tín ngưỡng, tôn giáo": 1}
    assert counts(commune, "online") == {vi("Partly online"): 2, vi("Not online"): 1}
    assert sorted(commune.titles) == sorted(
        catalogue[k].title for k in ("replace", "old_support", "festival")
    )

    # Following the "partly online" link keeps the level and narrows further.
    both = read_catalogue(client, commune.facets["online"][vi("Partly online")][2])
    assert sorted(both.titles) == sorted(catalogue[k].title for k in ("replace", "festival"))
    assert counts(both, "level") == {vi("Province"): 1, vi("Commune"): 2}
    assert counts(both, "field") == {"Công tác dân tộc": 1, "Tín ngưỡng, tôn giáo": 1}

    # Two options of one dimension add up; clicking a chosen option takes it off again.
    either = read_catalogue(client, f"{section.url}?level=commune&level=province&online=partial")
    assert len(either.titles) == 3
    untoggled = read_catalogue(client, both.facets["level"][vi("Commune")][2])
    assert sorted(untoggled.titles) == sorted(catalogue[k].title for k in ("replace", "register", "festival"))


def test_field_and_status_filters_narrow_the_list(client, section, catalogue, fields):
    religion = read_catalogue(client, f"{section.url}?field={fields['ton_giao'].pk}")
    assert sorted(religion.titles) == sorted(catalogue[k].title for k in ("register", "festival"))

    abolished = read_catalogue(client, f"{section.url}?status=abolished")
    assert abolished.titles == [catalogue["old_support"].title]
    # Unknown values are ignored rather than emptying the list.
    assert len(read_catalogue(client, f"{section.url}?level=district&field=abc").titles) == 5


def test_text_filter_finds_names_without_diacritics_and_codes(client, section, catalogue):
    in_force = read_catalogue(client, f"{section.url}?q=nguoi+co+uy+tin&status=in_force")
    assert in_force.titles == [catalogue["replace"].title, catalogue["recognise"].title], (
        "by field, then code"
    )
    by_code = read_catalogue(client, f"{section.url}?q=1.900201")
    assert by_code.titles == [catalogue["register"].title]
    assert counts(by_code, "field") == {"Tín ngưỡng, tôn giáo": 1}, "counts follow the text filter"
    assert read_catalogue(client, f"{section.url}?q=thu+tuc+noi+bo").titles == [], "private stays hidden"

    body = client.get(f"{section.url}?q=t%C3%B4n+gi%C3%A1o&level=province").content.decode()
    assert 'href="/thu-tuc-hanh-chinh/">' in body, "a clear-filters link back to the whole catalogue"
    assert "/tim-kiem/?q=t%C3%B4n+gi%C3%A1o&amp;type=procedure" in body


def test_catalogue_pages_twenty_at_a_time_keeping_the_filters(client, section, fields):
    for number in range(23):
        procedure(
            section, f"1.9{number:05d}", f"Thủ tục số {number:02d}", field=fields["dan_toc"], level="commune"
        )
    procedure(section, "1.800000", "Thủ tục cấp tỉnh", field=fields["dan_toc"], level="province")

    first = client.get(f"{section.url}?level=commune").content.decode()
    reader = CatalogueReader()
    reader.feed(first)
    assert len(reader.titles) == 20
    assert 'href="/thu-tuc-hanh-chinh/?level=commune&amp;page=2" rel="next"' in first

    second = read_catalogue(client, f"{section.url}?level=commune&page=2")
    assert sorted(second.titles) == ["Thủ tục số 20", "Thủ tục số 21", "Thủ tục số 22"]


# -- the procedure page ----------------------------------------------------------------------------


def form_document(title):
    document = get_document_model()(title=title)
    document.file.save("mau-02.docx", ContentFile(b"PK\x03\x04 mau don"), save=False)
    document.save()
    return document


def test_procedure_page_reads_like_the_national_portal(client, section, fields):
    form = form_document("Mẫu 02 – Văn bản đề nghị")
    page = procedure(
        section, "1.012223.H38", "Thay thế người có uy tín", field=fields["dan_toc"], level="commune",
        online_level="partial", handling_agency="Ủy ban nhân dân cấp xã",
        where_to_submit="Bộ phận một cửa cấp xã", applicants="Trưởng thôn, bản",
        results="Quyết định phê duyệt danh sách", requirements="Thường trú tại thôn, bản.",
        steps=[
            {"type": "step", "value": {"name": "Họp thôn bình chọn", "description": "Trưởng thôn chủ trì."}},
            {"type": "step", "value": {"name": "UBND xã quyết định", "description": ""}},
        ],
        channels=[
            {"type": "channel", "value": {
                "channel": "in_person", "processing_time": "5", "time_unit": "working_days", "note": "",
                "fees": [{"amount": "50000", "currency": "VND", "description": "Lệ phí cấp bản sao"}],
            }},
            {"type": "channel", "value": {
                "channel": "online", "processing_time": "4.5", "time_unit": "working_days", "note": "",
                "fees": [],
            }},
        ],
        cases=[{"type": "case", "value": {"name": "Trường hợp thay thế", "components": [
            {"name": "Văn bản đề nghị", "originals": 1, "copies": 0, "required": True, "forms": [form.pk]},
            {"name": "Biên bản họp thôn", "originals": 1, "copies": 2, "required": False, "forms": []},
        ]}}],
        legal_bases=[{"type": "legal_basis", "value": {
            "number": "12/2018/QĐ-TTg", "title": "Tiêu chí lựa chọn, công nhận người có uy tín",
            "issuer": "Thủ tướng Chính phủ", "issued_on": "2018-03-06", "effective_on": "2018-04-20",
        }}],
    )  # fmt: skip

    body = client.get(page.url).content.decode()

    assert body.count("<h1>") == 1 and "Thay thế người có uy tín</h1>" in body
    assert "1.012223.H38" in body and "Công tác dân tộc" in body and vi("Commune") in body
    assert (
        "Ủy ban nhân dân cấp xã" in body and "Bộ phận một cửa cấp xã" in body and "Trưởng thôn, bản" in body
    )
    assert body.index("Họp thôn bình chọn") < body.index("UBND xã quyết định") and "<ol" in body
    # Channels: time limits in Vietnamese numbers, fee amounts grouped the Vietnamese way.
    assert f"5 {vi('working days')}" in body and f"4,5 {vi('working days')}" in body
    assert "50.000 VND" in body and "Lệ phí cấp bản sao" in body
    assert vi("In person") in body and vi("Online") in body
    # The dossier of the case, with its form to download.
    assert "Trường hợp thay thế" in body and "Biên bản họp thôn" in body
    assert f'href="{form.url}"' in body and "Mẫu 02 – Văn bản đề nghị" in body
    # Results, conditions and legal bases with issuer and dates.
    assert "Quyết định phê duyệt danh sách" in body and "Thường trú tại thôn, bản." in body
    assert "12/2018/QĐ-TTg" in body and "Thủ tướng Chính phủ" in body
    assert "06/03/2018" in body and "20/04/2018" in body
    assert "alert--warning" not in body, "a procedure in force carries no warning"
    assert 'aria-current="page"' in body and 'href="/thu-tuc-hanh-chinh/"' in body, "breadcrumbs"
    assert "procedure_catalog/css/procedures.css" in body
    assert "data-print" in body and "site_pages/js/article-tools.js" in body, "a print button, once JS runs"


def announce(section, number, decision_date, entries, publish=True):
    notice = ProcedureNoticePage(
        title=f"Công bố thủ tục hành chính theo Quyết định {number}",
        decision_number=number,
        decision_date=decision_date,
        issuer="Ủy ban nhân dân tỉnh Sơn La",
        signer="Phó Chủ tịch (minh họa)",
        live=publish,
    )
    for position, (page, change, effective_on) in enumerate(entries):
        notice.entries.add(
            NoticeEntry(procedure=page, change=change, effective_on=effective_on, sort_order=position)
        )
    section.add_child(instance=notice)
    revision = notice.save_revision()
    if publish:
        revision.publish()
    return ProcedureNoticePage.objects.get(pk=notice.pk)


def test_an_abolished_procedure_says_so_and_links_its_decision_and_successor(client, section):
    today = timezone.localdate()
    old = procedure(section, "1.900102", "Hỗ trợ người có uy tín (cũ)")
    successor = procedure(section, "1.900110", "Hỗ trợ người có uy tín khi ốm đau")
    notice = announce(section, "1805/QĐ-UBND", today, [(old, "abolished", today), (successor, "new", today)])

    body = client.get(old.url).content.decode()
    warning = body[body.index("alert--warning") : body.index("</div>", body.index("alert--warning"))]
    assert f'href="{notice.url}"' in warning and "1805/QĐ-UBND" in warning
    assert f'href="{successor.url}"' in warning, "the new procedure of the same decision"
    assert today.strftime("%d/%m/%Y") in warning
    assert body.index("alert--warning") < body.index("<dl"), "the warning comes first"

    assert "alert--warning" not in client.get(successor.url).content.decode()


def test_an_announced_future_change_is_shown_before_it_takes_effect(client, section):
    today = timezone.localdate()
    later = today + datetime.timedelta(days=30)
    page = procedure(section, "1.900120", "Thủ tục sắp sửa đổi")
    notice = announce(section, "1900/QĐ-UBND", today, [(page, "amended", later)])

    body = client.get(page.url).content.decode()
    assert "alert--warning" in body and later.strftime("%d/%m/%Y") in body and f'href="{notice.url}"' in body
    page.refresh_from_db()
    assert page.status == "in_force"


# -- announcements ---------------------------------------------------------------------------------


@pytest.fixture
def notice_index(section):
    index = section.get_parent().add_child(instance=NoticeIndexPage(title="Thông báo", slug="thong-bao"))
    index.save_revision().publish()
    return index


def test_announcements_list_newest_first_with_what_each_changes(client, section, notice_index):
    today = timezone.localdate()
    a, b, c = (procedure(section, f"1.90030{n}", f"Thủ tục {n}") for n in range(3))
    older = announce(section, "100/QĐ-UBND", today - datetime.timedelta(days=60), [(a, "new", today)])
    newer = announce(
        section, "200/QĐ-UBND", today - datetime.timedelta(days=2),
        [(a, "amended", today), (b, "abolished", today), (c, "abolished", today)],
    )  # fmt: skip
    announce(section, "300/QĐ-UBND", today, [(c, "new", today)], publish=False)

    body = client.get(notice_index.url).content.decode()

    assert body.index("200/QĐ-UBND") < body.index("100/QĐ-UBND"), "newest first"
    assert "300/QĐ-UBND" not in body, "a draft decision is not listed"
    assert f'href="{older.url}"' in body and f'href="{newer.url}"' in body
    assert "Ủy ban nhân dân tỉnh Sơn La" in body
    newer_card = body[body.index(newer.url) : body.index(older.url)]
    with translation.override("vi"):
        assert (
            ngettext("%(counter)s abolished procedure", "%(counter)s abolished procedures", 2)
            % {"counter": 2}
            in newer_card
        )
        assert (
            ngettext("%(counter)s amended procedure", "%(counter)s amended procedures", 1) % {"counter": 1}
            in newer_card
        )
        assert (
            "new procedure" not in newer_card
            and ngettext("%(counter)s new procedure", "%(counter)s new procedures", 1) % {"counter": 1}
            not in newer_card
        )


def test_announcements_list_pages(client, section, notice_index):
    page = procedure(section, "1.900400", "Thủ tục")
    start = timezone.localdate() - datetime.timedelta(days=100)
    for number in range(21):
        day = start + datetime.timedelta(days=number)
        announce(section, f"{number + 1}/QĐ-UBND", day, [(page, "new", day)])

    first = client.get(notice_index.url).content.decode()
    second = client.get(f"{notice_index.url}?page=2").content.decode()
    titled = "Quyết định {}</a>".format
    assert first.count('<li class="card">') == 20 and titled("21/QĐ-UBND") in first
    assert titled("1/QĐ-UBND") not in first and titled("1/QĐ-UBND") in second
    assert 'href="/thong-bao/?page=2" rel="next"' in first


def test_a_decision_page_links_its_public_procedures(client, section, notice_index):
    today = timezone.localdate()
    public = procedure(section, "1.900501", "Thủ tục công khai")
    private = procedure(section, "1.900502", "Thủ tục nội bộ")
    hide(private, "private")
    notice = announce(
        section, "1805/QĐ-UBND", today - datetime.timedelta(days=1),
        [(public, "amended", today), (private, "abolished", today + datetime.timedelta(days=10))],
    )  # fmt: skip

    body = client.get(notice.url).content.decode()

    assert body.count("<h1>") == 1 and "1805/QĐ-UBND" in body
    assert "Ủy ban nhân dân tỉnh Sơn La" in body and "Phó Chủ tịch (minh họa)" in body
    assert f'<a href="{public.url}">1.900501</a>' in body
    assert "1.900502" not in body and private.url not in body, "a private procedure is not even named"
    assert vi("Amended or supplemented") in body and today.strftime("%d/%m/%Y") in body
    assert vi("Abolished") not in body, "nor what the decision does to it"
    crumbs = body[body.index('class="breadcrumbs"') : body.index("</nav>", body.index('class="breadcrumbs"'))]
    assert f'href="{notice_index.url}"' in crumbs, "breadcrumbs go through the announcements list"
