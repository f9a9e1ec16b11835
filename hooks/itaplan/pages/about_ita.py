"""What ITA measures, for hand-written pages (`<!-- itaplan:framework -->` on the home page), from the framework
of the newest plan: its indicators grouped by tool, so no page states a count or a name the framework lacks."""

from __future__ import annotations

from itaplan import thai
from itaplan.framework import Framework
from itaplan.pages.render import md_text
from itaplan.pages.trends import framework_change
from itaplan.plan.model import PlanSet


def _numbers(numbers: list[int], style: thai.Digits) -> str:
    """'ตัวชี้วัดที่ ๑–๕', 'ตัวชี้วัดที่ ๙', 'ตัวชี้วัดที่ ๑, ๓ และ ๔'."""
    d = [thai.digits(n, style) for n in numbers]
    if len(numbers) > 1 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"ตัวชี้วัดที่ {d[0]}–{d[-1]}"
    return "ตัวชี้วัดที่ " + _joined(d)


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " และ " + items[-1]


def tool_lines(framework: Framework, style: thai.Digits) -> list[str]:
    """One Markdown list item per tool: its indicators' numbers, how it gathers its data, and their names."""
    out = []
    for tool in framework.tools:
        indicators = sorted(framework.indicators_of(tool.code), key=lambda i: i.number)
        numbers = md_text(_numbers([i.number for i in indicators], style))
        names = " ".join(md_text(i.name) for i in indicators[:-1])
        names = f"{names} และ{md_text(indicators[-1].name)}" if names else md_text(indicators[-1].name)
        if tool.description:
            out.append(f"- **{numbers} ({md_text(tool.code)})** {md_text(tool.description)} เรื่อง{names}")
        else:
            out.append(f"- **{numbers}** {md_text(tool.name)}: เรื่อง{names}")
    return out


def about_ita_entry(plans: PlanSet, style: thai.Digits) -> dict:
    """The home page's explanation, as JSON-able data for the site payload (years_list.about_ita_markdown)."""
    year = plans.latest
    framework = year.framework
    d = lambda v: thai.digits(v, style)  # noqa: E731
    intro = (f"ITA {d(framework.assessment_year)} มีตัวชี้วัด {d(len(framework.indicators))} ตัว "
             f"แบ่งตามวิธีเก็บข้อมูลเป็น {d(len(framework.tools))} กลุ่ม")
    change = framework_change(plans, year)
    note = None
    if change is not None and change.changed:
        note = md_text(f"กรอบการประเมินเปลี่ยนในปี {d(framework.assessment_year)} "
                       f"(ITA {d(change.previous.assessment_year)} มีตัวชี้วัด {d(len(change.previous.indicators))} ตัว)")
    return {"intro": md_text(intro), "items": tool_lines(framework, style), "note": note}
