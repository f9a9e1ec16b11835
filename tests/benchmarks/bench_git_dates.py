"""Benchmark: dating 1,000 pages from Git history in one `git log` walk vs one `git log -1` per file.

Run: python tests/benchmarks/bench_git_dates.py [files] [commits]. Prints both times and their ratio.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
from itaplan.site.git_dates import last_changed  # noqa: E402


def make_repo(root: Path, files: int, commits: int) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="b", GIT_AUTHOR_EMAIL="b@example.org",
               GIT_COMMITTER_NAME="b", GIT_COMMITTER_EMAIL="b@example.org")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    for c in range(commits):
        for f in range(c, files, commits):  # each commit touches its own share of the files
            path = root / "plan_data" / f"{f // 100:02d}" / f"{f:04d}.yml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"score: {c}\n", encoding="utf-8")
        subprocess.run(["git", "add", "-A"], cwd=root, check=True, env=env)
        subprocess.run(["git", "commit", "-qm", f"c{c}"], cwd=root, check=True, env=env)


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    commits = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_repo(root, files, commits)
        names = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.yml"))
        start = time.perf_counter()
        for name in names:  # baseline: one process per file
            subprocess.run(["git", "log", "-1", "--format=%cI", "--", name], cwd=root, capture_output=True, check=True)
        per_file = time.perf_counter() - start
        start = time.perf_counter()
        dates = last_changed(root, ["plan_data"])
        one_walk = time.perf_counter() - start
        assert len(dates) == len(names)
    print(f"{len(names)} files, {commits} commits")
    print(f"baseline, git log -1 per file: {per_file:.3f} s")
    print(f"one git log walk:              {one_walk:.3f} s  ({per_file / one_walk:.0f}x faster)")


if __name__ == "__main__":
    main()
