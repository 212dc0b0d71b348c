"""What the public and third parties can learn from our media and admin: nothing private.

Every check is made as an anonymous visitor over HTTP, against the URLs the development server
publishes (the production web server is told in README to publish the same folders and no more)."""

import importlib
import io
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import clear_url_caches, reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from site_pages.editorial_roles import EDITORS
from tests import images
from tests.factories import role_user
from tests.site_pages.admin_session import AdminSession

pytestmark = pytest.mark.django_db

EVERY_FORMAT = ["format-jpeg", "format-png", "format-webp", "format-avif"]
# width-* keeps the original's format; the admin's thumbnails are max-165x165.
RENDITION_SPECS = ["width-300", "max-165x165", *(f"width-300|{fmt}" for fmt in EVERY_FORMAT)]
UPLOAD_KINDS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "AVIF": "avif"}


@pytest.fixture
def dev_server_urls(settings):
    """The URLs `runserver` answers (DEBUG on), which is where /media/ is served in development."""
    import cms.urls

    settings.DEBUG = True
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


@pytest.fixture
def editor():
    return AdminSession(role_user(EDITORS, email="bien.tap@sdttg.sonla.gov.vn"))


def fetched(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return b"".join(response.streaming_content) if response.streaming else response.content


def upload(editor, kind):
    name = f"anh-dien-thoai.{UPLOAD_KINDS[kind]}"
    response = editor.client.post(
        reverse("wagtailimages:add"),
        {
            "title": f"Ảnh {kind}",
            "description": "Cán bộ Sở làm việc tại xã",
            "collection": "1",
            "file": SimpleUploadedFile(name, images.photo_with_private_metadata(kind)),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_image_model().objects.get(title=f"Ảnh {kind}")


@pytest.mark.parametrize("kind", list(UPLOAD_KINDS))
def test_uploaded_original_keeps_orientation_and_colour_profile_but_nothing_private(
    editor, dev_server_urls, kind
):
    image = upload(editor, kind)

    data = fetched(Client(), image.file.url)

    assert images.private_metadata_in(data) == []
    with Image.open(io.BytesIO(data)) as stored:
        assert stored.getexif().get(images.ORIENTATION) == 6
        assert stored.info.get("icc_profile") == images.srgb_profile()
    image.refresh_from_db()
    assert image.file_size == len(data)


def test_images_added_several_at_once_are_cleaned_too(editor, dev_server_urls):
    # Alt text is required, so the multiple uploader first keeps the file aside, then creates the
    # image when the editor has described it: a second way in.
    sent = editor.client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "collection": "1",
            "files[]": SimpleUploadedFile("nhieu-anh.jpg", images.photo_with_private_metadata()),
        },
    )
    upload_id = sent.json()["uploaded_file_id"]
    prefix = f"uploaded-image-{upload_id}"
    described = editor.client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=(upload_id,)),
        {
            f"{prefix}-title": "Ảnh tải nhiều",
            f"{prefix}-description": "Cán bộ Sở",
            f"{prefix}-collection": "1",
        },
    )
    assert described.json()["success"], described.content.decode()[:2000]

    image = get_image_model().objects.get(title="Ảnh tải nhiều")
    assert images.private_metadata_in(fetched(Client(), image.file.url)) == []


def existing_image_with_private_metadata(kind):
    """An original stored before uploads were cleaned, as existing installations hold them."""
    from django.core.files.storage import default_storage

    name = default_storage.save(
        f"original_images/anh-cu.{UPLOAD_KINDS[kind]}", ContentFile(images.photo_with_private_metadata(kind))
    )
    image = get_image_model().objects.create(
        title=f"Ảnh cũ {kind}", description="Ảnh cũ", file=name, width=640, height=480
    )
    image.refresh_from_db()
    assert images.private_metadata_in(image.file.storage.open(image.file.name).read())
    return image


@pytest.mark.parametrize("kind", list(UPLOAD_KINDS))
def test_every_rendition_format_carries_nothing_private_even_from_an_old_original(dev_server_urls, kind):
    image = existing_image_with_private_metadata(kind)
    anonymous = Client()

    for spec in RENDITION_SPECS:
        data = fetched(anonymous, image.get_rendition(spec).url)
        assert images.private_metadata_in(data) == [], spec


