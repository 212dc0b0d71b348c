"""Refuse unsafe or broken uploads before anything is stored, with a message an editor understands."""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image

from .sniffing import DOCUMENT_KINDS, IMAGE_KINDS, sniff_document, sniff_image

MEGAPIXEL = 1_000_000


def max_image_bytes():
    return getattr(settings, "MEDIA_MAX_IMAGE_BYTES", 10 * 1024 * 1024)


def max_document_bytes():
    return getattr(settings, "MEDIA_MAX_DOCUMENT_BYTES", 20 * 1024 * 1024)


def max_image_pixels():
    return getattr(settings, "MEDIA_MAX_IMAGE_PIXELS", 50 * MEGAPIXEL)


def _check_size(upload, limit):
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest file accepted is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )


def validate_image_upload(upload):
    """Return the sniffed kind of an acceptable image, or raise ValidationError."""
    _check_size(upload, max_image_bytes())
    kind = sniff_image(upload)
    if kind == "svg":
        raise ValidationError(
            _("SVG images are not accepted: they can carry scripts. Upload a PNG or JPEG instead."),
            code="svg_refused",
        )
    if kind is None:
        raise ValidationError(
            _("This file is not an image in an accepted format (%(formats)s), whatever its name says.")
            % {"formats": ", ".join(IMAGE_KINDS.values())},
            code="not_an_image",
        )
    _check_pixels_and_integrity(upload)
    return kind


def _check_pixels_and_integrity(upload):
    limit = max_image_pixels()
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its limit and twice it; treat that as a refusal too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
                if width * height > limit:
                    raise Image.DecompressionBombError(f"{width}x{height}")
                # Decoding every pixel finds truncated or corrupt files that the header hides.
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise ValidationError(
            _("The image is too large in pixels (more than %(limit)s megapixels); resize it and try again.")
            % {"limit": limit // MEGAPIXEL},
            code="too_many_pixels",
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The image file is damaged or incomplete; save it again and upload the new copy."),
            code="damaged_image",
        ) from error
    finally:
        upload.seek(0)


def validate_document_upload(upload):
    """Return the sniffed kind of an acceptable document, or raise ValidationError."""
    _check_size(upload, max_document_bytes())
    kind = sniff_document(upload)
    if kind is None:
        raise ValidationError(
            _("This file is not a document in an accepted format (%(formats)s), whatever its name says.")
            % {"formats": ", ".join(DOCUMENT_KINDS.values())},
            code="not_a_document",
        )
    return kind
