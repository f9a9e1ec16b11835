"""Where each open-data file lives in the site, relative to docs/ (stable, documented URLs).

    <fiscal year>/data/indicators.csv    one row per indicator, every field of the official table
    <fiscal year>/data/steps.csv         one row per step, with its latest reported status
    <fiscal year>/data/plan.json         the year's plan as JSON (schema: schema/plan-data.schema.json)
    <fiscal year>/data/datapackage.json  Frictionless Data Package describing the three files
    <fiscal year>/data/ckan.json         catalogue metadata for CKAN / data.go.th
"""

from __future__ import annotations

PLAN_SCHEMA = "schema/plan-data.schema.json"
"""The published JSON Schema of plan.json (written by `itaplan schema` into docs/schema/)."""

INDICATORS_CSV = "indicators.csv"
STEPS_CSV = "steps.csv"
PLAN_JSON = "plan.json"
DATAPACKAGE = "datapackage.json"
CKAN = "ckan.json"
FILES = (INDICATORS_CSV, STEPS_CSV, PLAN_JSON, DATAPACKAGE, CKAN)


def data_dir(fiscal_year: int) -> str:
    """The folder of one fiscal year's data files."""
    return f"{fiscal_year}/data"


def data_file(fiscal_year: int, name: str) -> str:
    """One data file of one fiscal year, e.g. '2569/data/indicators.csv'."""
    if name not in FILES:
        raise ValueError(f"unknown data file {name!r}")
    return f"{data_dir(fiscal_year)}/{name}"
