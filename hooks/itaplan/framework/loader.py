"""The frameworks itaplan ships (package data in framework/shipped/), and the rules for framework files.

Shipped files are itaplan's own and checked by its tests; an agency's files in plan_data/frameworks/
are read with the plan data's strict YAML reader by plan/frameworks.py, which lays them over these.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from pydantic import ValidationError

from itaplan.errors import PlanDataError, Problem
from itaplan.framework.checks import disagreements
from itaplan.framework.model import Frameworks, Origin
from itaplan.framework.schema import Framework

SHIPPED_DIR = Path(__file__).with_name("shipped")
SHIPPED_SHOWN = "hooks/itaplan/framework/shipped"
FOLDER = "frameworks"
"""The folder of an agency's own frameworks inside plan_data/."""
FILE_NAME = re.compile(r"^(25\d\d)\.ya?ml$")


@functools.lru_cache(maxsize=1)
def shipped_frameworks() -> Frameworks:
    """The frameworks itaplan ships, by assessment year (only those known for sure)."""
    by_year, origins = {}, {}
    problems: list[Problem] = []
    for path in sorted(SHIPPED_DIR.glob("*.yml")):
        shown = f"{SHIPPED_SHOWN}/{path.name}"
        try:
            framework = Framework.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            problems.append(Problem(shown, None, None, f"itaplan's shipped framework cannot be read: {exc}",
                                    kind="framework", thai="กรอบการประเมินที่มากับ itaplan อ่านไม่ได้"))
            continue
        problems += [Problem(shown, None, d.field, d.english, kind="framework", thai=d.thai)
                     for d in disagreements(framework)]
        if path.stem != str(framework.assessment_year):
            problems.append(Problem(shown, None, "assessment_year", "does not match the file name",
                                    kind="framework", thai="ปีไม่ตรงกับชื่อไฟล์"))
        by_year[framework.assessment_year] = framework
        origins[framework.assessment_year] = Origin(shown, True)
    if problems:
        raise PlanDataError(problems)
    return Frameworks(by_year, origins)
