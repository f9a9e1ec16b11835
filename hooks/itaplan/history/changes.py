"""The change entries of every fiscal year, from one Git walk, cached by commit id.

A commit never changes, so its field changes are computed once (one `git cat-file --batch` for
all blobs not yet seen) and kept in .cache/itaplan/history-changes.json.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from itaplan.history import git_walk
from itaplan.history.sources import Source, classify as _classify, file_change

FORMAT = 6  # 2: control characters removed from commit subjects; 3: progress reports and evidence files too;
#           4: the indicator's name as its file writes it; 5: subjects read and cleaned as plain text; 6: a report's,
#           a round's and the agency's fields named in Thai (not 'evidence.2.title')
CACHE_FILE = "history-changes.json"


def classify(path: str, plan_data: str) -> Source | None:
    """What a plan data path is, if it belongs to a fiscal year (the changes pages are per year)."""
    source = _classify(path, plan_data)
    return source if source is not None and source.fiscal_year is not None else None


def _load_cache(cache_dir: Path | None) -> dict:
    if cache_dir is None:
        return {}
    try:
        data = json.loads((cache_dir / CACHE_FILE).read_text(encoding="utf-8"))
        return data["commits"] if data.get("format") == FORMAT else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _store_cache(cache_dir: Path | None, commits: dict) -> None:
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".history-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({"format": FORMAT, "commits": commits}, out, ensure_ascii=False)
        os.replace(tmp, cache_dir / CACHE_FILE)
    except OSError:
        pass


def commit_changes(project: Path, plan_data: str, cache_dir: Path | None) -> tuple[str, list[dict]]:
    """(history state, commits newest first), each commit
    {id, date, subject, files: [{path, fiscal_year, indicator, kind, fields: [...]}]}.

    The state is 'full', 'shallow' or 'none'; only 'full' has commits.
    """
    state = git_walk.history_state(project)
    if state != "full":
        return state, []
    walked = git_walk.walk(project, plan_data)
    cache = _load_cache(cache_dir)
    todo = [c for c in walked if c.id not in cache]
    if todo:
        wanted = sorted({b for c in todo for f in c.files for b in (f.old_blob, f.new_blob)
                         if b and (where := classify(f.path, plan_data)) and where.has_fields})
        blobs = git_walk.read_blobs(project, wanted)
        for c in todo:
            files = []
            for f in c.files:
                where = classify(f.path, plan_data)
                if where is None:
                    continue
                kind = "added" if f.old_blob is None else "deleted" if f.new_blob is None else "modified"
                change = file_change(f.path, where, blobs.get(f.old_blob) if f.old_blob else None,
                                     blobs.get(f.new_blob) if f.new_blob else None, kind=kind)
                if change is not None:  # None: only comments or layout changed
                    files.append(change)
            cache[c.id] = {"id": c.id, "date": c.date, "subject": c.subject, "files": files}
        _store_cache(cache_dir, cache)
    return state, [cache[c.id] for c in walked if cache[c.id]["files"]]


def by_year(commits: list[dict]) -> dict[int, list[dict]]:
    """{fiscal year: commits (newest first) with only that year's files}."""
    out: dict[int, list[dict]] = {}
    for c in commits:
        years = sorted({f["fiscal_year"] for f in c["files"]})
        for y in years:
            out.setdefault(y, []).append({**c, "files": [f for f in c["files"] if f["fiscal_year"] == y]})
    return out
