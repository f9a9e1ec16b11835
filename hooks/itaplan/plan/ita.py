"""Reference facts about the NACC's ITA that do not change from agency to agency.

The ten indicators, their canonical names and the survey or check that scores them
(ITA 2567 onwards). The seed's cells break some names across a wrapped line
("การใช้ งบประมาณ"); these are the canonical forms.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Group = Literal["IIT", "EIT", "OIT"]


class IndicatorRef(NamedTuple):
    number: int
    name: str
    group: Group


INDICATORS: tuple[IndicatorRef, ...] = (
    IndicatorRef(1, "การปฏิบัติหน้าที่", "IIT"),
    IndicatorRef(2, "การใช้งบประมาณ", "IIT"),
    IndicatorRef(3, "การใช้อำนาจ", "IIT"),
    IndicatorRef(4, "การใช้ทรัพย์สินของราชการ", "IIT"),
    IndicatorRef(5, "การแก้ไขปัญหาการทุจริต", "IIT"),
    IndicatorRef(6, "คุณภาพการดำเนินงาน", "EIT"),
    IndicatorRef(7, "ประสิทธิภาพการสื่อสาร", "EIT"),
    IndicatorRef(8, "การปรับปรุงระบบการทำงาน", "EIT"),
    IndicatorRef(9, "การเปิดเผยข้อมูล", "OIT"),
    IndicatorRef(10, "การป้องกันการทุจริต", "OIT"),
)
BY_NUMBER = {ref.number: ref for ref in INDICATORS}

GROUP_NAMES: dict[str, str] = {
    "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
    "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
    "OIT": "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)",
}
