"""The score chart: an accessible SVG whose bars and text match the scores."""

import re
import xml.etree.ElementTree as ET

from conftest import ROOT
from itaplan.pages.chart import score_chart
from itaplan.plan.loader import load_plan_data

SVG = "{http://www.w3.org/2000/svg}"


def _chart(style="thai"):
    year = load_plan_data(ROOT / "plan_data").latest
    return year, ET.fromstring(score_chart(year, style))


def test_chart_is_a_named_image_with_every_score_described():
    year, svg = _chart()
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    desc = svg.find(f"{SVG}desc")
    assert desc.get("id") == desc_id
    assert "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล ๙๐.๐๐ คะแนน" in desc.text
    assert desc.text.count("คะแนน;") == len(year.indicators) - 1


def test_bar_lengths_are_proportional_to_scores():
    year, svg = _chart("arabic")
    bars = [float(r.get("width")) for r in svg.iter(f"{SVG}rect") if r.get("class") == "itaplan-chart-bar"]
    tracks = [float(r.get("width")) for r in svg.iter(f"{SVG}rect") if r.get("class") == "itaplan-chart-track"]
    assert len(bars) == 10
    for bar, track, indicator in zip(bars, tracks, year.indicators):
        assert abs(bar / track - indicator.score / 100) < 0.001
    values = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "itaplan-chart-value"]
    assert values == [f"{i.score:.2f}" for i in year.indicators]


def test_text_from_data_is_escaped_in_svg():
    year, _ = _chart()
    hostile = year.indicators[0].model_copy(update={"name": "<script>alert(1)</script>&"})
    svg_text = score_chart(type(year)(info=year.info, indicators=(hostile,)), "thai")
    assert "<script>" not in svg_text
    assert re.search(r"&lt;script&gt;alert\(1\)&lt;/script&gt;&amp;", svg_text)
    ET.fromstring(svg_text)  # still well-formed
