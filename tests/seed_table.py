"""An independent reading of the seed's rows, for checking the site against the official text."""

from __future__ import annotations

import re

from conftest import SEED

THAI_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def _clean(text: str) -> str:
    return " ".join(re.sub(r"</?p>", " ", text).split())


def seed_rows() -> dict[int, dict[str, list[str]]]:
    """Indicator number -> its cells' sentences: measure, paragraphs, steps (numbers removed), unit."""
    rows = {}
    for line in SEED.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) != 6 or not cells[0].startswith("ตัวชี้วัดที่"):
            continue
        number = int(re.search(r"[๐-๙]+", cells[0]).group().translate(THAI_TO_ARABIC))
        paragraphs = [_clean(p) for p in re.split(r"</?p>", cells[2]) if _clean(p)]
        steps = [_clean(s) for s in re.split(r"(?:^|\s)[๑-๙]\.", _clean(cells[3])) if _clean(s)]
        rows[number] = {"measure": [_clean(cells[1])], "analysis": paragraphs,
                        "steps": steps, "responsible": [_clean(cells[5])]}
    return rows
