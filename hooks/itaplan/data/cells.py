"""Text cells that a spreadsheet cannot run: formula injection (CSV injection) neutralised.

Excel, LibreOffice and Google Sheets treat a cell that starts with = + - @ (and, in some
versions, a tab or carriage return followed by one of them) as a formula. Plan text comes from
many hands, so such a cell gets a leading apostrophe, as OWASP recommends; the apostrophe is shown
in the cell and tells a reader the text was protected. Numbers stay numbers.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """`value` unchanged unless it is text that a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
