"""Split the steps cell at its numbers ('๑.' '๒.' …), keeping every step even where numbering skips."""

from __future__ import annotations

import re
from typing import NamedTuple

from itaplan.thai import digits, to_arabic

_MARKER = re.compile(r"(?:^|(?<=\s))([0-9๐-๙]{1,2})\.(?![0-9๐-๙])")


class Steps(NamedTuple):
    """The steps in order, with notes on anything a person should check."""

    items: list[str]
    notes: list[str]


def split_steps(paragraphs: tuple[str, ...]) -> Steps:
    """Steps from the cell's paragraphs: split at rising numbers; unnumbered paragraphs are one step each."""
    text = " ".join(paragraphs)
    markers = _rising_markers(text)
    if not markers:
        note = [] if len(paragraphs) > 1 else ["no step numbers (๑. ๒. …) found: kept the cell as one step"]
        return Steps(list(paragraphs), note)
    notes: list[str] = []
    items: list[str] = []
    preface = text[:markers[0][1]].strip()
    if preface:
        items.append(preface)
        notes.append(f"text before step {digits(markers[0][0], 'thai')} was kept as a step of its own: '{preface[:40]}'")
    bounds = [start for _, start, _ in markers[1:]] + [len(text)]
    for (number, _, body_start), end in zip(markers, bounds):
        step = text[body_start:end].strip()
        if step:
            items.append(step)
        else:
            notes.append(f"step {digits(number, 'thai')} has no text: left out")
    numbers = [number for number, _, _ in markers]
    expected = list(range(1, len(numbers) + 1))
    if numbers != expected:
        shown = ", ".join(digits(n, "thai") for n in numbers)
        missing = sorted(set(range(1, numbers[-1] + 1)) - set(numbers))
        gap = f" ({', '.join(digits(n, 'thai') for n in missing)} missing)" if missing else ""
        notes.append(f"the steps are numbered {shown}{gap}: kept all {len(items)} steps in the order written")
    return Steps(items, notes)


def _rising_markers(text: str) -> list[tuple[int, int, int]]:
    """(number, start, end) of each marker whose number is higher than the last one accepted."""
    found: list[tuple[int, int, int]] = []
    for match in _MARKER.finditer(text):
        number = int(to_arabic(match.group(1)))
        if number >= 1 and (not found or number > found[-1][0]):
            found.append((number, match.start(), match.end()))
    return found
