"""Errors raised for bad plan data: each names the file, the line, the field and what was expected."""

from __future__ import annotations

import re
from dataclasses import dataclass

from itaplan.thai_hints import advice, hint
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the vocabulary is loaded when a problem is shown, not by every build that meets none
    from itaplan.vocabulary import Place

# Control characters in a file name or message must not reach a terminal as they are.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# A message written "Thai — English" in one string (progress, evidence, table, placeholders) leads with Thai.
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_SEPARATOR = " — "


def _printable(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class ThaiValueError(ValueError):
    """A refused value, explained in Thai for staff and in English for everyone else.

    Raised by validators (pydantic keeps it in the error's context, so the Thai text reaches the
    report); its str() leads with the Thai sentence.
    """

    def __init__(self, thai: str, english: str):
        super().__init__(thai, english)
        self.thai = thai
        self.english = english

    def __str__(self) -> str:
        return f"{self.thai} ({self.english})"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the plan data, located in a source file.

    `thai` says in Thai what is wrong and what was expected (for office staff); `message` says the
    same in English. Everything a person reads leads with the Thai sentence.

    `field` is the path in code form ('steps[1].status', counted from 0) for programs and tests; people
    read `place` instead: given by the caller when it knows more (a report's entry named by its `step:`
    value), else derived from `field` and the kind of file (see itaplan.vocabulary).
    """

    file: str
    line: int | None
    field: str | None
    message: str
    column: int | None = None
    kind: str | None = None
    """What went wrong, for programs and tests: yaml, encoding, too_large, unreadable, layout,
    mismatch, canonical, duplicate, fiscal_year, or the pydantic error type (missing, string_type, …)."""
    thai: str | None = None
    place: Place | None = None

    @property
    def shown_place(self) -> Place | None:
        """Where in the file, as staff see it: "ช่องสถานะ (status) ของขั้นตอนที่ 3" / "field status of step 3"."""
        if self.place is not None:
            return self.place
        from itaplan.vocabulary import place

        return place(self.field, self.file)

    @property
    def where(self) -> str:
        return _printable(self.file if self.line is None else f"{self.file}:{self.line}")

    @property
    def has_own_thai(self) -> bool:
        """Whether the problem says in Thai what is wrong itself (else a hint by its kind stands in)."""
        return self.thai is not None or self._bilingual is not None

    @property
    def _bilingual(self) -> tuple[str, str] | None:
        """(Thai, English) of a message written as one "Thai — English" string, else None."""
        if self.thai is None and _SEPARATOR in self.message:
            thai, english = self.message.split(_SEPARATOR, 1)
            if _THAI.search(thai):
                return thai, english
        return None

    @property
    def thai_text(self) -> str:
        """The Thai sentence, prefixed with the place: "ช่องคะแนน (score): ค่าต้องไม่เกิน 100 แต่พบ 120"."""
        both = self._bilingual
        text = self.thai or (both[0] if both else None) or hint(self.kind) or "ข้อมูลไม่ถูกต้อง (ดูคำอธิบายภาษาอังกฤษ)"
        where = self.shown_place
        return _printable(f"{where.thai}: {text}" if where else text)

    @property
    def english_text(self) -> str:
        """The English sentence, prefixed with the place: "field score: expected …"."""
        both = self._bilingual
        message = both[1] if both else self.message
        where = self.shown_place
        return _printable(f"{where.english}: {message}" if where else message)

    def __str__(self) -> str:
        if not self.has_own_thai and hint(self.kind) is None:  # no Thai of its own
            return f"{self.where}: {self.english_text}"
        return f"{self.where}: {self.thai_text} — {self.english_text}"


def problem_count(count: int) -> str:
    """The report's first line: "ข้อมูลแผนมีปัญหา 3 รายการ (plan data has 3 problems):" (Arabic digits, as in
    every message: the line numbers and the values staff type are Arabic)."""
    return f"ข้อมูลแผนมีปัญหา {count} รายการ (plan data has {count} problem{'s' if count != 1 else ''}):"


class PlanDataError(Exception):
    """Plan data that cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem: where, then the Thai sentence, a Thai hint if there is one, then the English."""
        lines = [problem_count(len(self.problems))]
        for problem in self.problems:
            lines.append(f"  {problem.where}: {problem.thai_text}")
            tip = advice(problem.kind, problem.has_own_thai)
            if tip and tip not in problem.thai_text:
                lines.append(f"      ↳ {tip}")
            lines.append(f"      {problem.english_text}")
        return "\n".join(lines)
