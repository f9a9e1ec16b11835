"""Load progress reports: plan_data/<year>/progress/<round id>/*.yml, checked against the plan and the evidence.

Read after the plan (load_plan_data); every problem in every report is collected before stopping,
each naming the file, the line and the field, Thai first. A year with no progress/ folder has
every round unreported and still builds.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from datetime import date, timedelta
from pathlib import Path

from itaplan.errors import PlanDataError, Problem
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.settings import Round, Settings
from itaplan.plan.validation import validate
from itaplan.plan.yaml_source import YamlDocument, read_yaml
from itaplan.progress.evidence import EVIDENCE_DIR, EvidenceError, EvidenceFile, check_evidence
from itaplan.progress.markdown import check_markdown
from itaplan.progress.model import RoundProgress, YearProgress
from itaplan.progress.photos import prepare_photo
from itaplan.progress.schema import IndicatorReport, RoundInfo, Status
from itaplan.thai import short_date
from itaplan.thai_dates import fiscal_year_range
from itaplan.vocabulary import place, quote

PROGRESS_DIR = "progress"
ROUND_INFO = "report.yml"
REPORT_FILE = re.compile(r"^(\d{2})\.ya?ml$")
YAML_SUFFIXES = (".yml", ".yaml")
GRACE = timedelta(days=120)
"""How long after the fiscal year ends a step may still be reported as finished, or a report dated."""
NARRATIVE = ("result", "obstacles", "solutions")


def round_cutoff(fiscal_year: int, round_: Round) -> date:
    """The round's cut-off day inside the fiscal year (03-31 of FY 2569 -> 2026-03-31)."""
    month, day = (int(x) for x in round_.cutoff.split("-"))
    ce = fiscal_year - 543 - (1 if month >= 10 else 0)
    try:
        return date(ce, month, day)
    except ValueError:  # 02-29 in a common year
        return date(ce, month, 28)


class _Problems:
    def __init__(self, root: Path, shown_root: str):
        self.root = root
        self.shown_root = shown_root
        self.items: list[Problem] = []
        self.warnings: list[Problem] = []

    def shown(self, path: Path) -> str:
        return f"{self.shown_root}/{path.relative_to(self.root).as_posix()}"

    def add(self, path: Path | str, line: int | None, field: str | None, message: str, kind: str,
            doc: YamlDocument | None = None) -> None:
        """Record a problem; with the file's `doc`, a step entry is named by its `step:` value."""
        shown = path if isinstance(path, str) else self.shown(path)
        where = place(field, shown, doc.data) if doc is not None and field else None
        self.items.append(Problem(shown, line, field, message, kind=kind, place=where))

    def load(self, path: Path, model):
        if not path.resolve().is_relative_to(self.root.resolve()) or not path.is_file():
            self.add(path, None, None, "ไม่ใช่ไฟล์ธรรมดาในโฟลเดอร์ plan_data (อาจเป็นลิงก์ไปที่อื่น) — "
                     "is not a plain file inside plan_data: expected a YAML file", "layout")
            return None, None
        doc = None
        try:
            doc = read_yaml(path, self.shown(path))
            self.warnings.extend(doc.warnings)
            return validate(doc, model), doc
        except PlanDataError as exc:
            self.items.extend(exc.problems)
            return None, doc


def load_progress(root: Path, plans: PlanSet, settings: Settings, photo_cache: Path | None,
                  shown_root: str = "plan_data") -> dict[int, YearProgress]:
    """Progress of every fiscal year in `plans`, by year; PlanDataError lists every problem found.

    `photo_cache` is where prepared photos are kept (e.g. <project>/.cache/itaplan/photos).
    """
    problems = _Problems(root, shown_root)
    out = {year.fiscal_year: _load_year(problems, root / str(year.fiscal_year), year, settings, photo_cache)
           for year in plans.years}
    if problems.items:
        raise PlanDataError(problems.warnings + problems.items)
    for fiscal_year, year in out.items():
        mine = tuple(w for w in problems.warnings if w.file.startswith(f"{shown_root}/{fiscal_year}/"))
        if mine:
            out[fiscal_year] = dataclasses.replace(year, warnings=mine)
    return out


