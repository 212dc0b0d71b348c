"""Removing where a photo was taken from the copies the public sees."""

import io

from django.core.files import File
from PIL import Image

GPS_IFD = 0x8825


def without_location(rendition_file):
    """The same JPEG with its GPS block removed; other formats pass through untouched.

    Willow keeps a JPEG's EXIF in renditions (for orientation); an editor's phone photo would
    then publish where it was taken. quality="keep" reuses the original quantisation tables.
    """
    source = rendition_file.file
    source.seek(0)
    with Image.open(source) as image:
        if image.format != "JPEG":
            source.seek(0)
            return rendition_file
        exif = image.getexif()
        if GPS_IFD not in exif:
            source.seek(0)
            return rendition_file
        del exif[GPS_IFD]
        cleaned = io.BytesIO()
        image.save(cleaned, "JPEG", quality="keep", exif=exif.tobytes())
    cleaned.seek(0)
    return File(cleaned, name=rendition_file.name)
