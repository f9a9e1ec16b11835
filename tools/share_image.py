"""Draw the picture LINE and Facebook show beside a shared link (docs/assets/images/itaplan-share.png).

Run once after changing site_name or site_author in mkdocs.yml, then commit the PNG:
    python tools/share_image.py [--chromium PATH]
It lays the agency's name out in HTML with the site's own Sarabun font and lets headless Chromium
(through Playwright) take a 1200×630 screenshot, the size link previews use.
"""

from __future__ import annotations

import argparse
import html
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "images" / "itaplan-share.png"
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


def main() -> None:
    """Render the share picture from mkdocs.yml's site_author (or site_name) into docs/assets/images/."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="Chromium to drive")
    args = parser.parse_args()
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    agency = config.get("copyright") or config.get("site_author") or config["site_name"]
    source = OUT.parent / "_share.html"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fonts = (ROOT / "docs" / "assets" / "fonts" / "sarabun.css").as_uri()
    source.write_text(PAGE.format(fonts=fonts, agency=html.escape(agency)), encoding="utf-8")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1200, "height": 630})
            page.goto(source.as_uri(), wait_until="networkidle")
            page.evaluate("document.fonts.ready")
            page.screenshot(path=str(OUT))
            browser.close()
    finally:
        source.unlink()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
