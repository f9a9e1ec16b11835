"""The bar chart of the scores, drawn at build time (no JavaScript): text in HTML, bars in SVG.

A chart is one image to assistive technology (role="img", named by a title and a description that
states every score); what is seen is HTML text that grows with the reader's text size, wraps on a
phone and stays readable when a browser darkens the page (Chromium's automatic dark mode recolours
HTML text but not SVG text), and a bar per row drawn as a small SVG. The colour of a bar tells its
group of tools; the legend names each group with the indicators in it, so colour is never alone. A
group's colour follows its tool's place in the year's framework, so a tool keeps its colour from year to
year (without a framework, the order in which the groups appear).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from itaplan import thai
from itaplan.plan.model import YearPlan

SCALE = 100.0
# Accessible palette of group colours, taken by the group's position in the data (classes
# itaplan-group-1 … -6 in itaplan.css); a seventh group starts over at the first colour.
PALETTE_SIZE = 6


def hidden_text(element_id: str, text: str) -> str:
    """Text that names or describes a chart for assistive technology (referenced, not shown)."""
    return f'<span id="{element_id}" hidden="hidden">{escape(text)}</span>'


def bar_svg(value: float, maximum: float = SCALE) -> str:
    """One bar on its track, as wide as the line it sits on (lengths in per cent of `maximum`)."""
    length = round(100 * max(0.0, min(value, maximum)) / maximum, 2) if maximum else 0.0
    return ('<svg class="itaplan-chart-bars" viewBox="0 0 100 1" preserveAspectRatio="none" '
            'aria-hidden="true" focusable="false" xmlns="http://www.w3.org/2000/svg">'
            '<rect x="0" y="0" width="100" height="1" class="itaplan-chart-track"/>'
            f'<rect x="0" y="0" width="{length:g}" height="1" class="itaplan-chart-bar"/></svg>')


def bar_row(label: str, value: str, bar: str, css_class: str = "") -> str:
    """A row of a bar chart: the label and its value on one line (wrapping as needed), the bar below."""
    extra = f" {css_class}" if css_class else ""
    return (f'<li class="itaplan-chart-row{extra}"><span class="itaplan-chart-text">'
            f'<span class="itaplan-chart-label">{escape(label)}</span> '
            f'<span class="itaplan-chart-value">{escape(value)}</span></span>{bar}</li>')


def groups_of(year: YearPlan) -> list[str]:
    """The groups of tools present in a year's indicators, in the order they first appear."""
    return list(dict.fromkeys(i.group for i in year.indicators))


def group_class(position: int) -> str:
    """CSS class of the group at `position` (0-based) among the groups of a chart."""
    return f"itaplan-group-{position % PALETTE_SIZE + 1}"


def number_ranges(numbers: Sequence[int], style: thai.Digits) -> str:
    """'๑–๕', '๙, ๑๐' or '๑–๓, ๕': indicator numbers with runs of three or more joined by a dash."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{run[0]}–{run[-1]}")
        else:
            parts.extend(str(n) for n in run)
    return thai.digits(", ".join(parts), style)


def score_chart(year: YearPlan, style: thai.Digits, chart_id: str = "score-chart",
                group_names: Mapping[str, str] | None = None) -> str:
    """The year's scores as one accessible image: legend of the groups present, a row per indicator.

    `group_names` maps a group's code (as in the data) to the name a reader sees (by default the names of
    the tools of the year's framework); a code without a name is shown as it is.
    """
    framework = year.framework
    names = group_names if group_names is not None else (
        {tool.code: tool.name for tool in framework.tools} if framework is not None else {})
    groups = groups_of(year)
    position = {group: (framework.tool_position(group) - 1 if framework is not None and framework.tool(group)
                        else n) for n, group in enumerate(groups)}
    title = f"คะแนน ITA {thai.digits(year.info.assessment_year, style)} รายตัวชี้วัด"
    described = "; ".join(
        f"ตัวชี้วัดที่ {thai.digits(i.number, style)} {i.name} {thai.score(i.score, style)} คะแนน"
        for i in year.indicators)
    legend = [(group, names.get(group, group),
               number_ranges([i.number for i in year.indicators if i.group == group], style)) for group in groups]
    desc = f"แผนภูมิแท่งแนวนอน คะแนนเต็ม {thai.digits(100, style)}: {described}"
    if len(groups) > 1:
        desc += ". สีของแท่งบอกกลุ่มเครื่องมือ: " + " / ".join(
            f"{name} ตัวชี้วัดที่ {numbers}" for _, name, numbers in legend)
    parts = [
        f'<div class="itaplan-chart" id="{chart_id}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        hidden_text(f"{chart_id}-title", title),
        hidden_text(f"{chart_id}-desc", desc),
    ]
    if len(groups) > 1:
        parts.append('<ul class="itaplan-chart-legend">')
        for group, name, numbers in legend:
            parts.append(f'<li class="{group_class(position[group])}">'
                         '<svg class="itaplan-chart-swatch" viewBox="0 0 1 1" aria-hidden="true" '
                         'focusable="false" xmlns="http://www.w3.org/2000/svg">'
                         '<rect x="0" y="0" width="1" height="1"/></svg> '
                         f'{escape(name)}: ตัวชี้วัดที่ {escape(numbers)}</li>')
        parts.append("</ul>")
    parts.append('<ol class="itaplan-chart-rows">')
    for indicator in year.indicators:
        parts.append(bar_row(f"{thai.digits(indicator.number, style)}. {indicator.name}",
                             thai.score(indicator.score, style), bar_svg(indicator.score),
                             group_class(position[indicator.group])))
    parts.append("</ol></div>")
    return "".join(parts)
