"""`itaplan export --report ROUND` and `itaplan import FILE --report ROUND`: a round's progress as the office's table.

Registered by table/commands.py on the existing `export` and `import` subcommands: with --report they
write or read the report table of one round instead of the plan's table.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from itaplan.errors import PlanDataError, Problem
from itaplan.plan.loader import load_plan_data
from itaplan.plan.settings import Round
from itaplan.plan.validation import validate
from itaplan.plan.yaml_source import read_yaml
from itaplan.progress.evidence import EVIDENCE_DIR
from itaplan.progress.schema import IndicatorReport, RoundInfo
from itaplan.table.export import pick_year
from itaplan.table.report.importer import import_report_file
from itaplan.table.report.writer import summary, write_round
from itaplan.table.review import ReviewItem
from itaplan.table.source import ExportError, default_mode

FORMATS = ("docx", "tsv")
PHOTO_CACHE = Path(".cache") / "itaplan" / "photos"
"""Where the site keeps prepared photos (as pages/publish.py does); exporting may prepare them."""


def pick_round(rounds: tuple[Round, ...], wanted: str) -> Round:
    for round_ in rounds:
        if wanted in (round_.id, round_.name):
            return round_
    have = ", ".join(f"{r.id} ({r.name})" for r in rounds)
    raise PlanDataError([Problem("mkdocs.yml", None, "report", f"ไม่มีรอบรายงาน '{wanted}': ใช้ {have} — "
                                 f"no report round '{wanted}'; expected one of {have}")])


def existing_round(plan_root: Path, shown_root: str, fiscal_year: int, round_id: str
                   ) -> tuple[RoundInfo | None, dict[int, IndicatorReport]]:
    """What the round's folder already holds (report.yml and NN.yml), checked against the schema."""
    folder = plan_root / str(fiscal_year) / "progress" / round_id
    problems: list[Problem] = []
    info, reports = None, {}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or path.suffix not in (".yml", ".yaml"):
                continue
            shown = f"{shown_root}/{fiscal_year}/progress/{round_id}/{path.name}"
            try:
                doc = read_yaml(path, shown)
                if path.stem == "report":
                    info = validate(doc, RoundInfo)
                else:
                    report = validate(doc, IndicatorReport)
                    reports[report.indicator] = report
            except PlanDataError as exc:
                problems.extend(exc.problems)
    if problems:
        raise PlanDataError(problems)
    return info, reports


def _context(args: argparse.Namespace, settings):
    root = args.config.parent / settings.plan_data
    plans = load_plan_data(root, shown_root=settings.plan_data)
    year = pick_year(plans, args.year, settings.plan_data)
    round_ = pick_round(settings.rounds, args.report)
    info, reports = existing_round(root, settings.plan_data, year.fiscal_year, round_.id)
    return root, plans, year, round_, info, reports


