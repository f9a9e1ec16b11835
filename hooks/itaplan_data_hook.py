"""MkDocs hook: the public history of changes to the plan data, from Git.

Runs after itaplan_hook (which adds each fiscal year's pages and open-data files): adds each
year's changes page (<fy>/changes/) and the Atom feed (feed.xml), which every page advertises
(hooks/theme/main.html). The logic, Git walk and caches are in itaplan.history.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from itaplan.history.pages import history_files

log = get_plugin_logger(__name__)
_YEAR_INDEX = re.compile(r"^(\d{4})/index\.md$")


def on_files(files, config):
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    cache_dir = None if os.environ.get("ITAPLAN_NO_CACHE") else project / ".cache" / "itaplan"
    years = sorted(int(m.group(1)) for f in files if (m := _YEAR_INDEX.match(f.src_uri)) and f.generated_by)
    settings = config.extra.get("itaplan") or {}  # validated by itaplan_hook, which runs first
    made, state = history_files(project, settings, years, config.site_url, config.site_name, cache_dir)
    if state != "full":
        log.info("itaplan: no full Git history (%s), so the changes pages say the history is absent", state)
    for src_uri, content in made.items():
        files.append(File.generated(config, src_uri, content=content))
    return files
