"""Test helper (not collected): made-up frameworks for assessment years itaplan does not ship.

Tests that publish synthetic years (2566, 2569, 2570, …) need a framework for each. These copies are
labelled MADE UP in their first line: they are itaplan's 2568 framework under another year's number,
not any framework the NACC published.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from itaplan.framework import shipped_frameworks

MADE_UP = "# MADE UP for tests: itaplan's 2568 framework copied under the year {year}; not the NACC's framework."


def made_up_copy(plan_data: Path, year: int, from_year: int = 2568) -> Path:
    """Write plan_data/frameworks/<year>.yml, a labelled copy of a shipped framework; return its path."""
    data = shipped_frameworks().get(from_year).model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data.update(assessment_year=year, source=f"ข้อมูลสมมติสำหรับทดสอบ (made up for tests): สำเนาของกรอบปี {from_year}")
    path = plan_data / "frameworks" / f"{year}.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(MADE_UP.format(year=year) + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path


def made_up_copies(plan_data: Path) -> list[Path]:
    """A labelled copy for every assessment year of plan_data's plans that itaplan does not ship."""
    shipped = shipped_frameworks()
    written = []
    for plan in sorted(plan_data.glob("*/plan.yml")):
        year = yaml.safe_load(plan.read_text(encoding="utf-8")).get("assessment_year")
        if isinstance(year, int) and shipped.get(year) is None and \
                not (plan_data / "frameworks" / f"{year}.yml").exists():
            written.append(made_up_copy(plan_data, year))
    return written
