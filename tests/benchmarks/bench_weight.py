"""Page weight of a citizen's first visit to an indicator page: this site beside plain Material.

    python tests/benchmarks/bench_weight.py

Builds the site twice in a temporary folder: as configured, and with a plain Material theme
(no custom_dir, no extra CSS, Material's default Google font) around the same pages. Each is
served on 127.0.0.1 and opened in a fresh headless Chromium; every response is counted
uncompressed. Requests to other hosts cannot be answered here (no network): they are listed,
and their bytes are not counted, so plain Material's real figure is higher than printed.
"""

from __future__ import annotations

import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from browser import CHROMIUM_ARGS, PHONE, chromium_path, first_load, serve, site_prefix  # noqa: E402
from conftest import copy_project, mkdocs_build  # noqa: E402

PAGE = "2569/indicator-07/"


def plain_material(project: Path) -> None:
    """Rewrite the copy's mkdocs.yml to Material's defaults, keeping the pages and the search."""
    config_file = project / "mkdocs.yml"
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"] = {"name": "material", "language": "th"}
    config.pop("extra_css", None)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


def measure(browser, site: Path) -> tuple[dict[str, int], list[str], int]:
    """Bytes by kind of file for the first load of PAGE; foreign URLs; bytes once search is opened."""
    with serve(site, site_prefix(site.parent / "mkdocs.yml")) as url:
        own = urlparse(url).netloc
        kinds: dict[str, int] = defaultdict(int)
        foreign = []
        for address, size in first_load(browser, url + PAGE, PHONE):
            if urlparse(address).netloc != own:
                foreign.append(address)
                continue
            suffix = Path(urlparse(address).path).suffix or ".html"
            kinds["search" if "search" in address or "lunr" in address else suffix] += size
        context = browser.new_context(viewport=PHONE)
        sizes = []
        context.on("requestfinished", lambda r: sizes.append(len(r.response().body()) if r.response() else 0))
        page = context.new_page()
        page.goto(url + PAGE, wait_until="networkidle")
        before = sum(sizes)
        page.locator("button[data-itaplan-for=__search], label[for=__search]").first.click()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(1000)
        context.close()
        return dict(kinds), foreign, sum(sizes) - before


def main() -> None:
    """Build both sites, measure them and print the figures side by side."""
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        ours, plain = copy_project(Path(tmp) / "ours"), copy_project(Path(tmp) / "plain")
        plain_material(plain)
        for project in (ours, plain):
            result = mkdocs_build(project)
            if result.returncode:
                sys.exit(result.stderr)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            figures = {name: measure(browser, project / "site") for name, project in
                       (("itaplan", ours), ("plain Material", plain))}
            browser.close()
    print(f"First load of {PAGE} at 360 px, uncompressed bytes (KB = 1024 bytes)")
    kinds = sorted({k for f in figures.values() for k in f[0]})
    print(f"{'':>14}" + "".join(f"{name:>16}" for name in figures))
    for kind in kinds:
        print(f"{kind:>14}" + "".join(f"{f[0].get(kind, 0) / 1024:>16.1f}" for f in figures.values()))
    totals = {name: sum(f[0].values()) for name, f in figures.items()}
    print(f"{'total':>14}" + "".join(f"{t / 1024:>16.1f}" for t in totals.values()))
    print(f"{'search opened':>14}" + "".join(f"{f[2] / 1024:>+16.1f}" for f in figures.values()))
    for name, f in figures.items():
        if f[1]:
            print(f"{name}: {len(f[1])} request(s) to other hosts, not counted: " + ", ".join(f[1]))
    ratio = totals["itaplan"] / totals["plain Material"]
    print(f"itaplan / plain Material = {ratio:.2f}  (budget: 450 KB; itaplan {totals['itaplan'] / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
