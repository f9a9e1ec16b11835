"""Page weight of a citizen's first visit to an indicator page: this site beside plain Material.

    python tests/benchmarks/bench_weight.py

Builds the site twice in a temporary folder: as configured, and with a plain Material theme
(no custom_dir, no extra CSS, Material's default Google font) around the same pages. Each is
served on 127.0.0.1 and opened in a fresh headless Chromium; every response is counted
uncompressed. Requests to other hosts cannot be answered here (no network): they are listed,
and their bytes are not counted, so plain Material's real figure is higher than printed.

Then the same for an indicator page with progress reports and photos: the progress fixture
(tests/fixtures/progress_plan/, made-up reports) whose indicator 1 gets three more phone photos
(3000 × 4000 JPEG with EXIF) in each round, eight photos in all. Budget: the first load at 360 px,
before any lazy photo, at most 450 KiB. Photos must carry loading="lazy", width and height; the
benchmark lists which photos the first load fetched (Chromium fetches a lazy image early when it
is within its look-ahead distance of the screen) and what scrolling to the end of the page adds.
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
from progress_fixture import fixture_project  # noqa: E402

PAGE = "2569/indicator-07/"
PROGRESS_PAGE = "2569/indicator-01/"
BUDGET_KIB = 450
PHOTOS = "/evidence/"


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


def progress_project(dest: Path) -> Path:
    """The progress fixture as a project; indicator 1 has three more phone photos in each round."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_progress import phone_photos, photo_reports

    project = fixture_project(dest)
    year = project / "plan_data" / "2569"
    phone_photos(year / "evidence", photo_reports(year, [1], 3))
    return project


def measure_photos(browser, site: Path, page_path: str) -> dict:
    """First load of an indicator page with photos at 360 px, split into photos and the rest; what
    scrolling to the end adds; and the photos' <img> attributes as published."""
    with serve(site, site_prefix(site.parent / "mkdocs.yml")) as url:
        own = urlparse(url).netloc
        context = browser.new_context(viewport=PHONE)
        seen: list = []
        context.on("requestfinished", lambda request: seen.append(request))
        page = context.new_page()
        page.goto(url + page_path, wait_until="networkidle")
        page.wait_for_timeout(500)

        def sizes(requests) -> list[tuple[str, int]]:
            out = []
            for request in requests:
                response = request.response()
                size = len(response.body()) if response is not None and request.method == "GET" else 0
                out.append((request.url, size))
            return out

        first = sizes(seen)
        count = len(seen)
        height = page.evaluate("document.documentElement.scrollHeight")
        for y in range(0, height + PHONE["height"], PHONE["height"] // 2):  # as a reader scrolls down
            page.mouse.wheel(0, PHONE["height"] // 2)
            page.wait_for_timeout(80)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        scrolled = sizes(seen[count:])
        images = page.evaluate("""[...document.querySelectorAll('article img')].map(i => ({
            src: i.getAttribute('src'), loading: i.getAttribute('loading'),
            width: i.getAttribute('width'), height: i.getAttribute('height'),
            top: Math.round(i.getBoundingClientRect().top + window.scrollY)}))""")
        context.close()
    foreign = [a for a, _ in first + scrolled if urlparse(a).netloc != own]
    first = [(a, n) for a, n in first if urlparse(a).netloc == own]
    return {"rest": sum(n for a, n in first if PHOTOS not in a),
            "first_photos": [(a, n) for a, n in first if PHOTOS in a],
            "scrolled_photos": [(a, n) for a, n in scrolled if PHOTOS in a],
            "scrolled_rest": sum(n for a, n in scrolled if PHOTOS not in a),
            "images": [i for i in images if PHOTOS.strip("/") in (i["src"] or "")],
            "foreign": foreign, "height": height}


def print_photos(figures: dict[str, dict]) -> None:
    kib = 1024
    print(f"\nFirst load of {PROGRESS_PAGE} with progress and photos (progress fixture + 6 phone photos), 360 px")
    print(f"{'':>34}" + "".join(f"{name:>16}" for name in figures))
    rows = [("first load, photos excluded", lambda f: f["rest"] / kib),
            ("photos fetched on first load", lambda f: sum(n for _, n in f["first_photos"]) / kib),
            ("first load, all", lambda f: (f["rest"] + sum(n for _, n in f["first_photos"])) / kib),
            ("scrolling to the end: photos", lambda f: sum(n for _, n in f["scrolled_photos"]) / kib),
            ("scrolling to the end: other", lambda f: f["scrolled_rest"] / kib)]
    for label, value in rows:
        print(f"{label:>34}" + "".join(f"{value(f):>16.1f}" for f in figures.values()))
    print(f"{'photos fetched: first / scrolled':>34}" + "".join(
        f"{len(f['first_photos']):>8} / {len(f['scrolled_photos']):<5}" for f in figures.values()))
    ours = figures["itaplan"]
    print(f"page height {ours['height']} px; the photos on it (y = distance from the top, px):")
    fetched = {"/".join(urlparse(a).path.split("/")[-2:]) for a, _ in ours["first_photos"]}
    for img in ours["images"]:
        name = "/".join(img["src"].split("/")[-2:])
        print(f"  y={img['top']:>6}  loading={img['loading']}  {img['width']}×{img['height']}  {name}"
              f"{'  (fetched on first load)' if name in fetched else ''}")
    bad = [i["src"] for i in ours["images"] if i["loading"] != "lazy" or not i["width"] or not i["height"]]
    print("every photo has loading=lazy, width and height: " + ("yes" if ours["images"] and not bad else
                                                                 f"NO: {bad or 'no photo found'}"))
    for name, f in figures.items():
        if f["foreign"]:
            print(f"{name}: {len(f['foreign'])} request(s) to other hosts, not counted: " + ", ".join(f["foreign"]))
    rest = ours["rest"] / kib
    ratio = ours["rest"] / figures["plain Material"]["rest"]
    print(f"itaplan first load before lazy photos: {rest:.0f} KiB (budget {BUDGET_KIB} KiB: "
          f"{'within' if rest <= BUDGET_KIB else 'OVER'}); itaplan / plain Material = {ratio:.2f}")


def main() -> None:
    """Build both sites, measure them and print the figures side by side."""
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as tmp:
        ours, plain = copy_project(Path(tmp) / "ours"), copy_project(Path(tmp) / "plain")
        plain_material(plain)
        with_photos = progress_project(Path(tmp) / "progress")
        plain_photos = progress_project(Path(tmp) / "progress-plain")
        plain_material(plain_photos)
        for project in (ours, plain, with_photos, plain_photos):
            result = mkdocs_build(project)
            if result.returncode:
                sys.exit(result.stderr)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            figures = {name: measure(browser, project / "site") for name, project in
                       (("itaplan", ours), ("plain Material", plain))}
            photo_figures = {name: measure_photos(browser, project / "site", PROGRESS_PAGE) for name, project in
                             (("itaplan", with_photos), ("plain Material", plain_photos))}
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
    print_photos(photo_figures)


if __name__ == "__main__":
    main()
