"""Image and document bytes made on the spot, for upload tests."""

import functools
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


ORIENTATION = 0x0112
ARTIST = 0x013B
EXIF_IFD = 0x8769
MAKER_NOTE = 0x927C
CAMERA_OWNER = 0xA430
BODY_SERIAL = 0xA431
LOCATION_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="21,19.66N"'
    b' exif:GPSLongitude="103,54.6E"/></rdf:RDF></x:xmpmeta>'
)


@functools.cache
def srgb_profile():
    """One profile per run: a new one carries the moment it was made."""
    from PIL import ImageCms

    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def private_exif():
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[ARTIST] = "Nguyễn Văn A"
    exif[GPS_IFD] = {1: "N", 2: (21.0, 19.0, 40.0), 3: "E", 4: (103.0, 54.0, 36.0)}
    exif[EXIF_IFD] = {
        BODY_SERIAL: "SN-4471-PRIVATE",
        CAMERA_OWNER: "Nguyễn Văn A",
        MAKER_NOTE: b"maker-private",
    }
    return exif


def photo_with_private_metadata(kind="JPEG", size=(640, 480)):
    """A phone photo as uploaded: where it was taken, whose camera, rotated, with a colour profile."""
    buffer = io.BytesIO()
    extra = {"quality": 90} if kind in ("JPEG", "WEBP", "AVIF") else {}
    if kind in ("JPEG", "WEBP"):
        extra["xmp"] = LOCATION_XMP
    Image.new("RGB", size, (180, 30, 35)).save(
        buffer, kind, exif=private_exif(), icc_profile=srgb_profile(), **extra
    )
    return buffer.getvalue()


def private_metadata_in(data):
    """Which private things a file still carries, read from its bytes; empty when clean."""
    found = []
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        if GPS_IFD in exif:
            found.append("GPS")
        if ARTIST in exif:
            found.append("artist")
        nested = exif.get_ifd(EXIF_IFD)
        found += [
            name
            for tag, name in ((BODY_SERIAL, "serial"), (CAMERA_OWNER, "owner"), (MAKER_NOTE, "maker note"))
            if tag in nested
        ]
    for marker in (b"GPSLatitude", b"SN-4471-PRIVATE", b"maker-private", "Nguyễn Văn A".encode()):
        if marker in data:
            found.append(marker.decode())
    return found
