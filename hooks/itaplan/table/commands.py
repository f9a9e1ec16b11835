"""The `itaplan import` and `itaplan export` subcommands (registered by cli.py)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from itaplan.errors import Problem
from itaplan.plan.loader import load_plan_data
from itaplan.table.export import pick_year, score_warnings, to_tsv
from itaplan.table.importer import import_file
from itaplan.table.review import report
from itaplan.table.source import ExportError, TableError, default_mode
from itaplan.table.writer import check_target, write_plan_data

FORMATS = ("docx", "tsv")


def cmd_import(args: argparse.Namespace) -> int:
    """Read the official table and write plan data to --out, then print the review report."""
    check_target(args.out, args.force)
    result = import_file(args.source, *_frameworks(args), agencies=_project_agency(args))
    try:
        written = write_plan_data(result, args.out, force=args.force)
    except OSError as exc:
        raise TableError([Problem(str(args.out), None, None, f"เขียนที่นี่ไม่ได้ — cannot write here: "
                                  f"{exc.strerror}")]) from None
    print(f"อ่านตัวชี้วัด {len(result.indicators)} ตัวของ ITA {result.info.assessment_year} จาก {args.source.name} "
          f"เขียน {len(written)} ไฟล์ลงใน {args.out}/ (ปีงบประมาณ {result.info.fiscal_year}) — "
          f"read {len(result.indicators)} indicators of ITA {result.info.assessment_year} from {args.source.name}; "
          f"wrote {len(written)} files to {args.out}/ (fiscal year {result.info.fiscal_year})")
    print(report(list(result.review), result.encoding))
    return 0


def _plan_data(args: argparse.Namespace) -> Path | None:
    """The project's plan data folder when the import is run in a project (beside its mkdocs.yml), else None."""
    from itaplan.plan.project_config import read_settings

    config = getattr(args, "config", None)
    if config is not None and config.is_file():
        return config.parent / (getattr(args, "plan_data", None) or read_settings(config).plan_data)
    return None


def _frameworks(args: argparse.Namespace):
    """The frameworks to read the table against: itaplan's, the project's plan_data/frameworks/ (when run in a
    project) and --framework FILE; with the agency's own files by year, to copy beside the plan data."""
    from itaplan.plan.frameworks import frameworks_with

    return frameworks_with(_plan_data(args), getattr(args, "framework", None))


def _project_agency(args: argparse.Namespace) -> tuple[dict, ...]:
    """The project's agency.yml (name, district, province), when run in a project: its names are mended where a
    wrap space splits them. The file is read by the rules of every plan data file (read_yaml: its size, depth,
    no aliases); a missing file, or one those rules refuse, only means no names from it (`itaplan check` reports it)."""
    from itaplan.errors import PlanDataError
    from itaplan.plan.yaml_source import read_yaml

    plan_data = _plan_data(args)
    path = plan_data / "agency.yml" if plan_data else None
    if path is None or not path.is_file():
        return ()
    try:
        data = read_yaml(path, "agency.yml").data
    except PlanDataError:
        return ()
    return (data,) if isinstance(data, dict) else ()


def cmd_export(args: argparse.Namespace, settings) -> int:
    """Write one fiscal year's official table as .docx or TSV text."""
    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError([Problem(str(args.out), None, "format", f"บอกรูปแบบจากชื่อ '{args.out.name}' ไม่ได้: ระบุ "
                                  f"--format docx หรือ --format tsv — cannot tell the format from '{args.out.name}': "
                                  "give --format docx or --format tsv")])
    root = args.config.parent / settings.plan_data
    plans = load_plan_data(root, shown_root=settings.plan_data)
    year = pick_year(plans, args.year, settings.plan_data)
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(prefix=f".{args.out.name}.", dir=args.out.parent)
        os.close(handle)
    except OSError as exc:
        raise ExportError([Problem(str(args.out), None, None,
                                   f"เขียนที่นี่ไม่ได้ — cannot write here: {exc.strerror}")]) from None
    try:
        if fmt == "docx":
            from itaplan.table.docx_export import build_docx
            build_docx(plans.agency, year).save(tmp_name)
        else:
            Path(tmp_name).write_text(to_tsv(plans.agency, year), encoding="utf-8")
        os.chmod(tmp_name, default_mode(directory=False))
        os.replace(tmp_name, args.out)
    except OSError as exc:
        raise ExportError([Problem(str(args.out), None, None,
                                   f"เขียนที่นี่ไม่ได้ — cannot write here: {exc.strerror}")]) from None
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    print(f"เขียนตารางปีงบประมาณ {year.fiscal_year} ({len(year.indicators)} ตัวชี้วัด) ลงใน {args.out} — "
          f"wrote the table of fiscal year {year.fiscal_year} ({len(year.indicators)} indicators) to {args.out}")
    for warning in score_warnings(year):
        print(f"  หมายเหตุ — note: {warning}")
    return 0


def register(sub, common: argparse.ArgumentParser, settings_of) -> None:
    """Add `import` and `export` to the CLI's subcommands; `settings_of(args)` reads the site settings."""
    imp = sub.add_parser("import", help="read the office's analysis table (.docx or exported text) into plan data")
    imp.add_argument("source", type=Path, help="the table: a .docx, or the table exported as text (.txt)")
    imp.add_argument("--out", type=Path, required=True, help="folder to write the plan data into (a new folder)")
    imp.add_argument("--force", action="store_true", help="replace the contents of a non-empty --out folder")
    imp.add_argument("--framework", type=Path, metavar="FILE",
                     help="the ITA framework of the table's assessment year (a YAML file as in plan_data/frameworks/), "
                          "when neither itaplan nor the project has it; copied beside the plan data written")
    imp.set_defaults(func=cmd_import)
    exp = sub.add_parser("export", parents=[common], help="write the official table (.docx or TSV) to print and sign")
    exp.add_argument("--format", choices=FORMATS, help="docx or tsv (default: from the --out file's suffix)")
    exp.add_argument("--out", type=Path, required=True, help="the file to write")
    exp.add_argument("--year", type=int, help="fiscal year (Buddhist Era, e.g. 2569; default: the newest)")
    exp.add_argument("--plan-data", help="plan data folder (default: from mkdocs.yml, else plan_data)")
    exp.set_defaults(func=lambda args: cmd_export(args, settings_of(args)))
    from itaplan.table.report import commands as report_commands
    report_commands.register(imp, exp, settings_of)
