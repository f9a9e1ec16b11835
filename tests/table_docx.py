"""Test helper (not collected): build a Word document from the exported text, as the office's .docx would be."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document


def paragraphs(cell: str) -> list[str]:
    """A text cell's paragraphs (`<p>…</p>` in the export)."""
    return [p.strip() for p in re.split(r"</?p>", cell) if p.strip()] or [""]


def docx_from_text(text: str, path: Path, one_table: bool = False) -> Path:
    """Title lines become paragraphs; each heading line starts a new table (or one table for all rows)."""
    doc = Document()
    table = None
    for line in text.splitlines():
        if "\t" not in line:
            if line.strip():
                doc.add_paragraph(line.strip())
            continue
        cells = line.split("\t")
        if table is None or (cells[0].startswith("ตัวชี้วัด ITA") and not one_table):
            table = doc.add_table(rows=0, cols=len(cells))
        row = table.add_row()
        for cell, content in zip(row.cells, cells):
            first, *rest = paragraphs(content)
            cell.paragraphs[0].text = first
            for extra in rest:
                cell.add_paragraph(extra)
    doc.save(str(path))
    return path
