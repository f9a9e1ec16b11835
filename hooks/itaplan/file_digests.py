"""SHA-256 of large files (evidence PDFs, phone photos), remembered so an unchanged file is not read again.

A repeat build must notice a changed photo without reading sixty 3 MB photos each time. The digest of
each file is kept in a small JSON memo in the cache folder, keyed by the file's path and what the file
system says about it: size, modification time, change time (ctime) and inode, all in nanoseconds where
the system has them. Editing, replacing, copying over or restoring a file changes its ctime (which no
program can set back; `touch` and Git set only the modification time), so such a file is read again.
The remaining gap is theoretical: a file system without a real ctime (some network or FAT drives) where
a file is rewritten with exactly the same size and modification time. Delete the cache folder
(.cache/itaplan) to read everything again.

Standard library only: the page cache uses it before anything heavy is imported. A memo that cannot
be read is no error (every file is read again); one that cannot be written neither.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

FORMAT = 1
SETTLE_NS = 2_000_000_000
"""A file changed less than this long ago is not remembered: it could change again within the same tick
of the file system's clock and keep all its times (the 'racily clean' case Git knows)."""
_memos: dict[Path, dict] = {}
"""In-process copy of each memo file, so `mkdocs serve` and many files cost one read of the memo."""


def file_sha256(path: Path, memo_file: Path | None) -> str:
    """Hex SHA-256 of the file at `path`, from `memo_file` when the file is unchanged since it was read.

    Raises OSError when the file cannot be read.
    """
    if memo_file is None:
        return _read_digest(path)
    stat = path.stat()
    identity = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
    memo = _memo(memo_file)
    key = str(path.resolve())
    known = memo.get(key)
    if isinstance(known, list) and len(known) == 5 and known[:4] == identity and isinstance(known[4], str):
        return known[4]
    digest = _read_digest(path)
    if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) >= SETTLE_NS:
        memo[key] = [*identity, digest]
        _save(memo_file, memo)
    return digest


def _read_digest(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _memo(memo_file: Path) -> dict:
    if memo_file not in _memos:
        try:
            data = json.loads(memo_file.read_text(encoding="utf-8"))
            files = data["files"] if data.get("format") == FORMAT and isinstance(data.get("files"), dict) else {}
        except (OSError, ValueError, AttributeError, KeyError):
            files = {}
        # forget files that are gone, so the memo does not grow with every photo ever removed
        _memos[memo_file] = {k: v for k, v in files.items() if os.path.exists(k)}
    return _memos[memo_file]


def _save(memo_file: Path, memo: dict) -> None:
    """Write the memo atomically (a temporary file, then a rename); failure only costs a re-read later."""
    try:
        memo_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=memo_file.parent, prefix=".digests-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump({"format": FORMAT, "files": memo}, out)
            os.replace(tmp, memo_file)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError:
        pass
