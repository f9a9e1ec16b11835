"""The built site publishes evidence photos with no metadata at all: a phone photo carrying EXIF GPS, a camera
serial, maker notes, a thumbnail, XMP and a colour profile comes out of `mkdocs build` as pixels only."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from conftest import ROOT, copy_project, mkdocs_build
from photo_fixtures import SECRETS, latitude_bytes, phone_photo


@pytest.mark.slow
def test_built_site_publishes_the_photo_without_metadata(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "plan_data")
    shutil.copytree(ROOT / "tests" / "fixtures" / "progress_plan", project / "plan_data")
    source = phone_photo(project / "plan_data" / "2569" / "evidence" / "6-months" / "training-01.jpg",
                         size=(3000, 2000), orientation=6)
    assert SECRETS[0] in source.read_bytes()
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    published = sorted((project / "site").rglob("training-01.*"))
    assert published, "the photo is published"
    for path in published:
        data = path.read_bytes()
        for secret in (*SECRETS, latitude_bytes(), b"Exif\0", b"ICC_PROFILE", b"http://ns.adobe.com/xap"):
            assert secret not in data, f"{secret!r} in {path}"
        img = Image.open(path)
        assert not img.getexif() and "icc_profile" not in img.info and "xmp" not in img.info
        assert img.size == (1067, 1600), "upright and at most 1600 px"
    pages = [p for p in (project / "site").rglob("*.html") if "training-01" in p.read_text(encoding="utf-8")]
    assert pages, "a page links or shows the photo"
