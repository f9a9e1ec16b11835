"""`itaplan framework new YEAR --from YEAR` and `itaplan framework list`: the agency's frameworks.

`new` writes plan_data/frameworks/<YEAR>.yml, a draft copied from a known year's framework, for staff
to edit from the NACC's manual the day it is published; `list` shows which framework each year uses.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from itaplan.errors import PlanDataError, Problem
from itaplan.framework import FOLDER
from itaplan.framework.copy import draft_copy
from itaplan.plan.frameworks import load_frameworks, read_framework_file
from itaplan.plan.project_config import read_settings
from itaplan.table.source import default_mode


def _plan_data(args: argparse.Namespace) -> tuple[Path, str]:
    shown = getattr(args, "plan_data", None) or read_settings(args.config).plan_data
    return args.config.parent / shown, shown


def new_framework(plan_data: Path, shown_root: str, year: int, from_year: int | None, force: bool = False) -> Path:
    """Write the draft of `year` copied from `from_year` (default: the newest known year before it); return it."""
    frameworks, problems = load_frameworks(plan_data, shown_root)
    if problems:
        raise PlanDataError(problems)
    target = plan_data / FOLDER / f"{year}.yml"
    shown = f"{shown_root}/{FOLDER}/{year}.yml"
    if not 2500 <= year <= 2700:
        raise PlanDataError([Problem("YEAR", None, None, f"{year} is not a Buddhist Era year (e.g. 2569)",
                                     kind="framework", thai=f"{year} ไม่ใช่ปี พ.ศ. (เช่น 2569)")])
    if from_year is None:
        earlier = [y for y in frameworks.years if y < year]
        if not earlier:
            raise PlanDataError([Problem("--from", None, None, "give --from YEAR: no framework of an earlier year is "
                                         "known", kind="framework",
                                         thai="ระบุ --from ปี: ไม่มีกรอบการประเมินของปีก่อนหน้าให้คัดลอก")])
        from_year = earlier[-1]
    source = frameworks.get(from_year)
    if source is None:
        have = ", ".join(map(str, frameworks.years))
        raise PlanDataError([Problem("--from", None, None, f"no framework of {from_year} is known: expected one of "
                                     f"{have}", kind="framework",
                                     thai=f"ไม่มีกรอบการประเมินของปี {from_year}: เลือกจากปี {have}")])
    if target.exists() and not force:
        raise PlanDataError([Problem(shown, None, None, "exists already: edit it, or add --force to replace it",
                                     kind="framework", thai="มีไฟล์นี้อยู่แล้ว: แก้ไฟล์นั้น หรือเพิ่ม --force "
                                                            "เพื่อเขียนทับ")])
    text = draft_copy(source, year)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{year}.", suffix=".yml", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        read_framework_file(Path(tmp), shown, year)  # what is written always loads
        os.chmod(tmp, default_mode(directory=False))
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def cmd_framework_new(args: argparse.Namespace) -> int:
    plan_data, shown_root = _plan_data(args)
    target = new_framework(plan_data, shown_root, args.year, args.from_year, args.force)
    shown = f"{shown_root}/{FOLDER}/{target.name}"
    print(f"เขียนร่างกรอบการประเมิน ITA {args.year} ที่ {shown} แล้ว: แก้ให้ตรงกับคู่มือของสำนักงาน ป.ป.ช. "
          "แล้วเขียนที่มาใน source: (itaplan check --strict ไม่ผ่านจนกว่าจะแก้) — wrote a draft of the ITA "
          f"{args.year} framework to {shown}: edit it to match the NACC's manual and write its source")
    return 0


def cmd_framework_list(args: argparse.Namespace) -> int:
    plan_data, shown_root = _plan_data(args)
    frameworks, problems = load_frameworks(plan_data, shown_root)
    if problems:
        raise PlanDataError(problems)
    for year in frameworks.years:
        fw, origin = frameworks.get(year), frameworks.origin(year)
        tools = ", ".join(f"{t.code} {len(fw.indicators_of(t.code))}" for t in fw.tools)
        whose = "itaplan" if origin.shipped else "ของหน่วยงาน (agency's)"
        print(f"ITA {year}: ตัวชี้วัด {len(fw.indicators)} ตัว ({tools}); ข้อ OIT {len(fw.oit_items)} ข้อ; "
              f"{whose}: {origin.file}\n  ที่มา (source): {fw.source}")
    return 0


def register(sub) -> None:
    """Add `framework new` and `framework list` to the CLI's subcommands."""
    fw = sub.add_parser("framework", help="ITA frameworks: write a draft for a new assessment year, or list them")
    fw_sub = fw.add_subparsers(dest="framework_command", required=True)
    new = fw_sub.add_parser("new", help="write plan_data/frameworks/YEAR.yml, a draft copied from another year")
    new.add_argument("year", type=int, help="the ITA assessment year (Buddhist Era), e.g. 2569")
    new.add_argument("--from", dest="from_year", type=int,
                     help="the year to copy (default: the newest known year before YEAR)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    listing = fw_sub.add_parser("list", help="which framework each assessment year uses, and where it comes from")
    for parser in (new, listing):
        parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the site's mkdocs.yml")
        parser.add_argument("--plan-data", help="plan data folder (default: from mkdocs.yml, else plan_data)")
    new.set_defaults(func=cmd_framework_new)
    listing.set_defaults(func=cmd_framework_list)
