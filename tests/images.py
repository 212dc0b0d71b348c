"""Image and document bytes made on the spot, for upload tests."""

import io
import zipfile

from PIL import Image

from media.exif import GPS_IFD


def jpeg_bytes(size=(640, 480), gps=False, colour=(180, 30, 35)):
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x010F] = "Demo camera"  # Make
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (21.0, 19.0, 40.0), 3: "E", 4: (103.0, 54.0, 36.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=90)
    return buffer.getvalue()


def png_bytes(size=(320, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (20, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


def decompression_bomb_png(side=20_000):
    """A tiny file that claims 400 megapixels: one colour compresses to almost nothing."""
    buffer = io.BytesIO()
    Image.new("1", (side, side), 0).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def svg_with_script():
    return b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def php_script():
    return b"<?php system($_GET['cmd']); ?>\n"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