def _load_year(p: _Problems, folder: Path, plan: YearPlan, settings: Settings,
               photo_cache: Path | None) -> YearProgress:
    fy = plan.fiscal_year
    evidence = _EvidenceChecker(p, folder / EVIDENCE_DIR, fy, photo_cache)
    signed_plan = None
    if plan.info.signed_document is not None:
        plan_file = folder / "plan.yml"
        doc = _doc(p, plan_file)
        signed_plan = evidence.check(plan_file, doc.line_of(("signed_document",)) if doc else None,
                                     "signed_document", plan.info.signed_document, "document", pdf_only=True)
    base = folder / PROGRESS_DIR
    known = {r.id: r for r in settings.rounds}
    found: dict[str, Path] = {}
    if base.is_dir():
        for entry in sorted(base.iterdir()):
            if entry.name.startswith(".") or entry.name.lower() == "readme.md":
                continue
            if entry.is_dir() and entry.name in known:
                found[entry.name] = entry
            else:
                ids = ", ".join(known)
                p.add(entry, None, None, f"ไม่รู้จักรอบรายงาน '{entry.name}': ใน {PROGRESS_DIR}/ มีได้เฉพาะโฟลเดอร์ของรอบ "
                      f"{ids} (ตั้งค่าที่ extra.itaplan.rounds ใน mkdocs.yml) — unknown report round; expected a "
                      f"folder named one of: {ids}", "unknown_round")
    rounds = tuple(_load_round(p, found.get(r.id), r, plan, evidence) for r in settings.rounds)
    return YearProgress(fiscal_year=fy, rounds=rounds, files=dict(evidence.files), signed_plan=signed_plan)


def empty_progress(plan: YearPlan, settings: Settings) -> YearProgress:
    """A year with nothing reported in any round (before any report, or when progress is not loaded)."""
    return YearProgress(fiscal_year=plan.fiscal_year, rounds=tuple(
        RoundProgress(round=r, cutoff=round_cutoff(plan.fiscal_year, r), info=None) for r in settings.rounds))


def _doc(p: _Problems, path: Path) -> YamlDocument | None:
    try:
        return read_yaml(path, p.shown(path))
    except PlanDataError:
        return None