def cmd_export_report(args: argparse.Namespace, settings) -> int:
    """Write one round's report table, prefilled with the plan's steps and what was already reported."""
    from itaplan.progress.loader import load_progress
    root, plans, year, round_, _info, _reports = _context(args, settings)
    progress = load_progress(root, plans, settings, args.config.parent / PHOTO_CACHE, shown_root=settings.plan_data)
    done = next(r for r in progress[year.fiscal_year].rounds if r.round.id == round_.id)
    info, reports = done.info, dict(done.reports)
    out = args.out or Path(f"report-{year.fiscal_year}-{round_.id}.{args.format or 'docx'}")
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError([Problem(str(out), None, "format", f"บอกชนิดไฟล์จากชื่อ '{out.name}' ไม่ได้: ใส่ --format "
                                   "docx หรือ --format tsv — give --format docx or tsv")])
    from itaplan.table.report.export import to_report_tsv, unlisted_steps
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
        os.close(handle)
    except OSError as exc:
        raise ExportError([Problem(str(out), None, None, f"เขียนที่นี่ไม่ได้ — cannot write here: {exc.strerror}")]) from None
    try:
        if fmt == "docx":
            from itaplan.table.report.docx_export import build_report_docx
            build_report_docx(plans.agency, year, round_, info, reports).save(tmp_name)
        else:
            Path(tmp_name).write_text(to_report_tsv(plans.agency, year, round_, info, reports), encoding="utf-8")
        os.chmod(tmp_name, default_mode(directory=False))
        os.replace(tmp_name, out)
    except OSError as exc:
        raise ExportError([Problem(str(out), None, None, f"เขียนที่นี่ไม่ได้ — cannot write here: {exc.strerror}")]) from None
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    steps = sum(len(i.steps) for i in year.indicators)
    print(f"เขียนตารางรายงาน{round_.name} ปีงบประมาณ {year.fiscal_year} ({len(year.indicators)} ตัวชี้วัด, {steps} "
          f"ขั้นตอน, รายงานแล้ว {len(reports)} ตัวชี้วัด) ที่ {out} — wrote the report table of round {round_.id}, "
          f"fiscal year {year.fiscal_year} to {out}")
    for warning in unlisted_steps(year, reports):
        print(f"  หมายเหตุ: {warning}")
    return 0


def cmd_import_report(args: argparse.Namespace, settings) -> int:
    """Read a filled-in report table into plan_data/<year>/progress/<round>/, then print the review report."""
    root, _plans, year, round_, info, _reports = _context(args, settings)
    result = import_report_file(args.source, year, round_, settings.rounds, root / str(year.fiscal_year) / EVIDENCE_DIR)
    try:
        changed, same = write_round(result, root, info, args.source.name)
    except OSError as exc:
        raise PlanDataError([Problem(str(root), None, None, f"เขียนไฟล์ไม่ได้ — cannot write: {exc.strerror}")]) from None
    print(summary(result, changed, same))
    print(review_report(list(result.review)))
    return 0


def review_report(items: list[ReviewItem]) -> str:
    """The review printed at the end of an import, Thai first."""
    if not items:
        return ("ตรวจทาน: ไม่พบสิ่งที่ไม่แน่ใจ แต่ควรอ่านไฟล์อีกครั้งก่อน commit — review: nothing uncertain was found; "
                "still read the files before committing.")
    head = (f"ตรวจทาน: มี {len(items)} จุดที่ควรตรวจก่อน commit — review: {len(items)} reading"
            f"{'s' if len(items) != 1 else ''} to check before committing:")
    lines = []
    for item in items:
        ind = f" (ตัวชี้วัดที่ {item.number})" if item.number is not None else ""
        lines.append(f"  {item.where}{ind}, {item.field}: {item.why}")
    return "\n".join([head, *lines])


def register(imp: argparse.ArgumentParser, exp: argparse.ArgumentParser, settings_of) -> None:
    """Add --report to `import` and `export`; with it they handle a round's report table instead of the plan's."""
    exp.add_argument("--report", metavar="ROUND", help="write the progress report table of this round "
                     "(e.g. 6-months) instead of the plan's table")
    imp.add_argument("--report", metavar="ROUND", help="read a filled-in progress report table of this round "
                     "(e.g. 6-months) into plan_data/<year>/progress/<round>/")
    imp.add_argument("--year", type=int, help="with --report: fiscal year (Buddhist Era; default: the newest)")
    imp.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="with --report: the site's mkdocs.yml")
    imp.add_argument("--plan-data", help="with --report: plan data folder (default: from mkdocs.yml)")
    for parser, mine in ((imp, cmd_import_report), (exp, cmd_export_report)):
        out = next(a for a in parser._actions if a.dest == "out")
        out.required = False  # --report chooses its own file name (export) or writes into plan_data (import)
        plain = parser.get_default("func")

        def dispatch(args, plain=plain, mine=mine, parser=parser):
            if args.report:
                return mine(args, settings_of(args))
            if args.out is None:
                parser.error("the following arguments are required: --out")
            return plain(args)
        parser.set_defaults(func=dispatch)
