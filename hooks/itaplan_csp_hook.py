"""MkDocs hook: a Content Security Policy on every page (logic in itaplan.site.csp).

After every other hook and plugin has written its files, and before the atomic hook moves the
finished site into place, every HTML file of the site (pages, 404.html, anything a hook wrote)
gets the site's policy as the first element of its <head>, with the hashes of the inline scripts
the pages really carry. A page that a strict policy would break (an inline event handler, a
javascript: link), or that carries a script, a style or a theme-like or repeated id inside what data
makes (article, navigation, header), stops the build with its file and line. Under `mkdocs serve`, whose live reload
adds an inline script of its own, inline scripts are allowed instead of hashed.
"""

from __future__ import annotations

import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from itaplan.site import csp

log = get_plugin_logger(__name__)
_state: dict = {}


def on_startup(command, dirty):
    _state["serve"] = command == "serve"


@event_priority(-900)  # after all that writes HTML (search hook: -100), before the atomic swap (-1000)
def on_post_build(config):
    start = time.perf_counter()
    try:
        report = csp.protect_site(Path(config.site_dir), development=bool(_state.get("serve")))
    except csp.PolicyError as error:
        raise PluginError(str(error)) from None
    log.info("itaplan: Content Security Policy on %d page(s), %d inline script(s) allowed by hash%s, in %d ms",
             report.pages, len(report.script_hashes),
             " (mkdocs serve: inline scripts allowed for live reload)" if _state.get("serve") else "",
             (time.perf_counter() - start) * 1000)
