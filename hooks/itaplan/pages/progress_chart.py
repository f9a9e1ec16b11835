"""The progress chart of a report round: one bar per indicator, drawn at build time (no JavaScript).

Built as the score chart is (hooks/itaplan/pages/chart.py): HTML text, a small SVG bar per row, one
image to assistive technology. Every bar has its numbers written beside it (steps done of steps
counted, per cent), so nothing is told by colour alone; the description and the table below the
chart say the same in words.
"""

from __future__ import annotations

from itaplan import thai
from itaplan.pages.chart import bar_row, bar_svg, hidden_text
from itaplan.plan.schema import Indicator
from itaplan.progress.rollup import Progress


def progress_words(progress: Progress, style: thai.Digits) -> str:
    """'๒ จาก ๓ ขั้นตอน (ร้อยละ ๖๗)', the one wording of a roll-up on every page."""
    if progress.percent is None:
        return "ไม่มีขั้นตอนที่นับ (ยกเลิกทั้งหมด)" if progress.cancelled else "ไม่มีขั้นตอน"
    return thai.digits(f"{progress.done} จาก {progress.counted} ขั้นตอน (ร้อยละ {progress.percent})", style)


def progress_chart(rows: list[tuple[Indicator, Progress]], style: thai.Digits, title: str,
                   chart_id: str = "progress-chart") -> str:
    """One accessible image: a row per indicator with its label, its figures and its bar."""
    described = "; ".join(f"ตัวชี้วัดที่ {thai.digits(i.number, style)} {i.name} ดำเนินการแล้ว "
                          f"{progress_words(p, style)}" for i, p in rows)
    desc = f"แผนภูมิแท่งแนวนอน ร้อยละของขั้นตอนที่ดำเนินการแล้ว: {described}"
    parts = [
        f'<div class="itaplan-chart itaplan-progress-chart" id="{chart_id}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        hidden_text(f"{chart_id}-title", title),
        hidden_text(f"{chart_id}-desc", desc),
        '<ol class="itaplan-chart-rows">',
    ]
    for indicator, progress in rows:
        value = (thai.digits(f"{progress.done}/{progress.counted} ขั้นตอน ({progress.percent}%)", style)
                 if progress.percent is not None else "ยกเลิกทั้งหมด")
        parts.append(bar_row(f"{thai.digits(indicator.number, style)}. {indicator.name}", value,
                             bar_svg(progress.percent or 0)))
    parts.append("</ol></div>")
    return "".join(parts)
