"""End to end: a second agency's table -> `itaplan new` -> a fresh virtual environment -> `mkdocs build --strict`.

The agency (องค์การบริหารส่วนตำบลหนองตัวอย่าง) is fictional; its table is written the way another office
writes it (tests/fixtures/second_agency/rows.py).
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest
import yaml

from agency_project import DOCX, itaplan_new, rows, second_project, traces  # noqa: F401
from htmlutil import content_text

THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.mark.slow
def test_second_agency_from_a_fresh_install(tmp_path):
    """The README's first command works in the new folder on a fresh machine (offline, from the package index)."""
    dest = tmp_path / "nong-tua-yang"
    made = itaplan_new(dest, table=DOCX)
    assert made.returncode == 0, made.stdout + made.stderr
    venv = subprocess.run([sys.executable, "-m", "venv", ".venv"], cwd=dest, capture_output=True, text=True)
    assert venv.returncode == 0, venv.stderr
    install = subprocess.run([str(dest / ".venv/bin/pip"), "install", "-q", "-r", "requirements.txt"], cwd=dest,
                             capture_output=True, text=True, timeout=1800)
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-3000:]
    where = subprocess.run([str(dest / ".venv/bin/python"), "-c", "import itaplan; print(itaplan.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True)
    assert where.stdout.strip() == str(dest / "hooks/itaplan/__init__.py")  # the project's own copy of the code
    check = subprocess.run([str(dest / ".venv/bin/itaplan"), "check"], cwd=dest, capture_output=True, text=True)
    assert check.returncode == 0 and "mkdocs.yml:" in check.stderr  # valid, placeholders named
    build = subprocess.run([str(dest / ".venv/bin/mkdocs"), "build", "--strict"], cwd=dest, capture_output=True,
                           text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    site = dest / "site"
    for number, name, measure, analysis, steps, _period, _dates, _units in rows().ROWS:
        text = content_text(site / "2570" / f"indicator-{number:02d}" / "index.html")
        assert name in text and measure in text and analysis in text
        score = f"{rows().score_of((number, name, measure, analysis)):.2f}".translate(THAI)
        assert f"{score} คะแนน" in text
    assert traces(dest) == []


def _times(page) -> list[str]:
    return re.findall(r'<time datetime="([0-9-]+)">', page.read_text(encoding="utf-8"))


def _items(html: str, heading_id: str) -> list[str]:
    """The text of each <li> in the list that follows the heading `heading_id`."""
    part = html.split(f'id="{heading_id}"', 1)[1].split("<h2", 1)[0]
    return [" ".join(re.sub(r"<[^>]+>", " ", li).split()) for li in re.findall(r"<li>(.*?)</li>", part, re.S)]


def test_second_agency_styles_are_read(second_project):
    """Steps split at '1)' and '(1)', periods as month ranges, several units in one cell."""
    plan = second_project / "plan_data" / "2570" / "indicators"
    for number, _name, _measure, _analysis, steps, _period, dates, units in rows().ROWS:
        data = yaml.safe_load((plan / f"{number:02d}.yml").read_text(encoding="utf-8"))
        (sy, sm, sd), (ey, em, ed) = dates
        assert data["steps"] == steps[1:], number
        assert (data["period"]["start"], data["period"]["end"]) == (date(sy, sm, sd), date(ey, em, ed)), number
        assert data["responsible"] == units, number
        page = second_project / "site" / "2570" / f"indicator-{number:02d}" / "index.html"
        assert _times(page)[:2] == [date(sy, sm, sd).isoformat(), date(ey, em, ed).isoformat()]
        assert _items(page.read_text(encoding="utf-8"), "steps") == steps[1:]
        text = content_text(page)
        for unit in units:
            assert unit in text
        assert ", ".join(units) not in text or len(units) == 1
