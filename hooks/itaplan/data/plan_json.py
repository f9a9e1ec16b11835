"""plan.json: one fiscal year's plan as JSON, and the JSON Schema it follows (from the same models).

The schema is published with the site as schema/plan-data.schema.json (`itaplan schema`
writes it into docs/schema/ beside the schemas of the plan data files).
"""

from __future__ import annotations

import json

from pydantic import BaseModel, ConfigDict, Field

from itaplan.framework import Framework
from itaplan.plan.licences import LICENCES
from itaplan.plan.model import PlanSet, YearPlan
from itaplan.plan.schema import Agency, Indicator, PlanInfo

SCHEMA_NAME = "plan-data"


class Licence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="รหัสสัญญาอนุญาต เช่น CC-BY-4.0 — licence id")
    title: str
    path: str = Field(description="ที่อยู่ของข้อความสัญญาอนุญาต — where the licence text is published")


class PlanData(BaseModel):
    """ผลการวิเคราะห์ ITA และมาตรการของปีงบประมาณหนึ่ง ตามที่เผยแพร่ใน <ปีงบประมาณ>/data/plan.json — one fiscal year's analysis and measures."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="ITA plan data (itaplan)")

    agency: Agency
    plan: PlanInfo
    licence: Licence
    indicators: list[Indicator] = Field(min_length=1, description="ตัวชี้วัดเรียงตามเลข — the indicators in number order")
    framework: Framework = Field(description="กรอบการประเมิน ITA ของปีที่ประเมิน (plan.assessment_year): "
                                             "เครื่องมือ ตัวชี้วัด และที่มาของรายการ — the year's assessment framework")


def plan_data(plans: PlanSet, year: YearPlan, licence_id: str) -> PlanData:
    lic = LICENCES[licence_id]
    return PlanData(agency=plans.agency, plan=year.info, indicators=list(year.indicators),
                    licence=Licence(name=lic.id, title=lic.title, path=lic.url), framework=year.framework)


def plan_json(plans: PlanSet, year: YearPlan, licence_id: str) -> str:
    """plan.json text: UTF-8 Thai as written (not \\u-escaped), keys in model order."""
    data = plan_data(plans, year, licence_id).model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def plan_data_schema() -> dict:
    """The JSON Schema of plan.json."""
    schema = PlanData.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{SCHEMA_NAME}.schema.json", **schema}
