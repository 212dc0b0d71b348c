"""Every block type of every StreamField renders on the public page and comes typed through the API.

The block types are read from the models, so a new block type without a sample here fails the suite
instead of reaching readers as a server error."""

import io
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model

from procedure_catalog.models import ProcedurePage
from site_pages.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory, ProcedureIndexPageFactory
from tests.images import jpeg_bytes, pdf_bytes

pytestmark = pytest.mark.django_db

OUR_APPS = ("site_pages", "procedure_catalog", "media", "cms", "search")


def stream_block_types():
    """(model label, field name, block type) for every StreamField of our apps."""
    found = set()
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, StreamField):
                    for name in field.stream_block.child_blocks:
                        found.add((model._meta.label, field.name, name))
    return found


def picture():
    image = get_image_model()(title="Ảnh hội nghị", description="Đại biểu người có uy tín phát biểu")
    image.file = ImageFile(io.BytesIO(jpeg_bytes(size=(1600, 1000))), name="hoi-nghi.jpg")
    image._set_image_file_metadata()
    image.save()
    return image


def document():
    return get_document_model().objects.create(
        title="Mẫu đơn số 02", file=ContentFile(pdf_bytes(), name="mau-don-02.pdf")
    )


# For each block type: its raw value, the text a reader sees on the page, and a check of the API block.
NEWS = "site_pages.NewsArticlePage"
PROCEDURE = "procedure_catalog.ProcedurePage"


def samples(image, doc):
    return {
        (NEWS, "body", "paragraph"): (
            "<p>Đoạn văn <b>đậm</b> về chính sách dân tộc.</p>",
            ["Đoạn văn <b>đậm</b> về chính sách dân tộc."],
            lambda block: "chính sách dân tộc" in block["html"],
        ),
        (NEWS, "body", "image"): (
            {"image": image.pk, "caption": "Hội nghị biểu dương", "credit": "Phóng viên A"},
            ["Hội nghị biểu dương", "Phóng viên A", 'alt="Đại biểu người có uy tín phát biểu"', "<picture>"],
            lambda block: (
                block["image"]["alt"] == "Đại biểu người có uy tín phát biểu"
                and block["image"]["renditions"]["hero"]["url"].startswith("http://testserver/")
                and block["caption"] == "Hội nghị biểu dương"
            ),
        ),
        (NEWS, "body", "quote"): (
            {"text": "Đoàn kết các dân tộc", "attribution": "Chủ tịch Hồ Chí Minh"},
            ["Đoàn kết các dân tộc", "Chủ tịch Hồ Chí Minh"],
            lambda block: block["text"] == "Đoàn kết các dân tộc",
        ),
        (NEWS, "body", "table"): (
            {"data": [["Xã", "Số người"], ["Chiềng Lề", "12"]], "first_row_is_table_header": True},
            ["Chiềng Lề"],
            lambda block: block["rows"][1] == ["Chiềng Lề", "12"] and block["first_row_is_header"],
        ),
        (NEWS, "body", "document"): (
            {"document": doc.pk, "label": "Tải kế hoạch"},
            ["Tải kế hoạch", doc.url],
            lambda block: block["label"] == "Tải kế hoạch" and block["url"].endswith(doc.url),
        ),
        (PROCEDURE, "steps", "step"): (
            {"name": "Nộp hồ sơ tại xã", "description": "Người dân nộp hồ sơ"},
            ["Nộp hồ sơ tại xã", "Người dân nộp hồ sơ"],
            lambda block: block["name"] == "Nộp hồ sơ tại xã",
        ),
        (PROCEDURE, "channels", "channel"): (
            {
                "channel": "online",
                "processing_time": "5",
                "time_unit": "working_days",
                "fees": [{"amount": "50000", "currency": "VND", "description": "Lệ phí cấp bản sao"}],
                "note": "Nộp qua Cổng dịch vụ công",
            },
            ["Lệ phí cấp bản sao", "Nộp qua Cổng dịch vụ công"],
            lambda block: block["fees"][0]["description"] == "Lệ phí cấp bản sao",
        ),
        (PROCEDURE, "cases", "case"): (
            {
                "name": "Trường hợp thay thế",
                "components": [
                    {"name": "Đơn đề nghị", "originals": 1, "copies": 0, "required": True, "forms": [doc.pk]}
                ],
            },
            ["Trường hợp thay thế", "Đơn đề nghị", "Mẫu đơn số 02"],
            lambda block: block["components"][0]["forms"][0]["url"].endswith(doc.url),
        ),
        (PROCEDURE, "legal_bases", "legal_basis"): (
            {
                "number": "28/2023/QĐ-TTg",
                "title": "Quyết định sửa đổi",
                "issuer": "Thủ tướng",
                "issued_on": "2023-12-23",
                "effective_on": None,
            },
            ["28/2023/QĐ-TTg", "Quyết định sửa đổi"],
            lambda block: block["number"] == "28/2023/QĐ-TTg",
        ),
    }


