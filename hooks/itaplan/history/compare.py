"""What changes for citizens between a Git revision and the working tree (`itaplan diff BASE`).

The same semantic diff as the changes pages (history.sources): plan data field by field, progress
reports, evidence files added, removed or replaced, the agency's details; hand-written pages in docs/
line by line. The files are listed by Git (`git diff --raw BASE`, plus files not yet added), the old
versions read in one `git cat-file --batch`, the new ones from the working tree.

Decoding policy: Git's output is read as UTF-8 with surrogate escapes (site.git_dates._git), so a file
name that is not UTF-8 is still found and read; it is shown with U+FFFD wherever it is printed. A file's
content is data only if it decodes as UTF-8 (a BOM allowed) and parses as YAML within the plan's limits
(history.diff.parse); otherwise the whole file is reported as unreadable, never a traceback.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from itaplan.history.git_walk import MAX_BLOB, read_blobs
from itaplan.history.sources import Source, classify, file_change, indicator_names, with_names
from itaplan.site.git_dates import _git, history_state

NULL = "0" * 40


class CompareError(Exception):
    """The comparison cannot be made; `thai` and `english` say why and what to do."""

    def __init__(self, thai: str, english: str):
        super().__init__(f"{thai} — {english}")
        self.thai = thai
        self.english = english


@dataclass
class Comparison:
    base: str
    """The revision as given (e.g. origin/main)."""
    commit: str
    """Its full commit id."""
    files: list[dict] = field(default_factory=list)
    """One entry per changed file (history.sources.file_change), plus docs/ pages as source 'docs'."""


def resolve(project: Path, revision: str) -> str:
    """The full commit id of `revision`, or CompareError saying why there is none."""
    state = history_state(project)
    if state == "none":
        raise CompareError("โฟลเดอร์นี้ไม่ใช่ที่เก็บ Git (หรือไม่ได้ติดตั้ง git) จึงเทียบกับฉบับก่อนไม่ได้",
                           "not a Git working tree (or git is not installed): nothing to compare with")
    if not revision or revision.startswith("-") or any(c in revision for c in "\0\n\r"):
        raise CompareError(f"ชื่อฉบับที่จะเทียบ '{revision}' ใช้ไม่ได้ เช่น origin/main หรือรหัส commit",
                           f"{revision!r} is not a revision name; expected e.g. origin/main or a commit id")
    out = _git(project, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if not out or not out.strip():
        hint = (" (สำเนานี้เป็นแบบตื้น: ดึงประวัติเพิ่มด้วย git fetch --unshallow)" if state == "shallow" else
                " (ถ้าเป็น branch บน GitHub ให้ git fetch origin ก่อน)")
        raise CompareError(f"ไม่พบฉบับ '{revision}' ในประวัติ Git{hint}",
                           f"no commit named {revision!r} in this repository; fetch it first")
    return out.strip()


def _changed(project: Path, commit: str, folders: list[str]) -> list[tuple[str, str, str | None]]:
    """[(path, status A|D|M, old blob id)] of files under `folders` that differ from `commit` in the working tree."""
    out = _git(project, "-c", "core.quotepath=off", "diff", "--raw", "-z", "--no-renames", "--no-abbrev",
               "--relative", commit, "--", *folders)
    if out is None:
        raise CompareError("อ่านความแตกต่างจาก Git ไม่ได้", "git diff failed")
    parts = out.split("\0")
    found: dict[str, tuple[str, str, str | None]] = {}
    n = 0
    while n + 1 < len(parts):
        meta, path = parts[n], parts[n + 1]
        n += 2
        fields = meta.lstrip(":").split()
        if not meta.startswith(":") or len(fields) < 5:
            continue
        status, old = fields[4][:1], fields[2]
        if status in ("A", "D", "M", "T"):
            found[path] = (path, "M" if status == "T" else status, None if old == NULL else old)
    untracked = _git(project, "-c", "core.quotepath=off", "ls-files", "-z", "--others", "--exclude-standard",
                     "--", *folders) or ""
    for path in untracked.split("\0"):
        if path and path not in found:
            found[path] = (path, "A", None)
    return [found[p] for p in sorted(found)]


def _read(project: Path, path: str) -> bytes | None:
    target = project / path
    try:
        if target.is_symlink() or not target.is_file() or target.stat().st_size > MAX_BLOB:
            return None
        return target.read_bytes()
    except OSError:
        return None


def _blob_id(project: Path, path: str) -> str | None:
    """The Git blob id the working-tree file would have (to tell a replaced evidence file from a touched one)."""
    try:
        data = (project / path).read_bytes()
    except OSError:
        return None
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def compare(project: Path, base: str, plan_data: str = "plan_data", docs_dir: str = "docs") -> Comparison:
    """Every change for citizens between `base` and the working tree of `project`."""
    commit = resolve(project, base)
    folders = [plan_data.strip("/"), docs_dir.strip("/")]
    changed = _changed(project, commit, folders)
    sources = {path: _source(path, plan_data, docs_dir) for path, _, _ in changed}
    wanted = sorted({old for path, _, old in changed if old and sources[path] and _has_text(sources[path])})
    blobs = read_blobs(project, wanted)
    files = []
    for path, status, old in changed:
        source = sources[path]
        if source is None:
            continue
        kind = {"A": "added", "D": "deleted"}.get(status, "modified")
        if kind == "modified" and not _has_text(source) and old == _blob_id(project, path):
            continue  # touched, not changed
        old_bytes = blobs.get(old) if old and _has_text(source) else None
        new_bytes = _read(project, path) if kind != "deleted" and _has_text(source) else None
        if source.kind in ("docs", "other"):
            entry = _page_change(path, source, old_bytes, new_bytes, kind)
        else:
            entry = file_change(path, source, old_bytes, new_bytes, kind=kind, fields_of_added=True)
        if entry is not None:
            files.append(entry)
    return Comparison(base, commit, with_names(files, indicator_names(project, plan_data)))


def _has_text(source: Source) -> bool:
    """Whether the file's content is compared: plan data YAML and Markdown pages (not photos, PDFs, word lists)."""
    if source.kind in ("docs", "other"):
        return (source.ref or "").endswith(".md")
    return source.has_fields


