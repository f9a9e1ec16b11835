"""Every open-data file of the site, as text: {path relative to docs/: content}.

Called wherever pages are made (the MkDocs hook through the content-keyed page cache, and
`itaplan pages --out`); the files depend only on the plan data and the settings.
"""

from __future__ import annotations

from itaplan.data import metadata, paths
from itaplan.data.csv_files import to_csv
from itaplan.data.plan_json import plan_json
from itaplan.data.tables import INDICATOR_COLUMNS, STEP_COLUMNS, StepStatus, indicator_rows, step_rows
from itaplan.plan.model import PlanSet
from itaplan.plan.settings import Settings


def data_files(plans: PlanSet, settings: Settings, site_url: str | None = None,
               step_status: StepStatus | None = None) -> dict[str, str]:
    """The data files of every fiscal year. `step_status` fills steps.csv's status column
    (progress reports); without it every step is 'ยังไม่มีรายงาน'."""
    out: dict[str, str] = {}
    style = settings.digits
    for year in plans.years:
        fy = year.fiscal_year
        out[paths.data_file(fy, paths.INDICATORS_CSV)] = to_csv(INDICATOR_COLUMNS, indicator_rows(year, style))
        out[paths.data_file(fy, paths.STEPS_CSV)] = to_csv(STEP_COLUMNS, step_rows(year, style, step_status))
        out[paths.data_file(fy, paths.PLAN_JSON)] = plan_json(plans, year, settings.open_data.licence)
        out[paths.data_file(fy, paths.DATAPACKAGE)] = metadata.to_json(
            metadata.datapackage(plans, year, settings, site_url))
        out[paths.data_file(fy, paths.CKAN)] = metadata.to_json(metadata.ckan_dataset(plans, year, settings, site_url))
    return out
