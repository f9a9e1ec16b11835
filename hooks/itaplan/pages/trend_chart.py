"""One indicator's score across the years as a small accessible SVG line chart (no JavaScript).

The chart is a picture of the table beside it: role="img" with a title and a description that
states every value; the marks themselves are hidden from assistive technology.
"""

from __future__ import annotations

import math
from html import escape

from itaplan import thai
from itaplan.pages.trends import Point

WIDTH = 480
HEIGHT = 180
LEFT = 44
RIGHT = 24
TOP = 24
BOTTOM = 34
MAX_VALUE_LABELS = 12


def _floor(points: list[Point]) -> float:
    """The bottom of the scale: 10 points below the lowest score, in steps of 10 (at least 0)."""
    return max(0.0, math.floor((min(p.score for p in points) - 10) / 10) * 10)


def trend_chart(points: list[Point], name: str, style: thai.Digits, chart_id: str) -> str:
    """An inline <svg role="img">; `points` oldest first (at least one)."""
    title = f"คะแนน ITA แต่ละปี: {name}"
    desc = "แผนภูมิเส้น: " + "; ".join(
        f"ปี {thai.digits(p.assessment_year, style)} {thai.score(p.score, style)} คะแนน" for p in points)
    low = _floor(points)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / (len(points) - 1) if len(points) > 1 else 0

    def xy(n: int, p: Point) -> tuple[float, float]:
        x = LEFT + (n * step if len(points) > 1 else plot_w / 2)
        return round(x, 1), round(TOP + plot_h * (100 - p.score) / (100 - low), 1)

    coords = [xy(n, p) for n, p in enumerate(points)]
    parts = [
        f'<svg class="itaplan-trend" id="{chart_id}" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
        '<g aria-hidden="true">',
    ]
    for value in (low, (low + 100) / 2, 100):
        y = round(TOP + plot_h * (100 - value) / (100 - low), 1)
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" class="itaplan-trend-grid"/>'
                     f'<text x="{LEFT - 6}" y="{y + 5}" text-anchor="end" class="itaplan-trend-axis">'
                     f'{escape(thai.digits(f"{value:g}", style))}</text>')
    if len(coords) > 1:
        parts.append('<polyline class="itaplan-trend-line" fill="none" points="'
                     + " ".join(f"{x},{y}" for x, y in coords) + '"/>')
    label_every = max(1, math.ceil(len(points) / MAX_VALUE_LABELS))
    for n, ((x, y), p) in enumerate(zip(coords, points)):
        parts.append(f'<circle cx="{x}" cy="{y}" r="4" class="itaplan-trend-point"/>')
        if n % label_every == 0 or n == len(points) - 1:
            parts.append(f'<text x="{x}" y="{y - 9}" text-anchor="middle" class="itaplan-trend-value">'
                         f'{escape(thai.score(p.score, style))}</text>'
                         f'<text x="{x}" y="{HEIGHT - 10}" text-anchor="middle" class="itaplan-trend-axis">'
                         f'{escape(thai.digits(p.assessment_year, style))}</text>')
    parts.append("</g></svg>")
    return "".join(parts)
