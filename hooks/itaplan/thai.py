"""Thai numbers and dates: Thai or Arabic digits, Buddhist Era years, month abbreviations."""

from __future__ import annotations

from datetime import date
from typing import Literal

Digits = Literal["thai", "arabic"]

_TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
_TO_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BE_OFFSET = 543
MONTHS_SHORT = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
                "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
MONTHS_LONG = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
               "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")


def digits(value: object, style: Digits) -> str:
    """Write the digits of `value` in the chosen style (Thai ๐–๙ or Arabic 0–9)."""
    text = str(value)
    return text.translate(_TO_THAI) if style == "thai" else text.translate(_TO_ARABIC)


def to_arabic(text: str) -> str:
    """Arabic digits for any Thai digit in `text` (for reading numbers people typed)."""
    return text.translate(_TO_ARABIC)


def be_year(ce_year: int) -> int:
    """Buddhist Era year of a Common Era year."""
    return ce_year + BE_OFFSET


def short_date(day: date, style: Digits) -> str:
    """1 Oct 2025 -> '๑ ต.ค. ๒๕๖๘'."""
    return digits(f"{day.day} {MONTHS_SHORT[day.month - 1]} {be_year(day.year)}", style)


def long_date(day: date, style: Digits) -> str:
    """1 Oct 2025 -> '๑ ตุลาคม ๒๕๖๘'."""
    return digits(f"{day.day} {MONTHS_LONG[day.month - 1]} {be_year(day.year)}", style)


def score(value: float, style: Digits) -> str:
    """An ITA score with two decimals, as the official documents write it: '๙๙.๗๙'."""
    return digits(f"{value:.2f}", style)


def and_list(items: list[object]) -> str:
    """Items as Thai writes a list, without Latin commas: '5', '5 และ 7', '5 6 และ 7'."""
    shown = [str(item) for item in items]
    return " ".join(shown[:-1]) + f" และ {shown[-1]}" if len(shown) > 1 else "".join(shown)
