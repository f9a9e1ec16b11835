"""The declared shape of an ITA assessment framework: one YAML file per assessment year.

    hooks/itaplan/framework/shipped/<year>.yml   the frameworks itaplan ships (only what is known for sure)
    plan_data/frameworks/<year>.yml              an agency's own: adds a year, or replaces a shipped one

A framework names the assessment's tools (IIT, EIT, OIT, … with their Thai names and, for a survey,
the prefix of its question codes), its indicators (number, canonical name, tool, and the earlier
names an indicator continues), and optionally the OIT items that the website is checked for.
How the parts must agree with each other (unique numbers, known tools, …) is checked by
framework/checks.py, which names the line of each problem.
"""

from __future__ import annotations

import re
from typing import Annotated, Optional

from pydantic import (AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, WithJsonSchema)

from itaplan import plain_text
from itaplan.errors import ThaiValueError
from itaplan.vocabulary import quote

TOOL_CODE = r"^[A-Z][A-Z0-9]{1,9}$"
QUESTION_PREFIX = r"^[a-z]{1,3}$"
OIT_CODE = r"^[a-z]{1,3}[0-9]{1,3}$"
DOCUMENT = r"^(analysis|progress|open_data|progress:[a-z0-9][a-z0-9-]{0,30})$"
DOCUMENTS = ("analysis", "progress", "progress:<round id>", "open_data")
"""What an OIT item may name as the itaplan documents that answer it."""


def _plain(value: str) -> str:
    """Text as published, by the rules of every staff text (itaplan.plain_text): a framework file is staff data
    under plan_data/ like the plan, so a right-to-left override or a noncharacter is refused here too, and
    invisible characters pasted from Word are removed."""
    value = plain_text.check(value)
    if not value.strip():
        raise ThaiValueError("ข้อความว่าง (มีแต่ช่องว่าง): ให้กรอกข้อความ", "expected text, found only white space")
    return value


def _matching(pattern: str, thai: str, english: str, schema: dict):
    """A text type checked against `pattern`, with its own Thai sentence when it does not match."""
    compiled = re.compile(pattern)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ThaiValueError(f"{thai} แต่พบ {quote(value, limit=40)}",
                                 f"{english}, found {quote(value, english=True, limit=40)}")
        return value

    return Annotated[str, StringConstraints(strict=True, max_length=60), AfterValidator(check),
                     WithJsonSchema({"type": "string", "pattern": pattern, **schema})]


Name = Annotated[str, StringConstraints(strict=True, min_length=1, max_length=500), AfterValidator(_plain)]
ToolCode = _matching(TOOL_CODE, "รหัสเครื่องมือต้องเป็นอักษรภาษาอังกฤษตัวใหญ่ (ตามด้วยตัวเลขได้) 2 ถึง 10 ตัว เช่น IIT",
                     "a tool code is 2 to 10 capital letters or digits, starting with a letter, e.g. IIT",
                     {"examples": ["IIT"]})
QuestionPrefix = _matching(QUESTION_PREFIX, "อักษรนำหน้ารหัสข้อคำถามต้องเป็นอักษรภาษาอังกฤษตัวเล็ก 1 ถึง 3 ตัว เช่น i",
                           "a question prefix is 1 to 3 small letters, e.g. i", {"examples": ["i"]})
OitCode = _matching(OIT_CODE, "รหัสข้อ OIT ต้องเป็นอักษรภาษาอังกฤษตัวเล็กตามด้วยเลขข้อ เช่น o1",
                    "an OIT item code is small letters and a number, e.g. o1", {"examples": ["o1"]})
Document = _matching(DOCUMENT, "เอกสารต้องเป็น analysis, progress, progress:<รหัสรอบรายงาน> หรือ open_data",
                     "expected analysis, progress, progress:<round id> or open_data",
                     {"examples": ["analysis", "progress", "progress:6-months", "open_data"]})
