"""Scale benchmark: the build with itaplan's hooks against a plain build of the same Markdown.

    python tests/benchmarks/bench_scale.py [--scales 1,10,99] [--repeat 5] [--instructions]

For each scale it writes synthetic plan data (the seed's fiscal year copied to N fiscal years;
folders must be 25xx, so 99 years 2501–2599 is the largest, ≈ 1,000 indicator pages), then
  - hooks: `mkdocs build` of the project as a webmaster runs it;
  - plain: the same final Markdown (`itaplan pages --out`, the home page's year list filled in)
    in a docs folder, built with the same mkdocs.yml and navigation but no hooks at all.
It prints both times, their ratio, time per page and the peak memory of each build process
(os.wait4). Times are the CPU time (user + system) of the build process (with the git processes it
waits for), --repeat runs taken in turns (hooks, plain, hooks, …): the median, and the fastest, of
each; wall-clock seconds are shown too. Not a test: figures vary with the machine.

On a machine shared with other work even CPU times wander by ±15 % from run to run. --instructions
also counts the instructions one repeat build executes (valgrind's cachegrind, git processes
included), which other work cannot disturb: for the plain build, the hooks, the hooks without each
of them in turn (what each costs), and the hooks with PYTHONDONTWRITEBYTECODE=1.

The builds run without PYTHONDONTWRITEBYTECODE, as on a webmaster's machine: Python keeps the
compiled hooks/itaplan modules in __pycache__, as pip compiled MkDocs' and Material's at install.
With it set (as in some containers, and on the machines this project is developed on), every build
compiles itaplan's ~130 modules again, which the plain build never does: about 3 % more of the
plain build at seed scale, and the main cause of the 1.24x once measured there.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
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


HOOKS = ("itaplan_atomic_hook", "itaplan_hook", "itaplan_data_hook", "itaplan_source_hook", "itaplan_search_hook",
         "itaplan_csp_hook")


def build_env(project: Path, compiled: bool = True) -> dict:
    """The environment of a build: the project's hooks importable; Python's compiled modules kept
    (`compiled`) as on a webmaster's machine, or not (PYTHONDONTWRITEBYTECODE=1)."""
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"), NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not compiled:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        for cache in (project / "hooks").rglob("__pycache__"):
            shutil.rmtree(cache)
    return env


def timed_build(project: Path) -> tuple[float, float, float]:
    """CPU seconds, wall seconds and peak memory (MiB) of one `mkdocs build --strict` in `project`."""
    env = build_env(project)
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


def compare(hooked: Path, plain: Path, repeat: int) -> tuple[list[tuple[float, float, float, float]], float]:
    """Median CPU time, fastest CPU time, median wall time and peak memory of each project's repeat
    builds, taken in turns; and the CPU time of the very first hooked build (cold: empty page and
    search caches), which is not counted among the repeat builds."""
    cold = timed_build(hooked)[0]
    timed_build(plain)  # the plain build's first run too, so both sides repeat from the same state
    runs: dict[Path, list] = {hooked: [], plain: []}
    for _ in range(repeat):
        for project in runs:
            runs[project].append(timed_build(project))
    return [(statistics.median(r[0] for r in runs[p]), min(r[0] for r in runs[p]),
             statistics.median(r[1] for r in runs[p]), max(r[2] for r in runs[p])) for p in (hooked, plain)], cold


def instructions(project: Path, compiled: bool = True) -> int:
    """Instructions one repeat `mkdocs build --strict` executes, its git processes included
    (valgrind --tool=cachegrind); a build before it warms the caches (and writes __pycache__)."""
    env = build_env(project, compiled)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, env=env,
                   check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as logs:
        subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
                        f"--log-file={logs}/%p.log", f"--cachegrind-out-file={logs}/%p.out",
                        sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project, env=env,
                       check=True, capture_output=True)
        total = 0
        for log in Path(logs).glob("*.log"):
            found = re.search(r"I\s+refs:\s+([\d,]+)", log.read_text(encoding="utf-8", errors="replace"))
            total += int(found.group(1).replace(",", "")) if found else 0
    return total


