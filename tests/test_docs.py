"""The documentation a newcomer reads: a README short enough to read to the end, with the two commands for a fresh
machine near its top and exactly what CI and the publishing workflow run; a handbook reachable from it; no relative
link that leads nowhere (a file, or a heading's anchor as GitHub makes it, Thai headings included), here and in an
agency's project; and every topic of the old README findable in its new place."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from markdown_it import MarkdownIt

from agency_project import second_project  # noqa: F401
from conftest import ROOT

README = ROOT / "README.md"
HANDBOOK = ROOT / "handbook"
# Every Markdown file a reader opens on GitHub: these must not hold a broken relative link.
DOCS = ("README.md", "CONTRIBUTING.md", "CHANGELOG.md", ".github/SECURITY.md", "handbook/*.md")

_md = MarkdownIt("commonmark").enable("table")
_HTML_TARGET = re.compile(r"""\b(?:href|src)\s*=\s*["']([^"']+)["']""", re.I)
_HTML_ANCHOR = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""", re.I)


# --- what GitHub does ------------------------------------------------------------------------------------------

def github_slug(text: str) -> str:
    """A heading's anchor as GitHub makes it (github-slugger): lower case; every character that is not a letter, a
    mark, a number, a connector (`_`), a space or a hyphen removed; each space a hyphen. Thai letters are letters
    and its vowel and tone marks are marks, so a Thai heading keeps them all: `## ตัวชี้วัด (ITA)` → `ตัวชี้วัด-ita`."""
    kept = (ch for ch in text.lower()
            if unicodedata.category(ch)[0] in "LMN" or unicodedata.category(ch) == "Pc" or ch in " -")
    return "".join(kept).replace(" ", "-")


def _heading_text(inline) -> str:
    """The text of a heading as it is rendered (code without its backticks, a link's text, an image's alt)."""
    parts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def headings(text: str) -> list[tuple[int, int, str, str]]:
    """(level, first line, text, anchor) of every heading, outside code blocks; repeated anchors get -1, -2 …"""
    tokens = _md.parse(text)
    seen: dict[str, int] = {}
    out = []
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        title = _heading_text(tokens[i + 1])
        slug = base = github_slug(title)
        while slug in seen:
            seen[base] += 1
            slug = f"{base}-{seen[base]}"
        seen.setdefault(slug, 0)
        out.append((int(token.tag[1]), token.map[0], title, slug))
    return out


def anchors(text: str) -> set[str]:
    """Every anchor a link may name in this Markdown: its headings', and ids or names given in HTML."""
    found = {slug for *_, slug in headings(text)}
    for token in _md.parse(text):
        if token.type == "html_block":
            found.update(_HTML_ANCHOR.findall(token.content))
        for child in token.children or ():
            if child.type == "html_inline":
                found.update(_HTML_ANCHOR.findall(child.content))
    return found


def links(text: str) -> list[tuple[int, str]]:
    """(line, target) of every link and image, as a Markdown renderer sees them: not in code, references resolved."""
    out = []
    for token in _md.parse(text):
        line = token.map[0] + 1 if token.map else 0
        if token.type == "html_block":
            out += [(line, target) for target in _HTML_TARGET.findall(token.content)]
        for child in token.children or ():
            if child.type == "link_open":
                out.append((line, child.attrGet("href")))
            elif child.type == "image":
                out.append((line, child.attrGet("src")))
            elif child.type == "html_inline":
                out += [(line, target) for target in _HTML_TARGET.findall(child.content)]
    return out


def broken_links(path: Path, root: Path) -> list[str]:
    """'file:line: target — why' for each relative link of `path` whose file, or heading anchor, is not there."""
    problems = []
    shown = path.relative_to(root).as_posix()
    for line, href in links(path.read_text(encoding="utf-8")):
        parts, target = urlsplit(href), unquote(href)
        if parts.scheme or parts.netloc:  # https:, mailto: … — another site, not checked here
            continue
        file_part, fragment = unquote(parts.path), unquote(parts.fragment)
        if not file_part:
            dest = path
        elif file_part.startswith("/"):
            dest = root / file_part.lstrip("/")
        else:
            dest = path.parent / file_part
        dest = Path(*(p for p in dest.parts))  # keep '..' for the check below
        try:
            resolved = dest.resolve()
            resolved.relative_to(root.resolve())
        except ValueError:
            problems.append(f"{shown}:{line}: {target} — leads out of the repository")
            continue
        if not resolved.exists():
            problems.append(f"{shown}:{line}: {target} — no such file")
            continue
        if resolved.is_dir():
            resolved = resolved / "README.md"
            if fragment and not resolved.is_file():
                problems.append(f"{shown}:{line}: {target} — a folder without README.md has no anchors")
                continue
        if fragment and resolved.suffix.lower() == ".md":
            if fragment not in anchors(resolved.read_text(encoding="utf-8")):
                problems.append(f"{shown}:{line}: {target} — no heading with the anchor #{fragment}")
    return problems


