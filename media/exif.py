"""Removing what a photo says about where it was taken and whose camera took it.

Phones write the place (GPS in EXIF, and again in XMP), the camera's serial number, its owner's
name and the maker's private notes into every photo. Originals and renditions are both published
under /media/, so both are cleaned: originals when they are stored, renditions when they are made.
What a reader needs stays: the orientation (or the picture would turn on its side) and the colour
profile (or the colours would shift).
"""

import io

from django.core.files.base import ContentFile
from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
# Where Pillow puts metadata blocks that are not EXIF: XMP (JPEG, WebP, AVIF, PNG's iTXt), IPTC
# (JPEG's Photoshop segment), comments.
PRIVATE_INFO_KEYS = ("xmp", "XML:com.adobe.xmp", "photoshop", "comment", "exif")
LOSSY_QUALITY = 90


def _is_private(image):
    if set(image.getexif()) - {ORIENTATION}:
        return True
    if any(key in image.info for key in PRIVATE_INFO_KEYS if key != "exif"):
        return True
    return bool(getattr(image, "text", None))  # PNG text chunks: author, comments, XMP


def _save_options(image, data):
    kept = Image.Exif()
    if orientation := image.getexif().get(ORIENTATION):
        kept[ORIENTATION] = orientation
    options = {"exif": kept.tobytes()} if orientation else {}
    if profile := image.info.get("icc_profile"):
        options["icc_profile"] = profile
    if getattr(image, "is_animated", False):
        options["save_all"] = True
    if image.format == "JPEG":
        # The original's own quantisation and subsampling: as close to untouched as re-encoding gets.
        options.update(quality="keep", subsampling="keep")
    elif image.format == "WEBP":
        options.update({"lossless": True} if b"VP8L" in data else {"quality": LOSSY_QUALITY})
    elif image.format == "AVIF":
        options["quality"] = LOSSY_QUALITY
    return options


def private_metadata_removed(data):
    """The image's bytes without private metadata, or None when it carries none (left untouched)."""
    with Image.open(io.BytesIO(data)) as image:
        if not _is_private(image):
            return None
        image.load()
        options = _save_options(image, data)
        for key in PRIVATE_INFO_KEYS:
            image.info.pop(key, None)
        image.info.pop("icc_profile", None)
        cleaned = io.BytesIO()
        image.save(cleaned, image.format, **options)
    return cleaned.getvalue()


def without_private_metadata(image_file):
    """The same file, cleaned if it needs it; for renditions, whatever their format."""
    image_file.seek(0)
    data = image_file.read()
    image_file.seek(0)
    cleaned = private_metadata_removed(data)
    return image_file if cleaned is None else ContentFile(cleaned, name=image_file.name)