def test_every_block_type_has_a_rendering_sample():
    stand_in = SimpleNamespace(pk=0, url="/")
    assert set(samples(stand_in, stand_in)) == stream_block_types()


def test_every_sample_fills_every_part_of_its_block():
    """A part added to a block (a new child of a StructBlock) needs its sample value too."""
    stand_in = SimpleNamespace(pk=0, url="/")
    for (label, field, block_type), (raw, _visible, _check) in samples(stand_in, stand_in).items():
        block = apps.get_model(label)._meta.get_field(field).stream_block.child_blocks[block_type]
        missing = [name for name in getattr(block, "child_blocks", {}) if name not in raw]
        assert missing == [], (label, block_type, missing)


def field_values(all_samples, label):
    values = {}
    for (model, field, block_type), (raw, _visible, _check) in all_samples.items():
        if model == label:
            # Raw JSON, as the editor's form saves it: chosen images and documents by id.
            values.setdefault(field, []).append({"type": block_type, "value": raw})
    return values


def test_every_block_renders_on_the_public_page_and_in_the_api(client):
    all_samples = samples(picture(), document())
    article = NewsArticlePageFactory(**field_values(all_samples, NEWS))
    home = article.get_parent().get_parent()
    procedure = ProcedureIndexPageFactory(parent=home).add_child(
        instance=ProcedurePage(
            code="1.012223", title="Thay thế người có uy tín", **field_values(all_samples, PROCEDURE)
        )
    )
    procedure.save_revision().publish()
    pages = {NEWS: article, PROCEDURE: procedure}
    api = {NEWS: f"/api/v1/news/{article.pk}", PROCEDURE: "/api/v1/procedures/1.012223"}
    assert set(pages) == {model for model, _field, _type in all_samples}

    for label, page in pages.items():
        response = client.get(page.url)
        assert response.status_code == 200, label
        html = response.content.decode()
        answer = client.get(api[label])
        assert answer.status_code == 200, label
        payload = answer.json()
        for (model, field, block_type), (_raw, visible, check) in all_samples.items():
            if model != label:
                continue
            for text in visible:
                assert text in html, (block_type, text)
            blocks = payload["body"] if label == NEWS else payload[field]
            typed = [b for b in blocks if b.get("type", block_type) == block_type]
            assert typed and check(typed[0]), (block_type, typed)


def test_image_block_renditions_are_the_presets(client):
    image = picture()
    article = NewsArticlePageFactory(body=[("image", {"image": image, "caption": "", "credit": ""})])

    html = client.get(article.url).content.decode()
    hero = image.renditions.get(filter_spec="width-1200|format-webp")

    assert hero.url in html
    assert isinstance(NewsArticlePage.objects.get(pk=article.pk).body[0].value["image"], get_image_model())
