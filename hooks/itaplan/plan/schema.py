"""The one declared shape of plan data: typed models that validate it and yield its JSON Schema.

Layout of plan_data/ (one folder per fiscal year, so later years and progress reports are
added beside the existing files, never by moving them):

    plan_data/agency.yml                      -> Agency
    plan_data/<fiscal year>/plan.yml          -> PlanInfo
    plan_data/<fiscal year>/indicators/*.yml  -> Indicator (one file per indicator)
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field,
                      StringConstraints, WithJsonSchema, model_validator)

from itaplan import plain_text, thai_dates
from itaplan.errors import ThaiValueError
from itaplan.framework.schema import ToolCode
from itaplan.plan.links import check_url
from itaplan.thai import short_date
from itaplan.thai_dates import parse_thai_date

def _no_blank(value: str) -> str:
    """Text as published: refused characters reported, invisible ones removed, NFC (see itaplan.plain_text)."""
    value = plain_text.check(value)
    if not value.strip():
        raise ThaiValueError("ข้อความว่าง (มีแต่ช่องว่าง): ให้กรอกข้อความ", "expected text, found only white space")
    return value


Text = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=20_000),
                 AfterValidator(_no_blank)]
Url = Annotated[str, StringConstraints(strict=True), AfterValidator(check_url),
               WithJsonSchema({"type": "string", "format": "uri-reference", "maxLength": 2000,
                               "pattern": r"^(https?://|mailto:|[^:]*$)"})]
ThaiDate = Annotated[date, BeforeValidator(parse_thai_date),
                     WithJsonSchema({"type": "string", "pattern": thai_dates.JSON_PATTERN,
                                     "description": thai_dates.JSON_DESCRIPTION,
                                     "examples": ["1 ต.ค. 2568", "๑ ตุลาคม ๒๕๖๘", "2025-10-01"],
                                     "patternErrorMessage": "เขียนวันที่แบบ " + thai_dates.EXAMPLES_TH})]
"""A date as staff write it (1 ต.ค. 2568, ๑ ตุลาคม ๒๕๖๘, 2025-10-01, 2568-10-01), stored as a real date."""
BuddhistYear = Annotated[int, Field(strict=True, ge=2500, le=2700,
                                    description="ปีพุทธศักราช (ค.ศ. + 543) เช่น 2569")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Agency(_Strict):
    """หน่วยงานที่เผยแพร่แผน (plan_data/agency.yml) — the public agency that publishes the plan."""

    name: Text = Field(description="ชื่อหน่วยงานเต็ม เช่น องค์การบริหารส่วนตำบลหนองตัวอย่าง")
    district: Text = Field(description="อำเภอ: เขียนเฉพาะชื่อ ไม่ต้องมีคำว่าอำเภอ")
    province: Text = Field(description="จังหวัด: เขียนเฉพาะชื่อ ไม่ต้องมีคำว่าจังหวัด")


class PlanInfo(_Strict):
    """เอกสารของปีงบประมาณหนึ่ง (plan_data/<ปีงบประมาณ>/plan.yml) — one fiscal year's document."""

    title: Text = Field(description="ชื่อเอกสารตามที่เขียนในตารางฉบับทางการ — the title as in the official table")
    assessment_year: BuddhistYear = Field(description="ปีที่ประเมิน ITA (พ.ศ.) ซึ่งนำผลมาวิเคราะห์ — the ITA year whose results are analysed")
    fiscal_year: BuddhistYear = Field(description="ปีงบประมาณของมาตรการ (พ.ศ. เท่ากับชื่อโฟลเดอร์) — the fiscal year of the measures")
    signed_document: Optional[Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)]] = Field(
        None, description="ไฟล์ PDF ของแผนที่ลงนามแล้ว (ไม่บังคับ) ในโฟลเดอร์ "
                          "plan_data/<ปีงบประมาณ>/evidence/ เช่น signed/plan-2569.pdf")

    # fiscal_year = assessment_year + 1 is checked by the loader, which knows the folder's name (the fiscal
    # year): a wrong assessment_year is then told as such, on its own line (plan/loader.py).


