"""Dates as Thai staff write them: every form and era reads as the right day; nothing else does."""

import json
import re
from datetime import date

import jsonschema
import pytest

from conftest import ROOT
from itaplan.thai_dates import JSON_PATTERN, fiscal_year_range, parse_thai_date

OCT_1_2025 = date(2025, 10, 1)
FORMS = [
    "1 ต.ค. 2568",                 # abbreviated month, Arabic digits
    "๑ ต.ค. ๒๕๖๘",                 # Thai digits
    "1 ตุลาคม 2568",               # full month
    "๑ ตุลาคม ๒๕๖๘",
    "1 ตุลาคม พ.ศ. 2568",          # with the era
    "๑ ต.ค. พ.ศ. ๒๕๖๘",
    "1 ต.ค.2568",                  # as the official table writes it, no space before the year
    "01 ต.ค. 2568",
    "วันที่ 1 ตุลาคม 2568",
    "1 ตุลา 2568",
    "2025-10-01",                  # ISO, Common Era
    "2568-10-01",                  # ISO, Buddhist Era (a year of 2400 or more)
    "๒๕๖๘-๑๐-๐๑",
    "1 ต.ค. ค.ศ. 2025",
    "  1  ต.ค.  2568 ",
]


@pytest.mark.parametrize("text", FORMS)
def test_every_form_reads_as_1_october_2025(text):
    assert parse_thai_date(text) == OCT_1_2025


@pytest.mark.parametrize("text,expected", [
    ("30 ก.ย. 2569", date(2026, 9, 30)), ("29 ก.พ. 2567", date(2024, 2, 29)), ("1 มี.ค. 2569", date(2026, 3, 1)),
    ("1 ม.ค. 2569", date(2026, 1, 1)), ("31 ธันวาคม 2568", date(2025, 12, 31)), ("15 พฤษภาคม 2569", date(2026, 5, 15)),
])
def test_each_month_is_its_own(text, expected):
    assert parse_thai_date(text) == expected


@pytest.mark.parametrize("text,thai", [
    ("31 ก.พ. 2569", "ไม่มีวันที่ “31 ก.พ. 2569” ในปฏิทิน"),
    ("29 ก.พ. 2569", "ไม่มีวันที่"),                 # 2026 is not a leap year
    ("2026-02-30", "ไม่มีวันที่"),
    ("2569-13-01", "ไม่มีวันที่"),
    ("32 ต.ค. 2568", "ไม่มีวันที่"),
    ("1 ต.ค. 68", "เขียนปีให้ครบ 4 หลัก"),            # 2568 or 1968?
    ("1/10/2568", "อ่านได้สองแบบ คือ 1 ต.ค. 2568 (วัน/เดือน) หรือ 10 ม.ค. 2568 (เดือน/วัน)"),  # which?
    ("10/1/2025", "อ่านได้สองแบบ คือ 10 ม.ค. 2568 (วัน/เดือน) หรือ 1 ต.ค. 2568 (เดือน/วัน)"),
    ("15/11/2568", "ต้องเขียนชื่อเดือน: แก้เป็น 15 พ.ย. 2568"),  # 15 can only be the day
    ("11/15/2025", "ต้องเขียนชื่อเดือน: แก้เป็น 15 พ.ย. 2568"),
    ("5/5/2568", "แก้เป็น 5 พ.ค. 2568"),
    ("15.11.68", "ต้องเขียนปี พ.ศ. ให้ครบ 4 หลัก และเขียนชื่อเดือน: แก้เป็น 15 พ.ย. 2568"),
    ("31/11/2568", "ไม่มีวันที่ “31/11/2568” ในปฏิทิน"),
    ("15/11/3111", "อยู่นอกช่วงของแผน"),
    ("1 ต.ค. พ.ศ. 2025", "ปี พ.ศ. 2025 ดูเหมือนปี ค.ศ."),
    ("1 ต.ค. ค.ศ. 2568", "ปี ค.ศ. 2568 ดูเหมือนปี พ.ศ."),
    ("1 October 2025", "เป็นวันที่ไม่ได้"),
    ("ต้นปีงบประมาณ", "เป็นวันที่ไม่ได้"),
    ("1 ต.ค. 2568 ถึง 30 ก.ย. 2569", "เป็นวันที่ไม่ได้"),
    ("x1 ต.ค. 2568", "เป็นวันที่ไม่ได้"),
    ("", "ยังไม่ได้กรอกวันที่"),
    ("0001-01-01", "อยู่นอกช่วงของแผน"),
    ("1 ต.ค. 3111", "อยู่นอกช่วงของแผน"),
])
def test_impossible_ambiguous_or_garbage_text_is_refused_in_thai_first(text, thai):
    with pytest.raises(ValueError) as caught:
        parse_thai_date(text)
    assert str(caught.value).startswith(caught.value.thai) and thai in caught.value.thai
    assert caught.value.english and caught.value.english in str(caught.value)


@pytest.mark.parametrize("value", [20251001, 2568.1, ["1 ต.ค. 2568"]])
def test_a_value_that_is_not_text_is_refused(value):
    with pytest.raises(ValueError, match="ต้องเป็นวันที่"):
        parse_thai_date(value)


def test_an_empty_date_says_it_is_empty_not_none():
    with pytest.raises(ValueError) as caught:
        parse_thai_date(None)
    assert caught.value.thai.startswith("ยังไม่ได้กรอกวันที่") and "None" not in str(caught.value)


def test_fiscal_year_2569_runs_from_october_2025_to_september_2026():
    assert fiscal_year_range(2569) == (date(2025, 10, 1), date(2026, 9, 30))


def test_the_editor_schema_pattern_accepts_every_form_and_refuses_garbage():
    schema = json.loads((ROOT / "docs/schema/indicator.schema.json").read_text(encoding="utf-8"))
    period = schema["$defs"]["Period"]
    assert period["properties"]["start"]["pattern"] == JSON_PATTERN
    assert "พ.ศ." in period["properties"]["start"]["description"], "described in Thai for the editor's tooltip"
    validator = jsonschema.Draft202012Validator(period)
    for text in FORMS:
        assert not list(validator.iter_errors({"start": text, "end": "30 ก.ย. 2569"})), text
    for text in ("1/10/2568", "ต้นปีงบประมาณ", "1 October 2025", "1 ต.ค. 68"):
        assert list(validator.iter_errors({"start": text, "end": "30 ก.ย. 2569"})), text
    # the pattern is plain ECMA-262 (what VS Code runs): no Python-only named groups
    assert "(?P<" not in JSON_PATTERN and "(?<" not in JSON_PATTERN
    re.compile(JSON_PATTERN)