def doc_files(root: Path) -> list[Path]:
    return sorted(p for pattern in DOCS for p in root.glob(pattern) if p.is_file())


def section(path: Path, anchor: str | None) -> str:
    """The text of the section whose heading has `anchor` (up to the next heading of its level or higher), or the
    whole file."""
    text = path.read_text(encoding="utf-8")
    if not anchor:
        return text
    lines = text.splitlines()
    found = headings(text)
    for i, (level, start, _title, slug) in enumerate(found):
        if slug == anchor:
            end = next((s for lvl, s, *_ in found[i + 1:] if lvl <= level), len(lines))
            return "\n".join(lines[start:end])
    raise AssertionError(f"{path.name} has no heading #{anchor}")


# --- the link checker itself can fail ------------------------------------------------------------------------

def test_the_link_checker_finds_a_missing_file_and_a_missing_anchor_and_reads_thai_headings(tmp_path):
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "README.md").write_text("# คู่มือ\n\n## การตรวจอัตโนมัติ (checks) แต่ละข้อ\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("# Other\n\n## Step 2: `itaplan check`\n\n## Step 2: `itaplan check`\n",
                                       encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n"
        "[ok](other.md#step-2-itaplan-check) [ok](other.md#step-2-itaplan-check-1) [ok](guide/) [ok](#page)\n"
        "[ok](guide/README.md#การตรวจอัตโนมัติ-checks-แต่ละข้อ) [ok](https://example.go.th/nowhere.md)\n"
        "[ok](guide/README.md#%E0%B8%84%E0%B8%B9%E0%B9%88%E0%B8%A1%E0%B8%B7%E0%B8%AD) [ok][ref]\n\n"
        "[ref]: other.md\n\n"
        "`[not a link](missing-in-code.md)`\n\n"
        "```\n[not a link](missing-in-a-block.md)\n```\n\n"
        "[gone](missing.md) [gone](other.md#step-3) [gone](guide/README.md#การตรวจ) [gone](../outside.md)\n"
        '<a href="missing-html.md">gone</a>\n',
        encoding="utf-8")
    found = broken_links(page, tmp_path)
    assert [p.split(": ", 1)[1].split(" — ")[0] for p in found] == [
        "missing.md", "other.md#step-3", "guide/README.md#การตรวจ", "../outside.md", "missing-html.md"], found
    assert all(p.startswith("page.md:") for p in found)


def test_github_slugs_of_the_headings_this_handbook_links_to():
    assert github_slug("The agency's own web host: FTPS, SFTP or rsync") == "the-agencys-own-web-host-ftps-sftp-or-rsync"
    assert github_slug("Addresses for the assessor's form: itaplan links") == "addresses-for-the-assessors-form-itaplan-links"
    assert github_slug("1. Staff Markdown is an allowlist") == "1-staff-markdown-is-an-allowlist"
    assert github_slug("Slips the YAML reader names (plan/yaml_slips.py)") == "slips-the-yaml-reader-names-planyaml_slipspy"
    assert github_slug("รายงานผลการดำเนินการตามมาตรการ (รอบ ๖ เดือน และรอบ ๑๒ เดือน)") == \
        "รายงานผลการดำเนินการตามมาตรการ-รอบ-๖-เดือน-และรอบ-๑๒-เดือน"  # Thai marks and digits kept


# --- no broken link, here and in an agency's project -----------------------------------------------------------