class Question(_Strict):
    """ข้อคำถามในแบบสำรวจที่ผลการวิเคราะห์กล่าวถึง — the survey question the analysis discusses."""

    code: Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z]{1,3}[1-9][0-9]{0,2}$")] = Field(
        description="รหัสข้อคำถาม: อักษรนำหน้าของแบบสำรวจตามกรอบการประเมินของปีนั้นและเลขข้อ เช่น i1 "
                    "หรือ e12 (ตรวจกับ plan_data/frameworks หรือกรอบที่ itaplan มีให้) — question code")
    text: Text = Field(description="ข้อความของข้อคำถาม — the question's wording")


class Period(_Strict):
    """ช่วงเวลาดำเนินการ: วันเริ่มและวันสิ้นสุด (วันเริ่มต้องไม่หลังวันสิ้นสุด) — when the measure runs."""

    start: ThaiDate = Field(description="วันเริ่ม: " + thai_dates.JSON_DESCRIPTION)
    end: ThaiDate = Field(description="วันสิ้นสุด: " + thai_dates.JSON_DESCRIPTION)

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ThaiValueError(f"วันสิ้นสุด {short_date(self.end, 'arabic')} อยู่ก่อนวันเริ่ม "
                                 f"{short_date(self.start, 'arabic')}: วันสิ้นสุดต้องไม่ก่อนวันเริ่ม",
                                 f"end {self.end} is before start {self.start}")
        return self


class Link(_Strict):
    """เอกสารหรือหน้าเว็บที่เกี่ยวข้อง แสดงใต้หัวข้อ เอกสารที่เกี่ยวข้อง ในหน้าตัวชี้วัด — a related document or web page."""

    title: Text = Field(description="ชื่อเอกสารหรือหน้าเว็บที่ลิงก์ไป เช่น คู่มือการปฏิบัติงาน")
    url: Url = Field(description="ที่อยู่ของลิงก์: https://… http://… mailto:… หรือไฟล์ในเว็บไซต์ เช่น files/manual.pdf")


class Indicator(_Strict):
    """ตัวชี้วัด ITA หนึ่งตัว: คะแนน ผลการวิเคราะห์ และมาตรการของปีงบประมาณถัดไป — one ITA indicator."""

    number: int = Field(strict=True, ge=1, le=99,
                        description="ตัวชี้วัดที่ (เลขตามกรอบการประเมินของปีที่ประเมิน) — indicator number in the year's framework")
    name: Text = Field(description="ชื่อตัวชี้วัดตามกรอบการประเมินของปีนั้น — the indicator's name in that framework")
    group: ToolCode = Field(description="รหัสเครื่องมือที่ให้คะแนนตัวชี้วัดนี้ตามกรอบ"
                                        "การประเมินของปีนั้น เช่น IIT — the tool's code")
    score: float = Field(strict=True, ge=0, le=100, allow_inf_nan=False, description="คะแนน ITA ของตัวชี้วัด 0–100 เช่น 99.79 (เลขไทยก็ได้)")
    question: Optional[Question] = Field(None, description="ข้อคำถามที่วิเคราะห์ (ถ้ามี) — the survey question analysed, if any")
    measure: Text = Field(description="มาตรการ หรือโครงการ หรือกิจกรรม")
    analysis: list[Text] = Field(min_length=1, description="ผลการวิเคราะห์: หนึ่งรายการต่อหนึ่งย่อหน้า")
    steps: list[Text] = Field(min_length=1, description="ขั้นตอนหรือวิธีปฏิบัติการ: หนึ่งรายการต่อหนึ่งขั้นตอน ตามลำดับ")
    period: Period = Field(description="ช่วงระยะเวลาการดำเนินการ")
    responsible: list[Text] = Field(min_length=1, description="ผู้รับผิดชอบ: หนึ่งรายการต่อหนึ่งกอง/สำนัก")
    links: list[Link] = Field(default_factory=list, description="เอกสารที่เกี่ยวข้อง (ไม่บังคับ)")


SCHEMAS: dict[str, type[BaseModel]] = {
    "agency": Agency,
    "plan": PlanInfo,
    "indicator": Indicator,
}
