"""`itaplan new DIR --from TABLE`: a complete site project for any agency, from its office's table.

Everything is written into a temporary folder beside DIR, checked (the plan data loads and every page
renders), and only then renamed to DIR: a failure leaves nothing behind.
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pydantic import ValidationError

from itaplan.errors import Problem
from itaplan.pages.publish import build_pages, json_schemas
from itaplan.pages.render import md_text, meta_value
from itaplan.plan.project_config import read_settings
from itaplan.plan.schema import Agency
from itaplan.plan.thai_messages import messages
from itaplan.project.config import agency_config
from itaplan.project.layout import COPIED_ONCE, ProjectError, copy_item, itaplan_files, itaplan_root
from itaplan.project.placeholders import CODEOWNERS_TEAM, DEFAULTS
from itaplan.project.versions import code_version, write_record
from itaplan.table.importer import ImportResult, import_file
from itaplan.table.names import short_name
from itaplan.table.source import default_mode
from itaplan.folders import swap_in

TEMPLATES = Path(__file__).with_name("templates")
SHARE_PICTURE = Path("docs/assets/images/itaplan-share.png")
GENERIC_PICTURE = TEMPLATES / "itaplan-share-generic.png"
SITE_TEST = Path("tests/test_itaplan_site.py")
BANGKOK = ("กรุงเทพมหานคร", "กรุงเทพฯ")
BINARY = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".woff", ".woff2", ".ttf", ".otf", ".docx", ".pdf"}


@dataclass(frozen=True)
class Created:
    """What `create` wrote, for the command's report."""

    out: Path
    imported: ImportResult
    files: int
    share_picture: str
    traces: list[str]


def place(agency: Agency) -> str:
    """'อำเภอเมืองตัวอย่าง จังหวัดตัวอย่าง' (or 'เขต… กรุงเทพมหานคร')."""
    if agency.province in BANGKOK:
        return f"เขต{agency.district} {agency.province}"
    return f"อำเภอ{agency.district} จังหวัด{agency.province}"


def check_target(out: Path, force: bool, source: Path) -> None:
    """Refuse a file, the itaplan checkout itself, or a non-empty folder unless `force`."""
    resolved = out.resolve()
    if resolved == source or resolved in source.parents:
        raise ProjectError([Problem(str(out), None, None, "เป็นโฟลเดอร์ของ itaplan เอง — choose a new folder "
                                    "outside the itaplan checkout's own files")])
    if out.exists() and not out.is_dir():
        raise ProjectError([Problem(str(out), None, None, "เป็นไฟล์ ไม่ใช่โฟลเดอร์ (is a file: expected a new folder "
                                    "for the project)")])
    if out.is_dir() and any(out.iterdir()) and not force:
        raise ProjectError([Problem(str(out), None, None, "โฟลเดอร์นี้มีไฟล์อยู่แล้ว (is not empty): choose a new "
                                    "folder, or add --force to replace everything in it")])
    if out.is_dir() and any(out.iterdir()) and ((out / ".git").exists() or not (out / "mkdocs.yml").is_file()):
        # --force replaces an earlier `itaplan new` only: never a Git repository's history or an unrelated folder
        raise ProjectError([Problem(str(out), None, None, "โฟลเดอร์นี้ไม่ใช่โปรเจกต์ที่ itaplan new เขียนไว้ หรือมีประวัติ Git "
                                    "(.git) ซึ่ง --force จะลบทิ้ง: เลือกโฟลเดอร์ใหม่ หรือใช้ itaplan update กับโปรเจกต์ที่มีอยู่ — "
                                    "not a project an earlier `itaplan new` wrote, or it holds a Git history (.git) that "
                                    "--force would delete: choose a new folder, or run `itaplan update` on a project")])


def _agency(imported: ImportResult, overrides: dict[str, str | None]) -> ImportResult:
    fields = {**imported.agency.model_dump(), **{k: v for k, v in overrides.items() if v}}
    try:
        agency = Agency.model_validate(fields)
    except ValidationError as exc:
        raise ProjectError([Problem("--" + ".".join(map(str, e["loc"])), None, None,
                                    " — ".join(messages(e, file_kind="agency"))) for e in exc.errors()]) from None
    return dataclasses.replace(imported, agency=agency)


def _templates() -> Environment:
    # Comments are {## ##} so that Markdown heading ids such as {#home} stay literal.
    # autoescape=False on purpose (bandit B701): the templates write Markdown, a CODEOWNERS file and a word
    # list, not HTML. Values shown on the site go through md (md_text) or meta; HTML escaping would put
    # &amp; into an agency's name in all of them.
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      autoescape=False,  # nosec B701 # Markdown and text templates, see above
                      comment_start_string="{##", comment_end_string="##}",
                      keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(md=md_text, meta=meta_value)
    return env


def _source_agency_terms(source: Path) -> list[str]:
    """Names of the agency whose itaplan checkout this is: none of them may reach the new project."""
    try:
        plan_data = read_settings(source / "mkdocs.yml").plan_data
        data = yaml.safe_load((source / plan_data / "agency.yml").read_text(encoding="utf-8")) or {}
    except Exception:  # a checkout without plan data has no agency to leak
        return []
    names = [str(data.get(key) or "") for key in ("name", "district", "province")]
    return [term for term in dict.fromkeys([*names, short_name(names[0])]) if len(term) >= 3]


