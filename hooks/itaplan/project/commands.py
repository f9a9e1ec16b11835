"""The `itaplan new`, `itaplan update` and `itaplan framework` subcommands, and the placeholder warnings of
`itaplan check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from itaplan.project.placeholders import find_unfilled, format_unfilled
from itaplan.table.review import report


def report_placeholders(args: argparse.Namespace) -> int:
    """Print every unfilled placeholder (warnings; errors with --strict); return how many there are."""
    project = args.config.parent
    unfilled = find_unfilled(project, args.config)
    fmt = getattr(args, "format", "text")
    text = format_unfilled(unfilled, fmt, project, getattr(args, "strict", False))
    if text:
        print(text, file=sys.stdout if fmt == "github" else sys.stderr)
    return len(unfilled)


def cmd_new(args: argparse.Namespace) -> int:
    from itaplan.project.new import create

    made = create(args.table, args.dir, name=args.name, district=args.district, province=args.province,
                  site_url=args.site_url, repo_url=args.repo_url, force=args.force, chromium=args.chromium,
                  framework=args.framework)
    result = made.imported
    print(f"read {len(result.indicators)} indicators of ITA {result.info.assessment_year} from {args.table.name} "
          f"(fiscal year {result.info.fiscal_year})")
    print(report(list(result.review)))
    print(f"สร้างเว็บไซต์ของ{result.agency.name}แล้ว — wrote the project ({made.files} files) to {args.dir}/")
    print(f"share picture: {made.share_picture}")
    if made.traces:
        print(f"warning: {len(made.traces)} line(s) still name the agency this itaplan copy came from; edit them:")
        print("\n".join(f"  {trace}" for trace in made.traces))
    unfilled = find_unfilled(args.dir)
    if unfilled:
        print(format_unfilled(unfilled, "text", args.dir, strict=False))
    print("next, in the new folder (see its README.md):\n"
          f"  cd {args.dir}\n"
          "  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/mkdocs build")
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from itaplan.project.update import update
    from itaplan.project.versions import parse

    done = update(args.dir)
    before, after = done.before or "ไม่ทราบ (unknown)", done.after or "ไม่ทราบ (unknown)"
    if done.before == done.after:
        print(f"itaplan {after}: โครงการนี้เป็นรุ่นนี้อยู่แล้ว เขียนไฟล์ของ itaplan ใหม่ทั้งชุด "
              f"(the project was at this version already; itaplan's files were written again)")
    else:
        print(f"itaplan {before} → {after}: ปรับโค้ด itaplan ของ {args.dir} จากรุ่น {before} เป็นรุ่น {after} "
              f"(updated {args.dir} from itaplan {before} to {after})")
        old, new = parse(done.before), parse(done.after)
        if old and new and old > new:
            print(f"คำเตือน: รุ่น {after} เก่ากว่ารุ่นเดิม สิ่งที่เพิ่มมาหลังรุ่น {after} หายไปจากโครงการ "
                  f"(warning: {after} is older than {before}; what came after it is gone from the project)")
    if done.changes:
        print("สิ่งที่เปลี่ยนระหว่างสองรุ่นนี้ ตาม CHANGELOG.md ของ itaplan — what changed between them, from "
              "itaplan's CHANGELOG.md:\n")
        print("\n".join(entry.text for entry in done.changes))
    elif done.before and done.after and done.before != done.after:
        print("CHANGELOG.md ไม่มีรายการระหว่างสองรุ่นนี้ (CHANGELOG.md lists nothing between these versions)")
    print(f"updated the itaplan files of {args.dir}: {', '.join(done.replaced)}")
    print("kept the agency's own files: mkdocs.yml, plan_data/ (with its frameworks/), docs/ pages, "
          "the share picture, .github/CODEOWNERS, README.md, CONTRIBUTING.md, other tests")
    for item in done.missing_settings:
        print(f"  add to mkdocs.yml by hand (the new itaplan uses it): {item}")
    print("next: .venv/bin/pip install -r requirements.txt && .venv/bin/itaplan check && "
          ".venv/bin/mkdocs build --strict, then review `git diff` and commit")
    return 0


def register(sub) -> None:
    """Add `new` and `update` to the CLI's subcommands."""
    new = sub.add_parser("new", help="write a complete site project for an agency from its office's table")
    new.add_argument("dir", type=Path, help="the new project's folder (must be new or empty; see --force)")
    new.add_argument("--from", dest="table", type=Path, required=True,
                     help="the office's table: a .docx, or the table exported as text (.txt)")
    new.add_argument("--name", help="the agency's name (default: from the table's 'ชื่อหน่วยงาน …' line)")
    new.add_argument("--district", help="อำเภอ / เขต (default: from the table)")
    new.add_argument("--province", help="จังหวัด (default: from the table)")
    new.add_argument("--site-url", help="the address the site will be published at (default: a placeholder)")
    new.add_argument("--repo-url", help="the agency's GitHub repository (default: a placeholder)")
    new.add_argument("--framework", type=Path, metavar="FILE",
                     help="the ITA framework of the table's assessment year, when itaplan does not ship it "
                          "(a YAML file as in plan_data/frameworks/); copied into the project's plan_data/frameworks/")
    new.add_argument("--force", action="store_true", help="replace everything in a non-empty DIR")
    new.add_argument("--chromium", default="/usr/bin/chromium",
                     help="Chromium to draw the share picture with ('' for the generic picture)")
    new.set_defaults(func=cmd_new)
    upd = sub.add_parser("update", help="replace an agency project's itaplan code with this version's, keeping "
                                        "the agency's own files")
    upd.add_argument("dir", type=Path, help="the agency's project folder (holding mkdocs.yml and hooks/)")
    upd.set_defaults(func=cmd_update)
    from itaplan.project import frameworks
    frameworks.register(sub)
