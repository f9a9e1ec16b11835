"""Benchmark of the Thai search: what the browser downloads, and what cutting words costs the build.

    python tests/benchmarks/bench_search.py [--skip-100x]

1. Search assets: the site is opened in headless Chromium, the search box gets a Thai query, and
   the bytes of every search request (index, workers, lunr language files) are added up, for plain
   MkDocs Material (`language: th`, no itaplan search) and for this site; and what the synonym
   groups add to the index.
2. Ranking: every run of 2-3 words of an indicator's measure, steps and analysis that one indicator
   page holds, asked of the site with a change log (two commits of plan data) through the site's own
   search in node (tests/search/material_search.js): how often the indicator page comes first, and
   what comes first otherwise; against the same site with the change log's entries left in the index
   (as before issue 18), with the index size of both.
3. Build time at seed scale and at ~100x the seed's text (99 fiscal years, every text distinct),
   as a ratio to the plain build of the same Markdown (pages written by `itaplan pages`, no hooks):
   itaplan's hooks without search, with search on a cold cache, and with search repeated on
   unchanged content (the budget for all hooks together is 1.15x).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "search"))
from conftest import copy_project, itaplan, mkdocs_build  # noqa: E402
from framework_fixture import made_up_copies  # noqa: E402
from test_search_ranking import NEVER_FIRST, index_of, measure_phrases, project_with_history, search  # noqa: E402

SEARCH_HOOK = "  - hooks/itaplan_search_hook.py # Thai words in the site search\n"
MAIN_HOOK = "  - hooks/itaplan_hook.py\n"
HOOK_MS: dict[Path, int] = {}
SEARCH_REQUEST = ("search_index.json", "/workers/", "/lunr/")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def without_search(project: Path) -> Path:
    """The project as plain Material search sees it: no search hook, no worker override."""
    edit(project / "mkdocs.yml", SEARCH_HOOK, "")
    (project / "hooks" / "theme" / "main.html").unlink()
    return project


def plain(project: Path) -> Path:
    """The same Markdown without any hook: generated pages written into docs/."""
    without_search(project)
    result = itaplan(project, "pages", "--out", "docs")
    assert result.returncode == 0, result.stderr
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert MAIN_HOOK in text, f"{MAIN_HOOK!r} not in {config}"
    config.write_text(re.sub(r"^hooks:\n(?:  - .*\n)+", "", text, flags=re.M), encoding="utf-8")  # every hook
    return project


def scale_100(project: Path) -> Path:
    """99 fiscal years (2501-2599, all a plan_data folder name allows) of the seed's plan, with
    every analysis and step written twice (distinct by year and copy): about 100x the seed's text."""
    seed = project / "plan_data" / "2569"
    for fiscal in range(2501, 2600):
        folder = project / "plan_data" / str(fiscal)
        if fiscal != 2569:
            shutil.copytree(seed, folder)
        plan = yaml.safe_load((folder / "plan.yml").read_text(encoding="utf-8"))
        plan.update(fiscal_year=fiscal, assessment_year=fiscal - 1, title=f"{plan['title']} ({fiscal})")
        (folder / "plan.yml").write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
        for path in (folder / "indicators").glob("*.yml"):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["period"] = {"start": f"{fiscal - 544}-10-01", "end": f"{fiscal - 543}-09-30"}  # in its fiscal year
            for key in ("analysis", "steps"):
                data[key] = [f"{text} (แผนปี {fiscal} ฉบับ {copy} ข้อ {i})"
                             for copy in (1, 2) for i, text in enumerate(data[key], 1)]
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    made_up_copies(project / "plan_data")  # labelled copies of the 2568 framework for the synthetic ITA years
    return project


def timed_build(project: Path, runs: int, clear_cache: bool = False) -> float:
    """The fastest of `runs` builds, in seconds (the search hook's own time goes to HOOK_MS)."""
    best = float("inf")
    for _ in range(runs):
        if clear_cache:
            shutil.rmtree(project / ".cache", ignore_errors=True)
        start = time.perf_counter()
        result = mkdocs_build(project)
        best = min(best, time.perf_counter() - start)
        assert result.returncode == 0, result.stderr[-2000:]
        found = re.search(r"from cache, in (\d+) ms", result.stderr)
        HOOK_MS[project] = min(HOOK_MS.get(project, 10**9), int(found.group(1))) if found else 0
    return best


def search_bytes(site: Path) -> tuple[int, list[str]]:
    """Bytes the browser downloads for search, after typing a Thai query, and which files."""
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: dict[str, int] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body()))
                    if any(s in r.url for s in SEARCH_REQUEST) else None)
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
            box = page.locator("input.md-search__input")
            box.click()
            box.fill("ทุจริต")
            box.press("End")
            page.wait_for_function("""() => !["กำลังเตรียมการค้นหา", "พิมพ์เพื่อเริ่มค้นหา"]
                .includes(document.querySelector('.md-search-result__meta').textContent)""")
            page.wait_for_timeout(500)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return sum(sizes.values()), sorted(u.split("/", 3)[-1].split("?")[0] for u in sizes)


