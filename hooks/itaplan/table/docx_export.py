"""Write the official table as a Word document to print and sign: A4 landscape, Thai font, repeated heading row.

The font is set for Thai (complex script, w:cs) as well as Latin text, with the complex-script size
(w:szCs) and bold (w:bCs), or Word would show Thai in its default font. The heading row repeats on
every page; rows may break across pages, since an analysis can be longer than a page. The period
is written on two lines (start –, end) with no-break spaces, so that a
narrow column does not break a date apart.
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from itaplan.plan.schema import Agency
from itaplan.plan.model import YearPlan
from itaplan.table.export import agency_line, heading_cells, row_cells

FONT = "TH Sarabun New"
BODY_PT, TITLE_PT = 14, 16
PAGE_MM, MARGIN_MM = (297, 210), 15
COLUMN_MM = (30, 40, 80, 55, 35, 27)
PERIOD = 4
NBSP = "\u00a0"
_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def build_docx(agency: Agency, year: YearPlan):
    """The Word document (python-docx Document) of one fiscal year's table."""
    doc = Document()
    _page(doc.sections[0])
    normal = doc.styles["Normal"]
    _thai_font(normal.element.get_or_add_rPr(), BODY_PT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    doc.core_properties.title = year.info.title
    doc.core_properties.language = "th-TH"
    for text in (year.info.title, agency_line(agency)):
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(6)
        _paragraph(paragraph, text, bold=True, size=TITLE_PT, center=True)
    table = doc.add_table(rows=1, cols=len(COLUMN_MM))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _child(header._tr.get_or_add_trPr(), "w:tblHeader", val="true")
    for cell, text in zip(header.cells, heading_cells(year)):
        _paragraph(cell.paragraphs[0], text, bold=True, center=True)
    for indicator in year.indicators:
        row = table.add_row()
        cells = row_cells(indicator)
        start, dash, end = cells[PERIOD][0].partition(" – ")
        lines = [f"{start}{dash.rstrip()}", end] if dash else cells[PERIOD]
        cells[PERIOD] = [line.replace(" ", NBSP) for line in lines]
        for cell, paragraphs in zip(row.cells, cells):
            _paragraph(cell.paragraphs[0], paragraphs[0])
            for text in paragraphs[1:]:
                _paragraph(cell.add_paragraph(), text)
    for index, width in enumerate(COLUMN_MM):
        table.columns[index].width = Mm(width)
        for cell in table.columns[index].cells:
            cell.width = Mm(width)
    return doc


def _page(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))


def _paragraph(paragraph, text: str, bold: bool = False, size: int | None = None, center: bool = False) -> None:
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    if bold or size:
        rpr = run._r.get_or_add_rPr()
        _thai_font(rpr, size or BODY_PT)
        if bold:
            run.bold = True
            rpr.insert_element_before(OxmlElement("w:bCs"), *_AFTER_BCS)


def _thai_font(rpr, size_pt: int) -> None:
    """Set the Thai font for every script (ascii, hAnsi, eastAsia, cs) and both sizes (sz, szCs) on an rPr."""
    fonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    rpr.get_or_add_sz().val = Pt(size_pt)
    for old in rpr.findall(qn("w:szCs")) + rpr.findall(qn("w:lang")):
        rpr.remove(old)
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(size_pt * 2))
    rpr.insert_element_before(size_cs, *_AFTER_SZCS)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "th-TH")
    lang.set(qn("w:bidi"), "th-TH")
    rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _child(parent, tag: str, **attrs: str) -> None:
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    parent.append(element)


_AFTER_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
               "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_BCS = ("w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike", "w:outline", "w:shadow",
              "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color",
              "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", *_AFTER_SZCS)
