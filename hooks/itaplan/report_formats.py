"""How `itaplan check` reports problems: plain text for people, workflow commands for GitHub.

In a GitHub Actions run, each `::error file=…,line=…::message` line becomes an annotation on the
pull request's changed line, so staff see what is wrong where they made the edit.
"""

from __future__ import annotations

from pathlib import Path

from itaplan.errors import PlanDataError, Problem
from itaplan.thai_hints import advice

FORMATS = ("text", "github")
TITLE = "itaplan check"


def escape_data(text: str) -> str:
    """Escape a workflow command's message: %, carriage return and newline."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: as a message, plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, prefix: str = "", level: str = "error") -> str:
    """One `::error` (or `::warning`) workflow command for `problem`; `prefix` leads from the repository root
    to the project."""
    props = [("file", prefix + problem.file)]
    if problem.line is not None:
        props.append(("line", str(problem.line)))
        if problem.column is not None:
            props.append(("col", str(problem.column)))
    where = problem.shown_place
    props.append(("title", f"{TITLE}: {where.thai}" if where else TITLE))
    head = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    message = problem.thai_text  # in Thai first, for the staff member who made the edit
    tip = advice(problem.kind, problem.has_own_thai)
    if tip and tip not in message:
        message += f"\n{tip}"
    message += f"\n{problem.english_text}"
    return f"::{level} {head}::{escape_data(message)}"


def repository_prefix(project: Path) -> str:
    """The project folder relative to its Git repository's root, as 'sub/dir/' ('' at the root or without Git)."""
    project = project.resolve()
    for folder in (project, *project.parents):
        if (folder / ".git").exists():
            rel = project.relative_to(folder).as_posix()
            return "" if rel == "." else rel + "/"
    return ""


def format_report(error: PlanDataError, fmt: str, project: Path) -> str:
    """The report of `error` in format `fmt` ('text' or 'github')."""
    if fmt == "github":
        prefix = repository_prefix(project)
        lines = [github_annotation(p, prefix) for p in error.problems]
        return "\n".join([*lines, error.report()])
    return error.report()


def format_warnings(warnings: list[Problem], fmt: str, project: Path, strict: bool) -> str:
    """The warnings of `itaplan check` (errors with --strict): text for people, workflow commands for GitHub."""
    if not warnings:
        return ""
    if fmt == "github":
        prefix = repository_prefix(project)
        return "\n".join(github_annotation(w, prefix, "error" if strict else "warning") for w in warnings)
    count = len(warnings)
    head = (f"คำเตือน {count} รายการ: ข้อความในไฟล์อาจไม่ตรงกับที่ตั้งใจ ({count} warning{'s' if count != 1 else ''}: "
            f"the text may not be what was meant{'; --strict fails on them' if strict else ''}):")
    lines = [head]
    for warning in warnings:
        lines.append(f"  {warning.where}: {warning.thai_text}")
        lines.append(f"      {warning.english_text}")
    return "\n".join(lines)