def test_every_relative_link_of_the_documentation_leads_somewhere():
    files = doc_files(ROOT)
    assert {"README.md", "CONTRIBUTING.md", "CHANGELOG.md", ".github/SECURITY.md", "handbook/README.md",
            "handbook/architecture.md"} <= {p.relative_to(ROOT).as_posix() for p in files}
    checked = sum(len(links(p.read_text(encoding="utf-8"))) for p in files)
    assert checked > 100  # the checker really reads the links
    problems = [problem for path in files for problem in broken_links(path, ROOT)]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_every_relative_link_works_in_an_agencys_project_too(second_project):  # noqa: F811
    """`itaplan new` copies the handbook; its links, the agency README's and CONTRIBUTING's lead somewhere there,
    though the project has no CHANGELOG.md, no tests of itaplan and a README of its own."""
    files = doc_files(second_project)
    shown = {p.relative_to(second_project).as_posix() for p in files}
    assert {"README.md", "CONTRIBUTING.md", ".github/SECURITY.md", "handbook/README.md",
            "handbook/webmaster.md", "handbook/publishing.md"} <= shown
    for page in HANDBOOK.glob("*.md"):  # the handbook as this version has it
        assert (second_project / "handbook" / page.name).read_bytes() == page.read_bytes(), page.name
    readme_links = {target for _, target in links((second_project / "README.md").read_text(encoding="utf-8"))}
    assert {"handbook/README.md", "handbook/webmaster.md", "handbook/publishing.md"} <= readme_links
    problems = [problem for path in files for problem in broken_links(path, second_project)]
    assert not problems, "\n".join(problems)


# --- the README: short, the two commands first, exactly what CI runs --------------------------------------------

def _sh_blocks(text: str) -> list[tuple[int, str]]:
    return [(t.map[0] + 1, t.content.strip()) for t in _md.parse(text) if t.type == "fence" and t.info == "sh"]


def _workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def _runs(job: dict) -> list[str]:
    return [line.strip() for step in job["steps"] if "run" in step for line in step["run"].splitlines()
            if line.strip() and not line.strip().startswith("#")]


def test_the_readme_is_short_and_gives_both_commands_in_its_first_80_lines():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    blocks = [content for line, content in _sh_blocks(text) if line <= 80]
    assert len(blocks) >= 2
    build, test = blocks[0], blocks[1]
    assert "\n" not in build and "\n" not in test  # one line each, to copy whole
    assert build.startswith("python3 -m venv .venv && ") and build.endswith(" && .venv/bin/mkdocs build")
    assert test == "bash .ci/setup && .venv/bin/python -m pytest"


def test_the_build_command_installs_exactly_as_the_publishing_workflow_does():
    build = _sh_blocks(README.read_text(encoding="utf-8"))[0][1]
    for job in (_workflow("publish.yml")["jobs"]["build"], _workflow("check.yml")["jobs"]["data"]):
        installs = [line.replace(" -q", "") for line in _runs(job) if line.startswith("pip install")]
        assert installs == ["pip install --require-hashes -r .ci/pip/site.txt",
                            "pip install --no-deps --no-build-isolation -e ."]
        assert build == " && ".join(["python3 -m venv .venv", *(f".venv/bin/{line}" for line in installs),
                                     ".venv/bin/mkdocs build"])


