"""A responsible unit misspelt in one indicator (`- กองคลง` where the others say `กองคลัง`) is valid YAML and
would quietly become a unit page of its own: warn, naming the unit the rest of the plan writes.

Only near misses are told: two names of at least 4 letters, one or two letters apart (an edit distance of 1–2),
that do not differ in their digits (งานธุรการ 1 and งานธุรการ 2 are two units). The name written fewer times
is the one warned, with the other as the fix; when both are written as often, the one met later is warned,
without saying which of the two is the slip.
"""

from __future__ import annotations

import re
from pathlib import Path

from itaplan.errors import Problem
from itaplan.plain_text import name_key
from itaplan.plan.schema import Indicator
from itaplan.plan.yaml_source import YamlDocument
from itaplan.thai import and_list

MIN_LENGTH = 4
MAX_DISTANCE = 2
_DIGITS = re.compile(r"\d+")


def distance(a: str, b: str, limit: int = MAX_DISTANCE) -> int:
    """Levenshtein distance of `a` and `b` (letters added, removed or changed), or limit + 1 when above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def near(a: str, b: str) -> bool:
    """Whether `a` and `b` look like one unit's name written two ways (see the module's rule)."""
    if a == b or min(len(a), len(b)) < MIN_LENGTH or _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    return 1 <= distance(a, b) <= MAX_DISTANCE


def near_unit_warnings(files: list[tuple[Indicator, str, YamlDocument]]) -> list[Problem]:
    """A warning on each responsible entry whose name is a near miss of one written more (or as) often elsewhere
    in the year's plan. `files`: (indicator, shown path, document), in the plan's order."""
    where: dict[str, list[int]] = {}  # name -> the indicators that write it
    for indicator, _, _ in files:
        for unit in indicator.responsible:
            where.setdefault(name_key(unit), []).append(indicator.number)
    first = {name: pos for pos, name in enumerate(where)}  # the order names first appear in
    warnings = []
    for indicator, shown, doc in files:
        for pos, unit in enumerate(indicator.responsible):
            name = name_key(unit)
            others = [n for n in where if near(name, n) and set(where[n]) - {indicator.number}
                      and (len(where[n]) > len(where[name]) or len(where[n]) == len(where[name]) and first[n] < first[name])]
            if not others:
                continue
            meant = max(others, key=lambda n: len(where[n]))  # the most written
            numbers = ", ".join(str(n) for n in dict.fromkeys(where[meant]))
            numbers_th = and_list(list(dict.fromkeys(where[meant])))
            line, field = doc.line_of(("responsible", pos)), f"responsible[{pos}]"
            thai = (f"ชื่อหน่วยงาน “{name}” ต่างจาก “{meant}” ในตัวชี้วัดที่ {numbers_th} เพียงหนึ่งหรือสองตัวอักษร "
                    f"(ชื่อที่เขียนต่างกันจะแยกเป็นหน้าหน่วยงานคนละหน้า)")
            english = (f"the unit \"{name}\" is one or two letters from \"{meant}\", written in indicator(s) {numbers} "
                       f"(names written differently become separate unit pages)")
            if len(where[meant]) > len(where[name]):
                thai += f": หมายถึง {meant} หรือไม่ ถ้าใช่ แก้เป็น - {meant}"
                english += f": did you mean {meant}? If so, write - {meant}"
            else:  # written as often: which is the slip is not for us to say
                thai += ": ถ้าเป็นหน่วยงานเดียวกัน ให้แก้ชื่อที่สะกดผิดให้ตรงกับอีกชื่อ"
                english += ": if they are one unit, correct the misspelt one to match the other"
            warnings.append(Problem(shown, line, field, english, kind="unit_name", thai=thai))
    return warnings


def shown_files(found: dict[int, tuple[Indicator, Path, YamlDocument]], shown) -> list:
    """The loader's indicators by number as (indicator, shown path, document)."""
    return [(indicator, shown(path), doc) for _, (indicator, path, doc) in sorted(found.items())]
