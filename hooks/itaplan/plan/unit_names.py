"""A responsible unit misspelt in one indicator (`- กองคลง` where the others say `กองคลัง`) is valid YAML and
would quietly become a unit page of its own: warn, naming the unit the rest of the plan writes.

Only near misses are told: two names of at least 4 letters, one or two letters apart (an edit distance of 1–2),
that do not differ in their digits (งานธุรการ 1 and งานธุรการ 2 are two units). The name written fewer times
is the one warned, with the other as the fix; when both are written as often, the one met later is warned,
without saying which of the two is the slip.

Hostile input stays cheap: each pair of distinct names is compared once, only names whose lengths are within
MAX_DISTANCE, with a distance that looks only near the diagonal; a plan that names more than MAX_NAMES units, or a
"name" longer than MAX_NAME_LENGTH letters, is not a list of units with a slip in it and is not compared.
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
MAX_NAMES = 200
"""Distinct unit names in a year's plan beyond which no near miss is looked for (a plan names a few dozen)."""
MAX_NAME_LENGTH = 80
"""Letters beyond which a name is not compared with the others."""
_DIGITS = re.compile(r"\d+")


def distance(a: str, b: str, limit: int = MAX_DISTANCE) -> int:
    """Levenshtein distance of `a` and `b` (letters added, removed or changed), or limit + 1 when above limit.

    The letters both share at the start and the end are set aside first (they do not change the distance), and
    only the cells within `limit` of the diagonal are worked out: a few per letter, not one per pair of letters."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    start, shorter = 0, min(len(a), len(b))
    while start < shorter and a[start] == b[start]:
        start += 1
    end = 0
    while end < shorter - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start:len(a) - end], b[start:len(b) - end]
    big = limit + 1
    previous = [min(j, big) for j in range(len(b) + 1)]
    for i, letter in enumerate(a, start=1):
        current = [big] * (len(b) + 1)
        current[0] = min(i, big)
        low, high = max(1, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != b[j - 1]), big)
        if min(current[low - 1:high + 1]) >= big:
            return big
        previous = current
    return min(previous[-1], big)


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
    close = _near_names(list(where))
    warnings = []
    for indicator, shown, doc in files:
        for pos, unit in enumerate(indicator.responsible):
            name = name_key(unit)
            others = [n for n in close.get(name, ()) if set(where[n]) - {indicator.number}
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


def _near_names(names: list[str]) -> dict[str, list[str]]:
    """{name: the names near it, in the order of `names`}, each pair compared once and only between names whose
    lengths differ by MAX_DISTANCE at most; nothing when there are more than MAX_NAMES names."""
    if len(names) > MAX_NAMES:
        return {}
    order = {name: pos for pos, name in enumerate(names)}
    by_length: dict[int, list[str]] = {}
    for name in names:
        if len(name) <= MAX_NAME_LENGTH:
            by_length.setdefault(len(name), []).append(name)
    close: dict[str, list[str]] = {}
    for name in names:
        if len(name) > MAX_NAME_LENGTH:
            continue
        for length in range(len(name), len(name) + MAX_DISTANCE + 1):
            for other in by_length.get(length, ()):
                if (length > len(name) or order[other] > order[name]) and near(name, other):
                    close.setdefault(name, []).append(other)
                    close.setdefault(other, []).append(name)
    return {name: sorted(found, key=order.__getitem__) for name, found in close.items()}


def shown_files(found: dict[int, tuple[Indicator, Path, YamlDocument]], shown) -> list:
    """The loader's indicators by number as (indicator, shown path, document)."""
    return [(indicator, shown(path), doc) for _, (indicator, path, doc) in sorted(found.items())]
