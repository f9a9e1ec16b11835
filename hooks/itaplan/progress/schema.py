"""The declared shape of progress data: what an office reports for each indicator in each round.

Layout (beside the plan; a year with no report at all has no progress/ folder and still builds):

    plan_data/<fiscal year>/progress/<round id>/report.yml   -> RoundInfo (optional: as-of date, signed PDF)
    plan_data/<fiscal year>/progress/<round id>/NN.yml       -> IndicatorReport (one file per reported indicator)
    plan_data/<fiscal year>/evidence/…                       -> the files and photos that evidence items name

Round ids (`6-months`, `12-months` by default) are declared in mkdocs.yml (`extra.itaplan.rounds`).
Evidence paths are relative to the year's evidence folder, e.g. `6-months/training-01.jpg`.
The narrative fields (result, obstacles, solutions) are Markdown written by staff, without raw HTML.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from itaplan import plain_text
from itaplan.errors import ThaiValueError
from itaplan.plan.schema import Text, ThaiDate, Url, _Strict


class Status(str, Enum):
    """สถานะของขั้นตอนในรอบรายงาน — a step's status in a report round."""

    NOT_STARTED = "ยังไม่ดำเนินการ"
    IN_PROGRESS = "อยู่ระหว่างดำเนินการ"
    DONE = "ดำเนินการแล้ว"
    DELAYED = "ล่าช้า"
    CANCELLED = "ยกเลิก"


NEEDS_REASON = (Status.DELAYED, Status.CANCELLED)

EvidencePath = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)]
"""A file under plan_data/<fiscal year>/evidence/, written relative to that folder (checked when loading)."""


class StepReport(_Strict):
    """สถานะของขั้นตอนหนึ่งในแผนของตัวชี้วัด (step นับจาก 1 ตามลำดับในแผน) — one step's status."""

    step: int = Field(strict=True, ge=1, le=50, description="ขั้นตอนที่ (นับจาก 1 ตามลำดับในแผน)")
    status: Status = Field(description="สถานะ: ยังไม่ดำเนินการ / อยู่ระหว่างดำเนินการ / ดำเนินการแล้ว / ล่าช้า / ยกเลิก")
    percent: Optional[float] = Field(None, strict=True, ge=0, le=100, allow_inf_nan=False,
                                     description="ร้อยละความคืบหน้า 0–100 (ไม่บังคับ)")
    done: Optional[ThaiDate] = Field(None, description="วันที่ดำเนินการแล้วเสร็จ (ไม่บังคับ)")
    reason: Optional[Text] = Field(None, description="เหตุผล: ต้องกรอกเมื่อสถานะเป็น ล่าช้า หรือ ยกเลิก")
    note: Optional[Text] = Field(None, description="หมายเหตุ (ไม่บังคับ ข้อความธรรมดา)")

    @model_validator(mode="after")
    def _reason_when_needed(self) -> "StepReport":
        if self.status in NEEDS_REASON and self.reason is None:
            raise ThaiValueError(f"สถานะ “{self.status.value}” ต้องมีเหตุผล: เพิ่มบรรทัด reason: ใต้ status: "
                                 "ของขั้นตอนนี้ ตรงแนวเดียวกัน เช่น reason: รอระเบียบใหม่",
                                 f"a step with the status {self.status.value} needs a reason (field reason:)")
        if self.done is not None and self.status is not Status.DONE:
            raise ThaiValueError(f"วันที่แล้วเสร็จ (done:) ใส่ได้เฉพาะขั้นตอนที่สถานะเป็น “{Status.DONE.value}”: "
                                 f"แก้สถานะเป็น {Status.DONE.value} หรือลบบรรทัด done:",
                                 f"done: (the date finished) belongs to a step with the status {Status.DONE.value}")
        return self


