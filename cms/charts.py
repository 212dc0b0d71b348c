"""Bar and line charts drawn on the server as inline SVG: no script to download, nothing to run on a
low-end phone, and the same picture in print.

Each chart is an image with a title and a description (role="img", aria-labelledby), its text is
real text, and every colour reaches 3:1 against the white background (WCAG 1.4.11). Bars and points
carry their own value labels, so no figure depends on telling colours apart; the page still shows
the same numbers in a table for screen readers. Every piece of text is escaped through format_html.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

BACKGROUND = "#ffffff"
TEXT = "#1a1a1a"
AXIS = "#555555"
GRID = "#d4d4d4"
# Dark enough for 3:1 against white, and far enough apart in lightness to tell apart in greyscale.
BLUE = "#0a4f9e"
ORANGE = "#b35c00"
GREEN = "#1b6e3a"

HEIGHT = 320
MARGIN_LEFT = 64
MARGIN_RIGHT = 16
LEGEND_Y = 20
PLOT_TOP = 52
PLOT_BOTTOM = 256
LABEL_Y = 276
MIN_WIDTH = 640
SLOT_WIDTH = 72  # per category, so twelve months widen the chart instead of crowding it
FONT_SIZE = 13
VALUE_FONT_SIZE = 12


@dataclass(frozen=True)
class Series:
    name: str
    values: list  # one number per category, or None where there is nothing to show
    colour: str


@dataclass(frozen=True)
class Frame:
    """The drawing area for a number of categories, with the value scale of the y axis."""

    categories: int
    top_value: float

    @property
    def width(self):
        return max(MIN_WIDTH, MARGIN_LEFT + MARGIN_RIGHT + SLOT_WIDTH * self.categories)

    @property
    def slot(self):
        return (self.width - MARGIN_LEFT - MARGIN_RIGHT) / max(self.categories, 1)

    def centre(self, index):
        return MARGIN_LEFT + self.slot * (index + 0.5)

    def y(self, value):
        return PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * (value / self.top_value)


def tick_step(maximum):
    """A round step (1, 2 or 5 times a power of ten) giving at most five gridlines."""
    if maximum <= 0:
        return 1
    raw = maximum / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    for multiple in (1, 2, 5, 10):
        if multiple * magnitude >= raw:
            return multiple * magnitude
    return 10 * magnitude


def count_scale(series):
    values = [value for one in series for value in one.values if value is not None]
    step = tick_step(max(values, default=0))
    top = step * max(1, math.ceil(max(values, default=0) / step))
    return top, list(range(0, top + 1, step))


def _number(value):
    """Coordinates with at most one decimal: enough on any screen, and a smaller page."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _open(chart_id, frame, title, description):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 {width} {height}" '
        'width="{width}" height="{height}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'font-size="{font}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        '<rect width="{width}" height="{height}" fill="{background}"/>',
        width=frame.width,
        height=HEIGHT,
        id=chart_id,
        font=FONT_SIZE,
        title=title,
        description=description,
        background=BACKGROUND,
    )


def _grid(frame, ticks, format_value):
    lines = format_html_join(
        "",
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="1"/>'
        '<text x="{}" y="{}" text-anchor="end" dominant-baseline="middle" fill="{}">{}</text>',
        (
            (
                MARGIN_LEFT,
                frame.width - MARGIN_RIGHT,
                _number(frame.y(tick)),
                _number(frame.y(tick)),
                AXIS if tick == 0 else GRID,
                MARGIN_LEFT - 8,
                _number(frame.y(tick)),
                TEXT,
                format_value(tick),
            )
            for tick in ticks
        ),
    )
    return format_html('<g class="chart-grid">{}</g>', lines)


def _category_labels(frame, categories):
    """Each category's label under its slot; a tuple label is set on several lines."""
    labels = []
    for index, label in enumerate(categories):
        lines = label if isinstance(label, list | tuple) else (label,)
        x = _number(frame.centre(index))
        spans = format_html_join(
            "",
            '<tspan x="{}" dy="{}">{}</tspan>',
            ((x, "0" if number == 0 else "1.2em", line) for number, line in enumerate(lines)),
        )
        labels.append(
            format_html('<text y="{}" text-anchor="middle" fill="{}">{}</text>', LABEL_Y, TEXT, spans)
        )
    return format_html('<g class="chart-categories">{}</g>', mark_safe("".join(labels)))  # noqa: S308


