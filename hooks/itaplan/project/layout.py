"""Which files of a project belong to itaplan (copied by `itaplan new`, replaced by `itaplan update`) and
which belong to the agency (written once for it, then its own)."""

from __future__ import annotations

import shutil
from pathlib import Path

from itaplan.errors import PlanDataError, Problem

# Copied from the itaplan checkout at run time (whatever they hold then), replaced by `itaplan update`.
# handbook/ is itaplan's documentation: the agency's README links to it, and it matches the code it carries.
ITAPLAN_PATHS = ("hooks", "pyproject.toml", ".ci", ".github/workflows", ".gitignore", ".pre-commit-config.yaml",
                 ".vscode", "docs/assets", "handbook")
ITAPLAN_GLOBS = ("requirements*.txt",)
# Written by itaplan itself (not copied): replaced by `itaplan update` too. `.itaplan-version` records the
# version of the code the project carries (itaplan.project.versions).
GENERATED_SHARED = ("docs/schema", "tests/test_itaplan_site.py", ".itaplan-version")
# Copied once by `itaplan new`, then the agency's (it may adapt them); `itaplan update` keeps them.
COPIED_ONCE = ("CONTRIBUTING.md", ".github/SECURITY.md")  # the agency fills in its own security contacts
# Inside an itaplan path but the agency's own: never copied from another agency, never replaced.
AGENCY_INSIDE = ("docs/assets/images/itaplan-share.png",)
IGNORED = ("__pycache__", "*.pyc", "*.egg-info", "node_modules", ".pytest_cache")
REQUIRED = ("hooks/itaplan/__init__.py", "pyproject.toml", "requirements.txt", "mkdocs.yml")


class ProjectError(PlanDataError):
    """A project that cannot be created or updated; says why, and nothing was written."""

    def report(self) -> str:
        count = len(self.problems)
        head = (f"ทำรายการไม่สำเร็จ ไม่มีการเขียนไฟล์ใด ๆ — cannot write the project: {count} "
                f"problem{'s' if count != 1 else ''} (nothing was written):")
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def itaplan_root() -> Path:
    """The itaplan checkout this code runs from (the folder holding hooks/itaplan/ and pyproject.toml)."""
    root = Path(__file__).resolve().parents[3]
    missing = [name for name in REQUIRED if not (root / name).exists()]
    if missing:
        raise ProjectError([Problem(str(root), None, None,
                                    f"ไม่พบโค้ด itaplan ทั้งชุด (ขาด {', '.join(missing)}) — run itaplan from a checkout "
                                    "of its repository (installed with `pip install -e .`), not from an installed "
                                    "package")])
    return root


def itaplan_files(source: Path) -> list[Path]:
    """The files and folders (relative to `source`) that belong to itaplan, as `source` has them now."""
    found = [Path(p) for p in ITAPLAN_PATHS if (source / p).exists()]
    for pattern in ITAPLAN_GLOBS:
        found += sorted(p.relative_to(source) for p in source.glob(pattern) if p.is_file())
    github = source / ".github"
    if github.is_dir():  # other .github files (templates, settings) but not the agency's CODEOWNERS
        found += sorted(p.relative_to(source) for p in github.iterdir()
                        if p.name not in ("workflows", "CODEOWNERS")
                        and p.relative_to(source).as_posix() not in COPIED_ONCE)
    return found


def copy_item(source: Path, rel: Path, dest: Path) -> None:
    """Copy one file or folder of `source` to the same place under `dest`, leaving out caches and the
    agency's own files."""
    src, out = source / rel, dest / rel
    out.parent.mkdir(parents=True, exist_ok=True)
    if src.is_dir():
        agency_own = {source / p for p in AGENCY_INSIDE}

        def ignore(folder: str, names: list[str]) -> set[str]:
            skipped = set(shutil.ignore_patterns(*IGNORED)(folder, names))
            return skipped | {n for n in names if Path(folder, n) in agency_own}

        shutil.copytree(src, out, ignore=ignore, symlinks=False)
    else:
        shutil.copy2(src, out)
