"""Errors raised for bad plan data: each names the file, the line, the field and what was expected."""

from __future__ import annotations

import re
from dataclasses import dataclass

from itaplan.thai_hints import hint

# Control characters in a file name or message must not reach a terminal as they are.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the plan data, located in a source file."""

    file: str
    line: int | None
    field: str | None
    message: str
    column: int | None = None
    kind: str | None = None
    """What went wrong, for programs and tests: yaml, encoding, too_large, unreadable, layout,
    mismatch, canonical, duplicate, or the pydantic error type (missing, string_type, …)."""

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f" field '{self.field}':" if self.field else ""
        return _printable(f"{where}:{what} {self.message}")


class PlanDataError(Exception):
    """Plan data that cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"plan data has {count} problem{'s' if count != 1 else ''}:"
        lines = [head]
        for problem in self.problems:
            lines.append(f"  {problem}")
            if hint(problem.kind):
                lines.append(f"      ↳ {hint(problem.kind)}")
        return "\n".join(lines)
