"""Open data: CSV that Excel reads as Thai, formula cells neutralised, plan.json valid against the
published schema, datapackage.json valid (Frictionless), CKAN metadata from agency.yml and mkdocs.yml."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import jsonschema
import pytest

from conftest import ROOT
from itaplan.data import paths
from itaplan.data.files import data_files
from itaplan.data.plan_json import plan_data_schema
from itaplan.data.tables import NO_REPORT
from itaplan.plan.loader import load_plan_data
from itaplan.plan.model import PlanSet
from itaplan.plan.settings import settings_from

MULTI = ROOT / "tests" / "fixtures" / "multi_year_plan"


@pytest.fixture(scope="module")
def plans():
    return load_plan_data(MULTI)


def _rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff"), "Excel needs the BOM to show Thai"
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_indicators_csv_reads_back_as_thai_one_row_per_indicator(plans):
    files = data_files(plans, settings_from({}))
    rows = _rows(files["2569/data/indicators.csv"])
    assert [int(r["number"]) for r in rows] == list(range(1, 11))
    first = rows[0]
    assert first["name"] == "การปฏิบัติหน้าที่" and first["group"] == "IIT"
    assert float(first["score"]) == 100 and first["question_code"] == "i1"
    assert first["period_start"] == "2025-10-01" and first["period_end_th"] == "๓๐ ก.ย. ๒๕๖๙"
    indicator = plans.years[0].indicators[0]
    assert first["measure"] == indicator.measure
    assert first["steps"].splitlines()[0] == f"1. {indicator.steps[0]}"
    assert first["analysis"] == "\n\n".join(indicator.analysis)
    # every year has its own files
    assert {f"{fy}/data/{name}" for fy in (2567, 2568, 2569) for name in paths.FILES} == set(files)


def test_steps_csv_has_one_row_per_step_and_a_status_filled_from_an_argument(plans):
    rows = _rows(data_files(plans, settings_from({}))["2569/data/steps.csv"])
    assert len(rows) == sum(len(i.steps) for i in plans.years[0].indicators)
    assert {r["status"] for r in rows} == {NO_REPORT}
    reported = data_files(plans, settings_from({}), step_status=lambda fy, n, s: "ดำเนินการแล้ว" if n == 1 else None)
    rows = _rows(reported["2569/data/steps.csv"])
    assert {r["status"] for r in rows if r["indicator_number"] == "1"} == {"ดำเนินการแล้ว"}
    assert {r["status"] for r in rows if r["indicator_number"] != "1"} == {NO_REPORT}


def test_text_a_spreadsheet_would_run_is_neutralised(plans):
    year = plans.years[0]
    bad = year.indicators[0].model_copy(update={
        "measure": "=HYPERLINK(\"http://evil.example\",\"คลิก\")", "steps": ["+1+1", "-2", "@SUM(A1)", "\t=1", "ปกติ"]})
    hostile = PlanSet(plans.agency, (replace(year, indicators=(bad, *year.indicators[1:])),))
    files = data_files(hostile, settings_from({}))
    row = _rows(files["2569/data/indicators.csv"])[0]
    assert row["measure"] == "'=HYPERLINK(\"http://evil.example\",\"คลิก\")"
    steps = [r["step"] for r in _rows(files["2569/data/steps.csv"]) if r["indicator_number"] == "1"]
    assert steps == ["'+1+1", "'-2", "'@SUM(A1)", "'\t=1", "ปกติ"]


def test_plan_json_validates_against_the_published_schema(plans):
    published = json.loads((ROOT / "docs" / "schema" / "plan-data.schema.json").read_text(encoding="utf-8"))
    assert published == plan_data_schema(), "run `itaplan schema` to publish the current schema"
    for fy in (2567, 2568, 2569):
        data = json.loads(data_files(plans, settings_from({}))[f"{fy}/data/plan.json"])
        jsonschema.Draft202012Validator(published, format_checker=jsonschema.FormatChecker()).validate(data)
        assert data["plan"]["fiscal_year"] == fy and len(data["indicators"]) == 10
    broken = dict(data, indicators=[dict(data["indicators"][0], score="เก้าสิบ")])
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, published)


def test_datapackage_validates_with_frictionless_and_every_cell_fits_its_field(plans, tmp_path):
    import frictionless  # requirements-dev: a missing package fails, never skips
    files = data_files(plans, settings_from({"open_data": {"licence": "DGA-OGL-TH"}}), "https://ita.example.go.th/")
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    descriptor = tmp_path / "2569" / "data" / "datapackage.json"
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["type", "message"])
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "DGA-OGL-TH"
    assert package["homepage"] == "https://ita.example.go.th/2569/"
    assert {r["path"] for r in package["resources"]} == {"indicators.csv", "steps.csv", "plan.json"}


def test_ckan_metadata_comes_from_agency_and_settings(plans):
    settings = settings_from({"open_data": {"catalogue_organization": "khokphutsa"}})
    ckan = json.loads(data_files(plans, settings, "https://ita.example.go.th/")["2568/data/ckan.json"])
    assert ckan["name"] == "khokphutsa-ita-plan-2568" and ckan["owner_org"] == "khokphutsa"
    assert "เทศบาลตำบลโคกพุทรา" in ckan["title"] and ckan["license_id"] == "cc-by"
    assert ckan["update_frequency_unit"] == "ปี" and {"name": "ITA"} in ckan["tags"]
    assert ckan["resources"][0]["url"] == "https://ita.example.go.th/2568/data/indicators.csv"


def test_an_unknown_licence_is_refused_naming_the_setting():
    from itaplan.errors import PlanDataError
    with pytest.raises(PlanDataError) as err:
        settings_from({"open_data": {"licence": "GPL"}})
    assert "extra.itaplan.open_data.licence" in err.value.report()
