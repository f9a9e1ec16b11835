"""Repeat build of a project full of progress photos: the build with itaplan's hooks against a plain build.

    python tests/benchmarks/bench_progress.py [--photos 3] [--repeat 3]

Writes a synthetic project in a temporary folder: the progress fixture (tests/fixtures/progress_plan/,
made-up reports, not the agency's) with a report for every indicator in both rounds, each carrying
--photos phone-sized photos (3000 × 4000 JPEG, about 3 MB, with EXIF camera data and a GPS position;
10 indicators × 2 rounds × 3 = 60 photos, ≈ 180 MB). Then it measures
  - cold: the first `mkdocs build` (every photo resized and stripped of its metadata);
  - repeat: `mkdocs build` again with nothing changed, the usual case for the webmaster;
  - edited: a build after one progress report's text changed (plan data loaded and validated again,
    photos taken from the photo cache);
  - plain: the same final Markdown and the same published files (prepared photos, PDFs) in a docs
    folder, built with the same mkdocs.yml and navigation but no hooks (as bench_scale.py does).
Times are the CPU time (user + system) of the build process, the fastest of --repeat runs taken in
turns, so other work on the machine disturbs them little. Budget: repeat ≤ 1.15 × plain.

Image work on a repeat build must be none. Shown three ways: the hook's log line "N photos prepared";
whether Pillow was imported in the build process at all (checked when it exits); and whether any file
of the photo cache was written (modification times before and after). Not a test: times vary with the
machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import ROOT, make_plain, timed_build  # noqa: E402 - also puts hooks/ on sys.path

from itaplan.pages import publish  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "progress_plan"
YEAR = 2569
ROUNDS = ("6-months", "12-months")
BUDGET = 1.15
PHOTO_LOG = re.compile(r"itaplan: (\d+) photos? prepared")
PROBE = ("import atexit, sys\n"
         "atexit.register(lambda: print('PIL imported:', 'PIL' in sys.modules, file=sys.stderr))\n"
         "from mkdocs.__main__ import cli\n"
         "sys.argv = ['mkdocs', 'build', '--strict']\n"
         "cli()\n")


def phone_photos(folder: Path, names: list[str]) -> int:
    """Write one distinct 3000 × 4000 JPEG per name, as a phone makes them (EXIF, GPS); total bytes."""
    from PIL import ExifTags, Image, ImageDraw

    noise = Image.merge("RGB", [Image.effect_noise((1500, 2000), 60) for _ in range(3)]).resize((3000, 4000))
    gradient = Image.linear_gradient("L").resize((3000, 4000))
    base = Image.blend(noise, Image.merge("RGB", (gradient, gradient.rotate(180), gradient)), 0.5)
    total = 0
    for number, name in enumerate(names):
        img = base.copy()
        draw = ImageDraw.Draw(img)
        draw.rectangle((200 + 20 * number, 600, 2600, 1800 + 10 * number), fill=(40 + 3 * number, 90, 160))
        draw.ellipse((900, 2200, 2100, 3400), fill=(250, 200 - 2 * number, 60))
        exif = img.getexif()
        exif[ExifTags.Base.Make] = "BenchPhone"
        exif[ExifTags.Base.Model] = "BP-12"
        exif[ExifTags.Base.DateTime] = "2026:03:15 10:%02d:00" % (number % 60)
        exif[ExifTags.Base.Orientation] = 1
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps[ExifTags.GPS.GPSLatitude] = (14.0, 35.0, 12.5)
        gps[ExifTags.GPS.GPSLongitudeRef] = "E"
        gps[ExifTags.GPS.GPSLongitude] = (100.0, 17.0, 30.0)
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        img.save(path, "JPEG", quality=80, exif=exif)
        total += path.stat().st_size
    return total


def make_project(dest: Path, photos_each: int) -> tuple[Path, int, int]:
    """The progress fixture as a project with a report for every indicator in both rounds, each with
    `photos_each` photos; returns (project, number of photos, their bytes)."""
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "hooks"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name,
                                                             **({"ignore": shutil.ignore_patterns("__pycache__")}
                                                                if src.is_dir() else {}))
    shutil.copytree(FIXTURE, dest / "plan_data", ignore=shutil.ignore_patterns("README.md"))
    shutil.copy2(ROOT / "plan_data" / "search_words.txt", dest / "plan_data" / "search_words.txt")
    year = dest / "plan_data" / str(YEAR)
    names = photo_reports(year, range(1, 11), photos_each)
    size = phone_photos(year / "evidence", names)
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="b@example.invalid")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "bench"]):
        subprocess.run(["git", *args], cwd=dest, env=env, check=True, capture_output=True)
    return dest, len(names), size


def photo_reports(year: Path, indicators, photos_each: int) -> list[str]:
    """Give the indicators a report in both rounds (the fixture's own where it has one) with `photos_each`
    more photo evidence items each; the photos' names under evidence/ (not written yet)."""
    names = []
    for round_id in ROUNDS:
        for number in indicators:
            path = year / "progress" / round_id / f"{number:02d}.yml"
            report = (yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else
                      {"indicator": number, "steps": [{"step": 1, "status": "ดำเนินการแล้ว"}],
                       "result": f"ดำเนินการตามมาตรการของตัวชี้วัดที่ {number} (ข้อมูลสมมุติสำหรับวัดความเร็ว)"})
            evidence = report.setdefault("evidence", [])
            for n in range(1, photos_each + 1):
                name = f"{round_id}/bench-{number:02d}-{n}.jpg"
                names.append(name)
                evidence.append({"title": f"ภาพกิจกรรมที่ {n} (ภาพสมมุติ)", "photo": name,
                                 "alt": f"ภาพสมมุติที่ {n} ของตัวชี้วัดที่ {number} รอบ {round_id}"})
            path.write_text(yaml.safe_dump(report, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return names


def with_published_files(project: Path, plain: Path) -> int:
    """Put the files the hooked site publishes (prepared photos, PDFs) into the plain docs; their count."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    site = publish.site_payload(project, config["extra"]["itaplan"])
    return len(publish.copy_files(project, site["evidence_files"], plain / "docs"))


def logged_build(project: Path) -> tuple[float, int | None, bool | None, str]:
    """One `mkdocs build --strict` through PROBE: CPU seconds, the photos the hook says it prepared,
    whether Pillow was imported, and the log."""
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"), NO_MKDOCS_2_WARNING="1")
    proc = subprocess.Popen([sys.executable, "-c", PROBE], cwd=project, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    log = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"build failed in {project}:\n{log}")
    prepared = PHOTO_LOG.search(log)
    pil = re.search(r"PIL imported: (True|False)", log)
    return (usage.ru_utime + usage.ru_stime, int(prepared.group(1)) if prepared else None,
            pil.group(1) == "True" if pil else None, log)


def cache_state(project: Path) -> dict[str, int]:
    """Modification time of every file of the photo cache."""
    folder = project / publish.PHOTO_CACHE
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} if folder.is_dir() else {}


def best_in_turns(projects: list[Path], repeat: int) -> list[float]:
    """The fastest CPU time of each project over `repeat` builds taken in turns."""
    runs: list[list[float]] = [[] for _ in projects]
    for _ in range(repeat):
        for times, project in zip(runs, projects):
            times.append(timed_build(project)[0])
    return [min(t) for t in runs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=3, help="photos per indicator per round (default 3)")
    parser.add_argument("--repeat", type=int, default=3, help="builds per variant; the fastest counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="itaplan-bench-progress-") as tmp:
        started = time.perf_counter()
        project, count, size = make_project(Path(tmp) / "hooks", args.photos)
        print(f"{count} photos, {size / 2**20:.0f} MiB (3000 × 4000 JPEG with EXIF), written in "
              f"{time.perf_counter() - started:.0f} s")
        cold_s, cold_prepared, _, _ = logged_build(project)
        plain = make_plain(project, Path(tmp) / "plain")
        published = with_published_files(project, plain)
        before = cache_state(project)
        repeat_s, plain_s = best_in_turns([project, plain], args.repeat)
        probe_s, probe_prepared, pil, _ = logged_build(project)
        after = cache_state(project)
        rewritten = sum(1 for name, mtime in after.items() if before.get(name) != mtime)
        report = project / "plan_data" / str(YEAR) / "progress" / "12-months" / "03.yml"
        edited_s = []
        for n in range(args.repeat):  # a different text each time: the pages cache misses every time
            report.write_text(report.read_text(encoding="utf-8").replace(
                "(ข้อมูลสมมุติสำหรับวัดความเร็ว", f"(ข้อมูลสมมุติสำหรับวัดความเร็ว แก้ไขครั้งที่ {n + 1}"),
                encoding="utf-8")
            edited_s.append(logged_build(project))
        edited_best = min(edited_s, key=lambda r: r[0])
    print(f"plain build: the same Markdown and {published} published files, no hooks\n")
    print(f"{'build':<34} {'CPU s':>7} {'× plain':>8} {'photos prepared':>16} {'Pillow imported':>16}")
    print(f"{'plain (no hooks)':<34} {plain_s:>7.2f} {1:>8.2f} {'-':>16} {'-':>16}")
    print(f"{'cold (first build)':<34} {cold_s:>7.2f} {cold_s / plain_s:>8.2f} {cold_prepared!s:>16} {'yes':>16}")
    print(f"{'repeat (nothing changed)':<34} {repeat_s:>7.2f} {repeat_s / plain_s:>8.2f} {probe_prepared!s:>16} "
          f"{'yes' if pil else 'no':>16}")
    print(f"{'edited (one report changed)':<34} {edited_best[0]:>7.2f} {edited_best[0] / plain_s:>8.2f} "
          f"{edited_best[1]!s:>16} {'yes' if edited_best[2] else 'no':>16}")
    print(f"\nrepeat / plain = {repeat_s / plain_s:.3f}  (budget ≤ {BUDGET}: "
          f"{'within' if repeat_s / plain_s <= BUDGET else 'OVER'})")
    print(f"photo cache files rewritten by the repeat builds: {rewritten} of {len(after)}")
    print(f"image work on a repeat build: {probe_prepared} photos prepared, Pillow "
          f"{'imported' if pil else 'not imported'}, {rewritten} cache files written")


if __name__ == "__main__":
    main()
