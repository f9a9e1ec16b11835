"""Read the table exported from Word as text: tab-separated cells, one row per line.

The export repeats the column headings before each row (or gives them once at the top) and marks
paragraphs inside a cell with `<p>…</p>`; it may carry a byte order mark and Windows line ends. Word
saves "plain text" in UTF-8, in UTF-16 ("Unicode text") or in the Thai Windows encoding
(windows-874, a superset of TIS-620); all three are read, and the review says which one was.
Lines with no text (blank, or only tabs) are skipped; empty cells after the sixth are dropped.
"""

from __future__ import annotations

import codecs

from itaplan.errors import Problem
from itaplan.table.rows import (RawRow, RawTable, TableError, clean, is_blank, is_header, split_paragraphs,
                                trim_cells)

MAX_BYTES = 2 * 1024 * 1024
THAI_SHARE = 0.9
"""In a file that is not UTF-8, at least this share of the letters above ASCII must be Thai to read it as windows-874."""
UTF8, UTF8_BOM, UTF16, THAI_WINDOWS = "UTF-8", "UTF-8 (with BOM)", "UTF-16", "windows-874 (TIS-620)"


def detect(data: bytes, shown: str) -> tuple[str, str]:
    """(text, encoding name): a BOM first, then valid UTF-8, then windows-874 when it decodes to mostly Thai."""
    if len(data) > MAX_BYTES:
        raise TableError([Problem(shown, None, None, f"ไฟล์ใหญ่เกิน {MAX_BYTES // 1024 // 1024} MB — is larger than "
                                  f"{MAX_BYTES // 1024 // 1024} MB: expected one agency's analysis table")])
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), UTF16
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8):], shown), UTF8_BOM
    try:
        return data.decode("utf-8"), UTF8
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
    text = _thai_windows(data)
    if text is None:
        raise TableError([Problem(shown, line, None, "ไม่ใช่ข้อความ UTF-8 และไม่ใช่ภาษาไทยแบบ windows-874: บันทึกตาราง"
                                  "เป็นข้อความแบบ Unicode (UTF-8) — is not UTF-8 text, nor Thai in windows-874 "
                                  "(TIS-620): save the table as text with Unicode (UTF-8) encoding")])
    return text, THAI_WINDOWS


def _utf8(data: bytes, shown: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise TableError([Problem(shown, line, None, "มี BOM ของ UTF-8 แต่เนื้อไฟล์ไม่ใช่ UTF-8: บันทึกตารางใหม่เป็น "
                                  "ข้อความแบบ Unicode (UTF-8) — starts with a UTF-8 byte order mark but is not UTF-8 "
                                  "text: save the table again as Unicode (UTF-8) text")]) from None


def _thai_windows(data: bytes) -> str | None:
    """The text in windows-874 when every byte is defined there and the non-ASCII letters are mostly Thai."""
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 0x7F]
    thai = [ch for ch in high if "\u0e00" <= ch <= "\u0e7f"]
    if not high or len(thai) < THAI_SHARE * len(high):
        return None
    return text


def decode(data: bytes, shown: str) -> str:
    """The file's text (see `detect`)."""
    return read_encoded(data, shown)[0]


def read_encoded(data: bytes, shown: str) -> tuple[str, str]:
    """(text, encoding name) of a text file; a binary file is refused."""
    text, encoding = detect(data, shown)
    if "\x00" in text:
        raise TableError([Problem(shown, None, None, "ไม่ใช่ไฟล์ข้อความ ต้องเป็นตารางที่ส่งออกเป็นข้อความ หรือไฟล์ .docx — "
                                  "is not a text file: expected the table exported as text, or a .docx")])
    return text, encoding


def _lines(text: str) -> list[str]:
    """Lines split at LF, CRLF or CR only: a vertical tab (Word's manual line break) stays inside its cell."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_text(data: bytes, shown: str) -> RawTable:
    """Split the exported text into lines above the table, heading rows and indicator rows."""
    text, encoding = read_encoded(data, shown)
    above: list[str] = []
    headers: list[RawRow] = []
    rows: list[RawRow] = []
    ignored: list[tuple[str, str]] = []
    in_table = False
    for number, line in enumerate(_lines(text), start=1):
        if "\t" not in line:
            if clean(line) and in_table:
                ignored.append((f"line {number}", clean(line)))
            elif clean(line):
                above.append(clean(line))
            continue
        cells = trim_cells(line.split("\t"))
        if all(is_blank(cell) for cell in cells):
            continue
        in_table = True
        row = RawRow(tuple(split_paragraphs(c) for c in cells), f"line {number}", number)
        if is_header(cells[0]):
            headers.append(row)
        else:
            rows.append(row)
    return RawTable(shown, tuple(above), tuple(headers), tuple(rows), tuple(ignored), encoding)
