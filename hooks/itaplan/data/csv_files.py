"""CSV as Thai offices open it: UTF-8 with a byte order mark (Excel then shows Thai), CRLF line
ends, every text cell quoted and protected from formula injection."""

from __future__ import annotations

import csv
import io

from itaplan.data.cells import neutralise
from itaplan.data.tables import Column

BOM = "\ufeff"


def to_csv(columns: tuple[Column, ...], rows: list[dict]) -> str:
    """The table as CSV text, BOM first, a header row of the column names."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        writer.writerow([neutralise(row[c.name]) for c in columns])
    return BOM + out.getvalue()