def test_the_test_command_is_what_ci_runs_and_the_readme_says_what_it_installs():
    text = README.read_text(encoding="utf-8")
    test = _sh_blocks(text)[1][1]
    run = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
           if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert run == [test]  # .ci/run is the README's command, nothing more
    full = _runs(_workflow("check.yml")["jobs"]["check"])
    setup, pytest_run = test.split(" && ")
    assert setup in full and pytest_run in full and full.index(setup) < full.index(pytest_run)
    # Every Debian package .ci/setup may install is named in the README, near the command.
    setup_script = (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
    packages = set(re.findall(r"packages\+=\(([\w.-]+)\)", setup_script))
    assert {"chromium", "nodejs", "npm", "lftp", "rsync", "openssh-server"} <= packages
    near = "\n".join(text.splitlines()[:80])
    for package in packages:
        assert f"`{package}`" in near or f"`{package}`/" in near or f"/`{package}`" in near, package
    assert ".ci/pip/dev.txt" in near and "npm ci" in near


def test_the_handbook_is_one_click_from_the_readme_and_every_page_from_its_index():
    readme_links = {target for _, target in links(README.read_text(encoding="utf-8"))}
    assert "handbook/README.md" in readme_links or "handbook/" in readme_links
    assert "handbook/architecture.md" in readme_links  # a developer finds the architecture in one click
    assert "CONTRIBUTING.md" in readme_links and "handbook/publishing.md" in readme_links
    index_links = {target.split("#")[0] for _, target in links((HANDBOOK / "README.md").read_text(encoding="utf-8"))}
    for page in HANDBOOK.glob("*.md"):
        if page.name != "README.md":
            assert page.name in index_links, f"handbook/README.md does not link {page.name}"
    for reader in ("## For the webmaster", "## For office staff", "## For developers"):
        assert reader in (HANDBOOK / "README.md").read_text(encoding="utf-8")


def test_the_intro_is_framework_neutral():
    """The number of indicators belongs to each year's framework, not to the README's first lines."""
    intro = README.read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "๑๐ ตัวชี้วัด" not in intro and "10 ตัวชี้วัด" not in intro and "ten indicators" not in intro


# --- no topic of the old README lost ----------------------------------------------------------------------------

# The sections of the README up to version 0.1.0 (835 lines), each with where it lives now and words that must be
# found there: (old section, "file#anchor", phrases). A section split in parts has a row per part.
TOPICS = [
    ("Two commands for a fresh machine", "README.md#two-commands-for-a-fresh-machine",
     ["--require-hashes -r .ci/pip/site.txt", "http://127.0.0.1:8000/itaplan/", "pip install -r requirements.txt",
      "bash .ci/setup && .venv/bin/python -m pytest"]),
    ("Start a site for your agency", "README.md#start-a-site-for-your-agency", ["itaplan new", "--framework"]),
    ("Start a site for your agency", "handbook/webmaster.md#start-a-site-for-an-agency",
     ["--name", "--district", "--province", "--site-url", "--repo-url", "--force", "tests/test_itaplan_site.py",
      "all or nothing", "warns of any line that still names the agency"]),
    ("Start a site for your agency / how the new project gets the itaplan code, and later updates",
     "handbook/webmaster.md#updates-and-versions",
     ["itaplan update", "-e .", "offline", "file by file", "mkdocs.yml", ".itaplan-version"]),
    ("Start a site for your agency / placeholders", "handbook/webmaster.md#placeholders",
     ["PLACEHOLDER", "your-account", "ORG/", "0-0000-0000", "itaplan check --strict", "::warning",
      "placeholders.py"]),
    ("How to edit the plan", "README.md#edit-the-plan", ["itaplan check", "CONTRIBUTING.md"]),
    ("How to edit the plan / the fields", "handbook/plan-data.md#the-indicator-file",
     ["`number`, `name`, `group`", "as the year's framework says", "`question`", "the survey's prefix",
      "within the survey's `count`", "`period`", "parse_thai_date", "`links`", "Thai digits"]),
    ("How to edit the plan / the messages", "handbook/messages.md#what-a-message-looks-like",
     ["plan_data/2569/progress/6-months/01.yml:8", "Thai first"]),
    ("How to edit the plan / JSON Schema in editors", "handbook/plan-data.md#editors-that-check-as-you-type",
     ["docs/schema/", "redhat.vscode-yaml", "pre-commit install"]),
    ("How the pieces fit", "handbook/architecture.md#the-flow-by-stage",
     ["itaplan_atomic_hook.py", "itaplan_csp_hook.py", "itaplan pages --out", "hooks/theme/"]),
    ("How the pieces fit / each package", "handbook/architecture.md#each-packages-job",
     ["plan/", "progress/", "data/", "pages/", "site/", "history/", "table/", "search/", "project/"]),
    ("How the pieces fit / site settings", "handbook/webmaster.md#site-settings",
     ["`plan_data`", "`digits`", "`contact`", "`rounds`", "`open_data`"]),
    ("How the pieces fit / the home page's markers", "handbook/webmaster.md#the-home-page",
     ["<!-- itaplan:years -->", "<!-- itaplan:latest-report -->", "<!-- itaplan:framework -->"]),
    ("Adding a fiscal year", "handbook/plan-data.md#adding-a-fiscal-year",
     ["framework", "itaplan framework new", "assessment_year", "/2569/"]),
    ("Publishing / GitHub Pages and the checks", "handbook/publishing.md#github-pages-the-default",
     ["Settings → Pages", "itaplan check --strict", "actions/deploy-pages"]),
    ("Publishing / the check on every pull request", "handbook/publishing.md#the-check-on-every-pull-request",
     ["check.yml", "--format github", "mkdocs build --strict", ".cache/itaplan"]),
    ("Publishing / page dates and edit links", "handbook/publishing.md#page-dates-and-edit-links",
     ["ปรับปรุงล่าสุด", "fetch-depth: 0", "git fetch --unshallow", "edit_uri"]),
    ("Publishing / any other static host, nginx and Apache", "handbook/publishing.md#any-other-static-host-and-its-web-server",
     ["server {", "error_page 404", "Strict-Transport-Security", "mod_headers", "frame-ancestors 'none'"]),
    ("Contributing", "CONTRIBUTING.md", ["pull request", "CODEOWNERS", "mkdocs serve"]),
    ("Starting next year's plan from the office's table", "handbook/importing.md#next-years-plan-from-the-offices-table",
     ["itaplan import", "--out", "--force", "windows-874", "UTF-16", "nothing is written"]),
    ("Starting next year's plan from the office's table / what the importer reads", "handbook/importing.md#what-the-importer-reads",
     ["steps", "periods", "units", "wrap spaces", "table/wrap.py"]),
    ("Starting next year's plan from the office's table / the review report", "handbook/importing.md#the-review-report",
     ["# ตรวจทาน", "ช่องว่างจากการตัดบรรทัดของ Word"]),
    ("Starting next year's plan from the office's table / export to sign", "handbook/importing.md#export-the-table-to-print-and-sign",
     ["itaplan export --format docx", "--format tsv", "does not state its indicator's score"]),
    ("Evidence files and photos", "handbook/progress-reports.md#evidence-files-and-photos",
     ["20 MB", "60 million pixels", ".xlsx", "1600 px", "EXIF", "decompression bomb", ".cache/itaplan/photos/",
      "tests/progress/test_photos.py"]),
    ("Reporting progress through the office's table", "handbook/importing.md#a-rounds-report-through-the-table",
     ["itaplan export --report 6-months", "itaplan import รายงาน.docx --report 6-months", "report-<year>-<round>",
      "tests/table/test_report_table.py"]),
    ("Hostile input and atomic publishing", "handbook/security.md#what-the-build-guarantees",
     ["md_text", "billion laughs", "512 KiB", "outside `plan_data/` are not read", "//other.site", ".site.building-", "--dirty"]),
    ("Hostile input and atomic publishing / the tests", "handbook/security.md#how-it-is-tested",
     ["tests/fixtures/hostile/index.yml", "tests/plan/test_loader_property.py", "tests/site/test_atomic_site.py"]),
    ("Security / the Content Security Policy", "handbook/security.md#3-the-content-security-policy-never-trusts-what-data-produced",
     ["default-src", "'unsafe-inline'", "frame-ancestors", "mkdocs serve"]),
    ("Security / pinned supply chain and changing a dependency", "handbook/security.md#7-supply-chain",
     ["full commit SHA", "--require-hashes", "pull_request_target", "dependabot.yml", "bash .ci/lock",
      "--upgrade", "lock-tools.txt"]),
    ("Security / reporting a vulnerability", "handbook/security.md", ["../.github/SECURITY.md"]),
    ("Scale / the figures", "handbook/scale.md#build-time-by-number-of-fiscal-years",
     ["52.75 s", "2,081", "550 / 336 MiB", "ITAPLAN_NO_CACHE=1", "page_cache.py", "e704a39"]),
    ("Scale / the method", "handbook/architecture.md#benchmarks", ["bench_scale.py", "in turns", "valgrind"]),
    ("Open data, several years side by side, and the history of every change / downloads", "handbook/open-data.md#downloads",
     ["indicators.csv", "steps.csv", "plan.json", "datapackage.json", "ckan.json", "BOM", "CC-BY-4.0",
      "DGA-OGL-TH", "catalogue_organization"]),
    ("Open data, several years side by side, and the history of every change / several years side by side", "handbook/open-data.md#several-years-side-by-side",
     ["/trends/", "every indicator's", "ended", "framework", "เทียบกับปีก่อน", "multi_year_plan"]),
    ("Open data, several years side by side, and the history of every change / the history of every change", "handbook/open-data.md#the-history-of-changes",
     ["/<fy>/changes/", "git cat-file --batch", "history-changes.json", "/feed.xml", "shallow clone"]),
    ("Open data, several years side by side, and the history of every change / build cost", "handbook/scale.md#with-open-data-trends-and-history", ["0.57 s", "36d5591"]),
    ("Open data, several years side by side, and the history of every change / search engines", "handbook/open-data.md#for-search-engines",
     ["Dataset", "DataDownload", "GovernmentOrganization"]),
    ("What citizens and assessors get", "handbook/webmaster.md#what-citizens-and-assessors-get",
     ["itaplan share-image", "itaplan-share.png", "no analytics", "44 px", "/<year>/print/", "LINE"]),
    ("What citizens and assessors get / accessible", "handbook/accessibility.md",
     ["WCAG 2.1 AA", "assets/javascripts/itaplan.js", "partials/top.html", "tests/browser.py"]),
    ("What citizens and assessors get / light", "handbook/scale.md#what-a-citizens-phone-downloads",
     ["345 KB", "itaplan-lazy-search.html", "bench_weight.py"]),
    ("Search in Thai", "handbook/architecture.md#search-internals",
     ["newmm", "itaplan-search.js", "ป.ป.ช.", "search_words.txt", "search_synonyms.txt", "synonyms.txt",
      "search-words.json", "0.3"]),
    ("Search in Thai / adding words and synonyms", "handbook/webmaster.md#when-search-misses-a-word",
     ["plan_data/search_words.txt", "plan_data/search_synonyms.txt", "สำนักปลัดเทศบาล"]),
    ("Search in Thai / measured", "handbook/scale.md#search", ["0.43 s", "2c28696", "58 queries"]),
    ("Progress reports / layout and fields", "handbook/progress-reports.md#layout",
     ["report.yml", "signed_document", "evidence/"]),
    ("Progress reports / an indicator's report", "handbook/progress-reports.md#an-indicators-report",
     ["ยังไม่ดำเนินการ", "ยกเลิก", "`reason`", "120 days", "exactly one of"]),
    ("Progress reports / rounds", "handbook/progress-reports.md#rounds", ["6-months", "cutoff: \"03-31\""]),
    ("Progress reports / pages and addresses", "handbook/progress-reports.md#pages-and-addresses",
     ["/<year>/report-<round>/", "-print/", "samnakplat", "#progress", "itaplan:latest-report"]),
    ("Progress reports / roll-up rules", "handbook/progress-reports.md#roll-up-rules",
     ["progress/rollup.py", "never averages", "half up"]),
    ("Progress reports / budgets and the digest memo", "handbook/scale.md#photos-on-a-repeat-build",
     ["1.10–1.15 ×", "file-digests.json", "ctime", "Pillow not imported"]),
    ("Progress reports / Markdown in result, obstacles and solutions",
     "handbook/progress-reports.md#markdown-in-result-obstacles-and-solutions",
     ["markdown-it-py", "nh3", "security.md#1-staff-markdown-is-an-allowlist"]),
]

# The `##` sections of the old README, each of which TOPICS and the handbook's index must place.
OLD_SECTIONS = [
    "Two commands for a fresh machine", "Start a site for your agency", "How to edit the plan", "How the pieces fit",
    "Adding a fiscal year", "Publishing", "Contributing", "Starting next year's plan from the office's table",
    "Evidence files and photos", "Reporting progress through the office's table",
    "Hostile input and atomic publishing", "Security", "Scale",
    "Open data, several years side by side, and the history of every change",
    "What citizens and assessors get", "Search in Thai", "Progress reports",
]


@pytest.mark.parametrize("topic,place,phrases", TOPICS, ids=[f"{t} -> {p}" for t, p, _ in TOPICS])
def test_every_topic_of_the_old_readme_is_found_in_its_new_place(topic, place, phrases):
    file, _, anchor = place.partition("#")
    text = section(ROOT / file, anchor or None)
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, f"{topic}: {place} lacks {missing}"


def test_every_old_section_has_a_place_here_and_in_the_handbooks_index():
    placed = {topic.split(" / ")[0] for topic, _, _ in TOPICS}
    index = section(HANDBOOK / "README.md", "where-the-old-readmes-sections-went")
    for old in OLD_SECTIONS:
        assert old in placed, old
        assert f"| {old} |" in index, f"handbook/README.md does not say where '{old}' went"
