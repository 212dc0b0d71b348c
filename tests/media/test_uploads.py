"""Unsafe or broken uploads are refused in Vietnamese, and nothing of them is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from media.renditions import RENDITION_PRESETS, rendition
from site_pages.editorial_roles import EDITORS
from tests import images
from tests.factories import role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return AdminSession(role_user(EDITORS))


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def upload_image(editor, name, content, **fields):
    data = {"title": "Ảnh thử", "description": "Mô tả ảnh", "collection": "1", **fields}
    data["file"] = SimpleUploadedFile(name, content)
    return editor.client.post(reverse("wagtailimages:add"), data)


def upload_document(editor, name, content):
    data = {"title": "Tài liệu thử", "collection": "1", "file": SimpleUploadedFile(name, content)}
    return editor.client.post(reverse("wagtaildocs:add"), data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bom.png", images.decompression_bomb_png(), "quá lớn về số điểm ảnh"),
        ("logo.svg", images.svg_with_script(), "Không nhận ảnh SVG"),
        ("anh.jpg", images.php_script(), "không phải là ảnh"),
        ("hong.jpg", images.jpeg_bytes()[:-4000], "bị hỏng hoặc không đầy đủ"),
    ],
    ids=["decompression-bomb", "svg-with-script", "php-renamed-jpg", "truncated-jpeg"],
)
def test_unsafe_images_are_refused_and_nothing_is_stored(editor, settings, name, content, message):
    response = upload_image(editor, name, content)

    assert response.status_code == 200  # the form again, with the error; never a server error
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


def test_oversize_image_is_refused(editor, settings):
    settings.MEDIA_MAX_IMAGE_BYTES = 50_000
    response = upload_image(editor, "lon.jpg", images.jpeg_bytes(size=(3000, 2000)))
    assert "dung lượng tối đa" in response.content.decode()
    assert not get_image_model().objects.exists()
    assert stored_files(settings) == []


def test_image_without_alternative_text_is_refused(editor):
    response = upload_image(editor, "anh.jpg", images.jpeg_bytes(), description="")
    assert response.status_code == 200
    assert "Văn bản thay thế" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_good_image_is_stored_and_renditions_drop_gps_location(editor, settings):
    response = upload_image(editor, "anh.jpg", images.jpeg_bytes(gps=True))
    assert response.status_code == 302
    image = get_image_model().objects.get()
    for preset in RENDITION_PRESETS:
        with rendition(image, preset).file.open() as stored, Image.open(stored) as picture:
            assert images.GPS_IFD not in picture.getexif(), preset


@pytest.mark.parametrize(
    ("name", "content", "accepted"),
    [
        ("quyet-dinh.pdf", images.pdf_bytes(), True),
        ("bao-cao.docx", images.docx_bytes(), True),
        ("bao-cao.pdf", images.php_script(), False),
        ("macro.docx", b"PK\x03\x04not really a zip", False),
    ],
)
def test_documents_are_accepted_by_content_not_name(editor, settings, name, content, accepted):
    response = upload_document(editor, name, content)
    assert get_document_model().objects.exists() is accepted
    if not accepted:
        assert response.status_code == 200
        assert "không phải là tài liệu" in response.content.decode()
        assert stored_files(settings) == []
