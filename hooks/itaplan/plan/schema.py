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
                                    description="Year of the Buddhist Era (CE + 543)")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Agency(_Strict):
    """The public agency that publishes the plan (plan_data/agency.yml)."""

    name: Text = Field(description="ชื่อหน่วยงาน, e.g. องค์การบริหารส่วนตำบลหนองตัวอย่าง")
    district: Text = Field(description="อำเภอ")
    province: Text = Field(description="จังหวัด")


class PlanInfo(_Strict):
    """One fiscal year's document (plan_data/<fiscal year>/plan.yml)."""

    title: Text = Field(description="The document's title as written in the official table")
    assessment_year: BuddhistYear = Field(description="The ITA year whose results are analysed")
    fiscal_year: BuddhistYear = Field(description="The fiscal year of the measures (the folder's name)")
    signed_document: Optional[Annotated[str, StringConstraints(strict=True, min_length=1, max_length=300)]] = Field(
        None, description="ไฟล์ PDF ของแผนที่ลงนามแล้ว (optional): a path under plan_data/<year>/evidence/, "
                          "e.g. signed/plan-2569.pdf")

    @model_validator(mode="after")
    def _next_year(self) -> "PlanInfo":
        if self.fiscal_year != self.assessment_year + 1:
            raise ThaiValueError(f"ปีงบประมาณ (fiscal_year) {self.fiscal_year} ต้องเป็นปีถัดจากปีที่ประเมิน "
                                 f"(assessment_year) {self.assessment_year} คือ {self.assessment_year + 1}",
                                 f"fiscal_year {self.fiscal_year} should be the year after "
                                 f"assessment_year {self.assessment_year}")
        return self


class Question(_Strict):
    """The survey question whose answers the analysis discusses."""

    code: Annotated[str, StringConstraints(strict=True, pattern=r"^[a-z]{1,3}[1-9][0-9]{0,2}$")] = Field(
        description="Question code: the survey's prefix in the year's framework and the question's number, "
                    "e.g. i1 or e12 (checked against plan_data/frameworks or itaplan's frameworks)")
    text: Text = Field(description="The question's wording")


class Period(_Strict):
    """ช่วงเวลาดำเนินการ: วันเริ่มและวันสิ้นสุด (วันเริ่มต้องไม่หลังวันสิ้นสุด) — when the measure runs."""

    start: ThaiDate = Field(description="วันเริ่ม (first day). " + thai_dates.JSON_DESCRIPTION)
    end: ThaiDate = Field(description="วันสิ้นสุด (last day). " + thai_dates.JSON_DESCRIPTION)

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.end < self.start:
            raise ThaiValueError(f"วันสิ้นสุด {short_date(self.end, 'arabic')} อยู่ก่อนวันเริ่ม "
                                 f"{short_date(self.start, 'arabic')}: วันสิ้นสุดต้องไม่ก่อนวันเริ่ม",
                                 f"end {self.end} is before start {self.start}")
        return self


class Link(_Strict):
    """A related document or web page, shown under เอกสารที่เกี่ยวข้อง on the indicator's page."""

    title: Text = Field(description="What the link leads to, e.g. คู่มือการปฏิบัติงาน")
    url: Url = Field(description="https://…, http://…, mailto:… or a path inside the site (e.g. files/manual.pdf)")


class Indicator(_Strict):
    """One ITA indicator: its score, the analysis, and the measure for the next fiscal year."""

    number: int = Field(strict=True, ge=1, le=99,
                        description="Indicator number in the framework of the year's assessment_year")
    name: Text = Field(description="The indicator's canonical name in that framework")
    group: ToolCode = Field(description="The code of the assessment tool that scores the indicator in that "
                                        "framework, e.g. IIT")
    score: float = Field(strict=True, ge=0, le=100, allow_inf_nan=False, description="The ITA score, 0–100")
    question: Optional[Question] = Field(None, description="The survey question analysed, if any")
    measure: Text = Field(description="มาตรการ หรือโครงการ หรือกิจกรรม")
    analysis: list[Text] = Field(min_length=1, description="ผลการวิเคราะห์: one item per paragraph")
    steps: list[Text] = Field(min_length=1, description="ขั้นตอนหรือวิธีปฏิบัติการ: one item per step, in order")
    period: Period = Field(description="ช่วงระยะเวลาการดำเนินการ")
    responsible: list[Text] = Field(min_length=1, description="ผู้รับผิดชอบ: one item per unit")
    links: list[Link] = Field(default_factory=list, description="เอกสารที่เกี่ยวข้อง: optional related links")


SCHEMAS: dict[str, type[BaseModel]] = {
    "agency": Agency,
    "plan": PlanInfo,
    "indicator": Indicator,
}
