"""Damaged tables: each is a clear error naming the line (or Word table row), with no traceback and nothing written."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from docx import Document
from table_docx import docx_from_text

from conftest import ROOT, SEED, run
from itaplan.table.importer import import_file
from itaplan.table.source import TableError

LINES = SEED.read_text(encoding="utf-8").split("\n")
ROW_LINE = {n: 8 + 3 * (n - 1) for n in range(1, 11)}  # indicator n's row; its heading line is one above


def cells(line: int) -> list[str]:
    return LINES[line - 1].split("\t")


def edit(line: int, new: str | None) -> list[str]:
    out = list(LINES)
    out[line - 1:line] = [] if new is None else [new]
    return out


def set_cell(line: int, column: int, value: str) -> list[str]:
    row = cells(line)
    row[column] = value
    return edit(line, "\t".join(row))


DAMAGED = {
    "missing cell": (edit(ROW_LINE[4], "\t".join(cells(ROW_LINE[4])[:5])), ROW_LINE[4], "the row has 5 cells: expected 6"),
    "extra cell": (edit(ROW_LINE[5], LINES[ROW_LINE[5] - 1] + "\tหมายเหตุ"), ROW_LINE[5], "the row has 7 cells"),
    "cell broken over two lines": (
        edit(ROW_LINE[1], LINES[ROW_LINE[1] - 1].replace(" เพื่อเป็นการรักษาระดับคะแนนไว้ ", "\n", 1)),
        ROW_LINE[1], f"the row has 3 cells: expected 6 (indicator, measure, analysis, steps, period, responsible) "
                      f"(it goes on at line {ROW_LINE[1] + 1}: a line break inside a cell? join the two lines)"),
    "no indicator rows": (LINES[:7], None, "no indicator rows found"),
    "unknown indicator number": (set_cell(ROW_LINE[10], 0, "ตัวชี้วัดที่ ๑๑ การป้องกันการทุจริต"), ROW_LINE[10],
                                 "unknown indicator 'ตัวชี้วัดที่ ๑๑ การป้องกันการทุจริต'"),
    "name of another indicator": (set_cell(ROW_LINE[3], 0, "ตัวชี้วัดที่ ๓ การใช้ งบประมาณ"), ROW_LINE[3],
                                  "is the name of indicator 2"),
    "not an indicator row": (set_cell(ROW_LINE[7], 0, "ข้อ ๗ ประสิทธิภาพการสื่อสาร"), ROW_LINE[7],
                             "expected 'ตัวชี้วัดที่ <number> <name>'"),
    "duplicate indicator": (set_cell(ROW_LINE[2], 0, cells(ROW_LINE[1])[0]), ROW_LINE[2],
                            f"indicator 1 appears again (first at line {ROW_LINE[1]})"),
    "missing indicator": (LINES[:ROW_LINE[8] - 2] + LINES[ROW_LINE[8] + 1:], None, "no row for indicator(s) 8"),
    "empty measure cell": (set_cell(ROW_LINE[6], 1, "  "), ROW_LINE[6], "the measure cell is empty"),
    "no agency line": (edit(5, None), None, "no agency line above the table"),
    "unreadable agency line": (edit(5, "ชื่อหน่วยงาน เทศบาลตำบลโคกพุทรา"), None, "cannot read 'ชื่อหน่วยงาน"),
    "no ITA year": ([ln.replace("๒๕๖๘", "").replace("๒๕๖๙", "") for ln in LINES], None, "cannot tell the ITA year"),
}


@pytest.mark.parametrize("name", list(DAMAGED))
def test_damaged_text_table(tmp_path, name):
    lines, line, message = DAMAGED[name]
    source = tmp_path / "table.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(TableError) as caught:
        import_file(source)
    matching = [p for p in caught.value.problems if message in p.message]
    assert matching, caught.value.report()
    assert matching[0].line == line and matching[0].file == "table.txt"


def unreadable(tmp_path: Path, name: str) -> Path:
    if name == "latin-1 text (neither UTF-8 nor Thai)":
        path = tmp_path / "table.txt"
        path.write_bytes("\n\nTabelle für Café\n\xe9t\xe9".encode("latin-1"))
    elif name == "binary file":
        path = tmp_path / "table.txt"
        path.write_bytes(b"PK\x03\x04\x00\x00binary")
    elif name == "docx that is not a Word file":
        path = tmp_path / "table.docx"
        path.write_text("not a zip", encoding="utf-8")
    elif name == "old .doc":
        path = tmp_path / "table.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0")
    else:
        path = tmp_path / "missing.txt"
    return path


@pytest.mark.parametrize("name, message, line", [
    ("latin-1 text (neither UTF-8 nor Thai)", "is not UTF-8 text", 3),
    ("binary file", "is not a text file", None),
    ("docx that is not a Word file", "is not a readable Word document (.docx)", None),
    ("old .doc", "save it as a Word Document (.docx)", None),
    ("missing file", "file not found", None),
])
def test_unreadable_file(tmp_path, name, message, line):
    with pytest.raises(TableError) as caught:
        import_file(unreadable(tmp_path, name))
    assert len(caught.value.problems) == 1
    assert message in caught.value.problems[0].message and caught.value.problems[0].line == line


def test_docx_row_with_a_missing_cell_names_table_and_row(tmp_path):
    source = docx_from_text(SEED.read_text(encoding="utf-8"), tmp_path / "table.docx")
    doc = Document(str(source))
    tr = doc.tables[2].rows[1]._tr
    tr.remove(tr.tc_lst[-1])
    doc.save(str(source))
    with pytest.raises(TableError) as caught:
        import_file(source)
    assert [str(p) for p in caught.value.problems] == ["table.docx: table 3 row 2: แถวนี้มี 5 ช่อง ต้องมี 6 ช่อง — "
                                                       "the row has 5 cells: expected 6 "
                                                       "(indicator, measure, analysis, steps, period, responsible)"]


def test_cli_prints_the_error_without_traceback_and_writes_nothing(tmp_path):
    lines, line, _ = DAMAGED["missing cell"]
    source = tmp_path / "table.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out" / "plan_data"
    result = run([sys.executable, "-m", "itaplan", "import", str(source), "--out", str(out)], cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.startswith("นำเข้าตารางไม่ได้: พบ 1 ปัญหา (ยังไม่ได้เขียนไฟล์ใด) — cannot import the table: "
                                    "1 problem (nothing was written):")
    assert f"table.txt:{line}: แถวนี้มี 5 ช่อง ต้องมี 6 ช่อง — the row has 5 cells" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists() and not (tmp_path / "out").exists()
