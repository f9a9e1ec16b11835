"""The preview a data-only pull request uploads (check.yml: `mkdocs build --no-directory-urls`) opens from a
downloaded folder: every page is a .html file and every link between pages names one."""

from __future__ import annotations

import re

import pytest

from conftest import mkdocs_build

pytestmark = pytest.mark.slow


def test_the_preview_build_links_html_files_that_exist(project):
    result = mkdocs_build(project, "--strict", "--no-directory-urls", "--site-dir", str(project / "preview"))
    assert result.returncode == 0, result.stderr
    preview = project / "preview"
    home = (preview / "index.html").read_text(encoding="utf-8")
    assert 'href="2569/index.html"' in home
    page = preview / "2569" / "indicator-01.html"
    text = page.read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"#:?]+\.html)"', text):
        assert (page.parent / href).resolve().is_file(), href
