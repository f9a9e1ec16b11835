"""Publish a site folder all at once: build beside it, then swap it into place.

A build that fails half-way (bad data, a template error, warnings in strict mode, a crashing
plugin) must leave the last good site whole. So the build writes into a hidden sibling folder
(same file system, so a rename moves it at once) and only a finished build replaces the site:

    prepare(site)  -> site/../.site.building-<pid>-<random>/   (a copy of site/ for --dirty)
    publish(temp, site)   site -> .site.old-…, temp -> site, remove the old one
    discard(temp)         remove the unfinished build

Between the two renames of `publish` the site folder is missing for a moment (microseconds);
it is never half-written. Leftovers of a killed build are removed by the next `prepare`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

_BUILDING = ".building-"
_OLD = ".old-"


def _prefix(site: Path, kind: str) -> str:
    return f".{site.name}{kind}{os.getpid()}-"


def prepare(site: Path, *, keep_existing: bool = False) -> Path:
    """A new empty folder beside `site` to build into (with a copy of `site` if `keep_existing`)."""
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site)
    temp = Path(tempfile.mkdtemp(prefix=_prefix(site, _BUILDING), dir=site.parent))
    if keep_existing and site.is_dir():
        shutil.copytree(site, temp, symlinks=True, dirs_exist_ok=True)
    temp.chmod(0o755 & ~_umask())
    return temp


def publish(temp: Path, site: Path) -> None:
    """Put the finished build `temp` in the place of `site` (which may not exist yet)."""
    site = site.resolve()
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=_prefix(site, _OLD), dir=site.parent))
        old.rmdir()
        site.rename(old)
    try:
        temp.rename(site)
    except OSError:
        if old is not None:
            old.rename(site)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(temp: Path) -> None:
    """Remove an unfinished build."""
    shutil.rmtree(temp, ignore_errors=True)


def remove_leftovers(site: Path) -> list[Path]:
    """Remove build and old folders beside `site` left by builds that no longer run."""
    removed = []
    for kind in (_BUILDING, _OLD):
        for path in site.parent.glob(f".{site.name}{kind}*"):
            pid = path.name[len(f".{site.name}{kind}"):].split("-", 1)[0]
            if path.is_dir() and not path.is_symlink() and not _running(pid):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def _running(pid: str) -> bool:
    if not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else, or the platform cannot tell
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
