"""Errors raised for bad plan data: each names the file, the line, the field and what was expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the plan data, located in a source file."""

    file: str
    line: int | None
    field: str | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f" field '{self.field}':" if self.field else ""
        return f"{where}:{what} {self.message}"


class PlanDataError(Exception):
    """Plan data that cannot be published; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"plan data has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])
