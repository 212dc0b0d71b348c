"""One of every kind of published content, so contract tests see every field of every answer.

Built at a fixed moment so dates in answers are the same on every run (the committed examples in
cms/api_examples/ rely on it).
"""

import datetime
import io
import json
from zoneinfo import ZoneInfo

import time_machine

BUILT_AT = datetime.datetime(2025, 7, 1, 8, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
READ_AT = BUILT_AT + datetime.timedelta(minutes=5)  # after the changes feed's settle time


def document():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    made = get_document_model()(title="Hướng dẫn bình chọn người có uy tín")
    made.file.save("huong-dan-binh-chon.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    made.save()
    return made


def build(tmp_path):
    from django.core.management import call_command

    from procedure_catalog.dossier_statistics import DossierStatistics
    from procedure_catalog.models import ProcedurePage
    from site_pages.models import RelatedArticle
    from site_pages.taxonomy import NewsCategory
    from tests.cms.test_feeds import feature_image
    from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, ProcedureIndexPageFactory
    from tests.procedure_catalog.national_records import national_record
    from tests.procedure_catalog.test_notices import publish_notice

    with time_machine.travel(BUILT_AT, tick=False):
        section = NewsIndexPageFactory(title="Tin tức", slug="tin-tuc")
        earlier = NewsArticlePageFactory(
            parent=section, title="Tập huấn chuyển đổi số", slug="tap-huan-chuyen-doi-so",
            summary="Cán bộ xã được tập huấn kỹ năng số.", display_date=BUILT_AT - datetime.timedelta(days=3),
        )  # fmt: skip
        article = NewsArticlePageFactory(
            parent=section, title="Hội nghị người có uy tín năm 2025", slug="hoi-nghi-nguoi-co-uy-tin-2025",
            summary="Hội nghị biểu dương người có uy tín tiêu biểu trong đồng bào dân tộc thiểu số.",
            author="Minh Anh", source="Sở Dân tộc và Tôn giáo", display_date=BUILT_AT,
        )  # fmt: skip
        picture = feature_image()
        article.featured_image = picture
        article.body = [
            ("paragraph", f'<p>Xem thêm <a linktype="page" id="{earlier.pk}">bài tập huấn</a>.</p>'),
            ("image", {"image": picture, "caption": "Quang cảnh hội nghị", "credit": "Ảnh: Minh Anh"}),
            ("quote", {"text": "Đoàn kết các dân tộc", "attribution": "Lãnh đạo Sở"}),
            (
                "table",
                {"data": [["Huyện", "Số người"], ["Mộc Châu", "12"]], "first_row_is_table_header": True},
            ),
            ("document", {"document": document(), "label": "Hướng dẫn bình chọn"}),
        ]
        article.categories.set([NewsCategory.objects.get(slug="chinh-sach-dan-toc")])
        article.tags.add("người có uy tín")
        article.related_links.add(RelatedArticle(article=earlier))
        article.save_revision().publish()

        ProcedureIndexPageFactory(parent=section.get_parent())
        records = tmp_path / "tthc.json"
        records.write_text(
            json.dumps(
                [
                    national_record(
                        code="1.012223", name="Công nhận người có uy tín trong đồng bào dân tộc thiểu số"
                    )
                ],
                ensure_ascii=False,
            )
        )
        call_command("import_procedures", str(records), stdout=io.StringIO())
        procedure = ProcedurePage.objects.get(code="1.012223")
        publish_notice(procedure.get_parent(), [(procedure, "amended", BUILT_AT.date())], BUILT_AT.date())
        DossierStatistics.objects.create(
            period_kind="quarter", period_start=datetime.date(2025, 4, 1),
            received_online=40, received_in_person=10, resolved_early=5, resolved_on_time=30, resolved_late=2,
        )  # fmt: skip
    return {"article": article, "earlier": earlier, "procedure": procedure}