def _load_round(p: _Problems, folder: Path | None, round_: Round, plan: YearPlan,
                evidence: "_EvidenceChecker") -> RoundProgress:
    fy = plan.fiscal_year
    cutoff = round_cutoff(fy, round_)
    if folder is None:
        return RoundProgress(round=round_, cutoff=cutoff, info=None)
    start, end = fiscal_year_range(fy)
    info = None
    reports: dict = {}
    sources: dict = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name.lower() == "readme.md":
            continue
        if path.name == ROUND_INFO:
            info, doc = p.load(path, RoundInfo)
            if info is not None and doc is not None:
                if info.as_of is not None and not start <= info.as_of <= end + GRACE:
                    p.add(path, doc.line_of(("as_of",)), "as_of", _outside_year("ข้อมูล ณ วันที่", info.as_of, fy),
                          "date_range")
                if info.signed_document is not None:
                    evidence.check(path, doc.line_of(("signed_document",)), "signed_document",
                                   info.signed_document, "document", pdf_only=True)
            continue
        named = REPORT_FILE.match(path.name)
        if path.suffix not in YAML_SUFFIXES or not named:
            first, last = min(plan.indicators, key=lambda i: i.number), max(plan.indicators, key=lambda i: i.number)
            p.add(path, None, None, f"ชื่อไฟล์ไม่ถูกต้อง: ในโฟลเดอร์รอบรายงานมีได้เฉพาะ {ROUND_INFO} และไฟล์ตัวชี้วัด "
                  f"{first.number:02d}.yml ถึง {last.number:02d}.yml (เลขตัวชี้วัดสองหลัก) — unexpected file name; "
                  f"expected report.yml or NN.yml ({first.number:02d}.yml … {last.number:02d}.yml), "
                  "one per indicator", "layout")
            continue
        report, doc = p.load(path, IndicatorReport)
        if report is None or doc is None:
            continue
        if int(named.group(1)) != report.indicator:  # the file name was chosen on purpose; the line is the slip
            number = int(named.group(1))
            p.add(path, doc.line_of(("indicator",)), "indicator",
                  f"ไฟล์ {path.name} เป็นรายงานของตัวชี้วัดที่ {number} แต่ช่องนี้เขียนว่า {report.indicator}: "
                  f"แก้เป็น indicator: {number} — the file {path.name} reports indicator {number}, but this field "
                  f"says {report.indicator}; change it to indicator: {number}", "mismatch")
            continue
        if report.indicator in reports:
            p.add(path, doc.line_of(("indicator",)), "indicator",
                  f"ตัวชี้วัดที่ {report.indicator} มีรายงานซ้ำใน {sources[report.indicator]} — reported twice "
                  "in this round; expected one file per indicator", "duplicate")
            continue
        if _check_report(p, path, doc, report, plan, evidence):
            reports[report.indicator] = report
            sources[report.indicator] = p.shown(path)
    return RoundProgress(round=round_, cutoff=cutoff, info=info, reports=reports, sources=sources)


def _outside_year(what: str, day: date, fy: int) -> str:
    start, end = fiscal_year_range(fy)
    return (f"{what} {short_date(day, 'arabic')} อยู่นอกปีงบประมาณ พ.ศ. {fy} "
            f"({short_date(start, 'arabic')} – {short_date(end, 'arabic')} หรือไม่เกิน {GRACE.days} วันหลังสิ้นปี): "
            f"ตรวจว่าคัดลอกวันที่มาจากปีก่อนหรือไม่ — {day.isoformat()} is outside fiscal year {fy}; "
            "expected a date within the year or shortly after it")


def _check_report(p: _Problems, path: Path, doc: YamlDocument, report: IndicatorReport, plan: YearPlan,
                  evidence: "_EvidenceChecker") -> bool:
    before = len(p.items)
    indicator = next((i for i in plan.indicators if i.number == report.indicator), None)
    if indicator is None:
        p.add(path, doc.line_of(("indicator",)), "indicator", f"ไม่มีตัวชี้วัดที่ {report.indicator} ในแผน — "
              "the plan has no such indicator", "unknown_indicator")
        return False
    start, end = fiscal_year_range(plan.fiscal_year)
    count = len(indicator.steps)
    for pos, item in enumerate(report.steps):
        where = ("steps", pos)
        if item.step > count:
            p.add(path, doc.line_of(where + ("step",)), f"steps[{pos}].step",
                  f"ขั้นตอนที่ {item.step} ไม่มีในแผน ตัวชี้วัดที่ {indicator.number} มี {count} ขั้นตอน — "
                  f"step {item.step} is out of range; expected 1 to {count}", "step_range", doc)
        if item.done is not None and not start <= item.done <= end + GRACE:
            p.add(path, doc.line_of(where + ("done",)), f"steps[{pos}].done",
                  _outside_year("วันที่แล้วเสร็จ", item.done, plan.fiscal_year), "date_range", doc)
        message = _percent_problem(item.status, item.percent)
        if message:
            p.add(path, doc.line_of(where + ("percent",)), f"steps[{pos}].percent", message, "percent", doc)
    for name in NARRATIVE:
        text = getattr(report, name)
        if text is None:
            continue
        first, literal = _text_first_line(doc, (name,))
        for offset, message in check_markdown(text):
            # a literal block (|) keeps the text's lines; a folded or quoted value is named where it starts
            p.add(path, first + offset if first and literal else first, name, message, "markdown")
    for pos, item in enumerate(report.evidence):
        for kind, ref in (("document", item.file), ("photo", item.photo)):
            if ref is not None:
                key = "file" if kind == "document" else "photo"
                evidence.check(path, doc.line_of(("evidence", pos, key)), f"evidence[{pos}].{key}", ref, kind)
    return len(p.items) == before


