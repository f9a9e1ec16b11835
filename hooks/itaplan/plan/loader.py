"""Load plan_data/: read every file, validate it, check the files against each other.

Every problem in every file is collected before stopping, so an editor sees them all at once.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from itaplan.errors import PlanDataError, Problem
from itaplan.framework import FOLDER as FRAMEWORKS, Framework, Frameworks
from itaplan.plan.frameworks import load_frameworks, missing_framework
from itaplan.plan.file_names import undecodable_names
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.schema import Agency, Indicator, PlanInfo
from itaplan.plan.unit_names import near_unit_warnings, shown_files
from itaplan.plan.validation import validate
from itaplan.plan.yaml_source import YamlDocument, read_yaml
from itaplan.thai import and_list, short_date
from itaplan.thai_dates import fiscal_year_range
from itaplan.vocabulary import quote

M = TypeVar("M", bound=BaseModel)
YEAR_DIR = re.compile(r"^25\d\d$")
YAML_SUFFIXES = (".yml", ".yaml")


class _Collector:
    """Validates files one by one and keeps the problems instead of stopping at the first."""

    def __init__(self, root: Path, shown_root: str):
        self.root = root
        self.shown_root = shown_root
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def shown(self, path: Path) -> str:
        return f"{self.shown_root}/{path.relative_to(self.root).as_posix()}"

    def load(self, path: Path, model: type[M]) -> tuple[M | None, YamlDocument | None]:
        """The validated file and its document (for line numbers); None after recording problems."""
        doc = None
        if not _inside(path, self.root):
            self.add(path, None, None, "is a link to a file outside plan_data: expected a plain file", "layout",
                     "เป็นลิงก์ไปยังไฟล์นอกโฟลเดอร์ plan_data: ต้องเป็นไฟล์ธรรมดา")
            return None, None
        if not path.is_file():
            self.add(path, None, None, "is not a plain file: expected a YAML file", "layout",
                     "ไม่ใช่ไฟล์ธรรมดา: ต้องเป็นไฟล์ YAML (.yml)")
            return None, None
        try:
            doc = read_yaml(path, self.shown(path))
            self.warnings.extend(doc.warnings)
            return validate(doc, model), doc
        except PlanDataError as exc:
            self.problems.extend(exc.problems)
            return None, doc

    def add(self, path: Path, line: int | None, field: str | None, message: str, kind: str,
            thai: str | None = None) -> None:
        self.problems.append(Problem(self.shown(path), line, field, message, kind=kind, thai=thai))


def _inside(path: Path, root: Path) -> bool:
    """Whether `path`, links followed, stays inside `root` (a symlink could point anywhere)."""
    return path.resolve().is_relative_to(root.resolve())


def load_plan_data(root: Path, shown_root: str = "plan_data") -> PlanSet:
    """Load and check all of `root`; raise PlanDataError listing every problem found."""
    if not root.is_dir():
        raise PlanDataError([Problem(shown_root, None, None, "folder not found: expected the plan data folder",
                                     kind="layout", thai="ไม่พบโฟลเดอร์ข้อมูลแผน")])
    odd_names = undecodable_names(root, shown_root)  # before anything reads a name it cannot write back
    if odd_names:
        raise PlanDataError(odd_names)
    c = _Collector(root, shown_root)
    agency_file = root / "agency.yml"
    agency = None
    if agency_file.is_file():
        agency, _ = c.load(agency_file, Agency)
    else:
        c.add(agency_file, None, None, "file not found: expected the agency's name, district and province",
              "layout", "ไม่พบไฟล์: ต้องมีไฟล์ชื่อหน่วยงาน อำเภอ และจังหวัด (agency.yml)")
    frameworks, framework_problems = load_frameworks(root, shown_root)
    c.problems.extend(framework_problems)
    years = []
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry == agency_file:
            continue
        if entry.is_dir() and YEAR_DIR.match(entry.name):
            year = _load_year(c, entry, frameworks)
            if year is not None:
                years.append(year)
        elif entry.name == FRAMEWORKS and entry.is_dir():
            continue  # read above
        elif entry.is_dir() or entry.suffix in YAML_SUFFIXES:
            c.add(entry, None, None, "unexpected here: plan_data holds agency.yml, one folder "
                  "per fiscal year, named by its Buddhist Era year (e.g. 2569), and frameworks/", "layout",
                  "ไม่ควรอยู่ที่นี่: โฟลเดอร์ plan_data มีเฉพาะ agency.yml โฟลเดอร์ของแต่ละปีงบประมาณ "
                  "ตั้งชื่อเป็นปี พ.ศ. (เช่น 2569) และโฟลเดอร์ frameworks (กรอบการประเมินของแต่ละปี)")
    if not years and not c.problems:
        c.add(root / "2569", None, None, "no fiscal year folder found: expected e.g. plan_data/2569/", "layout",
              "ไม่พบโฟลเดอร์ปีงบประมาณ: ต้องมีโฟลเดอร์ เช่น plan_data/2569/")
    if c.problems or agency is None:
        raise PlanDataError(c.warnings + c.problems)  # a value cut by ' #' may be what broke another
    years.sort(key=lambda y: y.fiscal_year, reverse=True)
    return PlanSet(agency=agency, years=tuple(years), frameworks=frameworks, warnings=tuple(c.warnings))


def _load_year(c: _Collector, folder: Path, frameworks: Frameworks) -> YearPlan | None:
    before = len(c.problems)
    plan_file = folder / "plan.yml"
    info = None
    framework = None
    if plan_file.is_file():
        info, doc = c.load(plan_file, PlanInfo)
        if info is not None and doc is not None and str(info.fiscal_year) != folder.name:
            c.add(plan_file, doc.line_of(("fiscal_year",)), "fiscal_year",
                  f"is {info.fiscal_year} but the folder is {folder.name}: expected them to match", "mismatch",
                  f"ปีงบประมาณในไฟล์คือ {info.fiscal_year} แต่โฟลเดอร์ชื่อ {folder.name}: ต้องตรงกัน")
        if info is not None and doc is not None and _assessment_year_wrong(info, folder):
            # The folder's name is the fiscal year: the year assessed is the one before it.
            expected = int(folder.name) - 1
            c.add(plan_file, doc.line_of(("assessment_year",)), "assessment_year",
                  f"is {info.assessment_year}, but the plan of fiscal year {folder.name} (the folder's name) "
                  f"analyses the ITA assessment of the year before: expected assessment_year: {expected}", "mismatch",
                  f"แผนของปีงบประมาณ {folder.name} (ชื่อโฟลเดอร์) วิเคราะห์ผลการประเมิน ITA ของปีก่อนหน้า "
                  f"แต่ช่องนี้เขียนว่า {info.assessment_year}: แก้เป็น assessment_year: {expected}")
        elif info is not None and doc is not None:
            framework = frameworks.get(info.assessment_year)
            if framework is None:
                c.problems.append(missing_framework(c.shown(plan_file), doc.line_of(("assessment_year",)),
                                                    info.assessment_year, frameworks, c.shown_root))
    else:
        c.add(plan_file, None, None, "file not found: expected the title, assessment_year and fiscal_year", "layout",
              "ไม่พบไฟล์ plan.yml: ต้องมีชื่อเอกสาร (title) ปีที่ประเมิน (assessment_year) และปีงบประมาณ (fiscal_year)")
    fiscal_year = info.fiscal_year if info is not None else int(folder.name)
    check_period = str(fiscal_year) == folder.name  # a mismatch is reported above; its dates are not judged
    found: dict[int, tuple[Indicator, Path, YamlDocument]] = {}
    folder_ind = folder / "indicators"
    files = sorted(p for p in folder_ind.iterdir() if p.suffix in YAML_SUFFIXES) if folder_ind.is_dir() else []
    for path in files:
        indicator, doc = c.load(path, Indicator)
        if indicator is None or doc is None:
            continue
        named = int(path.stem) if re.fullmatch(r"\d{1,2}", path.stem) else None
        if named is not None and named != indicator.number and (framework is None or named in framework.numbers()):
            # The file's name (04.yml, as the guide asks) was chosen on purpose; the number line is the slip.
            c.add(path, doc.line_of(("number",)), "number",
                  f"the file {path.name} is indicator {named}'s, but this field says {indicator.number}: "
                  f"change it to number: {named}", "mismatch",
                  f"ไฟล์ {path.name} เป็นไฟล์ของตัวชี้วัดที่ {named} แต่ช่องนี้เขียนว่า {indicator.number}: "
                  f"แก้เป็น number: {named}")
            continue
        if framework is not None:
            own = _own_file(frameworks, framework)
            _check_reference(c, path, doc, indicator, framework, own,
                             _names_elsewhere(frameworks, framework) if own else set())
        if check_period:
            _check_period(c, path, doc, indicator, fiscal_year)
        if indicator.number in found:
            kept, kept_path, kept_doc = found[indicator.number]
            if kept_path.stem != f"{indicator.number:02d}" and path.stem == f"{indicator.number:02d}":
                found[indicator.number] = (indicator, path, doc)  # blame the file whose name is not the number
                path, doc, kept_path = kept_path, kept_doc, path
            other = c.shown(kept_path)
            c.add(path, doc.line_of(("number",)), "number", f"indicator {indicator.number} is also defined in {other}: "
                  "expected each indicator exactly once", "duplicate",
                  f"ตัวชี้วัดที่ {indicator.number} มีอยู่แล้วใน {other}: แต่ละตัวชี้วัดต้องมีไฟล์เดียว")
        else:
            found[indicator.number] = (indicator, path, doc)
    parsed_all = len(c.problems) == before
    c.warnings.extend(near_unit_warnings(shown_files(found, c.shown)))
    missing = [n for n in framework.numbers() if n not in found] if framework is not None else []
    if missing and parsed_all:
        count, year = len(framework.indicators), framework.assessment_year
        c.add(folder_ind, None, None, "missing indicator(s) " + ", ".join(map(str, missing))
              + f": expected one file for each of the {count} indicators of the ITA {year} framework", "layout",
              "ยังไม่มีไฟล์ของตัวชี้วัดที่ " + and_list(missing)
              + f": ต้องมีไฟล์ละหนึ่งตัวชี้วัด ครบทั้ง {count} ตัวชี้วัดตามกรอบการประเมิน ITA {year}")
    if len(c.problems) > before or info is None:
        return None
    numbers = sorted(found)
    return YearPlan(info=info, indicators=tuple(found[n][0] for n in numbers),
                    sources={n: c.shown(found[n][1]) for n in numbers}, framework=framework)


def _assessment_year_wrong(info: PlanInfo, folder: Path) -> bool:
    """Whether assessment_year is not the year before the folder's fiscal year. A file that is wholly another
    year's (fiscal_year the folder's name does not match, assessment_year the year before it) is told once,
    by the fiscal_year mismatch above."""
    if info.assessment_year == int(folder.name) - 1:
        return False
    return str(info.fiscal_year) == folder.name or info.assessment_year != info.fiscal_year - 1


def _check_period(c: _Collector, path: Path, doc: YamlDocument, indicator: Indicator, fiscal_year: int) -> None:
    """The measure's period must overlap the fiscal year of its folder (last year's dates are a copying slip)."""
    first, last = fiscal_year_range(fiscal_year)
    start, end = indicator.period.start, indicator.period.end
    if end >= first and start <= last:
        return
    c.add(path, doc.line_of(("period",)), "period",
          f"{start} – {end} lies outside fiscal year {fiscal_year} ({first} – {last}): expected a period "
          "that overlaps the fiscal year", "fiscal_year",
          f"ช่วงเวลา {_th(start)} – {_th(end)} อยู่นอกปีงบประมาณ พ.ศ. {fiscal_year} "
          f"({_th(first)} – {_th(last)}): ช่วงเวลาดำเนินการต้องอยู่ในปีงบประมาณนี้ อย่างน้อยบางส่วน")


def _th(day) -> str:
    return short_date(day, "arabic")  # Arabic digits: staff can copy the date straight into the file


def _own_file(frameworks: Frameworks, framework: Framework) -> str | None:
    """The agency's file the framework was read from; None for one itaplan ships."""
    origin = frameworks.origin(framework.assessment_year)
    return None if origin is None or origin.shipped else origin.file