def find_traces(root: Path, terms: list[str]) -> list[str]:
    """'file:line: term' for each text line under `root` that names one of `terms`."""
    found = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() not in BINARY):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        for number, line in enumerate(lines, start=1):
            for term in terms:
                if term in line:
                    found.append(f"{path.relative_to(root).as_posix()}:{number}: {term}")
    return found


def _share_picture(project: Path, chromium: str | None) -> str:
    """Redraw the link-preview picture with the agency's name when Chromium can; else the generic one."""
    target = project / SHARE_PICTURE
    why = None
    if not chromium or not os.access(chromium, os.X_OK):
        why = f"no Chromium at {chromium}" if chromium else "--chromium ''"
    else:
        try:
            from itaplan.pages import share_image
            share_image.draw(project, chromium)
            return f"redrawn with the agency's name (Chromium {chromium})"
        except ImportError:
            why = "Playwright is not installed (requirements-dev.txt)"
        except Exception as exc:  # noqa: BLE001 - any browser failure falls back to the generic picture
            why = f"Chromium failed: {str(exc).splitlines()[0][:120]}"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(GENERIC_PICTURE, target)
    return f"generic picture without the agency's name ({why}); redraw it with `itaplan share-image`"


def create(table: Path, out: Path, *, name: str | None = None, district: str | None = None,
           province: str | None = None, site_url: str | None = None, repo_url: str | None = None,
           force: bool = False, chromium: str | None = "/usr/bin/chromium", source: Path | None = None,
           framework: Path | None = None) -> Created:
    """Write the whole project for the agency of `table` to `out`, all files or none; the table is read against
    the framework of its ITA year: itaplan's, or `framework` (a file, copied into plan_data/frameworks/)."""
    source = (source or itaplan_root()).resolve()
    for flag, url in (("--site-url", site_url), ("--repo-url", repo_url)):
        if url is not None and not re.fullmatch(r"https?://[^\s/]+\.[^\s/]+(/\S*)?", url):
            raise ProjectError([Problem(flag, None, None, f"'{url}' ไม่ใช่ที่อยู่เว็บ (is not a web address): expected "
                                        "https://… such as https://ita.example.go.th/")])
    check_target(out, force, source)
    from itaplan.plan.frameworks import frameworks_with

    given = {"name": name, "district": district, "province": province}
    imported = _agency(import_file(table, *frameworks_with(None, framework), agencies=(given,)), given)
    agency = imported.agency
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    staging.chmod(default_mode(directory=True))
    try:
        _write(staging, source, imported, site_url, repo_url, table)
        share = _share_picture(staging, chromium)
        build_pages(staging, read_settings(staging / "mkdocs.yml"))  # the new project builds
        terms = [t for t in _source_agency_terms(source)
                 if not any(t in own for own in (agency.name, agency.district, agency.province))]
        traces = find_traces(staging, terms)
        files = sum(1 for p in staging.rglob("*") if p.is_file())
        swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Created(out, imported, files, share, traces)


def _write(root: Path, source: Path, imported: ImportResult, site_url: str | None, repo_url: str | None,
           table: Path) -> None:
    from itaplan.table.writer import write_plan_data

    agency = imported.agency
    write_plan_data(imported, root / "plan_data")
    for rel in [*itaplan_files(source), *(Path(p) for p in COPIED_ONCE if (source / p).exists())]:
        copy_item(source, rel, root)
    values = {
        "site_name": f"ITA {agency.name}",
        "site_description": ("ผลการวิเคราะห์การประเมินคุณธรรมและความโปร่งใส (ITA) และมาตรการปรับปรุงการดำเนินงานของ"
                             f"{agency.name} {place(agency)}"),
        "site_author": agency.name,
        "copyright": f"{agency.name} {place(agency)}",
        "site_url": site_url or DEFAULTS["site_url"],
        "repo_url": repo_url or DEFAULTS["repo_url"],
        "edit_uri": "edit/main/docs/",
    }
    config = agency_config((source / "mkdocs.yml").read_text(encoding="utf-8"), values)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = _templates()
    units = sorted({part.strip() for indicator in imported.indicators for unit in indicator.responsible
                    for part in unit.split(",") if part.strip()})
    from urllib.parse import urlsplit
    serve_url = f"http://127.0.0.1:8000{('/' + urlsplit(values['site_url']).path.strip('/') + '/').replace('//', '/')}"
    context = {"agency": agency, "place": place(agency), "units": units, "team": CODEOWNERS_TEAM,
               "site_url": values["site_url"], "serve_url": serve_url, "source_table": table.name,
               "words": [w for w in dict.fromkeys([short_name(agency.name), agency.district, agency.province])
                         if w and " " not in w]}
    for template, target in (("index.md.j2", "docs/index.md"), ("README.md.j2", "README.md"),
                             ("CODEOWNERS.j2", ".github/CODEOWNERS"),
                             ("search_words.txt.j2", "plan_data/search_words.txt")):
        path = root / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(context), encoding="utf-8")
    write_shared_generated(root)


def write_shared_generated(root: Path) -> list[Path]:
    """What itaplan writes itself into every project: the JSON Schemas, the site's generic tests and the
    record of the itaplan version of the code in `root` (copied there before)."""
    schema = root / "docs" / "schema"
    schema.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in json_schemas().items():
        (schema / name).write_text(text, encoding="utf-8")
        written.append(schema / name)
    test = root / SITE_TEST
    test.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATES / "tests" / SITE_TEST.name, test)
    version = code_version(root)
    return [*written, test, *([write_record(root, version)] if version else [])]

