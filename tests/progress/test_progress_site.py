"""The progress fixture built by MkDocs (--strict) and by the core alone: evidence and signed PDFs are
published, photos come out without metadata, search finds report text, the home page links the
latest report, and a repeat build does no image work."""

from __future__ import annotations

import io
import json
import sys

import pytest
from PIL import Image

from conftest import itaplan, mkdocs_build, run
from htmlutil import content_text
from progress_fixture import fixture_project

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = fixture_project(tmp_path_factory.mktemp("progress") / "project")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project


def test_evidence_and_signed_pdfs_are_published(project):
    site = project / "site" / "2569" / "evidence"
    for rel in ("signed/plan-2569.pdf", "signed/report-6-months.pdf", "6-months/order-01.pdf",
                "12-months/manual.pdf"):
        assert (site / rel).read_bytes() == (project / "plan_data/2569/evidence" / rel).read_bytes()
    assert (site / "6-months/training-01.jpg").is_file() and (site / "12-months/board.png").is_file()


def test_a_photo_with_exif_gps_comes_out_without_any_metadata(project):
    source = (project / "plan_data/2569/evidence/6-months/training-01.jpg").read_bytes()
    assert b"SERIAL-123456" in source  # the fixture does carry it
    published = (project / "site/2569/evidence/6-months/training-01.jpg").read_bytes()
    for secret in (b"Exif", b"SERIAL-123456", b"FixtureCam", b"secret-description", b"GPS"):
        assert secret not in published
    with Image.open(io.BytesIO(published)) as img:
        assert not img.getexif() and "exif" not in img.info and "icc_profile" not in img.info
        assert max(img.size) == 1600


def test_the_indicator_page_shows_the_photo_lazily_with_its_size_and_alt(project):
    html = (project / "site/2569/indicator-01/index.html").read_text(encoding="utf-8")
    assert ('<img alt="เจ้าหน้าที่ประชุมชี้แจงการจัดทำคู่มือในห้องประชุมเทศบาล" decoding="async" height="1067" '
            'loading="lazy" src="../evidence/6-months/training-01.jpg" width="1600"') in html
    text = content_text(project / "site/2569/indicator-01/index.html")
    assert "คู่มือการปฏิบัติงาน ฉบับปรับปรุง ๒๕๖๙ (PDF, ๖๐๒ ไบต์)" in text


def test_search_finds_report_text(project):
    index = json.loads((project / "site/search/search_index.json").read_text(encoding="utf-8"))

    def found(word):
        return {doc["location"].split("#")[0] for doc in index["docs"]
                if word in doc["text"].replace("\u200b", "")}

    assert "2569/indicator-01/" in found("ผ่านการทดสอบความเข้าใจ")  # the 12-month result of indicator 1
    assert {"2569/indicator-04/", "2569/report-12-months/"} <= found("แนวปฏิบัติการยืมทรัพย์สิน")
    assert "2569/report-12-months-print/" not in found("แนวปฏิบัติการยืมทรัพย์สิน")  # print views are not indexed


def test_home_and_year_link_the_latest_report_and_signed_documents(project):
    home = content_text(project / "site/index.html")
    assert "รายงานล่าสุด: รายงานผลการดำเนินการตามมาตรการ ปีงบประมาณ ๒๕๖๙ รอบ ๑๒ เดือน" in home
    html = (project / "site/index.html").read_text(encoding="utf-8")
    assert 'href="2569/report-12-months/"' in html
    year = (project / "site/2569/index.html").read_text(encoding="utf-8")
    assert 'href="evidence/signed/plan-2569.pdf"' in year and 'href="report-6-months/"' in year
    report = content_text(project / "site/2569/report-6-months/index.html")
    assert "รายงานฉบับลงนาม (PDF, ๖๑๑ ไบต์)" in report


def test_a_repeat_build_is_cached_and_opens_no_image(project):
    photos = project / ".cache/itaplan/photos"
    before = {p.name: p.stat().st_mtime_ns for p in photos.iterdir()}
    probe = ("import sys; import itaplan.progress.photos as ph; "
             "ph._process = lambda *a: sys.exit('an image was processed'); "
             "from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build', '--strict']; cli()")
    result = run([sys.executable, "-c", probe], cwd=project)
    assert result.returncode == 0, result.stderr
    assert "[cached]" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in photos.iterdir()} == before
    assert (project / "site/2569/evidence/6-months/training-01.jpg").is_file()


def probed_build(project):
    """`mkdocs build --strict` whose stderr ends with whether Pillow and pydantic were imported in the build process."""
    probe = ("import atexit, sys; "
             "atexit.register(lambda: print('PIL imported:', 'PIL' in sys.modules, file=sys.stderr)); "
             "atexit.register(lambda: print('pydantic imported:', 'pydantic' in sys.modules, file=sys.stderr)); "
             "from mkdocs.__main__ import cli; sys.argv = ['mkdocs', 'build', '--strict']; cli()")
    result = run([sys.executable, "-c", probe], cwd=project)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_the_build_log_counts_image_work_and_a_repeat_or_edited_build_does_none(project):
    import shutil
    shutil.rmtree(project / ".cache/itaplan/photos")
    first = probed_build(project)
    assert "itaplan: 2 photos prepared" in first and "PIL imported: True" in first
    repeat = probed_build(project)
    assert "itaplan: 0 photos prepared" in repeat and "[cached]" in repeat
    assert "PIL imported: False" in repeat
    assert "pydantic imported: False" in repeat  # nothing validated again: the fixed cost of a repeat build stays low
    report = project / "plan_data/2569/progress/12-months/02.yml"
    original = report.read_text(encoding="utf-8")
    report.write_text(original.replace("เผยแพร่แผนการใช้จ่าย", "เผยแพร่แผนการใช้จ่ายฉบับแก้ไข"), encoding="utf-8")
    try:
        edited = probed_build(project)  # plan data validated again; photos unchanged, so not even read
    finally:
        report.write_text(original, encoding="utf-8")
    assert "[cached]" not in edited and "itaplan: 0 photos prepared" in edited
    assert "PIL imported: False" in edited
    assert "เผยแพร่แผนการใช้จ่ายฉบับแก้ไข" in content_text(project / "site/2569/indicator-02/index.html")


def test_a_cleared_photo_cache_prepares_the_photos_again(project):
    import shutil
    shutil.rmtree(project / ".cache/itaplan/photos")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    assert "[cached]" not in result.stderr
    assert (project / "site/2569/evidence/6-months/training-01.jpg").is_file()


def test_the_core_alone_writes_pages_and_copies_evidence(project, tmp_path):
    out = tmp_path / "out"
    result = itaplan(project, "pages", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "6 evidence files" in result.stdout
    assert (out / "2569/evidence/signed/plan-2569.pdf").is_file()
    assert b"GPS" not in (out / "2569/evidence/6-months/training-01.jpg").read_bytes()
    assert (out / "2569/report-12-months.md").is_file() and (out / "2569/units/kongkhlang.md").is_file()


def test_itaplan_check_reports_progress_problems(project):
    path = project / "plan_data/2569/progress/6-months/03.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("result: ประกาศ", "result: <script>ประกาศ"), encoding="utf-8")
    try:
        result = itaplan(project, "check")
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode == 1
    assert "plan_data/2569/progress/6-months/03.yml:11: ช่องผลการดำเนินการ (result): มีโค้ด HTML" in result.stderr
    assert "Traceback" not in result.stderr
