"""The bar chart of the year's scores, drawn at build time as an accessible SVG (no JavaScript).

Each bar is coloured by the place of its tool in the year's framework (itaplan-tool-1, -2, …).
"""

from __future__ import annotations

from html import escape

from itaplan import thai
from itaplan.plan.model import YearPlan

WIDTH = 480
ROW = 52
TOP = 8
LABEL_H = 20
BAR_H = 20
SCALE = 100.0


def score_chart(year: YearPlan, style: thai.Digits, chart_id: str = "score-chart") -> str:
    """An inline <svg role="img"> with a title and a description that states every score."""
    title = f"คะแนน ITA {thai.digits(year.info.assessment_year, style)} รายตัวชี้วัด"
    described = "; ".join(
        f"ตัวชี้วัดที่ {thai.digits(i.number, style)} {i.name} {thai.score(i.score, style)} คะแนน"
        for i in year.indicators)
    desc = f"แผนภูมิแท่งแนวนอน คะแนนเต็ม {thai.digits(100, style)}: {described}"
    height = TOP + ROW * len(year.indicators)
    parts = [
        f'<svg class="itaplan-chart" id="{chart_id}" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    bar_max = WIDTH - 70
    for row, indicator in enumerate(year.indicators):
        y = TOP + row * ROW
        length = round(bar_max * indicator.score / SCALE, 1)
        label = f"{thai.digits(indicator.number, style)}. {indicator.name}"
        tool = year.framework.tool_position(indicator.group) if year.framework else 0  # colour by the tool's place
        parts.append(
            f'<g class="itaplan-chart-row itaplan-tool-{tool}" aria-hidden="true">'
            f'<text x="0" y="{y + 15}" class="itaplan-chart-label">{escape(label)}</text>'
            f'<rect x="0" y="{y + LABEL_H}" width="{bar_max}" height="{BAR_H}" class="itaplan-chart-track"/>'
            f'<rect x="0" y="{y + LABEL_H}" width="{length}" height="{BAR_H}" class="itaplan-chart-bar"/>'
            f'<text x="{length + 6}" y="{y + LABEL_H + 15}" class="itaplan-chart-value">'
            f'{escape(thai.score(indicator.score, style))}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
