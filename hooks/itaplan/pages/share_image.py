"""Draw the picture LINE and Facebook show beside a shared link (docs/assets/images/itaplan-share.png).

Run once after changing the agency's name (copyright, site_author or site_name in mkdocs.yml),
then commit the PNG:
    itaplan share-image [--chromium PATH]
Needs Playwright (requirements-dev.txt) and a Chromium.
It lays the agency's name out in HTML with the site's own Sarabun font and lets headless Chromium
(through Playwright) take a 1200×630 screenshot, the size link previews use.
"""

from __future__ import annotations

import argparse
import html
from pathlib import Path

import yaml

OUT = Path("docs") / "assets" / "images" / "itaplan-share.png"
PAGE = """<!doctype html><html lang="th"><head><meta charset="utf-8">
<link rel="stylesheet" href="{fonts}"><style>
body {{ margin: 0; width: 1200px; height: 630px; font-family: Sarabun, sans-serif; color: #fff;
  background: #1a237e; display: flex; flex-direction: column; justify-content: center; padding: 0 90px;
  box-sizing: border-box; border-bottom: 24px solid #ffb300; }}
.kicker {{ font-size: 40px; font-weight: 700; letter-spacing: 2px; color: #ffe082; }}
h1 {{ font-size: 66px; line-height: 1.35; margin: 18px 0 28px; font-weight: 700; }}
p {{ font-size: 38px; line-height: 1.5; margin: 0; }}
</style></head><body>
<div class="kicker">ITA · คุณธรรมและความโปร่งใส</div>
<h1>ผลการวิเคราะห์และมาตรการ<br>ปรับปรุงการดำเนินงาน</h1>
<p>{agency}</p>
</body></html>"""


def draw(project: Path, chromium: str) -> Path:
    """Render the share picture from mkdocs.yml's copyright / site_author / site_name; returns its path."""
    from playwright.sync_api import sync_playwright  # a development tool: only this command needs it

    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    agency = config.get("copyright") or config.get("site_author") or config["site_name"]
    out = project / OUT
    source = out.parent / "_share.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    fonts = (project / "docs" / "assets" / "fonts" / "sarabun.css").resolve().as_uri()
    source.write_text(PAGE.format(fonts=fonts, agency=html.escape(agency)), encoding="utf-8")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 630})
            page.goto(source.resolve().as_uri(), wait_until="networkidle")
            page.evaluate("document.fonts.ready")
            page.screenshot(path=str(out))
            browser.close()
    finally:
        source.unlink()
    return out


def register(sub, common: argparse.ArgumentParser) -> None:
    """Add `itaplan share-image` to the command line."""
    cmd = sub.add_parser("share-image", parents=[common],
                         help="วาดภาพตัวอย่างลิงก์ใหม่ (docs/assets/images/itaplan-share.png) "
                              "— redraw the link-preview picture")
    cmd.add_argument("--chromium", default="/usr/bin/chromium", help="โปรแกรม Chromium ที่ใช้ — Chromium to drive")
    cmd.set_defaults(func=lambda args: print(f"wrote {draw(args.config.parent, args.chromium)}") or 0)
