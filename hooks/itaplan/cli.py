"""`itaplan`: check the plan data, write the pages or the JSON Schemas without building the site;
import the office's analysis table into plan data, or export it back for signing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itaplan.errors import PlanDataError
from itaplan.plan.project_config import read_settings
from itaplan.pages.publish import build_pages, json_schemas, write_pages
from itaplan.report_formats import FORMATS, format_report
from itaplan.pages import share_image
from itaplan.table import commands as table_commands


def _settings(args: argparse.Namespace):
    settings = read_settings(args.config)
    if getattr(args, "plan_data", None):
        settings = settings.model_copy(update={"plan_data": args.plan_data})
    return settings


def cmd_check(args: argparse.Namespace) -> int:
    plans, rendered = build_pages(args.config.parent, _settings(args))
    years = ", ".join(str(y.fiscal_year) for y in plans.years)
    count = sum(len(y.indicators) for y in plans.years)
    print(f"plan data is valid: {count} indicators in fiscal year(s) {years}; {len(rendered)} pages")
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    from itaplan.data.files import data_files
    from itaplan.history.pages import history_files
    from itaplan.plan.project_config import read_site_meta

    settings = _settings(args)
    site_url, site_name = read_site_meta(args.config)
    plans, rendered = build_pages(args.config.parent, settings, site_url)
    written = write_pages(rendered, args.out)
    files = data_files(plans, settings, site_url)
    history, _ = history_files(args.config.parent.resolve(), settings.model_dump(mode="json"),
                               [y.fiscal_year for y in plans.years], site_url, site_name or plans.agency.name, None)
    write_pages({**files, **history}, args.out)
    print(f"wrote {len(written)} pages, {len(files)} open-data files and {len(history)} history files to {args.out}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {args.out / name}")
    return 0


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml (its folder is the project; default: ./mkdocs.yml)")
    p = argparse.ArgumentParser(prog="itaplan", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", parents=[common], help="validate plan_data without building; exit 1 on any problem")
    check.add_argument("--plan-data", help="plan data folder (default: from mkdocs.yml, else plan_data)")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text: for people at a terminal (default); github: annotations on a pull request")
    check.set_defaults(func=cmd_check)
    pages = sub.add_parser("pages", parents=[common], help="write the generated Markdown pages to a folder")
    pages.add_argument("--out", type=Path, required=True)
    pages.add_argument("--plan-data")
    pages.set_defaults(func=cmd_pages)
    schema = sub.add_parser("schema", parents=[common], help="write the JSON Schemas that editors use")
    schema.add_argument("--out", type=Path, default=Path("docs/schema"))
    schema.set_defaults(func=cmd_schema)
    table_commands.register(sub, common, _settings)
    share_image.register(sub, common)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except PlanDataError as exc:
        fmt = getattr(args, "format", "text")
        project = getattr(args, "config", Path("mkdocs.yml")).parent
        print(format_report(exc, fmt, project), file=sys.stdout if fmt == "github" else sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
