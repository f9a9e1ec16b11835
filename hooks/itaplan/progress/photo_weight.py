"""Photo weight at the door: `itaplan check` warns about evidence photos larger than WARN_BYTES.

A phone photo is 3–6 MB. The site publishes a copy made smaller (photos.py, at most 1600 px), but the file
staff upload stays in the repository's Git history for ever: every clone, every check and every build
downloads it again, year after year. A photo of at most 1600 px on its longest side is about 0.2–0.6 MB and
looks the same on the site. The warning names the report file and the line of its `photo:` entry, Thai first,
and says how to make the photo smaller; it never stops a check (a large photo is still published).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from itaplan.progress.evidence import EVIDENCE_DIR, MiB
from itaplan.progress.model import YearProgress

WARN_BYTES = 1 * MiB
"""Evidence photos above this size (as uploaded, before the site shrinks them) get a warning."""
HOW_TO_SHRINK = ("ย่อภาพก่อนอัปโหลด ให้ด้านยาวไม่เกิน 1600 พิกเซล เช่น ตั้งขนาดภาพในกล้องโทรศัพท์ให้เล็กลง "
                 "ส่งภาพผ่าน LINE แบบความละเอียดปกติแล้วบันทึกภาพที่ได้รับ หรือใช้โปรแกรมฟรี เช่น แอป Photos ของ Windows "
                 "(ปรับขนาด) หรือ squoosh.app แล้วอัปโหลดไฟล์ใหม่แทนชื่อเดิม")
HOW_TO_SHRINK_EN = ("shrink it to at most 1600 px on its longest side before uploading (the phone camera's "
                    "smaller picture size, LINE's standard quality, or a free tool such as Windows Photos' "
                    "resize or squoosh.app) and upload it again under the same name")


@dataclass(frozen=True)
class HeavyPhoto:
    file: str
    """The report that names the photo, relative to the project (as problems are shown)."""
    line: int | None
    ref: str
    size: int

    @property
    def message(self) -> str:
        mb = self.size / MiB
        return (f"ภาพ '{self.ref}' ใหญ่ {mb:.1f} MB (เกิน {WARN_BYTES // MiB} MB): ไฟล์ที่อัปโหลดจะค้างอยู่ในประวัติของ"
                f"ที่เก็บข้อมูลตลอดไป แม้เว็บไซต์จะย่อภาพให้เองก็ตาม {HOW_TO_SHRINK} — the photo is {mb:.1f} MiB, "
                f"over {WARN_BYTES // MiB} MiB, and stays in the repository's history for ever: {HOW_TO_SHRINK_EN}")

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


def heavy_photos(project: Path, plan_data: str, progress: dict[int, YearProgress]) -> list[HeavyPhoto]:
    """Every evidence photo of every report above WARN_BYTES, in report order (one warning per entry)."""
    from itaplan.errors import PlanDataError
    from itaplan.plan.yaml_source import read_yaml

    found = []
    for fy in sorted(progress):
        for round_ in progress[fy].rounds:
            for number in sorted(round_.reports):
                report, shown = round_.reports[number], round_.sources[number]
                doc = None
                for pos, item in enumerate(report.evidence):
                    if item.photo is None:
                        continue
                    try:
                        size = (project / plan_data / str(fy) / EVIDENCE_DIR / item.photo).stat().st_size
                    except OSError:
                        continue
                    if size <= WARN_BYTES:
                        continue
                    if doc is None:
                        try:
                            doc = read_yaml(project / shown, shown)
                        except PlanDataError:
                            doc = False
                    line = doc.line_of(("evidence", pos, "photo")) if doc else None
                    found.append(HeavyPhoto(shown, line, item.photo, size))
    return found


def format_heavy(items: list[HeavyPhoto], fmt: str, project: Path) -> str:
    """The warnings of `itaplan check`: lines for people, `::warning` annotations for GitHub."""
    from itaplan.report_formats import escape_data, escape_property, repository_prefix

    if not items:
        return ""
    if fmt == "github":
        prefix = repository_prefix(project)
        return "\n".join(
            f"::warning file={escape_property(prefix + item.file)}" + (f",line={item.line}" if item.line else "")
            + f",title={escape_property('itaplan check: ภาพใหญ่เกินไป (photo too large)')}::{escape_data(item.message)}"
            for item in items)
    count = len(items)
    head = (f"ภาพหลักฐานใหญ่เกิน {WARN_BYTES // MiB} MB {count} ภาพ ({count} evidence photo"
            f"{'s' if count != 1 else ''} over {WARN_BYTES // MiB} MiB):")
    return "\n".join([head, *(f"  {item}" for item in items)])
