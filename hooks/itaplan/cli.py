"""`itaplan`: check the plan data, write the pages or the JSON Schemas without building the site;
import the office's analysis table into plan data, or export it back for signing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itaplan.cli_help import ThaiArgumentParser
from itaplan.errors import PlanDataError
from itaplan.plan.project_config import read_settings
from itaplan.data.files import data_files
from itaplan.pages.publish import (copy_files, json_schemas, latest_step_status, load_all, published_files,
                                   render_site, warnings_of, write_pages)
from itaplan.report_formats import FORMATS, format_report, format_warnings
from itaplan.pages import share_image
from itaplan.table import commands as table_commands
from itaplan.project import commands as project_commands


DESCRIPTION = ("itaplan: ตรวจข้อมูลแผน เขียนหน้าเว็บหรือ JSON Schema โดยไม่ต้องสร้างเว็บไซต์ "
               "นำเข้าตารางวิเคราะห์ของสำนักงาน หรือส่งออกกลับเพื่อลงนาม "
               "— check the plan data, write the pages or the JSON Schemas without building the site; "
               "import the office's analysis table into plan data, or export it back for signing.")


def _settings(args: argparse.Namespace):
    settings = read_settings(args.config)
    if getattr(args, "plan_data", None):
        settings = settings.model_copy(update={"plan_data": args.plan_data})
    return settings


def cmd_check(args: argparse.Namespace) -> int:
    settings = _settings(args)
    plans, progress = load_all(args.config.parent, settings)  # problems in the data are reported first
    rendered = render_site(plans, settings, progress)
    warnings = warnings_of(plans, progress)
    fmt = getattr(args, "format", "text")
    if warnings:
        print(format_warnings(warnings, fmt, args.config.parent, getattr(args, "strict", False)),
              file=sys.stdout if fmt == "github" else sys.stderr)
    unfilled = project_commands.report_placeholders(args)
    years = ", ".join(str(y.fiscal_year) for y in plans.years)
    count = sum(len(y.indicators) for y in plans.years)
    reports = sum(len(r.reports) for y in progress.values() for r in y.rounds)
    files = sum(len(y.files) for y in progress.values())
    print(f"ข้อมูลแผนถูกต้อง: {count} ตัวชี้วัด ปีงบประมาณ {years}; รายงานผล {reports} ไฟล์ หลักฐาน {files} ไฟล์; "
          f"{len(rendered)} หน้า (plan data is valid: {count} indicators in fiscal year(s) {years}; "
          f"{reports} progress reports, {files} evidence files; {len(rendered)} pages)")
    return 1 if (unfilled or warnings) and getattr(args, "strict", False) else 0


def cmd_pages(args: argparse.Namespace) -> int:
    from itaplan.history.pages import history_files
    from itaplan.plan.project_config import read_site_meta

    project = args.config.parent
    settings = _settings(args)
    site_url, site_name = read_site_meta(args.config)
    plans, progress = load_all(project, settings)
    warnings = warnings_of(plans, progress)
    if warnings:
        print(format_warnings(warnings, "text", project, False), file=sys.stderr)
    written = write_pages(render_site(plans, settings, progress, site_url), args.out)
    copied = copy_files(project, published_files(project, progress), args.out)
    files = data_files(plans, settings, site_url, latest_step_status(plans, progress))
    history, _ = history_files(project.resolve(), settings.model_dump(mode="json"),
                               [y.fiscal_year for y in plans.years], site_url, site_name or plans.agency.name, None)
    write_pages({**files, **history}, args.out)
    print(f"เขียน {len(written)} หน้า ไฟล์หลักฐาน {len(copied)} ไฟล์ ไฟล์ข้อมูลเปิด {len(files)} ไฟล์ "
          f"และประวัติการเปลี่ยนแปลง {len(history)} ไฟล์ไว้ที่ {args.out} (wrote {len(written)} pages, "
          f"{len(copied)} evidence files, {len(files)} open-data files and {len(history)} history files "
          f"to {args.out})")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"เขียน {args.out / name} แล้ว (wrote {args.out / name})")
    return 0


def parser() -> argparse.ArgumentParser:
    common = ThaiArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="ไฟล์ mkdocs.yml ของเว็บไซต์ (โฟลเดอร์ของไฟล์คือโปรเจกต์; ค่าเริ่มต้น ./mkdocs.yml) "
                             "— the site's mkdocs.yml (its folder is the project; default: ./mkdocs.yml)")
    p = ThaiArgumentParser(prog="itaplan", description=DESCRIPTION)
    sub = p.add_subparsers(dest="command", required=True, title="คำสั่ง (commands)")
    check = sub.add_parser("check", parents=[common],
                           help="ตรวจข้อมูลแผนโดยไม่สร้างเว็บไซต์ พบปัญหาจะจบด้วยรหัส 1 "
                                "— validate plan_data without building; exit 1 on any problem",
                           description="ตรวจข้อมูลแผนใน plan_data ทุกไฟล์ แล้วบอกทุกปัญหาที่พบ (ไฟล์ บรรทัด ช่อง) "
                                       "— validate plan_data without building the site")
    check.add_argument("--plan-data", help="โฟลเดอร์ข้อมูลแผน (ค่าเริ่มต้น: จาก mkdocs.yml หรือ plan_data) "
                                           "— plan data folder (default: from mkdocs.yml, else plan_data)")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text: สำหรับอ่านในเทอร์มินัล (ค่าเริ่มต้น); github: หมายเหตุบน pull request "
                            "— text: for people at a terminal (default); github: annotations on a pull request")
    check.add_argument("--strict", action="store_true",
                       help="ไม่ผ่าน (รหัส 1) เมื่อยังมีค่าที่ต้องกรอกแทนค่าตัวอย่าง (site_url, repo_url, ช่องทางติดต่อ, "
                            "CODEOWNERS) หรือมีคำเตือน (เช่น ข้อความที่ # ตัดทิ้ง) ถ้าไม่ระบุจะเป็นเพียงคำเตือน "
                            "— also fail (exit 1) on placeholders still to fill in and on warnings (such as text cut "
                            "short by a #); without it they are warnings")
    check.set_defaults(func=cmd_check)
    pages = sub.add_parser("pages", parents=[common],
                           help="เขียนหน้า Markdown ที่สร้างจากข้อมูลแผนลงโฟลเดอร์ "
                                "— write the generated Markdown pages to a folder",
                           description="เขียนหน้า Markdown ที่สร้างจากข้อมูลแผน โดยไม่ใช้ MkDocs "
                                       "— write the generated pages without MkDocs")
    pages.add_argument("--out", type=Path, required=True, help="โฟลเดอร์ที่จะเขียน — the folder to write")
    pages.add_argument("--plan-data", help="โฟลเดอร์ข้อมูลแผน — plan data folder")
    pages.set_defaults(func=cmd_pages)
    schema = sub.add_parser("schema", parents=[common],
                            help="เขียน JSON Schema ที่โปรแกรมแก้ไขไฟล์ใช้ตรวจและเติมคำ "
                                 "— write the JSON Schemas that editors use",
                            description="เขียน JSON Schema ของข้อมูลแผน (ให้ VS Code ตรวจและเติมคำ) "
                                        "— write the JSON Schemas that editors use")
    schema.add_argument("--out", type=Path, default=Path("docs/schema"),
                        help="โฟลเดอร์ที่จะเขียน (ค่าเริ่มต้น docs/schema) — the folder (default: docs/schema)")
    schema.set_defaults(func=cmd_schema)
    table_commands.register(sub, common, _settings)
    share_image.register(sub, common)
    project_commands.register(sub)
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
