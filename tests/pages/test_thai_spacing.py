"""Thai spacing and punctuation in the words the site itself writes (templates): no space before ของ after a
Thai word or bold text, no Latin comma inside Thai parentheses. Staff text is published as written."""

from __future__ import annotations

import re

from conftest import ROOT

TEMPLATES = sorted((ROOT / "hooks" / "itaplan" / "pages" / "templates").glob("*.j2")) + sorted(
    (ROOT / "hooks" / "itaplan" / "project" / "templates").glob("*.j2"))
THAI = "\u0e01-\u0e4f"
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def _written_words(path) -> str:
    """The template's own words: Jinja expressions become a placeholder a rule cannot mistake for Thai."""
    return JINJA.sub("\x00", path.read_text(encoding="utf-8"))


def _strings(path) -> str:
    """Thai string literals inside Jinja expressions ("... ของ" ~ agency.name) are the site's words too."""
    return "\n".join(re.findall(r'"([^"\n]*)"', " ".join(JINJA.findall(path.read_text(encoding="utf-8")))))


def test_no_space_before_khong_after_a_thai_word():
    bad = []
    rule = re.compile(rf"(?:[{THAI}]|\*\*) ของ")  # after a closing bracket a space is right: (ร้อยละ ๒๙) ของ
    for path in TEMPLATES:
        for text in (_written_words(path), _strings(path)):
            bad += [f"{path.name}: …{text[max(0, m.start() - 20):m.end() + 10]}…" for m in rule.finditer(text)]
    assert not bad, "\n".join(bad)


def test_no_latin_comma_inside_thai_parentheses():
    bad = []
    rule = re.compile(rf"\([^()\n]*[{THAI}][^()\n]*, [^()\n]*\)")
    for path in TEMPLATES:
        for text in (_written_words(path), _strings(path)):
            bad += [f"{path.name}: {m.group(0)}" for m in rule.finditer(text)]
    assert not bad, "\n".join(bad)


def test_the_rules_see_the_slips_they_are_for(tmp_path):
    slip = tmp_path / "slip.md.j2"
    slip.write_text('**ยังไม่มีรายงานผล** ของมาตรการ {{ ("คะแนน " ~ n ~ " ตัวชี้วัด ของ" ~ a)|meta }} (ตัวอย่าง, อีกคำ)\n',
                    encoding="utf-8")
    assert re.search(rf"(?:[{THAI}]|\*\*|</strong>) ของ", _written_words(slip))
    assert re.search(rf"[{THAI}] ของ", _strings(slip))
    assert re.search(rf"\([^()\n]*[{THAI}][^()\n]*, [^()\n]*\)", _written_words(slip))
