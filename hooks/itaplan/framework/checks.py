"""How the parts of one framework must agree: each problem with where it is (for the line number) and why.

The schema checks each value on its own; these checks need the whole file: numbers and codes used
once, every indicator scored by a tool the file declares, every OIT item under a known indicator.
"""

from __future__ import annotations

from typing import NamedTuple

from itaplan.framework.schema import Framework


class Disagreement(NamedTuple):
    loc: tuple  # where in the file: ("indicators", 3, "tool")
    thai: str
    english: str

    @property
    def field(self) -> str:
        out = ""
        for part in self.loc:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
        return out


def disagreements(framework: Framework) -> list[Disagreement]:
    """Every way the parts of `framework` disagree, in file order; an empty list when they agree."""
    out: list[Disagreement] = []
    codes: dict[str, int] = {}
    prefixes: dict[str, str] = {}
    for pos, tool in enumerate(framework.tools):
        if tool.code in codes:
            out.append(Disagreement(("tools", pos, "code"), f"รหัสเครื่องมือ {tool.code} ซ้ำกับเครื่องมือลำดับที่ "
                                    f"{codes[tool.code] + 1}: แต่ละเครื่องมือต้องมีรหัสไม่ซ้ำกัน",
                                    f"tool code {tool.code} is used twice: expected each tool once"))
        codes.setdefault(tool.code, pos)
        if tool.questions is not None:
            prefix = tool.questions.prefix
            if prefix in prefixes:
                out.append(Disagreement(("tools", pos, "questions", "prefix"),
                                        f"อักษรนำหน้ารหัสข้อคำถาม '{prefix}' ซ้ำกับเครื่องมือ {prefixes[prefix]}: "
                                        "แต่ละแบบสำรวจต้องมีอักษรนำหน้าของตัวเอง",
                                        f"question prefix '{prefix}' is also {prefixes[prefix]}'s: expected a "
                                        "prefix of its own for each survey"))
            prefixes.setdefault(prefix, tool.code)
    numbers: dict[int, int] = {}
    names: dict[str, int] = {}
    known_codes = ", ".join(codes)
    for pos, ind in enumerate(framework.indicators):
        if ind.number in numbers:
            out.append(Disagreement(("indicators", pos, "number"), f"ตัวชี้วัดที่ {ind.number} ซ้ำ: แต่ละเลขใช้ได้ครั้งเดียว",
                                    f"indicator number {ind.number} is used twice: expected each number once"))
        numbers.setdefault(ind.number, pos)
        squeezed = "".join(ind.name.split())
        if squeezed in names:
            out.append(Disagreement(("indicators", pos, "name"), f"ชื่อตัวชี้วัด '{ind.name}' ซ้ำกับตัวชี้วัดที่ "
                                    f"{framework.indicators[names[squeezed]].number}: แต่ละชื่อใช้ได้ครั้งเดียว",
                                    f"the name '{ind.name}' is used twice: expected each indicator's name once"))
        names.setdefault(squeezed, pos)
        if ind.tool not in codes:
            out.append(Disagreement(("indicators", pos, "tool"), f"ไม่มีเครื่องมือรหัส {ind.tool} ในรายการ tools: "
                                    f"ใช้รหัสใดรหัสหนึ่งต่อไปนี้ {known_codes} หรือเพิ่มเครื่องมือนี้ใน tools",
                                    f"no tool has the code {ind.tool}: expected one of {known_codes}, or add "
                                    "the tool under \"tools\""))
        seen: set[str] = set()
        for n, old in enumerate(ind.continues):
            if "".join(old.split()) == squeezed:
                out.append(Disagreement(("indicators", pos, "continues", n),
                                        "continues: ใส่ชื่อเดิมในปีก่อน ๆ ไม่ต้องใส่ชื่อปัจจุบันของตัวชี้วัดนี้",
                                        "continues lists earlier names; the indicator's own name needs no entry"))
            elif old in seen:
                out.append(Disagreement(("indicators", pos, "continues", n), f"ชื่อเดิม '{old}' ซ้ำ",
                                        f"the earlier name '{old}' is listed twice"))
            seen.add(old)
    for pos, tool in enumerate(framework.tools):
        if not framework.indicators_of(tool.code):
            out.append(Disagreement(("tools", pos, "code"), f"เครื่องมือ {tool.code} ไม่มีตัวชี้วัดใดเลย: ระบุ tool: "
                                    f"{tool.code} ในตัวชี้วัดของเครื่องมือนี้ หรือลบเครื่องมือนี้ออก",
                                    f"no indicator is scored by tool {tool.code}: give its indicators "
                                    f"'tool: {tool.code}', or remove the tool"))
    items: dict[str, int] = {}
    for pos, item in enumerate(framework.oit_items):
        if item.code in items:
            out.append(Disagreement(("oit_items", pos, "code"), f"รหัสข้อ {item.code} ซ้ำ: แต่ละข้อใช้รหัสได้ครั้งเดียว",
                                    f"OIT item code {item.code} is used twice: expected each code once"))
        items.setdefault(item.code, pos)
        if item.indicator not in numbers:
            have = ", ".join(str(n) for n in numbers)
            out.append(Disagreement(("oit_items", pos, "indicator"), f"ไม่มีตัวชี้วัดที่ {item.indicator} ในกรอบนี้ "
                                    f"(มี {have})", f"the framework has no indicator {item.indicator}: expected "
                                    f"one of {have}"))
        if len(set(item.documents)) != len(item.documents):
            out.append(Disagreement(("oit_items", pos, "documents"), "documents: มีเอกสารซ้ำกัน ให้เหลือครั้งเดียว",
                                    "documents: a document is listed twice"))
    return out