def _percent_problem(status: Status, percent: float | None) -> str | None:
    if percent is None:
        return None
    shown = quote(percent)
    if status is Status.DONE and percent != 100:
        return (f"สถานะ “{status.value}” ต้องมีร้อยละ 100 หรือไม่ต้องใส่ร้อยละ แต่พบ {shown}: ถ้ายังไม่เสร็จ ให้ใช้สถานะ "
                f"{Status.IN_PROGRESS.value} — a finished step is 100 per cent; expected 100 or no percent:")
    if status is Status.NOT_STARTED and percent != 0:
        return (f"สถานะ “{status.value}” ต้องมีร้อยละ 0 หรือไม่ต้องใส่ร้อยละ แต่พบ {shown}: ถ้าเริ่มแล้ว ให้ใช้สถานะ "
                f"{Status.IN_PROGRESS.value} — a step not started is 0 per cent; expected 0 or no percent:")
    if status in (Status.IN_PROGRESS, Status.DELAYED) and percent >= 100:
        return (f"ร้อยละ 100 แต่สถานะเป็น “{status.value}”: ถ้าเสร็จแล้วให้ใช้สถานะ {Status.DONE.value} — a step at "
                f"100 per cent is done; expected the status {Status.DONE.value} or a smaller percent")
    return None


def _text_first_line(doc: YamlDocument, loc: tuple) -> tuple[int | None, bool]:
    """The line where the text of a scalar at `loc` begins (the line after '|' or '>' for a block), and
    whether the text's lines are the file's lines (a literal block, or text on one line)."""
    node = doc.root
    line = doc.line_of(loc)
    if line is None or node is None:
        return line, False
    for part in loc:
        node = next((v for k, v in getattr(node, "value", []) if getattr(k, "value", None) == part), None)
        if node is None:
            return line, False
    style = getattr(node, "style", None)
    return (line + 1 if style in ("|", ">") else line), style == "|"


class _EvidenceChecker:
    """Checks evidence references of one fiscal year, prepares photos, and remembers what to publish."""

    def __init__(self, p: _Problems, root: Path, fiscal_year: int, photo_cache: Path | None):
        self.p = p
        self.root = root
        self.fiscal_year = fiscal_year
        self.photo_cache = photo_cache
        self.files: dict[str, EvidenceFile] = {}

    def check(self, path: Path, line: int | None, field: str, ref: str, kind, pdf_only: bool = False
              ) -> EvidenceFile | None:
        if ref in self.files and self.files[ref].kind == kind:
            return self.files[ref]
        try:
            if pdf_only and not ref.lower().endswith(".pdf"):  # said before the file itself is looked at
                raise EvidenceError(f"เอกสารที่ลงนามแล้วต้องเป็นไฟล์ PDF (“{ref}”) — the signed document must be a "
                                    "PDF (scan the signed paper to PDF)")
            found = check_evidence(self.root, self.fiscal_year, ref, kind)
            if kind == "photo":
                prepared = prepare_photo(found.source, self.photo_cache)
                site_path = posixpath.splitext(found.site_path)[0] + prepared.suffix
                found = dataclasses.replace(found, source=prepared.path, size=prepared.size, width=prepared.width,
                                            height=prepared.height, media_type=prepared.media_type,
                                            site_path=site_path)
        except EvidenceError as exc:
            self.p.add(path, line, field, str(exc), "evidence")
            return None
        self.files[ref] = found
        return found
