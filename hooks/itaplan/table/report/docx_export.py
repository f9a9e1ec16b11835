"""Write a round's progress report table as a Word document: A4 landscape, TH Sarabun New, heading row repeated.

The indicator's cells (indicator, measure, narrative, evidence) are merged down over its step rows, so
each indicator reads as one block; the importer reads a merged cell once.
"""

from __future__ import annotations

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Mm, Pt

from itaplan.plan.model import YearPlan
from itaplan.plan.schema import Agency
from itaplan.plan.settings import Round
from itaplan.progress.schema import IndicatorReport, RoundInfo
from itaplan.table.docx_export import BODY_PT, TITLE_PT, _child, _page, _paragraph, _thai_font
from itaplan.table.report.cells import COLUMNS
from itaplan.table.report.export import report_rows, title_lines

REPORT_PT = 13
"""A point smaller than the plan's table: twelve columns share the width of an A4 page."""


def build_report_docx(agency: Agency, year: YearPlan, round_: Round, info: RoundInfo | None,
                      reports: dict[int, IndicatorReport]):
    """The Word document (python-docx Document) of one round's report table."""
    doc = Document()
    _page(doc.sections[0])
    normal = doc.styles["Normal"]
    _thai_font(normal.element.get_or_add_rPr(), min(REPORT_PT, BODY_PT))
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    lines = title_lines(agency, year, round_, info)
    doc.core_properties.title = lines[0]
    doc.core_properties.language = "th-TH"
    for text in lines:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(4)
        _paragraph(paragraph, text, bold=True, size=TITLE_PT, center=True)
    rows = report_rows(year, reports)
    table = doc.add_table(rows=1 + len(rows), cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _child(header._tr.get_or_add_trPr(), "w:tblHeader", val="true")
    for cell, column in zip(header.cells, COLUMNS):
        _paragraph(cell.paragraphs[0], column.heading, bold=True, center=True)
    merged = [index for index, column in enumerate(COLUMNS) if column.per_indicator]
    start = 0
    for index, row in enumerate(rows):
        if row.first:
            start = index
        last = index + 1 == len(rows) or rows[index + 1].first
        for column, paragraphs in enumerate(row.cells):
            if column in merged:
                continue
            _fill(table.cell(1 + index, column), paragraphs)
        if last:
            for column in merged:
                cell = table.cell(1 + start, column)
                if index > start:
                    cell = cell.merge(table.cell(1 + index, column))
                _fill(cell, rows[start].cells[column])
    for index, column in enumerate(COLUMNS):
        table.columns[index].width = Mm(column.width_mm)
        for cell in table.columns[index].cells:
            cell.width = Mm(column.width_mm)
    return doc


def _fill(cell, paragraphs: tuple[str, ...]) -> None:
    if not paragraphs:
        return
    _paragraph(cell.paragraphs[0], paragraphs[0])
    for text in paragraphs[1:]:
        _paragraph(cell.add_paragraph(), text)
