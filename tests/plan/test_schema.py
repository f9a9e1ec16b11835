"""The declared schema: its published JSON Schema is current and agrees with the validator."""

import json
import re

import jsonschema
import pytest

from conftest import ROOT
from itaplan.pages.publish import json_schemas
from itaplan.plan.yaml_source import read_yaml

SCHEMA_DIR = ROOT / "docs" / "schema"
FILES = {
    "agency.schema.json": ["plan_data/agency.yml"],
    "plan.schema.json": sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("plan_data/*/plan.yml")),
    "indicator.schema.json": sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("plan_data/*/indicators/*.yml")),
    "framework.schema.json": sorted(str(p.relative_to(ROOT)) for p in [*ROOT.glob("plan_data/frameworks/*.yml"),
                                                                       *ROOT.glob("hooks/itaplan/framework/shipped/*.yml")]),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_published_schema_is_generated_from_the_models(name):
    assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == json_schemas()[name], (
        "docs/schema is stale: run `itaplan schema`")


@pytest.mark.parametrize("name,path", [(n, p) for n, paths in FILES.items() for p in paths])
def test_every_plan_file_names_its_schema_and_passes_it(name, path):
    first_line = (ROOT / path).read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# yaml-language-server: $schema=") and first_line.endswith(name)
    assert (ROOT / path).parent.joinpath(first_line.split("=", 1)[1]).resolve() == (SCHEMA_DIR / name).resolve()
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.validate(read_yaml(ROOT / path, path).data, schema, format_checker=jsonschema.FormatChecker())


def test_editor_schema_rejects_what_the_validator_rejects():
    schema = json.loads((SCHEMA_DIR / "indicator.schema.json").read_text(encoding="utf-8"))
    good = read_yaml(ROOT / "plan_data/2569/indicators/01.yml", "x").data
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    for bad in ({**good, "typo": 1}, {**good, "score": 101}, {**good, "group": "iit"},
                {**good, "steps": []}, {**good, "period": {"start": "2025-10-01"}},
                {k: v for k, v in good.items() if k != "measure"}):
        assert list(checker.iter_errors(bad)), bad


def test_editor_schema_takes_numbers_in_thai_digits_as_the_reader_does():
    """`score: ๙๙.๗๙` is the number 99.79 to the build; the editor does not underline it either, and still
    underlines a number in quotation marks (which the build reads as text)."""
    schema = json.loads((SCHEMA_DIR / "indicator.schema.json").read_text(encoding="utf-8"))
    good = read_yaml(ROOT / "plan_data/2569/indicators/01.yml", "x").data
    checker = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert not list(checker.iter_errors({**good, "score": "๙๙.๗๙", "number": "๑"}))
    assert list(checker.iter_errors({**good, "score": "99.79"}))


def _descriptions(node) -> list[str]:
    if isinstance(node, dict):
        own = [node["description"]] if isinstance(node.get("description"), str) else []
        return own + [d for k, v in node.items() if k != "description" for d in _descriptions(v)]
    if isinstance(node, list):
        return [d for v in node for d in _descriptions(v)]
    return []


@pytest.mark.parametrize("path", sorted((ROOT / "docs" / "schema").glob("*.json")), ids=lambda p: p.name)
def test_every_tooltip_the_editor_shows_leads_in_thai(path):
    """The schema's descriptions are what staff read when they hover a field in the editor: Thai first."""
    descriptions = _descriptions(json.loads(path.read_text(encoding="utf-8")))
    assert descriptions
    english_first = [d for d in descriptions if not re.match(r"[\u0e01-\u0e4f]", d)]
    assert not english_first, english_first
