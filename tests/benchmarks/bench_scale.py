"""Scale benchmark: the build with itaplan's hooks against a plain build of the same Markdown.

    python tests/benchmarks/bench_scale.py [--scales 1,10,99] [--repeat 3]

For each scale it writes synthetic plan data (the seed's fiscal year copied to N fiscal years;
folders must be 25xx, so 99 years 2501–2599 is the largest, ≈ 1,000 indicator pages), then
  - hooks: `mkdocs build` of the project as a webmaster runs it;
  - plain: the same final Markdown (`itaplan pages --out`, the home page's year list filled in)
    in a docs folder, built with the same mkdocs.yml and navigation but no hooks at all.
It prints both times, their ratio, time per page and the peak memory of each build process
(os.wait4). Times are the CPU time (user + system) of the build process, the fastest of --repeat
runs taken in turns (hooks, plain, hooks, …), so other work on a shared machine disturbs them
little; wall-clock seconds are shown too. Not a test: figures vary with the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from itaplan.pages import publish  # noqa: E402
from itaplan.pages.years_list import years_list_markdown  # noqa: E402
from itaplan.history.pages import history_files  # noqa: E402
from framework_fixture import made_up_copies  # noqa: E402

SEED_YEAR = 2569


def make_project(dest: Path, years: int) -> Path:
    """A copy of the project whose plan_data holds `years` fiscal years (newest 2599 - …)."""
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "hooks", "plan_data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    seed = dest / "plan_data" / str(SEED_YEAR)
    template = dest / "seed-year"
    seed.rename(template)
    for fiscal in range(2599, 2599 - years, -1):
        folder = dest / "plan_data" / str(fiscal)
        shutil.copytree(template, folder)
        plan = folder / "plan.yml"
        text = plan.read_text(encoding="utf-8")
        text = text.replace(f"fiscal_year: {SEED_YEAR}", f"fiscal_year: {fiscal}")
        plan.write_text(text.replace(f"assessment_year: {SEED_YEAR - 1}", f"assessment_year: {fiscal - 1}"),
                        encoding="utf-8")
        for path in (folder / "indicators").glob("*.yml"):  # each year's measures run in that fiscal year
            path.write_text(path.read_text(encoding="utf-8").replace("start: 2025-10-01", f"start: {fiscal - 544}-10-01")
                            .replace("end: 2026-09-30", f"end: {fiscal - 543}-09-30"), encoding="utf-8")
    shutil.rmtree(template)
    made_up_copies(dest / "plan_data")  # labelled copies of the 2568 framework for the synthetic ITA years
    # Git history on, as in a real repository: the changes pages and feed come from it.
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="b@example.invalid")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "bench"]):
        subprocess.run(["git", *args], cwd=dest, env=env, check=True, capture_output=True)
    return dest


def make_plain(project: Path, dest: Path) -> Path:
    """The same site as plain Markdown: generated pages written out, no hooks, same navigation."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    site = publish.site_payload(project, config["extra"]["itaplan"])
    dest.mkdir(parents=True)
    shutil.copytree(project / "docs", dest / "docs")
    shutil.copytree(project / "hooks" / "theme", dest / "hooks" / "theme")
    publish.write_pages(site["pages"], dest / "docs")
    publish.write_pages(site["data_files"], dest / "docs")  # the open-data files, written as plain files too
    history, _ = history_files(project, site["settings"], [y["fiscal_year"] for y in site["years"]],
                               config.get("site_url"), config["site_name"], None)
    publish.write_pages(history, dest / "docs")
    index = dest / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "<!-- itaplan:years -->", years_list_markdown(site["years"], "index.md")), encoding="utf-8")
    del config["hooks"], config["watch"]
    config["extra"]["itaplan"] = site["settings"]
    config["nav"] = ([{"หน้าแรก": "index.md"}] + [{y["nav_title"]: y["nav"]} for y in site["years"]]
                     + site["nav_extra"])
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def timed_build(project: Path) -> tuple[float, float, float]:
    """CPU seconds, wall seconds and peak memory (MiB) of one `mkdocs build --strict` in `project`."""
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"), NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"build failed in {project}:\n{proc.stderr.read().decode()}")
    scale = 1024 if sys.platform != "darwin" else 1024 * 1024
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / scale


def compare(hooked: Path, plain: Path, repeat: int) -> tuple[list[tuple[float, float, float]], float]:
    """Best CPU time, best wall time and peak memory of each project, builds taken in turns; and the
    CPU time of the very first hooked build (cold: empty page and search caches)."""
    runs: dict[Path, list] = {hooked: [], plain: []}
    for _ in range(repeat):
        for project in runs:
            runs[project].append(timed_build(project))
    best = [tuple(f(r[i] for r in runs[p]) for i, f in enumerate((min, min, max))) for p in (hooked, plain)]
    return best, runs[hooked][0][0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,99", help="numbers of fiscal years (default 1,10,99)")
    parser.add_argument("--repeat", type=int, default=3, help="builds per variant; the fastest counts")
    args = parser.parse_args()
    print("hooks s / ratio: a repeat build (caches warm, the usual case); cold: the first build after a change\n"
          "of every page (validation, rendering and Thai word cutting of all texts) against the same plain build")
    print(f"{'years':>5} {'pages':>6} {'hooks s':>8} {'plain s':>8} {'ratio':>6} {'cold s':>7} {'cold ratio':>10} "
          f"{'ms/page':>8} "
          f"{'wall hooks':>10} {'wall plain':>10} {'hooks MiB':>9} {'plain MiB':>9}")
    with tempfile.TemporaryDirectory(prefix="itaplan-bench-") as tmp:
        for years in (int(s) for s in args.scales.split(",")):
            project = make_project(Path(tmp) / f"hooks-{years}", years)
            plain = make_plain(project, Path(tmp) / f"plain-{years}")
            pages = len(list((plain / "docs").rglob("*.md")))
            best, cold_s = compare(project, plain, args.repeat)
            (hooked_s, hooked_wall, hooked_mb), (plain_s, plain_wall, plain_mb) = best
            print(f"{years:>5} {pages:>6} {hooked_s:>8.2f} {plain_s:>8.2f} {hooked_s / plain_s:>6.3f} "
                  f"{cold_s:>7.2f} {cold_s / plain_s:>10.2f} "
                  f"{1000 * hooked_s / pages:>8.1f} {hooked_wall:>10.2f} {plain_wall:>10.2f} "
                  f"{hooked_mb:>9.0f} {plain_mb:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
