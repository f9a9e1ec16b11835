"""Read an agency's own frameworks (plan_data/frameworks/<assessment year>.yml) and lay them over itaplan's.

Each file is read with the same strict YAML reader and schema machinery as the plan data, so every
problem names the file, the line and the field, Thai first.
"""

from __future__ import annotations

from pathlib import Path

from itaplan.errors import PlanDataError, Problem
from itaplan.framework import FOLDER, Framework, Frameworks, shipped_frameworks
from itaplan.framework.checks import disagreements
from itaplan.framework.loader import FILE_NAME
from itaplan.plan.validation import validate
from itaplan.plan.yaml_source import read_yaml
from itaplan.thai import and_list

YAML_SUFFIXES = (".yml", ".yaml")


def read_framework_file(path: Path, shown: str, expected_year: int | None = None) -> Framework:
    """One framework file, validated and checked; PlanDataError names every problem (file, line, field)."""
    doc = read_yaml(path, shown)
    framework = validate(doc, Framework)
    problems = [Problem(shown, doc.line_of(d.loc), d.field, d.english, kind="framework", thai=d.thai)
                for d in disagreements(framework)]
    if expected_year is not None and framework.assessment_year != expected_year:
        problems.insert(0, Problem(shown, doc.line_of(("assessment_year",)), "assessment_year",
                                   f"is {framework.assessment_year} but the file is named {path.name}: expected "
                                   f"{expected_year}, the year of the file name", kind="mismatch",
                                   thai=f"ปีที่ประเมินในไฟล์คือ {framework.assessment_year} แต่ไฟล์ชื่อ {path.name}: "
                                        f"ต้องตรงกัน (ตั้งชื่อไฟล์ตามปีที่ประเมิน เช่น {framework.assessment_year}.yml)"))
    if problems:
        raise PlanDataError(problems)
    return framework


def load_frameworks(plan_data: Path, shown_root: str = "plan_data") -> tuple[Frameworks, list[Problem]]:
    """itaplan's frameworks with the agency's own laid over them, and the problems found in the agency's files."""
    folder = plan_data / FOLDER
    own: dict[int, tuple[Framework, str]] = {}
    problems: list[Problem] = []
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.name.lower() == "readme.md":
                continue
            shown = f"{shown_root}/{FOLDER}/{path.name}"
            named = FILE_NAME.match(path.name)
            if not named or not path.is_file():
                problems.append(Problem(shown, None, None, "unexpected here: plan_data/frameworks holds one file "
                                        "per ITA assessment year, named by the year (e.g. 2569.yml)", kind="layout",
                                        thai="ไม่ควรอยู่ที่นี่: โฟลเดอร์ plan_data/frameworks มีไฟล์ละหนึ่งปีที่ประเมิน "
                                             "ตั้งชื่อตามปี พ.ศ. (เช่น 2569.yml)"))
                continue
            if not path.resolve().is_relative_to(plan_data.resolve()):
                problems.append(Problem(shown, None, None, "is a link to a file outside plan_data: expected a plain "
                                        "file", kind="layout", thai="เป็นลิงก์ไปยังไฟล์นอกโฟลเดอร์ plan_data: "
                                                                    "ต้องเป็นไฟล์ธรรมดา"))
                continue
            year = int(named.group(1))
            if year in own:
                problems.append(Problem(shown, None, None, f"the year {year} also has {own[year][1]}: expected one "
                                        "file per year", kind="duplicate",
                                        thai=f"ปี {year} มีไฟล์ {own[year][1]} อยู่แล้ว: แต่ละปีมีได้ไฟล์เดียว"))
                continue
            try:
                own[year] = (read_framework_file(path, shown, year), shown)
            except PlanDataError as exc:
                problems.extend(exc.problems)
    return shipped_frameworks().laid_over(own), problems


def missing_framework(plan_file: str, line: int | None, assessment_year: int, frameworks: Frameworks,
                      shown_root: str = "plan_data") -> Problem:
    """The problem of a plan whose assessment year has no framework: what to do, Thai first."""
    have = ", ".join(map(str, frameworks.years)) or "-"
    target = f"{shown_root}/{FOLDER}/{assessment_year}.yml"
    copy = f"itaplan framework new {assessment_year}"  # copies the newest earlier year's framework
    return Problem(plan_file, line, "assessment_year",
                   f"no ITA framework for {assessment_year} (known: {have}): add {target} from the NACC's "
                   f"manual (`{copy}` writes a draft)", kind="framework",
                   thai=f"ไม่มีกรอบการประเมิน ITA ปี {assessment_year} (มีปี {and_list(list(frameworks.years)) or '-'}): เพิ่มไฟล์ {target} "
                        f"ตามคู่มือของสำนักงาน ป.ป.ช. (คำสั่ง `{copy}` เขียนร่างให้)")


def frameworks_with(plan_data: Path | None, extra: Path | None = None,
                    shown_root: str = "plan_data") -> tuple[Frameworks, dict[int, Path]]:
    """The frameworks an import reads a table against: itaplan's, the project's own (when `plan_data` is a
    folder) and `extra` (a file given with --framework, which wins), with the agency's files by year.
    PlanDataError names every problem in those files."""
    frameworks, problems = (load_frameworks(plan_data, shown_root) if plan_data is not None and plan_data.is_dir()
                            else (shipped_frameworks(), []))
    files = {year: plan_data / FOLDER / Path(origin.file).name for year, origin in frameworks.origins.items()
             if not origin.shipped and plan_data is not None}
    if extra is not None:
        try:
            framework = read_framework_file(extra, str(extra))
        except PlanDataError as exc:
            problems.extend(exc.problems)
        else:
            frameworks = frameworks.laid_over({framework.assessment_year: (framework, str(extra))})
            files[framework.assessment_year] = extra
    if problems:
        raise PlanDataError(problems)
    return frameworks, files
