"""Read the table exported from Word as text: tab-separated cells, one row per line.

The export repeats the column headings before each row and marks paragraphs inside a cell
with `<p>…</p>`; it may carry a byte order mark and Windows line ends, or be UTF-16 (Word's
"Unicode text").
"""

from __future__ import annotations

import codecs

from itaplan.errors import Problem
from itaplan.table.source import RawRow, RawTable, TableError, clean, is_header, split_paragraphs

MAX_BYTES = 2 * 1024 * 1024


def decode(data: bytes, shown: str) -> str:
    """The file's text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if len(data) > MAX_BYTES:
        raise TableError([Problem(shown, None, None, f"is larger than {MAX_BYTES // 1024 // 1024} MB: "
                                  "expected one agency's analysis table")])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise TableError([Problem(shown, line, None, "is not UTF-8 text (a Thai legacy encoding such as "
                                  "TIS-620/windows-874?): save the table as text with Unicode (UTF-8) encoding")]) from None
    if "\x00" in text:
        raise TableError([Problem(shown, None, None, "is not a text file: expected the table exported as text, or a .docx")])
    return text


def _lines(text: str) -> list[str]:
    """Lines split at LF, CRLF or CR only: a vertical tab (Word's manual line break) stays inside its cell."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_text(data: bytes, shown: str) -> RawTable:
    """Split the exported text into lines above the table, heading rows and indicator rows."""
    above: list[str] = []
    headers: list[RawRow] = []
    rows: list[RawRow] = []
    ignored: list[tuple[str, str]] = []
    in_table = False
    for number, line in enumerate(_lines(decode(data, shown)), start=1):
        if "\t" not in line:
            if clean(line) and in_table:
                ignored.append((f"line {number}", clean(line)))
            elif clean(line):
                above.append(clean(line))
            continue
        in_table = True
        cells = line.split("\t")
        row = RawRow(tuple(split_paragraphs(c) for c in cells), f"line {number}", number)
        if is_header(cells[0]):
            headers.append(row)
        else:
            rows.append(row)
    return RawTable(shown, tuple(above), tuple(headers), tuple(rows), tuple(ignored))
