"""Write imported plan data in the project's layout, all at once or not at all.

Files are written to a temporary folder beside the target, loaded back with the same loader the
site uses (so what is written always builds), and only then renamed into place.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml

from itaplan.errors import Problem
from itaplan.framework import FOLDER as FRAMEWORKS
from itaplan.plan.loader import load_plan_data
from itaplan.table.importer import ImportResult
from itaplan.table.review import CHECK
from itaplan.table.source import TableError, default_mode
from itaplan.folders import swap_in

SCHEMA_LINE = "# yaml-language-server: $schema={up}docs/schema/{name}.schema.json"


def check_target(out: Path, force: bool) -> None:
    """Refuse a target that is a file, or a non-empty folder unless `force`."""
    if out.exists() and not out.is_dir():
        raise TableError([Problem(str(out), None, None, "เป็นไฟล์ ต้องเป็นโฟลเดอร์สำหรับเขียนข้อมูลแผน — "
                                  "is a file: expected a folder to write the plan data into")])
    if out.is_dir() and any(out.iterdir()) and not force:
        raise TableError([Problem(str(out), None, None, "โฟลเดอร์นี้มีไฟล์อยู่แล้ว: เลือกโฟลเดอร์ใหม่ "
                                  "หรือเพิ่ม --force เพื่อแทนที่ทั้งหมด — "
                                  "is not empty: choose a new folder, or add --force to "
                                  "replace everything in it")])


def write_plan_data(result: ImportResult, out: Path, force: bool = False) -> list[Path]:
    """Write agency.yml, <year>/plan.yml and <year>/indicators/NN.yml to `out` (and frameworks/<ITA year>.yml
    when the table was read against the agency's own framework file); return the files written."""
    check_target(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.import-", dir=out.parent))
    staging.chmod(default_mode(directory=True))
    try:
        files = _write_all(result, staging)
        load_plan_data(staging, shown_root=str(out))
        swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return [out / f.relative_to(staging) for f in files]


def _write_all(result: ImportResult, root: Path) -> list[Path]:
    info = result.info
    year = root / str(info.fiscal_year)
    files = [_write(root / "agency.yml", "agency", 1, result.agency.model_dump(),
                    ["หน่วยงานที่เผยแพร่แผน: ชื่อนี้แสดงที่ส่วนหัวของทุกหน้าและในตารางฉบับทางการ"]),
             _write(year / "plan.yml", "plan", 2, info.model_dump(exclude_none=True),
                    [f"เอกสาร: ผลการวิเคราะห์ผลการประเมิน ITA {info.assessment_year} และมาตรการ"
                     f"ปีงบประมาณ {info.fiscal_year}"])]
    if result.framework_file is not None:
        target = root / FRAMEWORKS / f"{info.assessment_year}.yml"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(result.framework_file, target)
        files.append(target)
    for indicator in result.indicators:
        data = indicator.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        data["period"] = indicator.period.model_dump()
        data["score"] = result.written_scores.get(indicator.number, data["score"])
        notes = [item.comment() for item in result.review
                 if item.number == indicator.number and item.kind == CHECK]
        files.append(_write(year / "indicators" / f"{indicator.number:02d}.yml", "indicator", 3, data,
                            [f"ตัวชี้วัดที่ {indicator.number} {indicator.name} — ผลการประเมิน ITA "
                             f"{info.assessment_year} มาตรการปีงบประมาณ {info.fiscal_year}", *notes]))
    return files


def _write(path: Path, schema: str, depth: int, data: dict, comments: list[str]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    head = [SCHEMA_LINE.format(up="../" * depth, name=schema), *(f"# {' '.join(c.split())}" for c in comments)]
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False)
    path.write_text("\n".join(head) + "\n" + body, encoding="utf-8")
    return path

