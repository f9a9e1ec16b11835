"""One `git log` walk over the plan data, and the file versions it needs through one
`git cat-file --batch` process (no process per file).

Without Git, outside a repository or in a shallow clone, there is no history (see
site.git_dates): a shallow clone's oldest commit would claim to add every file.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from itaplan.site.git_dates import _git, history_state

# Git's output is read with a declared policy: Git re-encodes every message that declares its encoding to UTF-8
# (--encoding); the bytes of one that declares none and is not UTF-8 become U+FFFD; characters the site refuses
# in any text (controls, noncharacters, bidirectional controls: itaplan.plain_text) are dropped, so a message
# never breaks the Atom feed, the changes page or the history cache.

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
    out = _git(project, "-c", "core.quotepath=off", "log", "--encoding=UTF-8", "--relative", "-z", "--raw",
               "--no-abbrev", "--no-renames", f"--format={RECORD}%H{UNIT}%cI{UNIT}%e{UNIT}%s", "--", folder)
    if not out:
        return []
    commits = []
    for record in out.split(RECORD)[1:]:
        header, _, raw = record.partition("\0")  # -z ends the formatted header with NUL
        cid, date, encoding, subject = (header.split(UNIT) + ["", "", ""])[:4]
        commit = Commit(cid, date, message_text(subject, encoding))
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


def message_text(raw: str, encoding: str = "") -> str:
    """A commit message as read by `_git` (surrogate-escaped bytes) as text fit for any page or feed: UTF-8, else
    the encoding the commit declares (Git cannot re-encode a commit whose author is written in another), else
    U+FFFD for each byte that is no UTF-8."""
    data = raw.encode("utf-8", "surrogateescape")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode(encoding.strip() or "utf-8", "replace")
        except LookupError:  # an encoding Python does not know
            text = data.decode("utf-8", "replace")
    from itaplan import plain_text  # loaded when a commit is read, not by a build that finds its history cached

    return plain_text.clean(plain_text.REFUSED.sub("", text)).strip()


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
