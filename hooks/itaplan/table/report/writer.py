"""Write an imported report round into plan_data/<year>/progress/<round>/, all at once or not at all.

The round's folder is copied to a staging folder beside it, the new files are written there and read
back with the project's YAML reader and schema (so what is written always loads), and only then does
the staging folder take the round folder's place. Files of indicators the table does not report are kept.
"""

from __future__ import annotations

import shutil
from datetime import date
import tempfile
from pathlib import Path

import yaml

from itaplan.errors import Problem
from itaplan.plan.validation import validate
from itaplan.plan.yaml_source import read_yaml
from itaplan.progress.schema import IndicatorReport, RoundInfo
from itaplan.table.report.export import round_cutoff
from itaplan.table.report.importer import ReportImport, ReportTableError
from itaplan.table.source import default_mode
from itaplan.thai import digits
from itaplan.folders import swap_in

SCHEMA_LINE = "# yaml-language-server: $schema=../../../../docs/schema/{name}.schema.json"


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block (|), which staff can read and edit in GitHub's editor."""


def _text(dumper: yaml.SafeDumper, value: str):
    if "\n" in value and not any(line != line.rstrip() for line in value.split("\n")):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _text)


def report_yaml(report: IndicatorReport, header: list[str]) -> str:
    """The YAML file of one indicator's report, with a schema line and comments on top."""
    data = report.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data = {"indicator": report.indicator, **data}
    for step in data.get("steps", []):
        if isinstance(step.get("percent"), float) and step["percent"].is_integer():
            step["percent"] = int(step["percent"])
        if "done" in step:
            step["done"] = date.fromisoformat(step["done"])  # written as a YAML date, unquoted
    head = [SCHEMA_LINE.format(name="progress"), *(f"# {' '.join(c.split())}" for c in header)]
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    return "\n".join(head) + "\n" + body


def info_yaml(info: RoundInfo) -> str:
    data = info.model_dump(exclude_none=True)
    return SCHEMA_LINE.format(name="report") + "\n" + yaml.dump(data, Dumper=_Dumper, allow_unicode=True,
                                                                 sort_keys=False)


def write_round(result: ReportImport, plan_root: Path, info: RoundInfo | None, source_name: str,
                ) -> tuple[list[Path], list[Path]]:
    """Write the round; return (files written or changed, files left as they were)."""
    round_dir = plan_root / str(result.fiscal_year) / "progress" / result.round.id
    round_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{result.round.id}.import-", dir=round_dir.parent))
    try:
        staging.rmdir()
        if round_dir.is_dir():
            shutil.copytree(round_dir, staging, symlinks=True)
        else:
            staging.mkdir()
        staging.chmod(default_mode(directory=True))
        changed, same = [], []
        texts = {}
        for number, report in sorted(result.reports.items()):
            notes = [f"review: {item.field}: {item.why}" for item in result.review if item.number == number]
            texts[f"{number:02d}.yml"] = (report_yaml(report, [
                f"ตัวชี้วัดที่ {number} {result.names.get(number, '')} — {result.round.name} ปีงบประมาณ "
                f"{result.fiscal_year} (itaplan import --report)", *notes]), IndicatorReport, report)
        current = info.as_of if info is not None and info.as_of is not None else round_cutoff(
            result.fiscal_year, result.round)
        if result.as_of is not None and result.as_of != current:
            new_info = RoundInfo(as_of=result.as_of, signed_document=info.signed_document if info else None)
            texts["report.yml"] = (info_yaml(new_info), RoundInfo, new_info)
        for name, (text, model, expected) in texts.items():
            target = staging / name
            old = target.read_text(encoding="utf-8") if target.is_file() else None
            if old == text:
                same.append(round_dir / name)
                continue
            if target.is_symlink():
                target.unlink()
            target.write_text(text, encoding="utf-8")
            target.chmod(default_mode(directory=False))
            shown = f"{plan_root.name}/{result.fiscal_year}/progress/{result.round.id}/{name}"
            if validate(read_yaml(target, shown), model) != expected:
                raise ReportTableError([Problem(shown, None, None, "เขียนแล้วอ่านกลับไม่ตรงกัน (ข้อผิดพลาดของโปรแกรม) — "
                                                "the written file does not read back the same")])
            changed.append(round_dir / name)
        if changed:
            swap_in(staging, round_dir)
        else:
            shutil.rmtree(staging, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return changed, same


def summary(result: ReportImport, changed: list[Path], same: list[Path]) -> str:
    count = len(result.reports)
    return (f"อ่านรายงาน{result.round.name} ปีงบประมาณ {digits(result.fiscal_year, 'thai')}: {count} ตัวชี้วัด; "
            f"เขียน {len(changed)} ไฟล์, ไม่เปลี่ยน {len(same)} ไฟล์ — read {count} indicator reports of round "
            f"{result.round.id}, fiscal year {result.fiscal_year}; wrote {len(changed)} files, {len(same)} unchanged"
            + "".join(f"\n  {p}" for p in changed))
