"""MkDocs hook: replace the site folder only when the whole build succeeded.

Listed first under `hooks:` in mkdocs.yml. on_config points the build at a hidden folder beside
site/; on_post_build (after every other plugin) swaps it into place, unless this is a strict
build that logged warnings, which MkDocs is about to abort; on_build_error throws the unfinished
build away. `mkdocs serve` builds into its own temporary folder and is left alone. The logic
lives in itaplan.site.atomic_site.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger

from itaplan.site import atomic_site

log = get_plugin_logger(__name__)
_state: dict = {}


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def on_startup(command, dirty):
    _state.update(command=command, dirty=dirty)


@event_priority(100)
def on_config(config):
    _discard()
    site = Path(config.site_dir)
    if _state.get("command") == "serve" or _served(site):
        return config
    temp = atomic_site.prepare(site, keep_existing=bool(_state.get("dirty")))
    counter = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(counter)
    _state.update(site=site, temp=temp, counter=counter, strict=bool(config.strict))
    config.site_dir = str(temp)
    return config


@event_priority(-1000)
def on_post_build(config):
    if "temp" not in _state:
        return
    if _state["strict"] and _state["counter"].count:
        log.info("strict build with warnings: %s is left as it was", _state["site"])
        _discard()
        return
    atomic_site.publish(_state["temp"], _state["site"])
    config.site_dir = str(_state["site"])  # gh-deploy reads it after the build
    _state.pop("temp")
    _discard()


def on_build_error(error):
    _discard()


def _discard() -> None:
    """Throw away an unfinished build and stop counting warnings."""
    if "temp" in _state:
        atomic_site.discard(_state.pop("temp"))
    if "counter" in _state:
        logging.getLogger("mkdocs").removeHandler(_state.pop("counter"))


def _served(site: Path) -> bool:
    """`mkdocs serve` (also with --clean) builds into a fresh temporary mkdocs_* folder."""
    return site.parent.resolve() == Path(tempfile.gettempdir()).resolve() and site.name.startswith("mkdocs_")