def _source(path: str, plan_data: str, docs_dir: str) -> Source | None:
    found = classify(path, plan_data)
    if found is not None:
        return found
    prefix = docs_dir.strip("/") + "/"
    if path.startswith(prefix):
        return Source("docs", ref=path[len(prefix):])
    if path.startswith(plan_data.strip("/") + "/"):
        return Source("other", ref=path)
    return None


def _page_change(path: str, source: Source, old: bytes | None, new: bytes | None, kind: str) -> dict | None:
    """A page of docs/ compared line by line (a Markdown page), or another file added, removed or replaced."""
    fields: list[dict] = []
    if (source.ref or "").endswith(".md"):
        fields = text_changes(_text(old), _text(new))
        if kind == "modified" and not fields:
            return None
    return {"path": path, "fiscal_year": None, "indicator": None, "round": None, "source": source.kind,
            "ref": source.ref, "kind": kind, "fields": fields}


def _text(content: bytes | None) -> str:
    if content is None:
        return ""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("utf-8", "replace")


def text_changes(old: str, new: str) -> list[dict]:
    """[{field, label, old, new}] for the lines of a page that changed ('บรรทัดที่ 12' of the new version)."""
    a, b = old.splitlines(), new.splitlines()
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            before = a[i1 + k] if i1 + k < i2 else None
            after = b[j1 + k] if j1 + k < j2 else None
            if (before or "").strip() == (after or "").strip():
                continue
            line = j1 + k + 1 if after is not None else i1 + k + 1
            where = f"บรรทัดที่ {line}" + (" (เดิม)" if after is None else "")
            out.append({"field": f"line.{line}", "label": where, "old": before, "new": after})
    return out
