"""A framework written out as a draft for another assessment year: the file `itaplan framework new` writes."""

from __future__ import annotations

import yaml

from itaplan.framework.schema import Framework

SCHEMA_LINE = "# yaml-language-server: $schema=../../docs/schema/framework.schema.json"
PLACEHOLDER_SOURCE = ("PLACEHOLDER: ใส่ที่มาของรายการนี้ เช่น คู่มือการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {year} "
                      "(สำนักงาน ป.ป.ช.) หน้า … — ร่างนี้คัดลอกจากกรอบการประเมิน ITA {origin}")


def draft_copy(framework: Framework, year: int) -> str:
    """The YAML text of `framework` as a draft for assessment year `year`: the same tools, indicators and
    OIT items, no `continues:` (the names are this copy's own), and a source that is a placeholder, so that
    `itaplan check --strict` fails until someone writes where the checked list comes from."""
    data = framework.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["assessment_year"] = year
    data["source"] = PLACEHOLDER_SOURCE.format(year=year, origin=framework.assessment_year)
    for indicator in data["indicators"]:
        indicator.pop("continues", None)
    ordered = {key: data[key] for key in ("assessment_year", "source", "tools", "indicators", "oit_items")
               if key in data}
    head = [
        SCHEMA_LINE,
        f"# กรอบการประเมิน ITA {year} — ร่าง: คัดลอกจากกรอบปี {framework.assessment_year} "
        f"(itaplan framework new {year} --from {framework.assessment_year})",
        f"# ก่อนใช้: แก้ให้ตรงกับคู่มือการประเมิน ITA ปี {year} ของสำนักงาน ป.ป.ช. ทั้งเครื่องมือ เลข ชื่อตัวชี้วัด "
        "และข้อคำถาม แล้วเขียนที่มาใน source: แทนคำว่า PLACEHOLDER",
        "# ตัวชี้วัดที่เปลี่ยนชื่อ: ใส่ชื่อเดิมใน continues: [ชื่อเดิม] คะแนนแต่ละปีจึงต่อเส้นเดิม "
        "(ดู CONTRIBUTING.md หัวข้อกรอบการประเมิน)",
        f"# Draft of the ITA {year} framework, copied from {framework.assessment_year}: edit it to match the "
        "NACC's manual, then replace the PLACEHOLDER source.",
    ]
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=False)
    return "\n".join(head) + "\n" + body
