"""Search ranking across a whole built site: a measure's words lead to its indicator page.

The site is built from a copy of the repository with a Git history of two commits, as an agency's
site has after its first edits: the change log of 2569 then lists the old and new text of every
measure, step and analysis that changed. The queries run through the site's own search (Material's
worker behind itaplan-search.js) in node (material_search.js beside this file), so hundreds of them
take seconds; tests/in_browser/test_search_browser.py asks a sample of them in Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import missing
from conftest import copy_project, mkdocs_build
from itaplan.search.index import SEPARATOR

pytestmark = pytest.mark.slow

DRIVER = Path(__file__).with_name("material_search.js")
THAI = re.compile(r"[\u0e01-\u0e4e]")

# Queries that ranked the change log, a unit page or a report above the indicator page they come from
# (held out from the recall lists of test_search_browser.py when they were found): (query, indicator)
REGRESSED = [
    ("ยืมทรัพย์สิน", 4), ("ยืมทรัพย์สินของราชการ", 4), ("คู่มือยืมทรัพย์สิน", 4), ("ไม่เปิดเผยตัว", 5),
    ("สื่อสารผ่านช่องทาง", 7), ("การทุจริตภายใน", 10), ("ป้องกันและแก้ไขปัญหา", 10),
    ("งบประมาณแผนการจัดซื้อจัดจ้าง", 2), ("ทราบข้อมูลหลักเกณฑ์", 3), ("ปรับปรุงกฎระเบียบ", 5),
]
# pages that gather the indicators' words: never the first result for a measure's own words
NEVER_FIRST = re.compile(r"^25\d\d/(?:changes|print|report-[a-z0-9-]+-print)/")


def git(cwd: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "ทดสอบ", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "ทดสอบ",
           "GIT_COMMITTER_EMAIL": "test@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(cwd)}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def project_with_history(dest: Path) -> Path:
    """A copy of the repository whose plan data has a history of two commits: first the plan with
    Word's line wraps left in (spaces inside its measures, steps and analyses), then today's."""
    project = copy_project(dest)
    indicators = sorted((project / "plan_data" / "2569" / "indicators").glob("*.yml"))
    today = {path: path.read_text(encoding="utf-8") for path in indicators}
    for path, text in today.items():
        path.write_text("".join(line if line.startswith(("name:", "#")) else
                                line.replace("เทศบาลตำบลโคกพุทรา", "เทศบาลตำบล โคกพุทรา")
                                    .replace("ของราชการ", "ของ ราชการ")
                                for line in text.splitlines(keepends=True)), encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "แผนฉบับแรก (คัดจากไฟล์ Word)")
    for path, text in today.items():
        path.write_text(text, encoding="utf-8")
    git(project, "commit", "-qam", "ซ่อมช่องว่างจากการตัดบรรทัด")
    return project


@pytest.fixture(scope="module")
def history_site(tmp_path_factory) -> Path:
    """The repository's site, built with a history (its change log lists the old and new texts)."""
    project = project_with_history(tmp_path_factory.mktemp("ranking"))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def index_of(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def search(site: Path, queries: list[str]) -> list[list[str]]:
    """For each query, the pages found, best first (as the browser would list them)."""
    node = shutil.which("node")
    if node is None:
        missing("Node.js")
    result = subprocess.run([node, str(DRIVER), str(site)], input=json.dumps(queries), capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return [[group[0].split("#")[0] for group in groups] for groups in json.loads(result.stdout)]


def words(html: str) -> list[str]:
    return [w for w in re.split(SEPARATOR, re.sub(r"<[^>]*>", " ", html)) if w]


def measure_phrases(index: dict) -> list[tuple[str, str]]:
    """(phrase, indicator page) for every run of 2-3 Thai words, typed without spaces, of an
    indicator's measure, steps or analysis that no other indicator page holds."""
    pages: dict[str, str] = {}  # page -> its text, without separators (as itaplan-search.js matches)
    runs: dict[str, str] = {}
    for doc in index["docs"]:
        page, _, section = doc["location"].partition("#")
        if not re.fullmatch(r"25\d\d/indicator-\d\d/", page):
            continue
        pages[page] = pages.get(page, "") + "".join(words(doc["title"]) + words(doc["text"]))
        if section in ("measure", "steps", "analysis"):
            thai = [w for w in words(doc["text"]) if THAI.search(w)]
            for n in (2, 3):
                for i in range(len(thai) - n + 1):
                    runs.setdefault("".join(thai[i:i + n]), page)
    return [(phrase, page) for phrase, page in sorted(runs.items())
            if len(phrase) >= 6 and sum(phrase in text for text in pages.values()) == 1]


def test_the_change_log_keeps_its_page_in_the_index_but_not_its_entries(history_site):
    html = (history_site / "2569" / "changes" / "index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<h2 id="c-', html)) == 2 and "ยืมทรัพย์สิน" in html  # two edits listed, old and new text
    docs = [d for d in index_of(history_site)["docs"] if d["location"].startswith("2569/changes/")]
    assert [d["location"] for d in docs] == ["2569/changes/"]
    assert "ยืม" not in docs[0]["text"] and len(json.dumps(docs[0], ensure_ascii=False).encode()) < 1500
    assert search(history_site, ["การเปลี่ยนแปลง"])[0][0] == "2569/changes/"  # found by its name


def test_the_regressed_queries_find_the_indicator_page_first(history_site):
    found = search(history_site, [query for query, _ in REGRESSED])
    wrong = [(query, pages[:3]) for (query, number), pages in zip(REGRESSED, found)
             if pages[:1] != [f"2569/indicator-{number:02d}/"]]
    assert not wrong


def test_a_measures_own_words_lead_to_its_indicator_page(history_site):
    """Every phrase of a measure, its steps and its analysis that one indicator page holds: that page
    comes first (a few phrases of function words may lead elsewhere), never the change log or a print copy."""
    phrases = measure_phrases(index_of(history_site))
    assert len(phrases) > 1000
    found = search(history_site, [phrase for phrase, _ in phrases])
    firsts = [(phrase, page, pages[:1]) for (phrase, page), pages in zip(phrases, found)]
    assert not [f for f in firsts if f[2] and NEVER_FIRST.match(f[2][0])]
    misses = [f for f in firsts if f[2] != [f[1]]]
    assert len(misses) / len(phrases) <= 0.01, misses[:20]
    summaries = [f for f in misses if f[2] and not re.fullmatch(r"25\d\d/indicator-\d\d/", f[2][0])]
    assert len(summaries) / len(phrases) <= 0.002, summaries
