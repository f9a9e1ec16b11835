"""One `git log` walk over the plan data, and the file versions it needs through one
`git cat-file --batch` process (no process per file).

Without Git, outside a repository or in a shallow clone, there is no history (see
site.git_dates): a shallow clone's oldest commit would claim to add every file.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from itaplan.site.git_dates import _git, history_state

# Control characters in a commit message would make the Atom feed invalid XML (and mean nothing on a page).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

RECORD = "\x1e"
UNIT = "\x1f"
NULL_BLOB = "0" * 40
MAX_BLOB = 512 * 1024  # as for plan data files on disk


@dataclass
class FileChange:
    path: str  # relative to the project, '/'-separated
    old_blob: str | None  # None when the commit added the file
    new_blob: str | None  # None when the commit deleted it


@dataclass
class Commit:
    id: str
    date: str  # ISO 8601 with offset (committer date)
    subject: str
    files: list[FileChange] = field(default_factory=list)


def head(project: Path) -> str | None:
    out = _git(project, "rev-parse", "HEAD")
    return out.strip() if out else None


def walk(project: Path, folder: str) -> list[Commit]:
    """Every commit that changed a file under `folder`, newest first, with old and new blob ids."""
    out = _git(project, "-c", "core.quotepath=off", "log", "--relative", "-z", "--raw", "--no-abbrev",
               "--no-renames", f"--format={RECORD}%H{UNIT}%cI{UNIT}%s", "--", folder)
    if not out:
        return []
    commits = []
    for record in out.split(RECORD)[1:]:
        header, _, raw = record.partition("\0")  # -z ends the formatted header with NUL
        cid, date, subject = (header.split(UNIT) + ["", ""])[:3]
        commit = Commit(cid, date, _CONTROL.sub("", subject).strip())
        parts = raw.strip("\n").split("\0")
        n = 0
        while n + 1 < len(parts):
            meta, path = parts[n].strip("\n"), parts[n + 1]
            n += 2
            if not meta.startswith(":"):
                continue
            fields = meta[1:].split()
            if len(fields) < 5:
                continue
            old, new = fields[2], fields[3]
            commit.files.append(FileChange(path, None if old == NULL_BLOB else old,
                                           None if new == NULL_BLOB else new))
        commits.append(commit)
    return commits


def read_blobs(project: Path, blob_ids: list[str]) -> dict[str, bytes | None]:
    """{blob id: content (None when too large or missing)} in one `git cat-file --batch` run."""
    if not blob_ids:
        return {}
    try:
        proc = subprocess.run(["git", "cat-file", "--batch"], cwd=project, capture_output=True, timeout=300,
                              input="".join(b + "\n" for b in blob_ids).encode())
    except (OSError, subprocess.SubprocessError):
        return {}
    data, pos, out = proc.stdout, 0, {}
    for blob in blob_ids:
        end = data.find(b"\n", pos)
        if end < 0:
            break
        header = data[pos:end].split()
        pos = end + 1
        if len(header) < 3:  # "<id> missing"
            out[blob] = None
            continue
        size = int(header[2])
        out[blob] = data[pos:pos + size] if size <= MAX_BLOB else None
        pos += size + 1
    return out


__all__ = ["Commit", "FileChange", "head", "history_state", "read_blobs", "walk"]
