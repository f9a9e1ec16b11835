"""Turn a table read from its file into validated plan data, or a TableError naming every bad row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from itaplan.errors import Problem
from itaplan.framework import Framework, Frameworks, shipped_frameworks
from itaplan.plan.thai_messages import messages
from itaplan.vocabulary import code_path, place
from itaplan.plan.schema import Agency, Indicator, PlanInfo
from itaplan.table.cells import indicator_ref, read_row
from itaplan.table.heading import agency_and_title, assessment_year
from itaplan.table.names import agency_names
from itaplan.table.review import Review, ReviewItem
from itaplan.table.source import COLUMNS, RawTable, TableError, read_table
from itaplan.table.text_source import THAI_WINDOWS


@dataclass(frozen=True)
class ImportResult:
    """The plan data read from one table, and the readings a person should check."""

    agency: Agency
    info: PlanInfo
    indicators: tuple[Indicator, ...]
    review: tuple[ReviewItem, ...]
    written_scores: dict[int, int | float]
    """Each score as the table writes it (100 stays 100, 90.00 stays 90.0), for the YAML files."""
    encoding: str | None = None
    """The text encoding the table was read in (None for a .docx)."""
    framework: Framework | None = None
    """The ITA framework of the table's assessment year, which the rows were read against."""
    framework_file: Path | None = None
    """The agency's own file of that framework (to write beside the plan data), or None for itaplan's own."""


def import_file(path: Path, frameworks: Frameworks | None = None,
                framework_files: dict[int, Path] | None = None,
                agencies: tuple[Mapping[str, object], ...] = ()) -> ImportResult:
    """Read and interpret the table in `path` (exported text or .docx) against the framework of its ITA year:
    one of `frameworks` (default: itaplan's shipped ones); `framework_files` names the agency's own files;
    `agencies` are other spellings of the agency's names to mend wrap spaces in (agency.yml, --name …)."""
    return import_table(read_table(path), frameworks, framework_files, agencies)


