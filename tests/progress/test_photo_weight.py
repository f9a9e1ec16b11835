"""Photo weight at the door: `itaplan check` warns, Thai first, with the report file and the line of the
`photo:` entry, about an evidence photo above the documented size, says how to shrink it, and still passes.
The reports are the made-up fixture of tests/fixtures/progress_plan."""

from __future__ import annotations

import io
import re

from PIL import Image

from conftest import itaplan
from itaplan.progress.photo_weight import WARN_BYTES
from progress_fixture import fixture_project


def big_jpeg(min_bytes: int) -> bytes:
    """A noisy photo-sized JPEG of at least `min_bytes` (noise does not compress)."""
    side = 1200
    while True:
        noise = Image.merge("RGB", [Image.effect_noise((side, side), 90) for _ in range(3)])
        out = io.BytesIO()
        noise.save(out, "JPEG", quality=95)
        if out.tell() >= min_bytes:
            return out.getvalue()
        side += 400


def test_a_heavy_photo_is_warned_about_with_its_report_line_and_the_check_passes(tmp_path):
    project = fixture_project(tmp_path / "project")
    photo = project / "plan_data" / "2569" / "evidence" / "6-months" / "training-01.jpg"
    photo.write_bytes(big_jpeg(WARN_BYTES + 200_000))
    report = project / "plan_data" / "2569" / "progress" / "6-months" / "01.yml"
    line = report.read_text(encoding="utf-8").splitlines().index("  photo: 6-months/training-01.jpg") + 1

    result = itaplan(project, "check")
    assert result.returncode == 0, result.stderr
    assert f"plan_data/2569/progress/6-months/01.yml:{line}: ภาพ '6-months/training-01.jpg' ใหญ่ " in result.stderr
    assert "เกิน 1 MB" in result.stderr and "1600 พิกเซล" in result.stderr and "squoosh.app" in result.stderr
    warning = [w for w in result.stderr.splitlines() if "training-01.jpg" in w][0]
    assert warning.index("ภาพ") < warning.index("the photo is")  # Thai first

    github = itaplan(project, "check", "--format", "github")
    assert github.returncode == 0
    (annotation,) = [w for w in github.stdout.splitlines() if w.startswith("::warning") and "photo" in w]
    assert re.match(rf"::warning file=plan_data/2569/progress/6-months/01\.yml,line={line},title=", annotation)


def test_photos_under_the_size_give_no_warning(tmp_path):
    project = fixture_project(tmp_path / "project")
    result = itaplan(project, "check")
    assert result.returncode == 0, result.stderr
    assert "ใหญ่เกิน" not in result.stderr and "ภาพหลักฐาน" not in result.stderr