def synonym_bytes(site: Path) -> tuple[int, int]:
    """(index size, bytes the synonym groups add: hidden tokens and the groups for the browser)."""
    import json
    data = (site / "search" / "search_index.json").read_bytes()
    index = json.loads(data)
    hidden = sum(len(f',"synonyms":{json.dumps(doc["synonyms"], ensure_ascii=False)}'.encode())
                 for doc in index["docs"] if "synonyms" in doc)
    groups = json.dumps((index["config"].get("itaplan") or {}), ensure_ascii=False, separators=(",", ":"))
    return len(data), hidden + len(groups.encode()) + len(',"synonyms":{"boost":1.0}')


def ranking(work: Path) -> None:
    """How a measure's own words rank, with the change log's entries out of the index and in."""
    print("\nranking: phrases of the measures, steps and analyses that one indicator page holds "
          "(site with a change log):")
    for label, entries_out in (("change log entries out (this site)", True), ("change log entries in (before)", False)):
        project = project_with_history(work / f"ranking-{entries_out}")
        if not entries_out:
            edit(project / "hooks" / "itaplan" / "search" / "ranking.py",
                 'ENTRIES_UNINDEXED = re.compile(r"^25\\d\\d/changes\\.md$")', 'ENTRIES_UNINDEXED = re.compile(r"(?!)")')
        result = mkdocs_build(project)
        assert result.returncode == 0, result.stderr[-2000:]
        site = project / "site"
        phrases = measure_phrases(index_of(site))
        found = search(site, [phrase for phrase, _ in phrases])
        firsts = [pages[0] if pages else "(nothing)" for pages in found]
        right = sum(first == page for first, (_, page) in zip(firsts, phrases))
        never = sum(bool(NEVER_FIRST.match(first)) for first in firsts)
        summary = sum(first != page and not re.fullmatch(r"25\d\d/indicator-\d\d/", first)
                      for first, (_, page) in zip(firsts, phrases))
        size = (site / "search" / "search_index.json").stat().st_size
        print(f"  {label:38s} indicator first {right / len(phrases):6.1%} of {len(phrases)}; change log or print "
              f"first {never}; another summary page first {summary}; index {size / 1024:.1f} KB")


def build_costs(label: str, make, runs: int, work: Path) -> None:
    projects = {name: make(copy_project(work / f"{label}-{name}")) for name in ("plain", "hooks", "search")}
    plain(projects["plain"])
    without_search(projects["hooks"])
    base = timed_build(projects["plain"], runs)
    hooks = timed_build(projects["hooks"], runs)
    cold = timed_build(projects["search"], runs, clear_cache=True)
    warm = timed_build(projects["search"], runs)
    hook = HOOK_MS[projects["search"]] / 1000
    print(f"\nbuild time, {label} (fastest of {runs}):")
    print(f"  plain Material, same Markdown, no hooks   {base:7.2f} s   1.00x")
    print(f"  itaplan hooks, without search             {hooks:7.2f} s   {hooks / base:.2f}x")
    print(f"  itaplan hooks + search, cold cache        {cold:7.2f} s   {cold / base:.2f}x"
          f"   (search alone {cold / hooks:.2f}x)")
    print(f"  itaplan hooks + search, unchanged (cache) {warm:7.2f} s   {warm / base:.2f}x"
          f"   (search alone {warm / hooks:.2f}x; budget 1.15x)")
    print(f"  the search hook itself, unchanged content {hook * 1000:7.0f} ms  {hook / base:.3f}x of the plain build")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-100x", action="store_true", help="seed scale only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        material = without_search(copy_project(work / "material"))
        ours = copy_project(work / "ours")
        for project in (material, ours):
            assert mkdocs_build(project).returncode == 0
        m_bytes, m_files = search_bytes(material / "site")
        o_bytes, o_files = search_bytes(ours / "site")
        print("search assets downloaded by the browser (uncompressed):")
        print(f"  plain Material, language th : {m_bytes / 1024:7.1f} KB  {', '.join(m_files)}")
        print(f"  itaplan search              : {o_bytes / 1024:7.1f} KB  {', '.join(o_files)}")
        print(f"  ratio                       : {o_bytes / m_bytes:.2f}x   (budget 150 KB)")
        size, synonyms = synonym_bytes(ours / "site")
        print(f"  of the index's {size / 1024:.1f} KB, synonym groups (hidden tokens + groups) take "
              f"{synonyms / 1024:.1f} KB ({synonyms / size:.1%})")
        ranking(work)
        build_costs("seed", lambda p: p, 5, work)
        if not args.skip_100x:
            build_costs("~100x the seed's text", scale_100, 1, work)


if __name__ == "__main__":
    main()
