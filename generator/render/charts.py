"""Charts as inline SVG drawn at build time: no JavaScript, a <title> and <desc>, CSS colours.

Each chart sits next to a table with the same numbers; the SVG is the picture, not the only copy.
The viewBox is narrow (360 units) so the text stays readable when a phone shrinks it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 360
FONT = 12
ROW = 26  # height of one horizontal bar's row
LABEL = 44  # room for the labels left of the bars / the axis values left of the columns
VALUE = 40  # room for the value right of a horizontal bar
TOP, BOTTOM = 34, 200  # the column plot area: legend above it, month labels below it
HEIGHT = 220


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: its label, its size, and the text written after it."""

    label: str
    value: float
    text: str


@dataclass(frozen=True)
class Series:
    """One set of columns: a name for the legend, a CSS class, a value per month (None: none)."""

    name: str
    css: str
    values: tuple[float | None, ...]


def nice_ceiling(value: float) -> float:
    """Return the smallest of 1, 2, 5 × 10ⁿ that is at least value (1 for nothing)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _svg(chart_id: str, title: str, desc: str, height: float, body: list[str]) -> Markup:
    head = (
        f'<svg class="rw-chart" id="{escape(chart_id)}" viewBox="0 0 {WIDTH} {height:g}" '
        f'role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'font-size="{FONT}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(desc)}</desc>'
    )
    return Markup(head + "".join(body) + "</svg>")


def bar_chart(chart_id: str, title: str, desc: str, bars: list[Bar]) -> Markup:
    """Return horizontal bars, longest for the largest value, each labelled and numbered."""
    room = WIDTH - LABEL - VALUE
    largest = max((bar.value for bar in bars), default=0) or 1
    body = []
    for i, bar in enumerate(bars):
        y = i * ROW
        length = round(room * bar.value / largest, 2)
        middle = y + ROW / 2
        body.append(
            f'<text class="rw-chart-label" x="{LABEL - 6}" y="{middle + 4:g}" '
            f'text-anchor="end">{escape(bar.label)}</text>'
            f'<rect class="rw-chart-bar" x="{LABEL}" y="{y + 5}" width="{length:g}" '
            f'height="{ROW - 10}" rx="3"/>'
            f'<text class="rw-chart-value" x="{LABEL + length + 6:g}" y="{middle + 4:g}">'
            f"{escape(bar.text)}</text>"
        )
    return _svg(chart_id, title, desc, len(bars) * ROW, body)


def y_of(value: float, top_value: float) -> float:
    """Return the y of a value in the column plot area whose top stands for top_value."""
    return round(BOTTOM - (BOTTOM - TOP) * value / top_value, 2)


def column_chart(
    chart_id: str,
    title: str,
    desc: str,
    labels: list[str],
    series: list[Series],
    axis_text,
    line: tuple[float, str] | None = None,
) -> Markup:
    """Return columns per label (a group when there are several series), with an optional line.

    `axis_text(value)` writes the value at the top of the axis; `line` is (value, label), drawn
    across the plot as a dashed rule, like the promised time to a first reply.
    """
    values = [v for s in series for v in s.values if v is not None]
    top_value = nice_ceiling(max(values + ([line[0]] if line else []), default=0))
    band = (WIDTH - LABEL - 4) / max(len(labels), 1)
    width = band * 0.7 / max(len(series), 1)
    body = [
        f'<line class="rw-chart-axis" x1="{LABEL}" y1="{BOTTOM}" x2="{WIDTH - 4}" y2="{BOTTOM}"/>',
        f'<line class="rw-chart-grid" x1="{LABEL}" y1="{TOP}" x2="{WIDTH - 4}" y2="{TOP}"/>',
        f'<text class="rw-chart-label" x="{LABEL - 4}" y="{TOP + 4}" text-anchor="end">'
        f"{escape(axis_text(top_value))}</text>",
        f'<text class="rw-chart-label" x="{LABEL - 4}" y="{BOTTOM + 4}" text-anchor="end">'
        f"{escape(axis_text(0))}</text>",
    ]
    for i, name in enumerate(labels):
        left = LABEL + i * band + band * 0.15
        for k, one in enumerate(series):
            value = one.values[i]
            if value is None:
                continue
            y = y_of(value, top_value)
            body.append(
                f'<rect class="rw-chart-bar {escape(one.css)}" x="{left + k * width:.2f}" '
                f'y="{y:g}" width="{width:.2f}" height="{BOTTOM - y:.2f}"/>'
            )
        body.append(
            f'<text class="rw-chart-label" x="{LABEL + (i + 0.5) * band:.2f}" y="{HEIGHT - 4}" '
            f'text-anchor="middle">{escape(name)}</text>'
        )
    if line:
        y = y_of(line[0], top_value)
        body.append(
            f'<line class="rw-chart-promise" x1="{LABEL}" y1="{y:g}" x2="{WIDTH - 4}" y2="{y:g}"/>'
        )
    body += _legend(series if len(series) > 1 else [], line[1] if line else None)
    return _svg(chart_id, title, desc, HEIGHT, body)


def _legend(series: list[Series], line_label: str | None) -> list[str]:
    """Return the key above the plot, where no column can cover it: series, then the line."""
    items, x = [], LABEL
    for one in series:
        items.append(
            f'<rect class="rw-chart-key rw-chart-bar {escape(one.css)}" x="{x}" y="4" width="12" '
            'height="12"/>'
            f'<text class="rw-chart-label" x="{x + 16}" y="14">{escape(one.name)}</text>'
        )
        x += 24 + len(one.name) * 7
    if line_label:
        items.append(
            f'<line class="rw-chart-promise" x1="{x}" y1="10" x2="{x + 18}" y2="10"/>'
            f'<text class="rw-chart-promise-label" x="{x + 22}" y="14">{escape(line_label)}</text>'
        )
    return items
