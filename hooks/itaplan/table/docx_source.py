"""Read the table from the Word document itself (.docx), the form the office actually keeps.

Paragraphs before the first table are the title and agency lines; each table row is a row of
the official table. Word's automatic numbering of steps is not part of the paragraph text, so
numbered paragraphs in the steps column get their number (๑. ๒. …) back; a manual line break
(Shift+Enter) parts paragraphs like Enter does; empty cells after the sixth and empty rows are
skipped; a cell merged
downwards (vMerge) repeats the cell above it; a row with a single cell (a heading merged
across the table) is read as a line of text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from itaplan.errors import Problem
from itaplan.thai import digits
from itaplan.table.rows import COLUMNS, RawRow, RawTable, TableError, clean, is_header, trim_cells

STEPS = COLUMNS.index("steps")


def read_docx(path: Path, shown: str) -> RawTable:
    """Read the title lines, agency line and table rows of a .docx file."""
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise TableError([Problem(shown, None, None, f"ไม่ใช่เอกสาร Word (.docx) ที่อ่านได้ — is not a readable Word "
                                  f"document (.docx): {exc}")]) from None
    above: list[str] = []
    headers: list[RawRow] = []
    rows: list[RawRow] = []
    ignored: list[tuple[str, str]] = []
    tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = clean(block.text)
            if text and tables:
                ignored.append((f"paragraph after table {tables}", text))
            elif text:
                above.append(text)
            continue
        tables += 1
        for row in _rows(block, tables):
            if not any(row.cells):
                continue
            if len(row.cells) == 1:
                text = row.text(0)
                if text and (headers or rows):
                    ignored.append((row.where, text))
                elif text:
                    above.append(text)
            elif is_header(row.text(0)):
                headers.append(row)
            else:
                rows.append(row)
    return RawTable(shown, tuple(above), tuple(headers), tuple(rows), tuple(ignored))


def _rows(table: Table, number: int) -> list[RawRow]:
    out: list[RawRow] = []
    previous: tuple[tuple[str, ...], ...] = ()
    for index, tr in enumerate(table._tbl.tr_lst, start=1):
        cells = []
        for column, tc in enumerate(tr.tc_lst):
            if tc.vMerge == "continue" and column < len(previous):
                cells.append(previous[column])
            else:
                cells.append(_paragraphs(_Cell(tc, table), numbered=column == STEPS))
        previous = tuple(trim_cells(cells))
        out.append(RawRow(previous, f"table {number} row {index}"))
    return out


def _paragraphs(cell: _Cell, numbered: bool) -> tuple[str, ...]:
    """The cell's non-blank paragraphs; automatically numbered ones get their number written out."""
    out = []
    count = 0
    for paragraph in cell.paragraphs:
        lines = [clean(line) for line in paragraph.text.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if numbered and _has_numbering(paragraph):
            count += 1
            lines[0] = f"{digits(count, 'thai')}.{lines[0]}"
        out.extend(lines)
    return tuple(out)


def _has_numbering(paragraph: Paragraph) -> bool:
    """Numbered by Word, directly (the numbering button) or through its style (e.g. List Number)."""
    for ppr in (paragraph._p.pPr, paragraph.style.element.pPr if paragraph.style is not None else None):
        if ppr is not None and ppr.numPr is not None:
            return True
    return False
