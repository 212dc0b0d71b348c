"""Demo pictures drawn with Pillow: a sky, terraced hills and a sun; nothing is downloaded."""

import io
import random

from PIL import Image, ImageDraw

SIZE = (1200, 750)


def _blend(colour, toward, share):
    return tuple(round(c + (t - c) * share) for c, t in zip(colour, toward, strict=True))


def landscape_jpeg(colour, seed):
    rng = random.Random(seed)  # noqa: S311 - picks shapes for a drawing, not secrets
    width, height = SIZE
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    sky_top, sky_bottom = _blend(colour, (255, 255, 255), 0.55), _blend(colour, (255, 240, 210), 0.85)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=_blend(sky_top, sky_bottom, y / height))
    sun_x, sun_y = rng.randint(150, width - 150), rng.randint(90, 220)
    draw.ellipse([sun_x - 60, sun_y - 60, sun_x + 60, sun_y + 60], fill=(255, 236, 180))
    for layer in range(4):
        base = height * (0.45 + layer * 0.14)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base - rng.randint(0, 120)))
        points.append((width, height))
        draw.polygon(points, fill=_blend(colour, (10, 40, 20), 0.25 + layer * 0.18))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()
