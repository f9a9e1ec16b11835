"""`itaplan`: check the plan data, write the pages or the JSON Schemas without building the site;
import the office's analysis table into plan data, or export it back for signing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itaplan import __version__
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
    _report_heavy_photos(args, settings, progress)
    years = ", ".join(str(y.fiscal_year) for y in plans.years)
    count = sum(len(y.indicators) for y in plans.years)
    reports = sum(len(r.reports) for y in progress.values() for r in y.rounds)
    files = sum(len(y.files) for y in progress.values())
    print(f"ข้อมูลแผนถูกต้อง: {count} ตัวชี้วัด ปีงบประมาณ {years}; รายงานผล {reports} ไฟล์ หลักฐาน {files} ไฟล์; "
          f"{len(rendered)} หน้า (plan data is valid: {count} indicators in fiscal year(s) {years}; "
          f"{reports} progress reports, {files} evidence files; {len(rendered)} pages)")
    return 1 if (unfilled or warnings) and getattr(args, "strict", False) else 0


def _report_heavy_photos(args: argparse.Namespace, settings, progress) -> int:
    """Warn (never fail) about evidence photos over the documented size; return how many."""
    from itaplan.progress.photo_weight import format_heavy, heavy_photos

    project = args.config.parent
    heavy = heavy_photos(project, settings.plan_data, progress)
    fmt = getattr(args, "format", "text")
    text = format_heavy(heavy, fmt, project)
    if text:
        print(text, file=sys.stdout if fmt == "github" else sys.stderr)
    return len(heavy)


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


def _site_config(config: Path) -> tuple[str | None, str, bool]:
    """(site_url, docs_dir, use_directory_urls) from mkdocs.yml, with MkDocs' defaults."""
    import yaml

    from itaplan.plan.project_config import _ConfigLoader, read_site_meta

    site_url, _ = read_site_meta(config)
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = {}
    data = data if isinstance(data, dict) else {}
    docs_dir = data.get("docs_dir") if isinstance(data.get("docs_dir"), str) else "docs"
    directory_urls = data.get("use_directory_urls")
    return site_url, docs_dir, directory_urls if isinstance(directory_urls, bool) else True


def cmd_diff(args: argparse.Namespace) -> int:
    from itaplan.history.compare import CompareError, compare
    from itaplan.history.diff_report import render

    settings = _settings(args)
    site_url, docs_dir, directory_urls = _site_config(args.config)
    try:
        comparison = compare(args.config.parent, args.base, settings.plan_data, docs_dir)
    except CompareError as exc:
        print(f"itaplan diff: {exc.thai} (error: {exc.english})", file=sys.stderr)
        return 2
    names = {r.id: r.name for r in settings.rounds}
    text = render(comparison, site_url, names, args.format, directory_urls)
    sys.stdout.write(text.encode("utf-8", "replace").decode("utf-8"))
    return 0


def cmd_links(args: argparse.Namespace) -> int:
    from itaplan.pages.assessor_links import read_oit_items, to_markdown, to_tsv, year_links
    from itaplan.project.placeholders import is_placeholder

    settings = _settings(args)
    site_url, _, directory_urls = _site_config(args.config)
    items = read_oit_items(args.oit_items) if args.oit_items else None  # None: the year's framework's
    plans, progress = load_all(args.config.parent, settings)
    years = [y.fiscal_year for y in plans.years]
    year = args.year if args.year is not None else plans.latest.fiscal_year
    if year not in years:
        print(f"itaplan links: ไม่มีปีงบประมาณ {year} ในข้อมูลแผน (มี {', '.join(map(str, years))}) "
              f"(error: no fiscal year {year} in the plan data)", file=sys.stderr)
        return 2
    if not site_url or is_placeholder(site_url):
        print(f"คำเตือน: site_url ใน mkdocs.yml ({site_url or 'ยังไม่ได้ตั้ง'}) ยังไม่ใช่ที่อยู่จริงของเว็บไซต์ "
              "ที่อยู่ในรายการจึงยังใช้กรอกแบบประเมินไม่ได้ (warning: site_url is not the public address yet)",
              file=sys.stderr)
    links = year_links(plans, progress, settings, year, site_url, directory_urls, items)
    if not any(link.codes for link in links):
        print("หมายเหตุ: กรอบการประเมินของปีนี้ไม่ได้ระบุข้อ OIT ที่เอกสารเหล่านี้ตอบ (oit_items ใน plan_data/frameworks/) "
              "ช่องรหัสข้อจึงว่าง: กรอกเองตามคู่มือการประเมิน (note: the year's framework maps no OIT item to these "
              "documents, so the code column is empty)", file=sys.stderr)
    sys.stdout.write(to_tsv(links) if args.format == "tsv" else to_markdown(links))
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in json_schemas().items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(f"เขียน {args.out / name} แล้ว (wrote {args.out / name})")
    return 0