class Evidence(_Strict):
    """หลักฐานหนึ่งรายการ: ไฟล์ (PDF เอกสาร) ภาพถ่าย (พร้อมคำบรรยายภาพ) หรือลิงก์ อย่างใดอย่างหนึ่ง — one piece of evidence."""

    title: Text = Field(description="ชื่อหลักฐาน เช่น คำสั่งแต่งตั้งคณะทำงาน")
    file: Optional[EvidencePath] = Field(None, description="ไฟล์เอกสารในโฟลเดอร์ plan_data/<ปีงบประมาณ>/evidence/")
    photo: Optional[EvidencePath] = Field(None, description="ภาพถ่าย (JPEG หรือ PNG) ในโฟลเดอร์ plan_data/<ปีงบประมาณ>/evidence/")
    alt: Optional[Text] = Field(None, description="คำบรรยายภาพสำหรับผู้ที่มองไม่เห็นภาพ: ต้องกรอกเมื่อเป็นภาพถ่าย")
    url: Optional[Url] = Field(None, description="ที่อยู่หน้าเว็บ: https://…")

    @model_validator(mode="after")
    def _exactly_one_target(self) -> "Evidence":
        given = [name for name in ("file", "photo", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ThaiValueError("หลักฐานแต่ละรายการต้องมีอย่างใดอย่างหนึ่งเท่านั้น: file: (เอกสาร) photo: (ภาพ) หรือ url: "
                                 "(ลิงก์)" + (f" แต่พบ {', '.join(given)}" if given else " แต่ไม่พบเลย"),
                                 "an evidence item needs exactly one of file:, photo: or url:"
                                 + (f", found {', '.join(given)}" if given else ""))
        if self.photo is not None and self.alt is None:
            raise ThaiValueError("ภาพถ่ายต้องมี alt: คำบรรยายภาพสั้น ๆ สำหรับผู้ที่มองไม่เห็นภาพ",
                                 "a photo needs alt:, a short description for people who cannot see it")
        if self.alt is not None and self.photo is None:
            raise ThaiValueError("alt: ใช้บรรยายภาพ แต่รายการนี้ไม่มี photo:", "alt: describes a photo; this item has no photo:")
        return self


Markdown = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=20_000),
                     AfterValidator(plain_text.clean)]
"""Staff Markdown; invisible characters removed and NFC as any text (itaplan.plain_text), then checked line by
line when loading (itaplan.progress.markdown: refused characters, what the parser found), then rendered."""


class IndicatorReport(_Strict):
    """รายงานผลของตัวชี้วัดหนึ่งตัวในรอบหนึ่ง (plan_data/<ปีงบประมาณ>/progress/<รหัสรอบ>/NN.yml) — one indicator's report."""

    indicator: int = Field(strict=True, ge=1, le=99,
                           description="ตัวชี้วัดที่ (เลขตามกรอบการประเมินของปี เหมือนชื่อไฟล์ เช่น 9 ในไฟล์ 09.yml)")
    steps: list[StepReport] = Field(default_factory=list,
                                    description="สถานะของแต่ละขั้นตอน: ขั้นตอนที่ไม่ได้เขียนไว้นับเป็นยังไม่ดำเนินการ")
    result: Optional[Markdown] = Field(None, description="ผลการดำเนินการ: เขียนได้หลายย่อหน้า ใช้ตัวหนา **…** รายการ - … และลิงก์ได้ (ดู CONTRIBUTING.md)")
    obstacles: Optional[Markdown] = Field(None, description="ปัญหาอุปสรรค: เขียนได้หลายย่อหน้า ใช้ตัวหนา **…** รายการ - … และลิงก์ได้")
    solutions: Optional[Markdown] = Field(None, description="แนวทางแก้ไข: เขียนได้หลายย่อหน้า ใช้ตัวหนา **…** รายการ - … และลิงก์ได้")
    evidence: list[Evidence] = Field(default_factory=list, description="หลักฐาน: ไฟล์ ภาพถ่าย หรือลิงก์")

    @model_validator(mode="after")
    def _each_step_once(self) -> "IndicatorReport":
        seen: set[int] = set()
        for item in self.steps:
            if item.step in seen:
                raise ThaiValueError(f"รายงานขั้นตอนที่ {item.step} ซ้ำสองครั้ง: แต่ละขั้นตอนรายงานได้ครั้งเดียว",
                                     f"step {item.step} is reported twice: expected each step at most once")
            seen.add(item.step)
        return self


class RoundInfo(_Strict):
    """ข้อมูลของรอบรายงานหนึ่งรอบ (plan_data/<ปีงบประมาณ>/progress/<รหัสรอบ>/report.yml) — about one report round."""

    as_of: Optional[ThaiDate] = Field(None, description="ข้อมูล ณ วันที่ (ถ้าไม่กรอก จะใช้วันสิ้นรอบ)")
    signed_document: Optional[EvidencePath] = Field(
        None, description="ไฟล์ PDF ของรายงานฉบับนี้ที่ลงนามแล้ว (สแกน) ในโฟลเดอร์ plan_data/<ปีงบประมาณ>/evidence/")


PROGRESS_SCHEMAS = {
    "progress": IndicatorReport,
    "report": RoundInfo,
}