def _legend(series, marker):
    """Swatch and name of each series, in a row above the plot."""
    items = []
    x = MARGIN_LEFT
    for one in series:
        items.append(marker(x, one.colour))
        items.append(
            format_html(
                '<text x="{}" y="{}" dominant-baseline="middle" fill="{}">{}</text>',
                x + 20,
                LEGEND_Y,
                TEXT,
                one.name,
            )
        )
        # System fonts differ; a generous allowance per character keeps names from overlapping.
        x += 40 + len(str(one.name)) * 8
    return format_html('<g class="chart-legend">{}</g>', mark_safe("".join(items)))  # noqa: S308


def _square(x, colour):
    return format_html('<rect x="{}" y="{}" width="14" height="14" fill="{}"/>', x, LEGEND_Y - 7, colour)


def _dot(x, colour):
    return format_html(
        '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="3"/>'
        '<circle cx="{}" cy="{}" r="4" fill="{}"/>',
        x,
        x + 14,
        LEGEND_Y,
        LEGEND_Y,
        colour,
        x + 7,
        LEGEND_Y,
        colour,
    )


def _value_label(x, y, text):
    """A bar's or a point's value written above it."""
    return format_html(
        '<text x="{}" y="{}" text-anchor="middle" font-size="{}" fill="{}">{}</text>',
        _number(x),
        _number(y),
        VALUE_FONT_SIZE,
        TEXT,
        text,
    )


def bar_chart(*, chart_id, title, description, categories, series, format_value=str):
    """Grouped bars, one group per category, with each bar's value written above it."""
    top, ticks = count_scale(series)
    frame = Frame(len(categories), top)
    per_group = max(len(series), 1)
    bar_width = min(28, frame.slot * 0.8 / per_group - 4)
    gap = 4
    group_width = per_group * bar_width + (per_group - 1) * gap
    bars = []
    for index in range(len(categories)):
        left = frame.centre(index) - group_width / 2
        for position, one in enumerate(series):
            value = one.values[index]
            if value is None:
                continue
            x = left + position * (bar_width + gap)
            y = frame.y(value)
            bars.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>{}',
                    _number(x),
                    _number(y),
                    _number(bar_width),
                    _number(PLOT_BOTTOM - y),
                    one.colour,
                    one.name,
                    format_value(value),
                    _value_label(x + bar_width / 2, y - 5, format_value(value)),
                )
            )
    return _assemble(
        frame, chart_id, title, description, categories, series, _square, ticks, format_value, "bars", bars
    )


def line_chart(*, chart_id, title, description, categories, series, maximum=100, step=20, format_value=str):
    """Lines over a fixed scale (a percentage, say), broken where a value is missing."""
    frame = Frame(len(categories), maximum)
    ticks = list(range(0, maximum + 1, step))
    drawn = []
    for one in series:
        segments, current = [], []
        for index, value in enumerate(one.values):
            if value is None:
                if current:
                    segments.append(current)
                current = []
                continue
            current.append((frame.centre(index), frame.y(value), value))
        if current:
            segments.append(current)
        for segment in segments:
            if len(segment) > 1:
                points = " ".join(f"{_number(x)},{_number(y)}" for x, y, _value in segment)
                drawn.append(
                    format_html(
                        '<polyline points="{}" fill="none" stroke="{}" stroke-width="3"/>', points, one.colour
                    )
                )
            for x, y, value in segment:
                drawn.append(
                    format_html(
                        '<circle cx="{}" cy="{}" r="5" fill="{}"><title>{}: {}</title></circle>{}',
                        _number(x),
                        _number(y),
                        one.colour,
                        one.name,
                        format_value(value),
                        _value_label(x, y - 10, format_value(value)),
                    )
                )
    return _assemble(
        frame, chart_id, title, description, categories, series, _dot, ticks, format_value, "lines", drawn
    )


def _assemble(
    frame,
    chart_id,
    title,
    description,
    categories,
    series,
    marker,
    ticks,
    format_value,
    kind,
    marks,
):
    parts = (
        _open(chart_id, frame, title, description),
        _legend(series, marker),
        _grid(frame, ticks, format_value),
        format_html('<g class="chart-{}">{}</g>', kind, mark_safe("".join(marks))),  # noqa: S308
        _category_labels(frame, categories),
    )
    # Every part was built by format_html, which escapes what it is given.
    return mark_safe("".join(parts) + "</svg>")  # noqa: S308