def without_hook(project: Path, hook: str, dest: Path) -> Path:
    """A copy of `project` whose mkdocs.yml leaves out one hook."""
    shutil.copytree(project, dest, symlinks=True)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = re.compile(rf"^  - hooks/{hook}\.py.*\n", re.M)
    assert line.search(text), f"{hook} not in {config}"
    config.write_text(line.sub("", text), encoding="utf-8")
    return dest


def instruction_counts(hooked: Path, plain: Path, work: Path) -> None:
    """Instructions of one repeat build: the plain build, the hooks, the hooks without each one."""
    if not shutil.which("valgrind"):
        print("  (valgrind is not installed: no instruction counts)")
        return
    base = instructions(plain)
    hooks = instructions(hooked)
    print(f"  instructions of one repeat build (valgrind; not disturbed by other work): plain {base / 1e9:.3f} G, "
          f"hooks {hooks / 1e9:.3f} G, ratio {hooks / base:.3f}")
    listed = 0
    for hook in HOOKS[::-1]:
        if hook == "itaplan_hook":
            continue  # the others need its pages and settings
        alone = instructions(without_hook(hooked, hook, work / f"{hooked.name}-without-{hook}"))
        listed += hooks - alone
        note = " (with MkDocs building the changes pages and feed it adds, which the plain build has too)" \
            if hook == "itaplan_data_hook" else ""
        print(f"    leaving out {hook:20s} saves {(hooks - alone) / 1e9:6.3f} G = {(hooks - alone) / base:5.1%} "
              f"of the plain build{note}")
    print(f"    the rest (itaplan_hook: the page cache, the pages added in memory) {(hooks - base - listed) / base:5.1%}")
    nocache = instructions(hooked, compiled=False)
    print(f"  with PYTHONDONTWRITEBYTECODE=1 (itaplan's modules compiled in every build): hooks {nocache / 1e9:.3f} G, "
          f"ratio {nocache / base:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10,99", help="numbers of fiscal years (default 1,10,99)")
    parser.add_argument("--repeat", type=int, default=5, help="repeat builds per variant (default 5)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions with valgrind, and what each hook costs (slow)")
    args = parser.parse_args()
    print("hooks s / ratio: a repeat build (caches warm, the usual case), median CPU seconds of --repeat builds\n"
          "(fastest in brackets); cold: the first build after a change of every page (validation, rendering\n"
          f"and Thai word cutting of all texts) against the same plain build. Budget 1.15x. Load now: {os.getloadavg()[0]:.1f}")
    print(f"{'years':>5} {'pages':>6} {'hooks s':>8} {'plain s':>8} {'ratio':>6} {'(fastest)':>9} {'cold s':>7} "
          f"{'cold ratio':>10} {'ms/page':>8} {'wall hooks':>10} {'wall plain':>10} {'hooks MiB':>9} {'plain MiB':>9}")
    with tempfile.TemporaryDirectory(prefix="itaplan-bench-") as tmp:
        for years in (int(s) for s in args.scales.split(",")):
            project = make_project(Path(tmp) / f"hooks-{years}", years)
            plain = make_plain(project, Path(tmp) / f"plain-{years}")
            pages = len(list((plain / "docs").rglob("*.md")))
            best, cold_s = compare(project, plain, args.repeat)
            (hooked_s, hooked_min, hooked_wall, hooked_mb), (plain_s, plain_min, plain_wall, plain_mb) = best
            print(f"{years:>5} {pages:>6} {hooked_s:>8.2f} {plain_s:>8.2f} {hooked_s / plain_s:>6.3f} "
                  f"{'(' + format(hooked_min / plain_min, '.3f') + ')':>9} {cold_s:>7.2f} {cold_s / plain_s:>10.2f} "
                  f"{1000 * hooked_s / pages:>8.1f} {hooked_wall:>10.2f} {plain_wall:>10.2f} "
                  f"{hooked_mb:>9.0f} {plain_mb:>9.0f}", flush=True)
            if args.instructions:
                instruction_counts(project, plain, Path(tmp))


if __name__ == "__main__":
    main()