def _names_elsewhere(frameworks: Frameworks, framework: Framework) -> set[str]:
    """Indicator names (and earlier names) of every other framework known, the shipped one of this year too."""
    from itaplan.framework import shipped_frameworks

    others = [f for f in (*frameworks.by_year.values(), *shipped_frameworks().by_year.values()) if f is not framework]
    return {n for f in others for i in f.indicators for n in (i.name, *i.continues)}


def _letters_apart(one: str, other: str) -> int:
    """How many letters differ between two names (added, removed or changed)."""
    import difflib

    ops = difflib.SequenceMatcher(None, one, other, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def _check_reference(c: _Collector, path: Path, doc: YamlDocument, indicator: Indicator,
                     framework: Framework, own_file: str | None = None, elsewhere: set[str] = frozenset()) -> None:
    """Number, name, group and question code must be those of the year's framework.

    `own_file` is the agency's framework file the year's names come from (None for one itaplan ships): a name
    that differs may be misspelt there rather than here, so the message says where the expected name is written,
    and when the plan's name is one `elsewhere` (other frameworks) knows and the file's is not, the fix is there."""
    year = framework.assessment_year
    source_th = f"ตามกรอบการประเมิน ITA {year}" + (f" (ไฟล์ {own_file})" if own_file else "")
    source_en = f"in the ITA {year} framework" + (f" ({own_file})" if own_file else "")
    ref = framework.indicator(indicator.number)
    if ref is None:
        have = ", ".join(f"{i.number} {i.name}" for i in framework.indicators)
        numbers = sorted(framework.numbers())
        have_th = (f"{numbers[0]} ถึง {numbers[-1]}" if numbers == list(range(numbers[0], numbers[-1] + 1))
                   else and_list(numbers))
        c.add(path, doc.line_of(("number",)), "number", f"the ITA {year} framework has no indicator "
              f"{indicator.number}: expected one of {have}", "canonical",
              f"กรอบการประเมิน ITA {year} ไม่มีตัวชี้วัดที่ {indicator.number}: ต้องเป็นตัวชี้วัดที่ {have_th}")
        return
    if (indicator.name != ref.name and own_file and indicator.name in elsewhere and ref.name not in elsewhere
            and indicator.name not in ref.continues and _letters_apart(indicator.name, ref.name) <= 2):
        # a letter or two from a name other frameworks know, and not a rename the file declares: a slip there
        c.add(path, doc.line_of(("name",)), "name", f"indicator {ref.number} is named {quote(ref.name, True)} "
              f"{source_en}, but {quote(indicator.name, True)} here, the name other frameworks use: the framework file "
              f"may be misspelt; change its indicator {ref.number} to name: {indicator.name}",
              "canonical",
              f"ชื่อตัวชี้วัดที่ {ref.number} {source_th} คือ {quote(ref.name)} แต่พบ {quote(indicator.name)} "
              f"ซึ่งเป็นชื่อในกรอบการประเมินปีอื่น ชื่อในไฟล์ {own_file} จึงอาจพิมพ์ผิด: "
              f"แก้ชื่อตัวชี้วัดที่ {ref.number} ในไฟล์ {own_file} เป็น name: {indicator.name}")
    elif indicator.name != ref.name:
        c.add(path, doc.line_of(("name",)), "name", f"indicator {ref.number} is named {quote(ref.name, True)} "
              f"{source_en}, found {quote(indicator.name, True)}: change it to name: {ref.name}", "canonical",
              f"ชื่อตัวชี้วัดที่ {ref.number} {source_th} คือ {quote(ref.name)} แต่พบ {quote(indicator.name)}: "
              f"แก้เป็น name: {ref.name}")
    if indicator.group != ref.tool:
        c.add(path, doc.line_of(("group",)), "group", f"indicator {ref.number} belongs to {ref.tool} {source_en}, "
              f"found {quote(indicator.group, True)}: change it to group: {ref.tool}", "canonical",
              f"ตัวชี้วัดที่ {ref.number} อยู่ในกลุ่ม {ref.tool} {source_th} แต่พบ {quote(indicator.group)}: "
              f"แก้เป็น group: {ref.tool}")
    if indicator.question is not None:
        _check_question(c, path, doc, indicator.question.code, framework)


def _check_question(c: _Collector, path: Path, doc: YamlDocument, code: str, framework: Framework) -> None:
    """A question code names a survey of the year's framework (by its prefix), within its count if given."""
    year = framework.assessment_year
    tool = framework.question_tool(code)
    surveys = [t for t in framework.tools if t.questions is not None]
    if tool is None:
        have = ", ".join(f"{t.questions.prefix}1… ({t.code})" for t in surveys) or "-"
        have_th = " หรือ ".join(f"{t.questions.prefix} ({t.code})" for t in surveys) or "-"
        c.add(path, doc.line_of(("question", "code")), "question.code", f"{quote(code, True)} is not a question code of the "
              f"ITA {year} framework: expected one of {have}", "canonical",
              f"{quote(code)} ไม่ใช่รหัสข้อคำถามของกรอบการประเมิน ITA {year}: ต้องขึ้นต้นด้วย {have_th} ตามด้วยเลขข้อ")
        return
    count = tool.questions.count
    if count is not None and int(code[len(tool.questions.prefix):]) > count:
        prefix = tool.questions.prefix
        c.add(path, doc.line_of(("question", "code")), "question.code", f"{tool.code} has {count} questions "
              f"in the ITA {year} framework ({prefix}1–{prefix}{count}), found {quote(code, True)}", "canonical",
              f"แบบสำรวจ {tool.code} มี {count} ข้อในกรอบการประเมิน ITA {year} ({prefix}1–{prefix}{count}) แต่พบ {quote(code)}")
