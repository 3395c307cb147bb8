"""Bar charts drawn on the server as SVG: no JavaScript, no inline styles, printable.

A chart is a title, a description and its data; the template draws the bars from the
geometry computed here and repeats the data as a table, which screen readers and people
who print in black and white read instead of the picture. Pure functions, no Django.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

#: Drawing units (the SVG scales to the width of its container).
WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 60
ROW_HEIGHT = 22
BAR_HEIGHT = 14
COLUMN_CHART_HEIGHT = 220


@dataclass
class Bar:
    label: str
    value: int
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    note: str = ""
    #: Where the bar's label and its value are written.
    label_x: float = 0
    label_y: float = 0
    value_x: float = 0
    value_y: float = 0
    #: Which end of each text stands at its x (SVG ``text-anchor``).
    label_anchor: str = "start"
    value_anchor: str = "start"


@dataclass
class Chart:
    title: str
    description: str
    bars: list[Bar] = field(default_factory=list)
    width: int = WIDTH
    height: int = 0
    label_width: int = LABEL_WIDTH


def _scale(value: int, maximum: int, length: float) -> float:
    return round(length * value / maximum, 1) if maximum > 0 else 0.0


def horizontal_bars(title: str, description: str, data: list[tuple[str, int]]) -> Chart:
    """One row per item, the bar's length proportional to its value."""
    chart = Chart(title, description)
    length = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    maximum = max((value for _label, value in data), default=0)
    for row, (label, value) in enumerate(data):
        y = row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2
        width = _scale(value, maximum, length)
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                x=LABEL_WIDTH,
                y=y,
                width=width,
                height=BAR_HEIGHT,
                label_x=LABEL_WIDTH - 8,
                label_y=y + BAR_HEIGHT - 3,
                label_anchor="end",
                value_x=round(LABEL_WIDTH + width + 6, 1),
                value_y=y + BAR_HEIGHT - 3,
            )
        )
    chart.height = max(len(data), 1) * ROW_HEIGHT
    return chart


def columns(
    title: str, description: str, data: list[tuple[str, int]], notes: list[str] | None = None
) -> Chart:
    """One column per item (years, for instance), labels underneath and values on top."""
    chart = Chart(title, description, label_width=0)
    chart.height = COLUMN_CHART_HEIGHT
    plot_top, plot_bottom = 24, COLUMN_CHART_HEIGHT - 30
    slot = WIDTH / max(len(data), 1)
    maximum = max((value for _label, value in data), default=0)
    for index, (label, value) in enumerate(data):
        height = _scale(value, maximum, plot_bottom - plot_top)
        x = round(index * slot + slot * 0.2, 1)
        y = round(plot_bottom - height, 1)
        chart.bars.append(
            Bar(
                label=label,
                value=value,
                x=x,
                y=y,
                width=round(slot * 0.6, 1),
                height=height,
                note=(notes or [""] * len(data))[index],
                label_x=x,
                label_y=COLUMN_CHART_HEIGHT - 10,
                value_x=x,
                value_y=round(y - 6, 1),
            )
        )
    return chart


def change_notes(values: list[int]) -> list[str]:
    """'+12' / '−3' / '' for each value against the one before it (none for the first)."""
    notes = [""]
    for before, now in itertools.pairwise(values):
        difference = now - before
        notes.append(
            f"+{difference}" if difference > 0 else f"−{-difference}" if difference else "0"
        )
    return notes


FLIPPED_ANCHOR = {"start": "end", "end": "start", "middle": "middle"}


def mirrored(chart: Chart) -> Chart:
    """The chart drawn right to left, for pages in Arabic and other right-to-left languages.

    Bars grow from the right, labels stand on the right, and the first column is the
    rightmost: the way a reader of the page's language reads the data.
    """
    flipped = Chart(
        chart.title,
        chart.description,
        width=chart.width,
        height=chart.height,
        label_width=chart.label_width,
    )
    for bar in chart.bars:
        flipped.bars.append(
            Bar(
                label=bar.label,
                value=bar.value,
                x=round(chart.width - bar.x - bar.width, 1),
                y=bar.y,
                width=bar.width,
                height=bar.height,
                note=bar.note,
                label_x=round(chart.width - bar.label_x, 1),
                label_y=bar.label_y,
                value_x=round(chart.width - bar.value_x, 1),
                value_y=bar.value_y,
                label_anchor=FLIPPED_ANCHOR[bar.label_anchor],
                value_anchor=FLIPPED_ANCHOR[bar.value_anchor],
            )
        )
    return flipped


def without_leading_empty(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """``rows`` from the first with a value on (years before the programme had allies say
    nothing); at least the last row, so that a chart of nothing still says so."""
    for index, (_label, value) in enumerate(rows):
        if value:
            return rows[index:]
    return rows[-1:]
