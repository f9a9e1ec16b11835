"""Property: whatever an editor writes, the loader accepts it or raises PlanDataError, never a crash.

Generated indicator files start from a real one and are mutated: fields get wrong types, junk
nested several levels deep, huge numbers, odd Unicode; fields disappear or unknown ones appear;
the YAML text itself gets characters inserted or cut. Whatever is accepted must also render into
pages that can be written as UTF-8.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from itaplan.errors import PlanDataError
from itaplan.plan.loader import load_plan_data
from itaplan.pages.render import render_site
from itaplan.plan.settings import Settings

TARGET = "2569/indicators/03.yml"
SHOWN = f"plan_data/{TARGET}"
SEED = yaml.safe_load((ROOT / "plan_data" / TARGET).read_text(encoding="utf-8"))
FIELDS = sorted(SEED) + ["links"]

odd_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40) | st.sampled_from([
    "", " ", "\u200b", "\u202e<b>", "ก\u0e48\u0e48\u0e48", "<script>alert(1)</script>", "java\tscript:x",
    "javascript:alert(1)", "https://www.example.go.th/ค้นหา?q=1&x=2", "../../x", "%2e%2e/x", "mailto:",
    "2025-02-30", "yes", "1:30", "0x1F", "1e999", "-0", "๑๐๐", "~", "null", ":", "=", "- x", "{#id}"])
numbers = (st.integers(min_value=-(10**30), max_value=10**30) | st.floats(allow_nan=True, allow_infinity=True)
           | st.sampled_from([0, 1, 3, 10, 11, 100, 100.0001, 2568, 2569, 10**4000]))
scalars = st.none() | st.booleans() | numbers | odd_text
junk = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(odd_text, inner, max_size=4), max_leaves=12)
links = st.lists(st.fixed_dictionaries({"title": odd_text, "url": odd_text}), max_size=3)


@st.composite
def indicator_documents(draw) -> dict:
    """The seed's indicator 3 with a few fields replaced, removed or added."""
    doc = dict(SEED)
    for _ in range(draw(st.integers(0, 3))):
        field = draw(st.sampled_from(FIELDS))
        action = draw(st.sampled_from(["junk", "delete", "links", "nested"]))
        if action == "junk":
            doc[field] = draw(junk)
        elif action == "delete":
            doc.pop(field, None)
        elif action == "links":
            doc["links"] = draw(links)
        elif isinstance(doc.get(field), list) and doc[field]:
            doc[field] = [draw(junk), *doc[field][1:]]
    if draw(st.booleans()):
        doc[draw(odd_text)] = draw(junk)
    return doc


@st.composite
def mutated_yaml(draw) -> bytes:
    """A valid-looking document dumped as YAML, then with a few characters inserted or cut."""
    text = yaml.safe_dump(draw(indicator_documents()), allow_unicode=True, sort_keys=False)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + draw(st.sampled_from(["&a ", "*a", "!!python/object:os.system ", "[", "{", "'",
                                                      '"', "\t", "\n  ", ": ", "- ", "---\n", "\x00", "%", "\\"])) + text[at:]
        else:
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
    return text.encode("utf-8", errors="surrogatepass")


@pytest.fixture(scope="module")
def plan_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("property") / "plan_data"
    shutil.copytree(ROOT / "plan_data", root)
    return root


def _accepts_or_refuses_cleanly(root: Path, content: bytes) -> None:
    (root / TARGET).write_bytes(content)
    try:
        plans = load_plan_data(root)
    except PlanDataError as exc:
        assert exc.problems and all(p.file == SHOWN for p in exc.problems), exc.report()
        return
    for page, markdown in render_site(plans, Settings()).items():
        markdown.encode("utf-8")
        # the only script element is the JSON-LD data block of a year's summary (schema.org Dataset)
        assert markdown.count("<script") == markdown.count('<script type="application/ld+json">') <= 1, page


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=indicator_documents())
def test_generated_documents_are_accepted_or_refused_cleanly(plan_root, doc):
    content = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8", errors="surrogatepass")
    _accepts_or_refuses_cleanly(plan_root, content)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=mutated_yaml())
def test_mutated_yaml_text_is_accepted_or_refused_cleanly(plan_root, content):
    _accepts_or_refuses_cleanly(plan_root, content)


def test_the_unmutated_seed_is_accepted(plan_root):
    (plan_root / TARGET).write_text(yaml.safe_dump(SEED, allow_unicode=True), encoding="utf-8")
    assert load_plan_data(plan_root).latest.indicators[2].number == 3
