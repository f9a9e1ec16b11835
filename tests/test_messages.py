"""Golden messages: each everyday slip a clerk makes in the web editor gets the intended Thai answer.

Each case edits the (made-up) progress fixture the way staff slip, loads it as `itaplan check` does, and
compares the Thai line staff read first — "file:line: place: what is wrong and the one fix" — word for word.
CONTRIBUTING.md's table of messages is tested against these answers (tests/test_contributing.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from progress_fixture import copy_fixture, load
from itaplan.errors import PlanDataError

IND04 = "2569/indicators/04.yml"
R6_01 = "2569/progress/6-months/01.yml"
R6_04 = "2569/progress/6-months/04.yml"
PLAN = "2569/plan.yml"
FW = "frameworks/2568.yml"
# An agency's own framework file for 2568 (made up: a copy of the one itaplan ships), written by the edit ("", text).
OWN_2568 = (ROOT / "hooks/itaplan/framework/shipped/2568.yml").read_text(encoding="utf-8")

# The step 2 entry of 6-months/01.yml taken out: the second entry now reports step 3.
NO_STEP_2 = ("- step: 2\n  status: อยู่ระหว่างดำเนินการ\n  percent: 60\n  note: ร่างคู่มือแล้ว ๘ งานจาก ๑๒ งาน\n", "")

# name -> (edits [(file, old, new)], the Thai line staff read first, or None for "nothing to say")
SLIPS: dict[str, tuple[list[tuple[str, str, str]], str | None]] = {
    # places: counted from 1, a report's entry named by its step: value, a Thai label and the key beside it
    "status missing a letter": (
        [(R6_01, *NO_STEP_2), (R6_01, "  status: ยังไม่ดำเนินการ", "  status: ยังไม่ดำเนินกา")],
        "plan_data/2569/progress/6-months/01.yml:8: ช่องสถานะ (status) ของขั้นตอนที่ 3: ไม่รู้จักสถานะ “ยังไม่ดำเนินกา” "
        "หมายถึง “ยังไม่ดำเนินการ” หรือไม่: แก้เป็น status: ยังไม่ดำเนินการ"),
    "status written another way": (
        [(R6_01, "  status: ดำเนินการแล้ว", "  status: เสร็จแล้ว")],
        "plan_data/2569/progress/6-months/01.yml:5: ช่องสถานะ (status) ของขั้นตอนที่ 1: ไม่รู้จักสถานะ “เสร็จแล้ว” "
        "หมายถึง “ดำเนินการแล้ว” หรือไม่: แก้เป็น status: ดำเนินการแล้ว"),
    "empty score": (
        [(IND04, "score: 100", "score:")],
        "plan_data/2569/indicators/04.yml:6: ช่องคะแนน (score): ว่างอยู่: ใส่ค่าต่อจาก score: ในบรรทัดเดียวกัน "
        "เช่น score: 99.79"),
    "score in words": (
        [(IND04, "score: 100", "score: เต็มร้อย")],
        "plan_data/2569/indicators/04.yml:6: ช่องคะแนน (score): ต้องเป็นตัวเลข เช่น 99.79 แต่พบ “เต็มร้อย”"),
    "quoted number": (
        [(IND04, "score: 100", "score: '100'")],
        "plan_data/2569/indicators/04.yml:6: ช่องคะแนน (score): “100” อยู่ในเครื่องหมายคำพูด ระบบจึงอ่านเป็นข้อความ "
        "ไม่ใช่ตัวเลข: ลบเครื่องหมายคำพูดออก เป็น score: 100"),
    "percent with a sign": (
        [(R6_01, "percent: 60", "percent: 60%")],
        "plan_data/2569/progress/6-months/01.yml:9: ช่องร้อยละความคืบหน้า (percent) ของขั้นตอนที่ 2: ต้องเป็นตัวเลข "
        "เช่น 99.79 แต่พบ “60%”: เขียนเฉพาะตัวเลข ไม่ต้องมี % หรือคำว่าร้อยละ เป็น percent: 60"),
    "decimal comma": (
        [(IND04, "score: 100", "score: 99,79")],
        "plan_data/2569/indicators/04.yml:6: ช่องคะแนน (score): ต้องเป็นตัวเลข เช่น 99.79 แต่พบ “99,79”: "
        "ใช้จุดทศนิยม เป็น score: 99.79"),
    "score above 100": (
        [(IND04, "score: 100", "score: 120")],
        "plan_data/2569/indicators/04.yml:6: ช่องคะแนน (score): ค่าต้องไม่เกิน 100 แต่พบ “120”"),
    "a year in the Common Era": (
        [(PLAN, "fiscal_year: 2569", "fiscal_year: 2026")],
        "plan_data/2569/plan.yml:5: ช่องปีงบประมาณ (fiscal_year): “2026” เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. (ค.ศ. + 543): "
        "แก้เป็น fiscal_year: 2569"),
    "an agency name left as empty quotation marks": (
        [("agency.yml", "name: เทศบาลตำบลโคกพุทรา", 'name: ""')],
        "plan_data/agency.yml:3: ช่องชื่อหน่วยงาน (name): ว่างอยู่: ใส่ค่าต่อจาก name: ในบรรทัดเดียวกัน "
        "เช่น name: องค์การบริหารส่วนตำบลตัวอย่าง"),
    "an assessment year equal to the fiscal year": (
        [(PLAN, "assessment_year: 2568", "assessment_year: 2569")],
        "plan_data/2569/plan.yml:4: ช่องปีที่ประเมิน (assessment_year): แผนของปีงบประมาณ 2569 (ชื่อโฟลเดอร์) "
        "วิเคราะห์ผลการประเมิน ITA ของปีก่อนหน้า แต่ช่องนี้เขียนว่า 2569: แก้เป็น assessment_year: 2568"),
    "thai digits are numbers": (
        [(R6_01, "percent: 60", "percent: ๖๐"), (IND04, "score: 100", "score: ๙๙.๗๙")], None),
    # right diagnosis, one fix
    "one space too many before a field": (
        [(R6_01, "\n  status: อยู่ระหว่างดำเนินการ", "\n   status: อยู่ระหว่างดำเนินการ")],
        "plan_data/2569/progress/6-months/01.yml:8: เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ช่องสถานะ (status) ในบรรทัด 8 เว้นวรรคหน้า 3 ช่อง "
        "แต่ช่องเลขขั้นตอน (step) ในบรรทัด 7 ซึ่งอยู่ในกลุ่มเดียวกัน เว้น 2 ช่อง ต้องเริ่มตรงแนวเดียวกัน: ลบเว้นวรรคหน้า status ออก 1 ช่อง"),
    "one space too few before a field": (
        [(IND04, "  end: 2026-09-30", " end: 2026-09-30")],
        "plan_data/2569/indicators/04.yml:19: เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ช่องวันสิ้นสุด (end) ในบรรทัด 19 เว้นวรรคหน้า 1 ช่อง "
        "แต่ช่องวันเริ่ม (start) ในบรรทัด 18 ซึ่งอยู่ในกลุ่มเดียวกัน เว้น 2 ช่อง ต้องเริ่มตรงแนวเดียวกัน: เพิ่มเว้นวรรคหน้า end อีก 1 ช่อง"),
    "a field of a step at the left edge": (
        [(R6_01, "\n  note: ร่าง", "\nnote: ร่าง")],
        "plan_data/2569/progress/6-months/01.yml:10: เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ช่องหมายเหตุ (note) ในบรรทัด 10 เริ่มที่ต้นบรรทัด "
        "แต่ช่องร้อยละความคืบหน้า (percent) ในบรรทัด 9 ซึ่งอยู่ในกลุ่มเดียวกัน เว้น 2 ช่อง ต้องเริ่มตรงแนวเดียวกัน: เพิ่มเว้นวรรคหน้า note อีก 2 ช่อง"),
    "a step's status moved to the left edge": (
        [(R6_01, "\n  status: อยู่ระหว่างดำเนินการ", "\nstatus: อยู่ระหว่างดำเนินการ")],
        "plan_data/2569/progress/6-months/01.yml:8: เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ช่องสถานะ (status) ในบรรทัด 8 เริ่มที่ต้นบรรทัด "
        "แต่ช่องเลขขั้นตอน (step) ในบรรทัด 7 ซึ่งอยู่ในกลุ่มเดียวกัน เว้น 2 ช่อง ต้องเริ่มตรงแนวเดียวกัน: "
        "เพิ่มเว้นวรรคหน้า status อีก 2 ช่อง"),
    "a list item out of line": (
        [(IND04, "responsible:\n- กองคลัง", "responsible:\n  - กองคลัง\n - กองช่าง")],
        "plan_data/2569/indicators/04.yml:22: เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ขีด - ในบรรทัด 22 เว้นวรรคหน้า 1 ช่อง "
        "แต่ข้อก่อนหน้าในบรรทัด 21 เว้น 2 ช่อง ทุกข้อในรายการเดียวกันต้องเริ่มตรงแนวเดียวกัน: เพิ่มเว้นวรรคหน้า - อีก 1 ช่อง"),
    "a known field at the wrong depth": (
        [(IND04, "\n  end: 2026-09-30", "\nend: 2026-09-30")],
        "plan_data/2569/indicators/04.yml:19: ช่องวันสิ้นสุด (end): อยู่ผิดระดับ เป็นช่องย่อยของระยะเวลา (period): "
        "เพิ่มเว้นวรรคหน้า end 2 ช่อง ให้ตรงแนวเดียวกับ start ในบรรทัด 18"),
    "step for steps": (
        [(R6_01, "\nsteps:", "\nstep:")],
        "plan_data/2569/progress/6-months/01.yml:3: ช่อง step: ไม่มีช่องชื่อนี้ หมายถึง steps (ขั้นตอน) หรือไม่: "
        "แก้ชื่อช่องเป็น steps"),
    "true where text is expected": (
        [(IND04, "- กองคลัง", "- true")],
        "plan_data/2569/indicators/04.yml:21: ผู้รับผิดชอบ ลำดับที่ 1 (responsible): ต้องเป็นข้อความ แต่พบ “true” "
        "ซึ่งระบบอ่านเป็นค่าจริง/เท็จ: ถ้าต้องการเป็นข้อความ ให้ครอบด้วยเครื่องหมายคำพูด เช่น \"true\""),
    "a field name not close to any": (
        [(R6_01, "\nresult: |", "\nreslt_of_work: |")],
        "plan_data/2569/progress/6-months/01.yml:13: ช่อง reslt_of_work: ระบบไม่รู้จักช่องชื่อนี้ (สะกดผิดหรือไม่?): "
        "ช่องที่ใช้ได้คือ indicator, steps, result, obstacles, solutions, evidence"),
    "a field name written in Thai": (
        [(R6_01, "  status: ดำเนินการแล้ว", "  สถานะ: ดำเนินการแล้ว")],
        "plan_data/2569/progress/6-months/01.yml:5: ช่อง “สถานะ” ของขั้นตอนที่ 1: ชื่อช่องต้องเขียนเป็นภาษาอังกฤษ: "
        "แก้เป็น status"),
    "indicator differs from the file name": (
        [(R6_04, "indicator: 4", "indicator: 3")],
        "plan_data/2569/progress/6-months/04.yml:2: ช่องตัวชี้วัด (indicator): ไฟล์ 04.yml เป็นรายงานของตัวชี้วัดที่ 4 "
        "แต่ช่องนี้เขียนว่า 3: แก้เป็น indicator: 4"),
    "text with a colon in a list": (
        [(IND04, "- สร้างจิตสำนึกที่ดีของการ เป็นเจ้าหน้าที่ของรัฐตาม มาตรฐานทางจริยธรรม", "- หมายเหตุ: ทุกไตรมาส")],
        "plan_data/2569/indicators/04.yml:16: ขั้นตอนที่ 3 (steps): ข้อความ “หมายเหตุ: ทุกไตรมาส” มีเครื่องหมาย : "
        "ตามด้วยเว้นวรรค ระบบจึงอ่านเป็นช่องข้อมูล: ครอบทั้งข้อความด้วยเครื่องหมายคำพูด เช่น \"หมายเหตุ: ทุกไตรมาส\""),
    "an empty step": (
        [(IND04, "- สร้างจิตสำนึกที่ดีของการ เป็นเจ้าหน้าที่ของรัฐตาม มาตรฐานทางจริยธรรม", "-")],
        "plan_data/2569/indicators/04.yml:16: ขั้นตอนที่ 3 (steps): ว่างอยู่: เขียนข้อความต่อจาก - ในบรรทัดเดียวกัน "
        "หรือลบบรรทัดนี้ถ้าไม่ใช้"),
    "a missing field": (
        [(IND04, "measure: จัดทำคู่มือแนวทาง ปฏิบัติการยืมทรัพย์สิน ของราชการของเทศบาล ตำบลโคกพุทรา\n", "")],
        "plan_data/2569/indicators/04.yml:3: ช่องมาตรการ (measure): ยังไม่ได้กรอกช่องนี้ ซึ่งต้องมีทุกครั้ง: "
        "เพิ่มบรรทัด เช่น measure: จัดทำคู่มือ"),
    "a delayed step without a reason": (
        [(R6_01, "  status: ยังไม่ดำเนินการ", "  status: ล่าช้า")],
        "plan_data/2569/progress/6-months/01.yml:11: ขั้นตอนที่ 3 (steps): สถานะ “ล่าช้า” ต้องมีเหตุผล: "
        "เพิ่มบรรทัด reason: ใต้ status: ของขั้นตอนนี้ ตรงแนวเดียวกัน เช่น reason: รอระเบียบใหม่"),
    "a step the plan does not have": (
        [(R6_01, "- step: 3", "- step: 5")],
        "plan_data/2569/progress/6-months/01.yml:11: ช่องเลขขั้นตอน (step) ของรายการที่ 3 ใต้ steps: ขั้นตอนที่ 5 "
        "ไม่มีในแผน ตัวชี้วัดที่ 1 มี 4 ขั้นตอน"),
    "an evidence file not uploaded": (
        [(R6_01, "file: 6-months/order-01.pdf", "file: 6-months/order-02.pdf")],
        "plan_data/2569/progress/6-months/01.yml:27: ช่องไฟล์เอกสาร (file) ของหลักฐาน รายการที่ 1: ไม่พบไฟล์ "
        "evidence/6-months/order-02.pdf: ตรวจชื่อไฟล์ (ตัวพิมพ์เล็กใหญ่ต้องตรงกัน) และอัปโหลดไฟล์ไว้ในโฟลเดอร์นั้น"),
    "a photo named in the wrong case": (
        [(R6_01, "photo: 6-months/training-01.jpg", "photo: 6-months/training-01.JPG")],
        "plan_data/2569/progress/6-months/01.yml:29: ช่องภาพถ่าย (photo) ของหลักฐาน รายการที่ 2: ไม่พบไฟล์ "
        "evidence/6-months/training-01.JPG แต่ในโฟลเดอร์มีไฟล์ 6-months/training-01.jpg ซึ่งตัวพิมพ์เล็กใหญ่ต่างกัน "
        "(เว็บไซต์ถือว่าเป็นคนละชื่อ): แก้ชื่อในช่องนี้เป็น 6-months/training-01.jpg"),
    "a finish date from last year": (
        [(R6_01, "  done: 2025-11-15", "  done: 15 พ.ย. 2567")],
        "plan_data/2569/progress/6-months/01.yml:6: ช่องวันที่แล้วเสร็จ (done) ของขั้นตอนที่ 1: วันที่แล้วเสร็จ "
        "15 พ.ย. 2567 อยู่นอกปีงบประมาณ พ.ศ. 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569 หรือไม่เกิน 120 วันหลังสิ้นปี): "
        "ตรวจว่าคัดลอกวันที่มาจากปีก่อนหรือไม่"),
    "a step at 100 per cent still in progress": (
        [(R6_01, "percent: 60", "percent: 100")],
        "plan_data/2569/progress/6-months/01.yml:9: ช่องร้อยละความคืบหน้า (percent) ของขั้นตอนที่ 2: ร้อยละ 100 "
        "แต่สถานะเป็น “อยู่ระหว่างดำเนินการ”: ถ้าเสร็จแล้วให้ใช้สถานะ ดำเนินการแล้ว"),
    "number differs from the file name": (
        [(IND04, "number: 4", "number: 5")],
        "plan_data/2569/indicators/04.yml:3: ช่องหมายเลขตัวชี้วัด (number): ไฟล์ 04.yml เป็นไฟล์ของตัวชี้วัดที่ 4 "
        "แต่ช่องนี้เขียนว่า 5: แก้เป็น number: 4"),
    "a field twice": (
        [(IND04, "score: 100", "score: 100\nscore: 99")],
        "plan_data/2569/indicators/04.yml:7: รูปแบบไฟล์ผิด: ช่อง score ซ้ำกันสองครั้งในกลุ่มเดียวกัน: ให้เหลือไว้ครั้งเดียว"),
    "last year's period copied": (
        [(IND04, "  start: 2025-10-01\n  end: 2026-09-30", "  start: 2024-10-01\n  end: 2025-09-30")],
        "plan_data/2569/indicators/04.yml:18: ช่องระยะเวลา (period): ช่วงเวลา 1 ต.ค. 2567 – 30 ก.ย. 2568 "
        "อยู่นอกปีงบประมาณ พ.ศ. 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569): ช่วงเวลาดำเนินการต้องอยู่ในปีงบประมาณนี้ "
        "อย่างน้อยบางส่วน"),
    "an impossible date": (
        [(IND04, "  end: 2026-09-30", "  end: 31 ก.พ. 2569")],
        "plan_data/2569/indicators/04.yml:19: ช่องวันสิ้นสุด (end ใต้ period): ไม่มีวันที่ “31 ก.พ. 2569” ในปฏิทิน "
        "(เช่น 31 ก.พ.): ตรวจวันและเดือนอีกครั้ง"),
    "a date in the wrong form": (
        [(R6_01, "  done: 2025-11-15", "  done: 15/11/2568")],
        "plan_data/2569/progress/6-months/01.yml:6: ช่องวันที่แล้วเสร็จ (done) ของขั้นตอนที่ 1: วันที่ “15/11/2568” "
        "ต้องเขียนชื่อเดือน: แก้เป็น 15 พ.ย. 2568"),
    "a date that reads two ways": (
        [(R6_01, "  done: 2025-11-15", "  done: 3/11/2568")],
        "plan_data/2569/progress/6-months/01.yml:6: ช่องวันที่แล้วเสร็จ (done) ของขั้นตอนที่ 1: “3/11/2568” "
        "อ่านได้สองแบบ คือ 3 พ.ย. 2568 (วัน/เดือน) หรือ 11 มี.ค. 2568 (เดือน/วัน): เขียนชื่อเดือนตามวันที่ที่ต้องการ "
        "เป็น 3 พ.ย. 2568 หรือ 11 มี.ค. 2568"),
    "a tab before a line": (
        [(IND04, "  end: 2026-09-30", "\tend: 2026-09-30")],
        "plan_data/2569/indicators/04.yml:19: มีแท็บ (Tab) หน้าบรรทัด 19 ก่อนช่องวันสิ้นสุด (end): ลบแท็บออก "
        "แล้วเว้นวรรคหน้า end 2 ช่องด้วยปุ่มเว้นวรรค (space) ให้ตรงแนวเดียวกับช่องวันเริ่ม (start) ในบรรทัด 18"),
    "a tab before a field at the left edge": (
        [(IND04, "score: 100", "\tscore: 100")],
        "plan_data/2569/indicators/04.yml:6: มีแท็บ (Tab) หน้าบรรทัด 6 ก่อนช่องคะแนน (score): ลบแท็บออก ให้ score "
        "เริ่มที่ต้นบรรทัด (ไม่ต้องเว้นวรรค) ตรงแนวเดียวกับช่องกลุ่ม (group) ในบรรทัด 5"),
    "a line of report text out of line": (
        [(R6_01, "  - งานจัดเก็บรายได้", " - งานจัดเก็บรายได้")],
        "plan_data/2569/progress/6-months/01.yml:17: เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ข้อความของ result (ต่อจากบรรทัด 13) "
        "ทุกบรรทัดต้องเว้นวรรคหน้าเท่ากัน แต่บรรทัด 14 เว้น 2 ช่อง บรรทัด 17 เว้น 1 ช่อง: เพิ่มเว้นวรรคหน้าบรรทัด 17 "
        "อีก 1 ช่อง"),
    "a dash without its space": (
        [(IND04, "\n- เผยแพร่", "\n-เผยแพร่")],
        "plan_data/2569/indicators/04.yml:15: หลังขีด - ในบรรทัด 15 ไม่มีเว้นวรรค ระบบจึงไม่อ่านเป็นข้อในรายการ: "
        "เว้นวรรคหนึ่งช่องหลัง - เป็น “- เผยแพร่ประชาสัมพันธ์คู่มือ การปฏิบัติ…”"),
    "a colon left out after a field name": (
        [(IND04, "score: 100", "score 100")],
        "plan_data/2569/indicators/04.yml:6: ช่องคะแนน (score): บรรทัด 6 ไม่มีเครื่องหมาย : หลังชื่อช่อง “score”: "
        "แก้เป็น score: 100"),
    "a colon left out after a group's name": (
        [(IND04, "period:\n", "period\n")],
        "plan_data/2569/indicators/04.yml:17: ช่องระยะเวลา (period): บรรทัด 17 ไม่มีเครื่องหมาย : หลังชื่อช่อง “period”: "
        "แก้เป็น period:"),
    "a colon left out after a report's step number": (
        [(R6_01, "- step: 2", "- step 2")],
        "plan_data/2569/progress/6-months/01.yml:7: ช่องเลขขั้นตอน (step): บรรทัด 7 ไม่มีเครื่องหมาย : "
        "หลังชื่อช่อง “step”: แก้เป็น - step: 2"),
    "a group's line deleted": (
        [(IND04, "period:\n", "")],
        "plan_data/2569/indicators/04.yml:17: start ในบรรทัด 17 เป็นช่องย่อยของ period แต่ไม่พบบรรทัด period: ข้างบน: "
        "เพิ่มบรรทัด period: ก่อนบรรทัด 17"),
    "a list's line deleted": (
        [(IND04, "analysis:\n", "")],
        "plan_data/2569/indicators/04.yml:11: รายการในบรรทัด 11 ไม่มีชื่อช่องกำกับ (ไม่พบบรรทัด analysis: ข้างบน): "
        "เพิ่มบรรทัด analysis: ก่อนบรรทัด 11"),
    "a list's line deleted where another list is": (
        [(IND04, "steps:\n", "")],
        "plan_data/2569/indicators/04.yml:3: ช่องขั้นตอน (steps): ยังไม่ได้กรอกช่องนี้ ซึ่งต้องมีทุกครั้ง: เพิ่มบรรทัด "
        "steps: แล้วเขียนแต่ละข้อในบรรทัดถัดไป ขึ้นต้นด้วย - เช่น - ข้อความของขั้นตอน"),
    "an indicator's name misspelt": (
        [(IND04, "name: การใช้ทรัพย์สินของราชการ", "name: การใช้ทรัพย์สินของราชกร")],
        "plan_data/2569/indicators/04.yml:4: ช่องชื่อตัวชี้วัด (name): ชื่อตัวชี้วัดที่ 4 ตามกรอบการประเมิน ITA 2568 "
        "คือ “การใช้ทรัพย์สินของราชการ” แต่พบ “การใช้ทรัพย์สินของราชกร”: แก้เป็น name: การใช้ทรัพย์สินของราชการ"),
    "a question code of no survey": (
        [(IND04, "code: i10", "code: x10")],
        "plan_data/2569/indicators/04.yml:8: ช่องรหัสข้อคำถาม (code ใต้ question): “x10” ไม่ใช่รหัสข้อคำถามของ"
        "กรอบการประเมิน ITA 2568: ต้องขึ้นต้นด้วย i (IIT) หรือ e (EIT) ตามด้วยเลขข้อ"),
    "a name misspelt in the agency's framework file": (
        [(FW, "", OWN_2568.replace("name: การใช้ทรัพย์สินของราชการ", "name: การใช้ทรัพย์สินของราชกร"))],
        "plan_data/2569/indicators/04.yml:4: ช่องชื่อตัวชี้วัด (name): ชื่อตัวชี้วัดที่ 4 ตามกรอบการประเมิน ITA 2568 "
        "(ไฟล์ plan_data/frameworks/2568.yml) คือ “การใช้ทรัพย์สินของราชกร” แต่พบ “การใช้ทรัพย์สินของราชการ” "
        "ซึ่งเป็นชื่อในกรอบการประเมินปีอื่น ชื่อในไฟล์ plan_data/frameworks/2568.yml จึงอาจพิมพ์ผิด: "
        "แก้ชื่อตัวชี้วัดที่ 4 ในไฟล์ plan_data/frameworks/2568.yml เป็น name: การใช้ทรัพย์สินของราชการ"),
    "a tool left out in the agency's framework file": (
        [(FW, "", OWN_2568.replace("    tool: IIT\n  - number: 2", "  - number: 2", 1))],
        "plan_data/frameworks/2568.yml:24: ช่องเครื่องมือ (tool) ของตัวชี้วัดรายการที่ 1: ยังไม่ได้กรอกช่องนี้ "
        "ซึ่งต้องมีทุกครั้ง: เพิ่มบรรทัด เช่น tool: IIT"),
    "an empty source in the agency's framework file": (
        [(FW, "", OWN_2568[:OWN_2568.index("source:")] + "source:\n" + OWN_2568[OWN_2568.index("tools:"):])],
        "plan_data/frameworks/2568.yml:5: ช่องที่มาของรายการ (source): ว่างอยู่: ใส่ค่าต่อจาก source: ในบรรทัดเดียวกัน "
        "เช่น source: ชื่อคู่มือการประเมิน ITA ของปีนั้น หน้า …"),
    # no silent folding, no text cut short
    "a step folded into the one above": (
        [(IND04, "\n- เผยแพร่", "\n - เผยแพร่")],
        "plan_data/2569/indicators/04.yml:15: ขั้นตอนที่ 1 (steps): บรรทัด 15 ขึ้นต้นด้วย “-” เหมือนข้อใหม่ แต่ YAML "
        "อ่านเป็นข้อความต่อท้ายค่าในบรรทัด 14 (รวมเป็นข้อความเดียวกัน และข้อใหม่หายไป): ให้ - ตรงแนวเดียวกับ - "
        "ในบรรทัด 14: ลบเว้นวรรคหน้า - ออก 1 ช่อง"),
    "a numbered step folded into the one above": (
        [(IND04, "\n- เผยแพร่", "\n  ๒. เผยแพร่")],
        "plan_data/2569/indicators/04.yml:15: ขั้นตอนที่ 1 (steps): บรรทัด 15 ขึ้นต้นด้วย “๒.” เหมือนข้อใหม่ แต่ YAML "
        "อ่านเป็นข้อความต่อท้ายค่าในบรรทัด 14 (รวมเป็นข้อความเดียวกัน และข้อใหม่หายไป): ถ้าเป็นข้อใหม่ "
        "ให้ขึ้นบรรทัดด้วย - ตรงแนวเดียวกับ - ในบรรทัด 14"),
    "a list in a one-line report field": (
        [(R6_01, "obstacles: เจ้าหน้าที่บางงานติดภารกิจเลือกตั้ง ทำให้ร่างคู่มือช้ากว่ากำหนด",
          "obstacles: เจ้าหน้าที่ติดภารกิจ\n  - งานเลือกตั้ง")],
        "plan_data/2569/progress/6-months/01.yml:22: ช่องปัญหาอุปสรรค (obstacles): บรรทัด 22 ขึ้นต้นด้วย “-” "
        "เหมือนข้อใหม่ แต่ YAML อ่านเป็นข้อความต่อท้ายค่าในบรรทัด 21 (รวมเป็นข้อความเดียวกัน และข้อใหม่หายไป): "
        "ถ้าต้องการเป็นรายการ ให้เขียน obstacles: | แล้วเขียนข้อความในบรรทัดถัดไป (ดูตัวอย่างใน CONTRIBUTING.md)"),
}

# Shapes that YAML reads without complaint but that change the text: warned (the build log and --strict too).
WARNED: dict[str, tuple[list[tuple[str, str, str]], str]] = {
    "a # that cuts a step short": (
        [(IND04, "- สร้างจิตสำนึกที่ดีของการ", "- สร้าง #1 จิตสำนึกที่ดีของการ")],
        "plan_data/2569/indicators/04.yml:16: ขั้นตอนที่ 3 (steps): ข้อความ “#1 จิตสำนึกที่ดีของการ "
        "เป็นเจ้าหน้าที่ของรัฐตาม มาตรฐานทางจ…” ในบรรทัด 16 ถูกตัดทิ้ง เพราะ # ที่มีเว้นวรรคข้างหน้า"
        "คือเครื่องหมายหมายเหตุของ YAML ค่าจึงเหลือเพียง “สร้าง”: ถ้า # เป็นส่วนของข้อความ ให้ครอบทั้งข้อความด้วย"
        "เครื่องหมายคำพูด \"…\" ถ้าเป็นหมายเหตุ ให้ย้ายไปไว้บรรทัดของตัวเอง"),
    "a backslash in double quotation marks": (
        [(R6_01, "  note: ร่างคู่มือแล้ว ๘ งานจาก ๑๒ งาน", '  note: "ร่าง\\tคู่มือ"')],
        "plan_data/2569/progress/6-months/01.yml:10: ช่องหมายเหตุ (note) ของขั้นตอนที่ 2: “\\t” ในเครื่องหมายคำพูดคู่ "
        "\"…\" ถูก YAML แปลงเป็นอักขระอื่น ข้อความจึงไม่ตรงกับที่พิมพ์: ใช้เครื่องหมายคำพูดเดี่ยว '…' แทน"),
    "a responsible unit misspelt": (
        [(IND04, "- กองคลัง", "- กองคลง"), ("2569/indicators/05.yml", "- สำนักปลัด", "- สำนักปลัด\n- กองคลัง"),
         ("2569/indicators/07.yml", "- สำนักปลัด", "- กองคลัง")],
        "plan_data/2569/indicators/04.yml:21: ผู้รับผิดชอบ ลำดับที่ 1 (responsible): ชื่อหน่วยงาน “กองคลง” ต่างจาก "
        "“กองคลัง” ในตัวชี้วัดที่ 5 และ 7 เพียงหนึ่งหรือสองตัวอักษร (ชื่อที่เขียนต่างกันจะแยกเป็นหน้าหน่วยงานคนละหน้า): "
        "หมายถึง กองคลัง หรือไม่ ถ้าใช่ แก้เป็น - กองคลัง"),
    "a # in a report note": (
        [(R6_01, "  note: ร่างคู่มือแล้ว ๘ งานจาก ๑๒ งาน", "  note: ร่างคู่มือแล้ว #8 จาก #12")],
        "plan_data/2569/progress/6-months/01.yml:10: ช่องหมายเหตุ (note) ของขั้นตอนที่ 2: ข้อความ “#8 จาก #12” "
        "ในบรรทัด 10 ถูกตัดทิ้ง เพราะ # ที่มีเว้นวรรคข้างหน้าคือเครื่องหมายหมายเหตุของ YAML ค่าจึงเหลือเพียง "
        "“ร่างคู่มือแล้ว”: ถ้า # เป็นส่วนของข้อความ ให้ครอบทั้งข้อความด้วยเครื่องหมายคำพูด \"…\" ถ้าเป็นหมายเหตุ "
        "ให้ย้ายไปไว้บรรทัดของตัวเอง"),
}


def apply(root: Path, edits: list[tuple[str, str, str]]) -> None:
    for name, old, new in edits:
        path = root / name
        if not old and not path.exists():  # a file the clerk adds
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
            continue
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{name} no longer holds {old!r}: update the slip"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def photos(tmp_path_factory) -> Path:
    """One cache of prepared photos for every case (the fixture's photos never change)."""
    return tmp_path_factory.mktemp("photos")


def answers(tmp_path: Path, edits: list[tuple[str, str, str]], photos: Path):
    """(problems, warnings) of the fixture after the edits, as `itaplan check` finds them."""
    root = copy_fixture(tmp_path)
    apply(root, edits)
    try:
        plans, progress = load(root, photo_cache=photos)
    except PlanDataError as exc:
        return exc.problems, []
    return [], list(plans.warnings) + [w for y in progress.values() for w in y.warnings]


def first_line(problem) -> str:
    """What staff read first: where, then the Thai sentence (the English follows on its own line)."""
    return f"{problem.where}: {problem.thai_text}"


@pytest.mark.parametrize("name", SLIPS)
def test_each_slip_gets_the_intended_thai_answer(name, tmp_path, photos):
    edits, expected = SLIPS[name]
    problems, warnings = answers(tmp_path, edits, photos)
    assert [first_line(p) for p in problems] == ([expected] if expected else [])
    assert not warnings


def test_thai_digits_are_read_as_the_numbers_they_are(tmp_path, photos):
    root = copy_fixture(tmp_path)
    apply(root, SLIPS["thai digits are numbers"][0])
    plans, progress = load(root, photo_cache=photos)
    assert next(i for i in plans.latest.indicators if i.number == 4).score == 99.79
    report = progress[2569].rounds[0].reports[1]
    assert report.steps[1].percent == 60


@pytest.mark.parametrize("name", WARNED)
def test_text_cut_by_a_comment_is_warned_with_its_line(name, tmp_path, photos):
    edits, expected = WARNED[name]
    problems, warnings = answers(tmp_path, edits, photos)
    assert not problems
    assert [first_line(w) for w in warnings] == [expected]


def test_every_answer_keeps_to_the_house_rules():
    """No index from zero, no None, Arabic digits only outside the values quoted as typed."""
    import re
    for line in [expected for _, expected in SLIPS.values() if expected] + [e for _, e in WARNED.values()]:
        assert not re.search(r"\[\d+\]|\bNone\b", line), line
        assert not re.search("[๐-๙]", re.sub(r"“[^”]*”", "", line)), line