class _PrintVersion(argparse.Action):
    """--version: the version and the folder of the code, on one line (argparse's own action wraps a long path)."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"itaplan {__version__} ({Path(__file__).parent})")
        parser.exit()


def parser() -> argparse.ArgumentParser:
    common = ThaiArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                        help="ไฟล์ mkdocs.yml ของเว็บไซต์ (โฟลเดอร์ของไฟล์คือโปรเจกต์; ค่าเริ่มต้น ./mkdocs.yml) "
                             "— the site's mkdocs.yml (its folder is the project; default: ./mkdocs.yml)")
    p = ThaiArgumentParser(prog="itaplan", description=DESCRIPTION)
    p.add_argument("--version", action=_PrintVersion, nargs=0,
                   help="แสดงรุ่นของ itaplan และโฟลเดอร์ของโค้ดแล้วจบ (show itaplan's version and where its code is, and exit)")
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
    diff = sub.add_parser("diff", parents=[common],
                          help="บอกว่าหน้าเว็บใดเปลี่ยนอะไรเมื่อเทียบกับฉบับ BASE ใน Git (Markdown ภาษาไทย) "
                               "— what changes for citizens since a Git revision",
                          description="เทียบข้อมูลแผน รายงานผล หลักฐาน ข้อมูลหน่วยงาน และหน้าเว็บใน docs/ ของไฟล์ปัจจุบัน "
                                      "กับฉบับ BASE ใน Git แล้วบอกทีละรายการว่าค่าเดิมและค่าใหม่คืออะไร อยู่ที่หน้าเว็บใด "
                                      "— compare the working tree with a Git revision, field by field, with the "
                                      "address of each page that shows the change")
    diff.add_argument("base", metavar="BASE",
                      help="ฉบับที่จะเทียบ เช่น origin/main หรือรหัส commit — the revision to compare with, "
                           "e.g. origin/main")
    diff.add_argument("--format", choices=("md", "text"), default="md",
                      help="md: Markdown สำหรับสรุปผลการตรวจบน GitHub (ค่าเริ่มต้น); text: สำหรับอ่านในเทอร์มินัล "
                           "— md: Markdown for a GitHub check summary (default); text: for a terminal")
    diff.add_argument("--plan-data", help="โฟลเดอร์ข้อมูลแผน — plan data folder")
    diff.set_defaults(func=cmd_diff)
    links = sub.add_parser("links", parents=[common],
                           help="รายการเอกสารของปีพร้อมที่อยู่เว็บ สำหรับกรอกแบบประเมิน OIT "
                                "— the year's documents with their addresses, for the assessor's form",
                           description="พิมพ์ชื่อเอกสารภาษาไทยและที่อยู่เว็บเต็มของเอกสารทุกชิ้นของปีงบประมาณ (หน้าสรุป "
                                       "ตัวชี้วัด ฉบับพิมพ์ รายงานผลแต่ละรอบ ไฟล์ลงนาม ข้อมูลเปิด) พร้อมรหัสข้อ OIT "
                                       "ตามที่กรอบการประเมินของปีนั้นระบุ (oit_items) — the year's documents with a Thai "
                                       "title and the absolute address, and the OIT item code where the year's "
                                       "framework maps one")
    links.add_argument("--year", type=int, help="ปีงบประมาณ (ค่าเริ่มต้น: ปีล่าสุด) — fiscal year (default: the newest)")
    links.add_argument("--format", choices=("tsv", "md"), default="tsv",
                       help="tsv: คั่นด้วยแท็บ วางในตารางคำนวณได้ (ค่าเริ่มต้น); md: ตาราง Markdown "
                            "— tsv: tab-separated, pastes into a spreadsheet (default); md: a Markdown table")
    links.add_argument("--oit-items", type=Path,
                       help="ใช้รายการ oit_items จากไฟล์ YAML นี้แทนของกรอบการประเมิน — take the oit_items (code, "
                            "name, indicator, documents) from this YAML file instead of the year's framework")
    links.add_argument("--plan-data", help="โฟลเดอร์ข้อมูลแผน — plan data folder")
    links.set_defaults(func=cmd_links)
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
