"""The changes page of each fiscal year and the Atom feed, cached by commit and content.

Each build walks Git once (`git log`); a repeat build with the same HEAD, plan data, settings
and core code reads the pages from .cache/itaplan and renders nothing.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from itaplan.history import changes, git_walk
from itaplan.history.feed import FEED, atom_feed
from itaplan.site import page_cache

FORMAT = 1


def _key(project: Path, settings: dict, years: list[int], site_url: str | None, title: str,
         cache_dir: Path | None = None) -> str | None:
    base = page_cache.fingerprint(project, settings, site_url, cache_dir)
    if base is None:
        return None
    state = git_walk.history_state(project)
    head = git_walk.head(project) if state == "full" else None
    return hashlib.sha256(json.dumps([FORMAT, base, state, head, years, title]).encode()).hexdigest()


def render_changes(per_year: dict[int, list[dict]], state: str, years: list[int], digits: str,
                   plan_data: str) -> dict[str, str]:
    """{'<fy>/changes.md': Markdown} for every year in `years`."""
    from itaplan.history.summary import file_title
    from itaplan.pages import paths as pages
    from itaplan.pages.render import _cached_env
    from itaplan.site.page_source import THAILAND
    from itaplan import thai

    env = _cached_env(digits)
    template = env.get_template("changes.md.j2")
    out = {}
    for year in years:
        commits = []
        for c in per_year.get(year, []):
            when = datetime.fromisoformat(c["date"]).astimezone(THAILAND)
            commits.append({**c, "anchor": f"c-{c['id'][:12]}", "iso": when.isoformat(timespec="seconds"),
                            "day": thai.short_date(when.date(), digits),
                            "time": thai.digits(when.strftime("%H:%M"), digits),
                            "files": [{**f, "title": file_title(f)} for f in c["files"]]})
        page = pages.changes_page(year)
        out[page] = template.render(page=page, fiscal_year=year, commits=commits, state=state, feed=FEED,
                                    source=f"{plan_data}/{year}/plan.yml", year_index=pages.year_index(year))
    return out


def history_files(project: Path, settings: dict, years: list[int], site_url: str | None, title: str,
                  cache_dir: Path | None) -> tuple[dict[str, str], str]:
    """({path relative to docs/: text} for the changes pages and feed.xml, history state)."""
    key = _key(project, settings, years, site_url, title, cache_dir) if cache_dir is not None else None
    if key is not None:
        stored = page_cache.load(cache_dir, f"history-{key}")
        if stored is not None:
            return stored["files"], stored["state"]
    plan_data = settings.get("plan_data", "plan_data")
    state, commits = changes.commit_changes(project, plan_data, cache_dir)
    per_year = changes.by_year(commits)
    files = render_changes(per_year, state, years, settings.get("digits", "thai"), plan_data)
    files[FEED] = atom_feed({y: c for y, c in per_year.items() if y in years}, title, site_url, state)
    if key is not None:
        page_cache.store(cache_dir, f"history-{key}", {"files": files, "state": state})
    return files, state
