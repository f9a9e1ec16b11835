"""What a table source yields: the lines above the table and its rows as cells of paragraphs.

The shared types and helpers of the readers (docx_source, text_source); the dispatcher that picks a
reader by the file's type is itaplan.table.source, which depends on the readers, as they depend on
this module and never on it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from itaplan.errors import PlanDataError, Problem

COLUMNS = ("indicator", "measure", "analysis", "steps", "period", "responsible")
_P_TAG = re.compile(r"</?p\s*>|[\x0b\u2028\u2029]", re.IGNORECASE)
"""Paragraph marks inside a cell: `<p>…</p>` of the export, Word's manual line break (vertical tab), and
the Unicode line and paragraph separators."""


class TableError(PlanDataError):
    """A table that cannot be imported; nothing was written."""

    def report(self) -> str:
        count = len(self.problems)
        head = (f"นำเข้าตารางไม่ได้: พบ {count} ปัญหา (ยังไม่ได้เขียนไฟล์ใด) — cannot import the table: {count} "
                f"problem{'s' if count != 1 else ''} (nothing was written):")
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class ExportError(PlanDataError):
    """An export that cannot be written."""

    def report(self) -> str:
        return "\n".join(["ส่งออกตารางไม่ได้ — cannot export the table:", *(f"  {p}" for p in self.problems)])


def default_mode(directory: bool) -> int:
    """The permissions a new file or folder would get under the current umask (temp files get 0600/0700)."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if directory else 0o666) & ~mask


@dataclass(frozen=True)
class RawRow:
    """One table row: each cell is a tuple of paragraphs (white space already collapsed)."""

    cells: tuple[tuple[str, ...], ...]
    where: str
    """Where a person finds the row: 'line 7' (text) or 'table 1 row 2' (Word)."""
    line: int | None = None

    @property
    def at(self) -> str:
        """Prefix for messages: the row's place when no line number already shows it ('table 1 row 2: ')."""
        return "" if self.line is not None else f"{self.where}: "

    def text(self, column: int) -> str:
        """The whole cell as one line of text."""
        return " ".join(self.cells[column])


@dataclass(frozen=True)
class RawTable:
    """A table as read from its file, before any of its cells are interpreted."""

    file: str
    above: tuple[str, ...]
    """Non-blank lines above the table (the title lines and the agency line)."""
    headers: tuple[RawRow, ...]
    rows: tuple[RawRow, ...]
    ignored: tuple[tuple[str, str], ...] = ()
    """(where, text) of text found outside the table, which is not imported."""
    encoding: str | None = None
    """The text encoding the file was read in ('UTF-8', 'windows-874 (TIS-620)', …); None for .docx."""


def clean(text: str) -> str:
    """Collapse runs of white space to one space and strip: the only change made to official wording."""
    return " ".join(text.split())


def split_paragraphs(cell: str) -> tuple[str, ...]:
    """A text cell's paragraphs: `<p>…</p>` marks them in the exported text; otherwise one paragraph."""
    return tuple(p for p in (clean(part) for part in _P_TAG.split(cell)) if p)


def trim_cells(cells: list) -> list:
    """The cells without the empty ones Word leaves after the sixth column (text, or tuples of paragraphs)."""
    while len(cells) > len(COLUMNS) and is_blank(cells[-1]):
        cells = cells[:-1]
    return cells


def is_blank(cell: str | tuple[str, ...]) -> bool:
    """A cell with no text: white space and paragraph marks only."""
    return not cell if isinstance(cell, tuple) else not clean(_P_TAG.sub(" ", cell))


def is_header(first_cell: str) -> bool:
    """The column heading row ('ตัวชี้วัด ITA ๒๕๖๘'), as opposed to an indicator row ('ตัวชี้วัดที่ ๑ …')."""
    text = clean(first_cell)
    return text.startswith("ตัวชี้วัด") and not text.replace(" ", "").startswith("ตัวชี้วัดที่")