BuddhistYear = Annotated[int, Field(strict=True, ge=2500, le=2700, description="ปีพุทธศักราช (ค.ศ. + 543) เช่น 2569")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Questions(_Strict):
    """รหัสข้อคำถามของแบบสำรวจ: อักษรนำหน้า (i สำหรับ i1 i2 …) และจำนวนข้อถ้าคู่มือระบุ — how a survey codes its questions."""

    prefix: QuestionPrefix = Field(description="อักษรนำหน้ารหัสข้อคำถาม เช่น i (i1 i2 …)")
    count: Optional[int] = Field(None, strict=True, ge=1, le=999,
                                 description="จำนวนข้อคำถาม (ถ้าคู่มือระบุ): รหัสที่เลขเกินจำนวนนี้จะไม่ผ่านการตรวจ "
                                             "ถ้าไม่ระบุ จะไม่จำกัดจำนวนข้อ")


class Tool(_Strict):
    """เครื่องมือประเมินหนึ่งชุด (แบบวัดหรือแบบตรวจ) ซึ่งเป็นกลุ่มที่ตัวชี้วัดของเครื่องมือนั้นแสดงอยู่ — one assessment tool."""

    code: ToolCode = Field(description="รหัสเครื่องมือ เช่น IIT: ใช้ในช่อง group ของไฟล์ตัวชี้วัด")
    name: Name = Field(description="ชื่อเต็มภาษาไทย เช่น แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)")
    description: Optional[Name] = Field(
        None, description="เครื่องมือนี้เก็บข้อมูลอย่างไร หนึ่งประโยค สำหรับหน้าแรก เช่น "
                          "ถามความเห็นของเจ้าหน้าที่ภายในหน่วยงาน (ไม่บังคับ)")
    questions: Optional[Questions] = Field(None, description="รหัสข้อคำถามของแบบสำรวจนี้ (ไม่บังคับ)")


class FrameworkIndicator(_Strict):
    """ตัวชี้วัดหนึ่งตัวของกรอบการประเมิน ตามที่คู่มือของ ป.ป.ช. เรียก — one indicator of the framework."""

    number: int = Field(strict=True, ge=1, le=99, description="ตัวชี้วัดที่ (เลขตามคู่มือของปีนั้น)")
    name: Name = Field(description="ชื่อตัวชี้วัดตามคู่มือ (ชื่อที่ไฟล์ตัวชี้วัดต้องใช้)")
    tool: ToolCode = Field(description="รหัสเครื่องมือที่ให้คะแนนตัวชี้วัดนี้ (หนึ่งใน tools)")
    continues: list[Name] = Field(
        default_factory=list,
        description="ชื่อเดิมของตัวชี้วัดนี้ในปีก่อน ๆ (เมื่อเปลี่ยนชื่อ): คะแนนแต่ละปีจึงต่อเส้นเดิม "
                    "แต่ถ้าระบุชื่อตัวชี้วัดของปีก่อนมากกว่าหนึ่งตัว (รวมตัวชี้วัด) จะเริ่มเส้นใหม่")


class OitItem(_Strict):
    """ข้อ OIT หนึ่งข้อที่ผู้ประเมินตรวจบนเว็บไซต์ของหน่วยงาน และเอกสารของ itaplan ที่ตอบข้อนั้น — one OIT item."""

    code: OitCode = Field(description="รหัสข้อ เช่น o1")
    name: Name = Field(description="ชื่อข้อตามคู่มือ")
    indicator: int = Field(strict=True, ge=1, le=99, description="ตัวชี้วัดที่ข้อนี้อยู่")
    documents: list[Document] = Field(
        default_factory=list,
        description="เอกสารของ itaplan ที่ตอบข้อนี้ หนึ่งรายการต่อบรรทัด: analysis (ผลการวิเคราะห์และมาตรการ: หน้าสรุป "
                    "หน้าตัวชี้วัด ฉบับพิมพ์) progress (รายงานผลทุกรอบ) progress:<รหัสรอบ> (รอบเดียว เช่น "
                    "progress:6-months) open_data (ข้อมูลเปิด)")


class Framework(_Strict):
    """กรอบการประเมิน ITA ของปีที่ประเมินหนึ่งปี (plan_data/frameworks/<ปี>.yml) — the framework of one assessment year."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="ITA assessment framework (itaplan)")

    assessment_year: BuddhistYear = Field(description="ปีที่ประเมิน ITA (พ.ศ.) ชื่อไฟล์ต้องตรงกัน เช่น 2569.yml")
    source: Name = Field(description="ที่มาของรายการนี้: ชื่อเอกสารที่ใช้และเลขหน้า "
                                     "เช่น ชื่อคู่มือการประเมิน ITA ของปีนั้น หน้า …")
    tools: list[Tool] = Field(min_length=1, max_length=12, description="เครื่องมือการประเมิน ตามลำดับในคู่มือ")
    indicators: list[FrameworkIndicator] = Field(min_length=1, max_length=99,
                                                 description="ตัวชี้วัดทั้งหมดของปีนี้ ตามลำดับเลข")
    oit_items: list[OitItem] = Field(default_factory=list,
                                     description="ข้อที่ผู้ประเมินตรวจบนเว็บไซต์ (ไม่บังคับ): รหัส ชื่อ ตัวชี้วัด "
                                                 "และเอกสารของ itaplan ที่ตอบข้อนั้น")

    def tool(self, code: str) -> Tool | None:
        """The tool with this code, or None."""
        return next((t for t in self.tools if t.code == code), None)

    def tool_position(self, code: str) -> int:
        """1 for the first tool of the framework, 2 for the second, …; 0 for an unknown code."""
        return next((n for n, t in enumerate(self.tools, 1) if t.code == code), 0)

    def indicator(self, number: int) -> FrameworkIndicator | None:
        """The indicator with this number, or None."""
        return next((i for i in self.indicators if i.number == number), None)

    def by_name(self, name: str) -> FrameworkIndicator | None:
        """The indicator with this canonical name, or None."""
        return next((i for i in self.indicators if i.name == name), None)

    def indicators_of(self, code: str) -> list[FrameworkIndicator]:
        """The indicators a tool scores, in number order."""
        return [i for i in self.indicators if i.tool == code]

    def numbers(self) -> list[int]:
        return [i.number for i in self.indicators]

    def question_tool(self, code: str) -> Tool | None:
        """The survey tool whose question prefix starts `code` (i12 -> the tool with prefix i), or None."""
        match = re.fullmatch(r"([a-z]+)([0-9]+)", code)
        if match is None:
            return None
        return next((t for t in self.tools if t.questions and t.questions.prefix == match.group(1)), None)

    def oit_items_of(self, document: str) -> list[OitItem]:
        """The OIT items a document answers: 'analysis', 'open_data', 'progress' (any round) or
        'progress:<round id>' (that round, and items that name every round with 'progress')."""
        if document.startswith("progress:"):
            wanted = {document, "progress"}
        elif document == "progress":
            return [item for item in self.oit_items if any(d.split(":")[0] == "progress" for d in item.documents)]
        else:
            wanted = {document}
        return [item for item in self.oit_items if wanted & set(item.documents)]

    def same_indicators(self, other: "Framework") -> bool:
        """Whether `other` has the same tools and the same indicators (number, name, tool)."""
        def key(f: Framework) -> tuple:
            return (tuple((t.code, t.name) for t in f.tools), tuple((i.number, i.name, i.tool) for i in f.indicators))
        return key(self) == key(other)
