"""MkDocs hook: each page's "edit this page" link and its last-change date, from its source file.

Generated pages link to their plan data YAML (not to a Markdown file that does not exist) and are
dated by it; hand-written pages keep MkDocs' own edit link and are dated by their .md file. The
date comes from Git history, read once per build; the logic is in itaplan.site.page_source and git_dates.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from itaplan.site import git_dates
from itaplan.site import page_source

log = get_plugin_logger(__name__)
_state: dict = {"docs_dir": "docs", "digits": "thai", "dates": {}}


def on_config(config):
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    docs_dir = Path(os.path.relpath(config.docs_dir, project)).as_posix()
    settings = config.extra.get("itaplan") or {}  # validated by itaplan_hook, which runs first
    plan_data, digits = settings.get("plan_data", "plan_data"), settings.get("digits", "thai")
    history = git_dates.history_state(project)
    dates = git_dates.last_changed(project, [docs_dir, plan_data])
    if history == "shallow":
        log.info("itaplan: shallow Git clone, so pages show no last-change date (fetch the full history)")
    _state.update(docs_dir=docs_dir, digits=digits, dates=dates)
    return config


def on_page_context(context, page, config, nav):
    sources = page_source.source_files(page.meta, page.file.src_uri, _state["docs_dir"])
    if page.meta.get("itaplan_source"):
        page.edit_url = page_source.edit_url(config.repo_url, config.edit_uri, _state["docs_dir"], sources[0])
    when = git_dates.newest(_state["dates"], sources)
    if when is not None and not page.meta.get("revision_date"):
        page.meta["revision_date"] = page_source.updated_html(when, _state["digits"])
    return context