def import_table(table: RawTable, frameworks: Frameworks | None = None,
                 framework_files: dict[int, Path] | None = None,
                 agencies: tuple[Mapping[str, object], ...] = ()) -> ImportResult:
    """Interpret a table; raise TableError listing every malformed row and missing part.

    A wrap space inside the agency's name, district or province (from the table's 'ชื่อหน่วยงาน …' line and from
    each of `agencies`) is closed and listed like the dictionary's repairs (names.py, wrap.py)."""
    frameworks = frameworks if frameworks is not None else shipped_frameworks()
    problems: list[Problem] = []
    review = Review()
    if table.encoding == THAI_WINDOWS:
        review.add("file", "encoding", f"อ่านไฟล์เป็นภาษาไทยแบบ {THAI_WINDOWS} (ไม่ใช่ UTF-8): ตรวจดูว่าตัวอักษรไทย"
                   f"ถูกต้อง — read as Thai in {THAI_WINDOWS}, not UTF-8: check that the Thai text reads right")
    agency_fields, title = agency_and_title(table, problems)
    names = agency_names(agency_fields, *agencies)
    year = assessment_year(table, title, review, problems)
    framework = frameworks.get(year) if year is not None else None
    if year is not None and framework is None:
        have = ", ".join(map(str, frameworks.years))
        problems.append(Problem(table.file, None, "assessment_year",
                                f"ยังไม่มีกรอบการประเมิน ITA ของปี {year} (มีของปี {have}): เพิ่มไฟล์ "
                                f"plan_data/frameworks/{year}.yml ตามคู่มือของสำนักงาน ป.ป.ช. หรือระบุ --framework "
                                f"ไฟล์กรอบการประเมิน — no ITA framework is known for {year} (known: {have}): add "
                                f"plan_data/frameworks/{year}.yml from the NACC's manual, or give --framework FILE"))
        raise TableError(problems)
    if not table.rows:
        problems.append(Problem(table.file, None, None, "ไม่พบแถวตัวชี้วัด: ต้องมีแถวละหกช่องคั่นด้วยแท็บ ขึ้นต้นด้วย "
                                "'ตัวชี้วัดที่ ๑ …' (หรือตาราง Word หกคอลัมน์) — no indicator rows found: expected rows "
                                "of six tab-separated cells starting 'ตัวชี้วัดที่ ๑ …' (or a Word table of six columns)"))
    seen: dict[int, str] = {}
    indicators: list[Indicator] = []
    scores: dict[int, int | float] = {}
    for index, row in enumerate(table.rows):
        if len(row.cells) != len(COLUMNS):
            after = table.rows[index + 1] if index + 1 < len(table.rows) else None
            broken = (after is not None and row.line is not None and after.line == row.line + 1
                      and len(row.cells) + len(after.cells) - len(COLUMNS) in (0, 1))
            hint_th = f" (แถวต่อที่บรรทัด {after.line}: มีการขึ้นบรรทัดใหม่ในช่อง? ต่อสองบรรทัดเข้าด้วยกัน)" if broken else ""
            hint = f" (it goes on at line {after.line}: a line break inside a cell? join the two lines)" if broken else ""
            problems.append(Problem(table.file, row.line, None, f"{row.at}แถวนี้มี {len(row.cells)} ช่อง ต้องมี "
                                    f"{len(COLUMNS)} ช่อง{hint_th} — the row has {len(row.cells)} "
                                    f"cells: expected {len(COLUMNS)} ({', '.join(COLUMNS)}){hint}"))
            continue
        if framework is None:  # no ITA year (a problem already): the rows cannot be read against a framework
            continue
        ref = indicator_ref(row, table.file, problems, framework)
        if ref is None:
            continue
        if ref.number in seen:
            problems.append(Problem(table.file, row.line, "indicator", f"{row.at}ตัวชี้วัดที่ {ref.number} ซ้ำ "
                                    f"(พบครั้งแรกที่ {seen[ref.number]}) — indicator {ref.number} "
                                    f"appears again (first at {seen[ref.number]}): expected each indicator once"))
            continue
        seen[ref.number] = row.where
        empty = [name for name, cell in zip(COLUMNS, row.cells) if not cell]
        if empty:
            problems.append(Problem(table.file, row.line, empty[0], f"{row.at}ช่อง {', '.join(empty)} ว่าง ต้องมี"
                                    f"ข้อความ — the {', '.join(empty)} "
                                    f"cell{'s are' if len(empty) > 1 else ' is'} empty: expected text"))
            continue
        if year is not None:
            data = read_row(row, ref, year + 1, review, framework, names)
            scores[ref.number] = data["score"]
            indicators.append(_valid(Indicator, data, table.file, row.line, row.where, problems))
    missing = [str(ref.number) for ref in framework.indicators if ref.number not in seen] if framework else []
    if table.rows and missing and not problems:
        count = len(framework.indicators)
        problems.append(Problem(table.file, None, "indicator", f"ไม่มีแถวของตัวชี้วัดที่ {', '.join(missing)}: "
                                f"ต้องมีหนึ่งแถวต่อตัวชี้วัด ครบทั้ง {count} ตัวชี้วัดของกรอบการประเมิน ITA {year} — "
                                f"no row for indicator(s) {', '.join(missing)}: expected one row for each of the "
                                f"{count} indicators of the ITA {year} framework"))
    for where, text in table.ignored:
        review.add(where, "-", f"ข้อความนอกตารางไม่ได้นำเข้า — text outside the table was not imported: '{text[:60]}'")
    agency = _valid(Agency, agency_fields, table.file, None, "agency line", problems) if agency_fields else None
    info = None
    if year is not None and title:
        info = _valid(PlanInfo, {"title": title, "assessment_year": year, "fiscal_year": year + 1},
                      table.file, None, "title", problems)
    if problems or agency is None or info is None:
        raise TableError(problems)
    return ImportResult(agency, info, tuple(sorted(indicators, key=lambda i: i.number)), tuple(review.items), scores,
                        table.encoding, framework, (framework_files or {}).get(year))


def _valid(model: type[BaseModel], data: dict, file: str, line: int | None, where: str, problems: list[Problem]):
    """The model built from `data`, or None after recording each validation error as a problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        kind = {"Indicator": "indicator", "Agency": "agency", "PlanInfo": "plan"}.get(model.__name__)
        for err in exc.errors():
            loc = tuple(err["loc"])
            thai, english = messages(err, file_kind=kind)
            problems.append(Problem(file, line, code_path(loc) or None, f"{where}: {thai} — {where}: {english}",
                                    place=place(loc, data=data, kind=kind)))
        return None
