"""Browser-test helpers: serve a built site on 127.0.0.1, drive headless Chromium through Playwright.

Test modules import the fixtures they use (`from browser import chromium, site_url`). When the
environment variable CI is set, a missing Chromium or Playwright fails the test; on a developer's
machine without them, browser tests are skipped.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("ITAPLAN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"


def missing(what: str) -> None:
    """Fail under CI, skip elsewhere: a browser test never passes silently without a browser."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI must run the browser tests (run .ci/setup)")
    pytest.skip(f"{what} is missing (run .ci/setup)")


def chromium_path() -> str:
    """The Chromium binary to drive, or fail/skip as `missing` says."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        missing(f"Chromium ({CHROMIUM})")
    return CHROMIUM


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: under a path prefix (/<repository>/), text gzipped."""

    prefix = "/"
    compressible = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.compressible
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "does-not-exist")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        pass


def site_prefix(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """The path part of mkdocs.yml's site_url ('/itaplan/'), where the built site expects to live."""
    import yaml
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    path = urlparse(config.get("site_url") or "/").path or "/"
    return path if path.endswith("/") else path + "/"


@contextmanager
def serve(site_dir: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `site_dir` over http on 127.0.0.1 and a free port under `prefix`; yields the base URL."""
    handler = functools.partial(type("Handler", (_Handler,), {"prefix": prefix}), directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def site_pages(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths relative to the site root ('' is the home)."""
    out = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """The real built site, served over http for the whole session."""
    with serve(built_site, site_prefix()) as url:
        yield url


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator:
    """Playwright itself, started once for the session (it allows one driver per thread)."""
    chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("Playwright (python package)")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def chromium(playwright_driver) -> Iterator:
    """One headless Chromium for the session, launched through Playwright."""
    browser = playwright_driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


# Text at 200 %: the browser's own text-size setting (chrome://settings/fonts, what a reader changes),
# twice the default of 16 px. Set in the profile rather than through DevTools, because Playwright's
# full-page screenshots reset what DevTools set; it enlarges text in rem and em and moves Material's
# em breakpoints as a real browser does, and leaves px sizes alone.
LARGE_TEXT_PX = 32


@pytest.fixture(scope="session")
def large_text(playwright_driver, tmp_path_factory) -> Iterator:
    """A Chromium browser context at phone size whose default text size is 200 %; `.new_page()` on it."""
    profile = tmp_path_factory.mktemp("large-text-profile")
    (profile / "Default").mkdir()
    prefs = {"webkit": {"webprefs": {"default_font_size": LARGE_TEXT_PX, "default_fixed_font_size": 26}}}
    (profile / "Default" / "Preferences").write_text(json.dumps(prefs), encoding="utf-8")
    context = playwright_driver.chromium.launch_persistent_context(
        str(profile), executable_path=chromium_path(), args=CHROMIUM_ARGS, viewport=PHONE)
    yield context
    context.close()


# Chromium's automatic dark mode, as Chrome for Android ("darken websites") and Samsung Internet apply
# it to pages that do not declare a dark scheme of their own.
FORCED_DARK_ARGS = ["--blink-settings=forceDarkModeEnabled=true"]


@pytest.fixture(scope="session")
def forced_dark(playwright_driver) -> Iterator:
    """A second headless Chromium with the automatic dark mode on."""
    browser = playwright_driver.chromium.launch(executable_path=chromium_path(),
                                                args=CHROMIUM_ARGS + FORCED_DARK_ARGS)
    yield browser
    browser.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot into tests/artifacts/ (git-ignored) for people to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    return target


def first_load(browser, url: str, viewport: dict = PHONE) -> list[tuple[str, int]]:
    """Open `url` in a fresh context (empty cache) and list every response: (URL, uncompressed bytes).

    Requests to any host are recorded; the page is left until the network is idle, so files
    fetched by scripts and workers after load count too.
    """
    context = browser.new_context(viewport=viewport)
    seen: list = []
    context.on("requestfinished", lambda request: seen.append(request))
    context.on("requestfailed", lambda request: seen.append(request))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    out = []
    for request in seen:
        response = request.response() if request.failure is None else None
        size = len(response.body()) if response is not None and request.method == "GET" else 0
        out.append((request.url, size))
    context.close()
    return out


AXE = ROOT / ".ci" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@functools.lru_cache(maxsize=1)
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_violations(page) -> list[str]:
    """Run axe-core's WCAG 2.1 A and AA rules on the open page; one line per violation and element."""
    if not AXE.is_file():
        missing("axe-core (installed into .ci/npm by .ci/setup)")
    # Evaluated through DevTools rather than added as a <script>: the site's Content Security Policy
    # (rightly) refuses inline scripts it does not know.
    page.evaluate(_axe_source())
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [f"{v['id']}: {v['help']} — {node['target']} {node.get('failureSummary', '')!r}"
            for v in result["violations"] for node in v["nodes"]]
