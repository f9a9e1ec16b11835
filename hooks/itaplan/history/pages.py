"""The changes page of each fiscal year and the Atom feed, cached by commit and content.

Each build walks Git once (`git log`); a repeat build with the same HEAD, plan data, settings
and core code reads the pages from .cache/itaplan and renders nothing.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path

from markupsafe import Markup

from typing import TYPE_CHECKING

from itaplan.history import FEED, git_walk
from itaplan.site import page_cache

if TYPE_CHECKING:
    from itaplan.history import words
# The rest of history/ (the walk, the diff, the word cutting, the feed) is imported when the pages are made:
# a repeat build with the same HEAD and content reads them from the cache and loads none of it.

FORMAT = 5  # 2: progress reports and evidence files; words that changed marked; 3: a Thai summary of each
#           change from its data, the commit message only when it is Thai (page and feed); 4: no space after the verb (แก้ไขตัวชี้วัดที่ …); 5: a space
#           removed or added is shown as wide as a letter


def _key(project: Path, settings: dict, years: list[int], site_url: str | None, title: str,
         cache_dir: Path | None = None) -> str | None:
    base = page_cache.fingerprint(project, settings, site_url, cache_dir)
    if base is None:
        return None
    state = git_walk.history_state(project)
    head = git_walk.head(project) if state == "full" else None
    return hashlib.sha256(json.dumps([FORMAT, base, state, head, years, title]).encode()).hexdigest()


def marked_cells(old: str | None, new: str | None) -> tuple[Markup, Markup] | None:
    """The old and the new value as page Markdown with the words removed and added marked (<del>, <ins>,
    each with a Thai word for screen readers and a line through or under it, not colour alone);
    None when the change reads better whole (short values, texts rewritten throughout)."""
    from itaplan.history import words

    if not words.worth_marking(old, new):
        return None
    pieces = words.word_diff(old or "", new or "")
    return (Markup("".join(_marked(p) for p in pieces if p.op != "ins")),
            Markup("".join(_marked(p) for p in pieces if p.op != "del")))


def _marked(piece: "words.Piece") -> str:
    from itaplan.pages.render import md_text

    text = piece.text
    escaped = (" " if text[:1].isspace() else "") + md_text(text) + (" " if text[-1:].isspace() and text.strip() else "")
    if piece.op == "same":
        return escaped
    tag, cue = ("del", "ลบ") if piece.op == "del" else ("ins", "เพิ่ม")
    if not text.strip():  # a space alone (a Word wrap mended): say so, or a screen reader hears "ลบ" and nothing
        # … and show it: a struck-through space is a sliver; the class gives it the width of a letter
        return (f'<{tag} class="itaplan-diff itaplan-diff-space"><span class="itaplan-diff-cue">[{cue}ช่องว่าง]</span> </{tag}>')
    return (f'<{tag} class="itaplan-diff"><span class="itaplan-diff-cue">[{cue}: </span>{escaped}'
            f'<span class="itaplan-diff-cue">]</span></{tag}>')


def render_changes(per_year: dict[int, list[dict]], state: str, years: list[int], digits: str,
                   plan_data: str, round_names: dict[str, str] | None = None,
                   names: dict[tuple[int, int], str] | None = None) -> dict[str, str]:
    """{'<fy>/changes.md': Markdown} for every year in `years` (`names`: the indicators' current names, for
    the titles of report changes)."""
    from itaplan.history.sources import with_names
    from itaplan.history.summary import change_summary, file_title, thai_note
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
            named = {**c, "files": with_names(c["files"], names or {})}
            commits.append({**c, "summary": change_summary(named, round_names, digits),
                            "note": thai_note(c["subject"]), "anchor": f"c-{c['id'][:12]}", "iso": when.isoformat(timespec="seconds"),
                            "day": thai.short_date(when.date(), digits),
                            "time": thai.digits(when.strftime("%H:%M"), digits),
                            "files": [{**f, "title": file_title(f, round_names),
                                       "fields": [{**ch, "marked": marked_cells(ch["old"], ch["new"])}
                                                  for ch in f["fields"]]} for f in named["files"]]})
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
    from itaplan.history import changes
    from itaplan.history.feed import atom_feed

    state, commits = changes.commit_changes(project, plan_data, cache_dir)
    per_year = changes.by_year(commits)
    round_names = {r["id"]: r["name"] for r in settings.get("rounds") or () if isinstance(r, dict)} or None
    from itaplan.history.sources import indicator_names

    names = indicator_names(project, plan_data)
    files = render_changes(per_year, state, years, settings.get("digits", "thai"), plan_data, round_names, names)
    files[FEED] = atom_feed({y: c for y, c in per_year.items() if y in years}, title, site_url, state,
                            round_names=round_names, names=names, digits=settings.get("digits", "thai"))
    if key is not None:
        page_cache.store(cache_dir, f"history-{key}", {"files": files, "state": state})
    return files, state
