"""Keep the generated pages of unchanged plan data, so a repeat build skips validation and rendering.

The key is a hash of everything the pages come from: the plan data files, the site settings and
the core's own code and templates. A hit costs reading the files once and one JSON file (evidence
files, often megabytes of photos, are not read again while unchanged: their digests are remembered,
see itaplan.file_digests); a miss
builds as usual (importing pydantic only then) and stores the result. This module uses only the
standard library, so a hit never imports the validator.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from itaplan.file_digests import file_sha256

CORE = Path(__file__).resolve().parents[1]  # the whole itaplan package: code and templates
FORMAT = 3
KEEP = 4
MAX_FILE = 512 * 1024
EVIDENCE_DIR = "evidence"
"""plan_data/<year>/evidence/ holds PDFs and photos far larger than MAX_FILE: hashed by streaming instead,
and only when changed since the last build."""
DIGESTS = "file-digests.json"
"""The memo of evidence digests, in the cache folder."""


def fingerprint(project: Path, raw_settings: Any, site_url: str | None = None,
                cache_dir: Path | None = None) -> str | None:
    """Content hash of the inputs of the generated pages; None when they cannot be hashed safely.

    With `cache_dir`, evidence files unchanged since an earlier build are not read again."""
    memo = cache_dir / DIGESTS if cache_dir is not None else None
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{site_url}\0".encode())
    digest.update(json.dumps(raw_settings, sort_keys=True, default=repr).encode())
    plan_data = raw_settings.get("plan_data", "plan_data") if isinstance(raw_settings, dict) else "plan_data"
    if not isinstance(plan_data, str):
        return None
    for base in (CORE, project / plan_data):
        if not base.is_dir():
            return None
        for path in sorted(base.rglob("*")):
            if "__pycache__" in path.parts or path.is_dir():
                continue
            rel = path.relative_to(base)
            if base != CORE and len(rel.parts) > 2 and rel.parts[1] == EVIDENCE_DIR:
                if path.is_symlink() or not path.is_file():
                    return None  # the evidence check reports it
                digest.update(os.fsencode(rel.as_posix()) + b"\0" + file_sha256(path, memo).encode() + b"\0")
                continue
            if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_FILE:
                return None  # let the loader judge (and report) such a file
            digest.update(os.fsencode(rel.as_posix()) + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _files_present(project: Path, payload: dict) -> bool:
    """Whether every file the payload publishes (evidence, prepared photos) is still there; a photo
    cache that was cleared means preparing the photos again."""
    return all((project / item["source"]).is_file() for item in payload.get("evidence_files", []))


def load(cache_dir: Path, key: str) -> dict | None:
    """The payload stored under `key`, or None."""
    try:
        return json.loads((cache_dir / f"pages-{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(cache_dir: Path, key: str, payload: dict) -> None:
    """Write the payload atomically and keep only the few newest entries; a cache that cannot be
    written is no error (the next build just rebuilds)."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".pages-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(payload, out, ensure_ascii=False)
        os.replace(tmp, cache_dir / f"pages-{key}.json")
        entries = sorted(cache_dir.glob("pages-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def cached_site(project: Path, raw_settings: Any, cache_dir: Path | None,
                site_url: str | None = None) -> tuple[dict, bool]:
    """The site payload (see publish.site_payload) for `project`, and whether it came from the cache.

    Raises PlanDataError on bad plan data or settings, exactly as an uncached build does.
    """
    key = fingerprint(project, raw_settings, site_url, cache_dir) if cache_dir is not None else None
    if key is not None:
        payload = load(cache_dir, key)
        if payload is not None and _files_present(project, payload):
            return payload, True
    from itaplan.pages.publish import site_payload  # the validator is imported only when something changed

    payload = site_payload(project, raw_settings, site_url)
    if key is not None:
        store(cache_dir, key, payload)
    return payload, False
