"""What a file really is, read from its first bytes and structure, never from its name."""

import zipfile

IMAGE_KINDS = {"jpeg": "JPEG", "png": "PNG", "webp": "WebP", "avif": "AVIF"}
DOCUMENT_KINDS = {"pdf": "PDF", "docx": "DOCX", "xlsx": "XLSX", "odt": "ODT"}

_AVIF_BRANDS = (b"avif", b"avis")


def _head(upload, size=4096):
    upload.seek(0)
    head = upload.read(size)
    upload.seek(0)
    return head


def looks_like_svg(head):
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<svg", b"<?xml", b"<!doctype svg")) and b"<svg" in text


def sniff_image(upload):
    """One of IMAGE_KINDS, 'svg', or None."""
    head = _head(upload, 64)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp" and head[8:12] in _AVIF_BRANDS:
        return "avif"
    if looks_like_svg(_head(upload)):
        return "svg"
    return None


def sniff_document(upload):
    """One of DOCUMENT_KINDS, or None."""
    head = _head(upload, 64)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                return "odt" if mimetype == b"application/vnd.oasis.opendocument.text" else None
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    finally:
        upload.seek(0)
    return None
