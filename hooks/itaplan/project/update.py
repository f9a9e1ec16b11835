"""`itaplan update DIR`: bring an agency's project up to the itaplan version this command runs from.

What belongs to itaplan (layout.py) is replaced, all at once or not at all; the agency's own files stay.
Folders that an agency may add to (`.github/workflows`, `docs/assets`, `.vscode`) are updated file by
file: itaplan's files are replaced, the agency's extra files are kept. The versions it moves from and to,
and what CHANGELOG.md says between them, come back for the command to print (versions.py).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from itaplan.errors import Problem
from itaplan.pages.publish import build_pages
from itaplan.plan.project_config import read_settings
from itaplan.project.layout import GENERATED_SHARED, ProjectError, copy_item, itaplan_files, itaplan_root
from itaplan.project.new import write_shared_generated
from itaplan.project.versions import CHANGELOG, Entry, between, changelog_entries, code_version, project_version

MERGED = (".github/workflows", "docs/assets", ".vscode")
# Settings of mkdocs.yml that carry itaplan's machinery: a newer itaplan may need more of them.
MACHINERY = ("hooks", "plugins", "markdown_extensions", "extra_css", "extra_javascript", "watch")


@dataclass(frozen=True)
class Updated:
    replaced: list[str]
    missing_settings: list[str]
    before: str | None = None
    """The itaplan version the project carried (None: not recorded, and not found in its code)."""
    after: str | None = None
    """The version it carries now: that of the itaplan this command runs from."""
    changes: tuple[Entry, ...] = ()
    """What the changelog says between the two, newest first."""


def _load(path: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}


def _names(items) -> list[str]:
    return [next(iter(i)) if isinstance(i, dict) else str(i) for i in (items or [])]


def missing_settings(source: Path, project: Path) -> list[str]:
    """'hooks: hooks/x.py' for each machinery entry of the source's mkdocs.yml that the project's lacks."""
    new, own = _load(source / "mkdocs.yml"), _load(project / "mkdocs.yml")
    missing = [f"{key}: {name}" for key in MACHINERY for name in _names(new.get(key))
               if name not in _names(own.get(key))]
    if (new.get("theme") or {}).get("custom_dir") != (own.get("theme") or {}).get("custom_dir"):
        missing.append(f"theme.custom_dir: {(new.get('theme') or {}).get('custom_dir')}")
    return missing


def update(project: Path, source: Path | None = None) -> Updated:
    """Replace the itaplan files of `project` with those of `source` (this checkout)."""
    source = (source or itaplan_root()).resolve()
    project = project.resolve()
    if project == source:
        raise ProjectError([Problem(str(project), None, None, "คือ itaplan ที่กำลังใช้อยู่ (is the itaplan checkout this "
                                    "command runs from): give the agency's project folder")])
    if not (project / "mkdocs.yml").is_file() or not (project / "hooks" / "itaplan").is_dir():
        raise ProjectError([Problem(str(project), None, None, "ไม่ใช่โครงการเว็บไซต์ itaplan (is not an itaplan "
                                    "project: expected mkdocs.yml and hooks/itaplan/ in it)")])
    build_pages(project, read_settings(project / "mkdocs.yml"))  # the new code reads this agency's plan data
    before, after = project_version(project), code_version(source)
    items = itaplan_files(source)
    work = Path(tempfile.mkdtemp(prefix=".itaplan-update-", dir=project))
    new, old = work / "new", work / "old"
    try:
        for rel in items:
            if rel.as_posix() in MERGED and (project / rel).is_dir():
                shutil.copytree(project / rel, new / rel)
                for file in (p for p in (source / rel).rglob("*") if p.is_file()):
                    part = file.relative_to(source)
                    if not any(x in part.parts for x in ("__pycache__", "node_modules")) and \
                            part.as_posix() != "docs/assets/images/itaplan-share.png":
                        (new / part).parent.mkdir(parents=True, exist_ok=True)
                        shutil.copy2(file, new / part)
            else:
                copy_item(source, rel, new)
        write_shared_generated(new)
        names = sorted({*(r.as_posix() for r in items), *GENERATED_SHARED})
        _swap_all(project, new, old, names)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    try:
        log = (source / CHANGELOG).read_text(encoding="utf-8")
    except OSError:
        log = ""
    changes = tuple(between(changelog_entries(log), before, after)) if after else ()
    return Updated(names, missing_settings(source, project), before, after, changes)


def _swap_all(project: Path, new: Path, old: Path, names: list[str]) -> None:
    """Move each current item to `old` and the new one in; on any failure put every item back."""
    done: list[str] = []
    try:
        for name in names:
            if (project / name).exists():
                (old / name).parent.mkdir(parents=True, exist_ok=True)
                (project / name).rename(old / name)
            done.append(name)
            if (new / name).exists():
                (project / name).parent.mkdir(parents=True, exist_ok=True)
                (new / name).rename(project / name)
    except BaseException:
        for name in reversed(done):
            if (project / name).exists() and (old / name).exists():
                target = new / name
                target.parent.mkdir(parents=True, exist_ok=True)
                (project / name).rename(target) if not target.exists() else shutil.rmtree(project / name)
            if (old / name).exists():
                (old / name).rename(project / name)
        raise
