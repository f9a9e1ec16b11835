"""One indicator's score across the years as a small accessible line chart (no JavaScript).

The chart is a picture of the table beside it: one image to assistive technology (role="img" with a
title and a description that states every value). As with the bar charts (chart.py), its text is
HTML — the scale on the left, the years below, growing with the reader's text size and readable when
a browser darkens the page — and only the lines and points are SVG. Each year has a column of its
own; its point sits at the column's centre, above its label.
"""

from __future__ import annotations

import math
from html import escape

from itaplan import thai
from itaplan.pages.chart import hidden_text
from itaplan.pages.trends import Point

COLUMN = 10  # SVG units per year
HEIGHT = 100  # SVG units from the top of the scale (100 points) to its bottom
MAX_YEAR_LABELS = 4  # a phone with large text has room for four years under the chart


def _floor(points: list[Point]) -> float:
    """The bottom of the scale: 10 points below the lowest score, in steps of 10 (at least 0)."""
    return max(0.0, math.floor((min(p.score for p in points) - 10) / 10) * 10)


def labelled(count: int) -> set[int]:
    """Which of `count` years get their label: all when few, else evenly spaced, always the newest."""
    every = max(1, math.ceil(count / MAX_YEAR_LABELS))
    shown = set(range(0, count, every))
    last = max(shown)
    if last != count - 1:
        if last > 0 and count - 1 - last < every:
            shown.discard(last)  # it would crowd the newest
        shown.add(count - 1)
    return shown


def trend_chart(points: list[Point], name: str, style: thai.Digits, chart_id: str) -> str:
    """One accessible image; `points` oldest first (at least one)."""
    title = f"คะแนน ITA แต่ละปี: {name}"
    desc = "แผนภูมิเส้น: " + "; ".join(
        f"ปี {thai.digits(p.assessment_year, style)} {thai.score(p.score, style)} คะแนน" for p in points)
    low = _floor(points)
    width = COLUMN * len(points)

    def y(score: float) -> float:
        return round(HEIGHT * (100 - score) / (100 - low), 2)

    coords = [(n * COLUMN + COLUMN / 2, y(p.score)) for n, p in enumerate(points)]
    scale = [(100, "top"), ((low + 100) / 2, "middle"), (low, "bottom")]
    parts = [
        f'<div class="itaplan-trend" id="{chart_id}" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        hidden_text(f"{chart_id}-title", title),
        hidden_text(f"{chart_id}-desc", desc),
        '<div class="itaplan-trend-plot"><ul class="itaplan-trend-scale">',
        *(f'<li class="itaplan-trend-{where}">{escape(thai.digits(f"{value:g}", style))}</li>'
          for value, where in scale),
        f'</ul><svg class="itaplan-trend-lines" viewBox="0 0 {width:g} {HEIGHT}" preserveAspectRatio="none" '
        'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">',
    ]
    for value, _ in scale:
        parts.append(f'<line x1="0" x2="{width:g}" y1="{y(value):g}" y2="{y(value):g}" '
                     'class="itaplan-trend-grid" vector-effect="non-scaling-stroke"/>')
    if len(coords) > 1:
        parts.append('<polyline class="itaplan-trend-line" fill="none" vector-effect="non-scaling-stroke" points="'
                     + " ".join(f"{x:g},{py:g}" for x, py in coords) + '"/>')
    for x, py in coords:
        # a line of no length with round ends: a dot that stays round however the chart is stretched
        parts.append(f'<path d="M{x:g} {py:g}h0" class="itaplan-trend-point" vector-effect="non-scaling-stroke"/>')
    parts.append('</svg></div><ol class="itaplan-trend-years">')
    shown = labelled(len(points))
    for n, p in enumerate(points):
        label = escape(thai.digits(p.assessment_year, style)) if n in shown else ""
        parts.append(f"<li>{label}</li>")
    parts.append("</ol></div>")
    return "".join(parts)