def test_command_cleans_existing_originals(dev_server_urls):
    image = existing_image_with_private_metadata("JPEG")
    image.get_rendition("width-300|format-png")

    call_command("strip_image_metadata", stdout=StringIO())

    image.refresh_from_db()
    data = fetched(Client(), image.file.url)
    assert images.private_metadata_in(data) == []
    assert image.file_size == len(data)
    for rendition in image.renditions.all():
        assert images.private_metadata_in(fetched(Client(), rendition.url)) == []


def private_document():
    root = Collection.get_first_root_node()
    internal = root.add_child(name="Tài liệu nội bộ")
    CollectionViewRestriction.objects.create(collection=internal, restriction_type="login")
    return get_document_model().objects.create(
        title="Báo cáo nội bộ",
        collection=internal,
        file=ContentFile(images.pdf_bytes(), name="bao-cao-noi-bo.pdf"),
    )


def test_private_document_is_reachable_by_no_url_for_an_anonymous_visitor(dev_server_urls):
    document = private_document()
    anonymous = Client()
    stored_name = document.file.name  # documents/bao-cao-noi-bo.pdf

    urls = [document.url, f"/media/{stored_name}", document.file.url, f"/documents/{document.pk}/x.pdf"]
    answers = {url: anonymous.get(url) for url in urls}

    assert answers[document.url].status_code == 302  # to the login page
    for url, response in answers.items():
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"%PDF" not in body, url
        assert response.status_code in (302, 404), (url, response.status_code)


def test_public_document_is_served_through_the_document_view(dev_server_urls):
    document = get_document_model().objects.create(
        title="Kế hoạch công khai", file=ContentFile(images.pdf_bytes(), name="ke-hoach.pdf")
    )

    assert document.url.startswith("/documents/")
    assert fetched(Client(), document.url).startswith(b"%PDF")
    assert Client().get(f"/media/{document.file.name}").status_code == 404


@pytest.mark.parametrize(
    ("backend", "header", "expected"),
    [
        ("media.sendfile.nginx", "X-Accel-Redirect", "/_protected_documents/ke-hoach.pdf"),
        ("media.sendfile.apache", "X-Sendfile", "documents/ke-hoach.pdf"),
    ],
)
def test_web_server_sends_the_bytes_only_after_the_privacy_check(settings, backend, header, expected):
    from wagtail.utils.sendfile import _get_sendfile

    settings.SENDFILE_BACKEND = backend
    _get_sendfile.clear()
    try:
        public = get_document_model().objects.create(
            title="Kế hoạch công khai", file=ContentFile(images.pdf_bytes(), name="ke-hoach.pdf")
        )
        internal = private_document()
        sent = Client().get(public.url)
        refused = Client().get(internal.url)
    finally:
        _get_sendfile.clear()

    assert sent.status_code == 200
    assert sent[header].endswith(expected)
    assert sent.content == b""
    assert refused.status_code == 302
    assert not refused.has_header(header)


def test_admin_shows_no_gravatar_avatars(editor):
    # An avatar from Gravatar sends a hash of every editor's e-mail address to a third party,
    # and shows a broken image offline.
    response = editor.client.get("/admin/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "wagtail-sidebar" in html
    assert "gravatar" not in html.lower()


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ("nginx", "media.sendfile.nginx"),
        ("apache", "media.sendfile.apache"),
        ("", "none"),
        ("lighttpd", "must be"),
    ],
)
def test_production_chooses_how_documents_are_sent(choice, expected):
    from tests.cms.test_settings import PRODUCTION, run_with_settings

    script = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.WAGTAILDOCS_SERVE_METHOD, getattr(settings, 'SENDFILE_BACKEND', 'none'))"
    )
    result = run_with_settings(
        "cms.settings.production",
        ["-c", script],
        **PRODUCTION,
        DOCUMENTS_SENDFILE=choice,
    )

    if expected == "must be":
        assert "DOCUMENTS_SENDFILE must be" in result.stderr
    else:
        assert result.stdout.split() == ["serve_view", expected], result.stderr[-2000:]
