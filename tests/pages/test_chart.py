"""The score chart: one accessible image whose bars, text and legend match the scores and the groups."""

import re
import xml.etree.ElementTree as ET

from conftest import ROOT
from itaplan.pages.chart import PALETTE_SIZE, number_ranges, score_chart
from itaplan.plan.loader import load_plan_data

SVG = "{http://www.w3.org/2000/svg}"


def _year():
    return load_plan_data(ROOT / "plan_data").latest


def _chart(style="thai", year=None, names=None):
    """The chart of `year` (the repository's newest by default), with its framework's tool names unless `names`."""
    year = year or _year()
    return year, ET.fromstring(score_chart(year, style, group_names=names))


def _by_class(root, name):
    return [el for el in root.iter() if name in (el.get("class") or "").split()]


def test_chart_is_a_named_image_with_every_score_described():
    year, chart = _chart()
    assert chart.get("role") == "img"
    title_id, desc_id = chart.get("aria-labelledby").split()
    title = chart.find(f".//*[@id='{title_id}']")
    desc = chart.find(f".//*[@id='{desc_id}']")
    assert title.text == "คะแนน ITA ๒๕๖๘ รายตัวชี้วัด" and title.get("hidden") is not None
    assert desc.get("hidden") is not None
    assert "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ๙๐.๐๐ คะแนน" in desc.text
    assert desc.text.count("คะแนน;") == len(year.indicators) - 1
    # the groups the colours stand for are in words too
    assert "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ตัวชี้วัดที่ ๙, ๑๐" in desc.text


def test_bar_lengths_are_proportional_to_scores_and_values_are_written():
    year, chart = _chart("arabic")
    bars = [float(r.get("width")) for r in chart.iter(f"{SVG}rect") if r.get("class") == "itaplan-chart-bar"]
    tracks = [float(r.get("width")) for r in chart.iter(f"{SVG}rect") if r.get("class") == "itaplan-chart-track"]
    assert len(bars) == len(tracks) == 10
    for bar, track, indicator in zip(bars, tracks, year.indicators):
        assert abs(bar / track - indicator.score / 100) < 0.001
    values = [el.text for el in _by_class(chart, "itaplan-chart-value")]
    assert values == [f"{i.score:.2f}" for i in year.indicators]
    labels = [el.text for el in _by_class(chart, "itaplan-chart-label")]
    assert labels[8] == "9. การเปิดเผยข้อมูล"


def test_text_is_html_and_only_the_marks_are_svg():
    """Chromium's automatic dark mode recolours HTML text, not SVG text: the chart has no SVG text."""
    _, chart = _chart()
    assert not list(chart.iter(f"{SVG}text"))
    assert chart.tag == "div" and _by_class(chart, "itaplan-chart-label")[0].tag == "span"


def test_legend_names_each_group_present_with_its_indicators_and_a_colour_by_position():
    """The names and the colours' order are those of the tools of the year's framework."""
    year, chart = _chart()
    legend = _by_class(chart, "itaplan-chart-legend")[0]
    items = list(legend)
    assert ["".join(li.itertext()).strip() for li in items] == [
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT): ตัวชี้วัดที่ ๑–๕",
        "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT): ตัวชี้วัดที่ ๖–๘",
        "แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT): ตัวชี้วัดที่ ๙, ๑๐"]
    assert [li.get("class") for li in items] == ["itaplan-group-1", "itaplan-group-2", "itaplan-group-3"]
    rows = _by_class(chart, "itaplan-chart-row")
    assert [r.get("class").split()[-1] for r in rows] == ["itaplan-group-1"] * 5 + ["itaplan-group-2"] * 3 + [
        "itaplan-group-3"] * 2


def test_groups_come_from_the_data_not_from_a_fixed_list():
    """Four groups with names the chart has never seen: a legend entry and a colour each."""
    year = _year()
    groups = ["A1", "B2", "C3", "D4"]
    indicators = tuple(i.model_copy(update={"group": groups[n % 4]}) for n, i in enumerate(year.indicators))
    names = {"A1": "กลุ่มที่หนึ่ง", "B2": "กลุ่มที่สอง", "C3": "กลุ่มที่สาม"}  # D4 has no name: shown as its code
    _, chart = _chart(year=type(year)(info=year.info, indicators=indicators), names=names)
    items = list(_by_class(chart, "itaplan-chart-legend")[0])
    assert ["".join(li.itertext()).strip() for li in items] == [
        "กลุ่มที่หนึ่ง: ตัวชี้วัดที่ ๑, ๕, ๙", "กลุ่มที่สอง: ตัวชี้วัดที่ ๒, ๖, ๑๐", "กลุ่มที่สาม: ตัวชี้วัดที่ ๓, ๗",
        "D4: ตัวชี้วัดที่ ๔, ๘"]
    assert len({li.get("class") for li in items}) == 4
    assert PALETTE_SIZE >= 4


def test_one_group_needs_no_legend():
    year = _year()
    indicators = tuple(i.model_copy(update={"group": "IIT"}) for i in year.indicators)
    _, chart = _chart(year=type(year)(info=year.info, indicators=indicators))
    assert not _by_class(chart, "itaplan-chart-legend")


def test_number_ranges():
    assert number_ranges([1, 2, 3, 4, 5], "arabic") == "1–5"
    assert number_ranges([9, 10], "arabic") == "9, 10"
    assert number_ranges([1, 2, 3, 5, 7, 8, 9], "thai") == "๑–๓, ๕, ๗–๙"


def test_text_from_data_is_escaped():
    year = _year()
    hostile = year.indicators[0].model_copy(update={"name": "<script>alert(1)</script>&"})
    text = score_chart(type(year)(info=year.info, indicators=(hostile,)), "thai",
                       group_names={"IIT": "<b>กลุ่ม</b>"})
    assert "<script>" not in text and "<b>" not in text
    assert re.search(r"&lt;script&gt;alert\(1\)&lt;/script&gt;&amp;", text)
    ET.fromstring(text)  # still well-formed
