"""When each source file last changed, from Git history, in one `git log` walk for all files.

A tree without Git (a downloaded archive), a folder outside any repository, or Git missing gives
no dates and no error. A shallow clone also gives none: its oldest commit would claim every file
it touches as changed on that day, which would be wrong, so dates are left out instead.
"""

from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

RECORD = "\x1e"  # starts each commit in the log output; file names follow, NUL-separated


def _git(project: Path, *args: str) -> str | None:
    """Output of a git command run in `project`, or None when Git or the repository is missing."""
    try:
        result = subprocess.run(["git", *args], cwd=project, capture_output=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.decode("utf-8", "surrogateescape") if result.returncode == 0 else None


def history_state(project: Path) -> str:
    """'full', 'shallow', or 'none' (not a Git work tree, or Git is not installed)."""
    shallow = _git(project, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return "none"
    return "shallow" if shallow.strip() == "true" else "full"


def parse_log(output: str) -> dict[str, datetime]:
    """{path: newest commit date} from `git log -z --name-only --format=%x1e%cI` output."""
    dates: dict[str, datetime] = {}
    for record in output.split(RECORD)[1:]:
        stamp, *names = record.split("\0")
        when = datetime.fromisoformat(stamp.strip())
        for name in names:
            name = name.strip("\n")
            if name and (name not in dates or when > dates[name]):
                dates[name] = when
    return dates


def last_changed(project: Path, folders: list[str]) -> dict[str, datetime]:
    """{path relative to `project`: when its last commit was made} for files under `folders`.

    Empty without full history (see the module docstring). Paths use '/' as Git writes them.
    """
    if history_state(project) != "full":
        return {}
    output = _git(project, "-c", "core.quotepath=off", "log", "--relative", "-z", "--name-only",
                  "--no-renames", f"--format={RECORD}%cI", "--", *folders)
    return parse_log(output) if output else {}


def newest(dates: dict[str, datetime], files: list[str]) -> datetime | None:
    """The latest change among `files`, or None when none of them has a date."""
    known = [dates[f] for f in files if f in dates]
    return max(known) if known else None
