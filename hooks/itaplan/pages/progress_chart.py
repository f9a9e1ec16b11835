"""The progress chart of a report round: one bar per indicator, drawn at build time as an accessible SVG.

Every bar has its numbers written beside it (steps done of steps counted, per cent), so nothing is
told by colour alone; the <title>/<desc> and the table below the chart say the same in words.
"""

from __future__ import annotations

from html import escape

from itaplan import thai
from itaplan.plan.schema import Indicator
from itaplan.progress.rollup import Progress

WIDTH = 480
ROW = 52
TOP = 8
LABEL_H = 20
BAR_H = 20


def progress_words(progress: Progress, style: thai.Digits) -> str:
    """'๒ จาก ๓ ขั้นตอน (ร้อยละ ๖๗)', the one wording of a roll-up on every page."""
    if progress.percent is None:
        return "ไม่มีขั้นตอนที่นับ (ยกเลิกทั้งหมด)" if progress.cancelled else "ไม่มีขั้นตอน"
    return thai.digits(f"{progress.done} จาก {progress.counted} ขั้นตอน (ร้อยละ {progress.percent})", style)


def progress_chart(rows: list[tuple[Indicator, Progress]], style: thai.Digits, title: str,
                   chart_id: str = "progress-chart") -> str:
    """An inline <svg role="img"> with a title and a description that states every figure."""
    described = "; ".join(f"ตัวชี้วัดที่ {thai.digits(i.number, style)} {i.name} ดำเนินการแล้ว "
                          f"{progress_words(p, style)}" for i, p in rows)
    desc = f"แผนภูมิแท่งแนวนอน ร้อยละของขั้นตอนที่ดำเนินการแล้ว: {described}"
    height = TOP + ROW * len(rows)
    parts = [
        f'<svg class="itaplan-chart itaplan-progress-chart" id="{chart_id}" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]
    bar_max = WIDTH - 190
    for row, (indicator, progress) in enumerate(rows):
        y = TOP + row * ROW
        length = round(bar_max * (progress.percent or 0) / 100, 1)
        label = f"{thai.digits(indicator.number, style)}. {indicator.name}"
        value = (thai.digits(f"{progress.done}/{progress.counted} ขั้นตอน ({progress.percent}%)", style)
                 if progress.percent is not None else "ยกเลิกทั้งหมด")
        parts.append(
            f'<g class="itaplan-chart-row" aria-hidden="true">'
            f'<text x="0" y="{y + 15}" class="itaplan-chart-label">{escape(label)}</text>'
            f'<rect x="0" y="{y + LABEL_H}" width="{bar_max}" height="{BAR_H}" class="itaplan-chart-track"/>'
            f'<rect x="0" y="{y + LABEL_H}" width="{length}" height="{BAR_H}" class="itaplan-chart-bar"/>'
            f'<text x="{bar_max + 8}" y="{y + LABEL_H + 15}" class="itaplan-chart-value">{escape(value)}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
