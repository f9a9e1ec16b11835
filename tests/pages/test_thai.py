"""Thai digits, Buddhist Era years and dates as the official documents write them."""

from datetime import date

from itaplan import thai


def test_digits_both_ways():
    assert thai.digits(2569, "thai") == "๒๕๖๙"
    assert thai.digits("99.79", "thai") == "๙๙.๗๙"
    assert thai.digits("๑๐๐", "arabic") == "100"
    assert thai.to_arabic("ได้ ๙๙.๗๙ คะแนน") == "ได้ 99.79 คะแนน"


def test_fiscal_year_2569_dates():
    assert thai.be_year(2025) == 2568
    assert thai.short_date(date(2025, 10, 1), "thai") == "๑ ต.ค. ๒๕๖๘"
    assert thai.short_date(date(2026, 9, 30), "thai") == "๓๐ ก.ย. ๒๕๖๙"
    assert thai.short_date(date(2026, 9, 30), "arabic") == "30 ก.ย. 2569"
    assert thai.long_date(date(2026, 2, 28), "thai") == "๒๘ กุมภาพันธ์ ๒๕๖๙"


def test_every_month_has_its_abbreviation():
    shorts = [thai.short_date(date(2026, m, 1), "arabic").split()[1] for m in range(1, 13)]
    assert shorts == ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                      "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


def test_scores_keep_two_decimals():
    assert thai.score(100, "thai") == "๑๐๐.๐๐"
    assert thai.score(99.79, "arabic") == "99.79"
    assert thai.score(90.0, "thai") == "๙๐.๐๐"
