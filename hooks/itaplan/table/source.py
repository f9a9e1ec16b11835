"""Read an agency's table from its file: a Word document (.docx) or the table exported as text.

This dispatcher depends on the readers (docx_source, text_source), which depend on the shared row
types in itaplan.table.rows, never on this module. The row types are also importable from here, as
the importers and writers have always imported them.
"""

from __future__ import annotations

from pathlib import Path

from itaplan.errors import Problem
from itaplan.table.rows import (COLUMNS, ExportError, RawRow, RawTable, TableError, clean,  # noqa: F401 - re-exported
                                default_mode, is_blank, is_header, split_paragraphs, trim_cells)


def read_table(path: Path) -> RawTable:
    """Read the table from a Word document (.docx) or from the table exported as text."""
    shown = path.name
    if not path.is_file():
        raise TableError([Problem(shown, None, None, "ไม่พบไฟล์ ต้องเป็นตารางที่ส่งออกเป็นข้อความ (.txt) หรือไฟล์ .docx — "
                                  "file not found: expected the exported table (.txt) or a .docx")])
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise TableError([Problem(shown, None, None, "เป็นไฟล์ Word แบบเก่า (.doc): เปิดใน Word แล้วบันทึกเป็น "
                                  "เอกสาร Word (.docx) แล้วนำเข้าไฟล์ .docx — is an old Word .doc file: open it in Word "
                                  "and save it as a Word Document (.docx), then import the .docx")])
    if suffix == ".docx":  # the readers load on first use: python-docx and lxml only when a .docx is read
        from itaplan.table.docx_source import read_docx
        return read_docx(path, shown)
    from itaplan.table.text_source import read_text
    return read_text(path.read_bytes(), shown)
