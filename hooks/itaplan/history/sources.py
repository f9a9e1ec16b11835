"""What a changed file under plan_data/ is to a citizen, and what changed in it: one implementation for the
changes pages (a file in a commit) and `itaplan diff` (a file between a revision and the working tree).

    plan_data/agency.yml                              -> agency    (the agency's name and address)
    plan_data/<year>/plan.yml                         -> plan      (the year's document)
    plan_data/<year>/indicators/NN.yml                -> indicator
    plan_data/<year>/progress/<round>/report.yml      -> round     (a report round's date, signed PDF)
    plan_data/<year>/progress/<round>/NN.yml          -> report    (one indicator's report in a round)
    plan_data/<year>/evidence/<path>                  -> evidence  (a file or photo; its content is not read)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from itaplan.history.diff import field_changes, parse

_YEAR_FILE = re.compile(r"^(?P<year>\d{4})/(?:(?P<plan>plan\.ya?ml)|indicators/(?P<number>\d{1,2})\.ya?ml"
                        r"|progress/(?P<round>[a-z0-9][a-z0-9-]{0,30})/(?:(?P<info>report\.ya?ml)"
                        r"|(?P<reported>\d{2})\.ya?ml)|evidence/(?P<evidence>[^/].*))$")
AGENCY = re.compile(r"^agency\.ya?ml$")
KINDS = ("agency", "plan", "indicator", "round", "report", "evidence")


@dataclass(frozen=True)
class Source:
    """One file of the plan data, as readers know it."""

    kind: str  # one of KINDS
    fiscal_year: int | None = None
    indicator: int | None = None
    round: str | None = None
    ref: str | None = None  # an evidence file, relative to the year's evidence/ folder

    @property
    def has_fields(self) -> bool:
        """Whether the file is YAML data compared field by field (evidence files are not read)."""
        return self.kind != "evidence"


def classify(path: str, plan_data: str) -> Source | None:
    """What `path` (relative to the project, '/'-separated) is, or None for a file outside what is published."""
    prefix = plan_data.strip("/") + "/"
    if not path.startswith(prefix):
        return None
    rest = path[len(prefix):]
    if AGENCY.match(rest):
        return Source("agency")
    m = _YEAR_FILE.match(rest)
    if not m:
        return None
    year = int(m.group("year"))
    if m.group("plan"):
        return Source("plan", year)
    if m.group("number"):
        return Source("indicator", year, int(m.group("number")))
    if m.group("info"):
        return Source("round", year, round=m.group("round"))
    if m.group("reported"):
        return Source("report", year, int(m.group("reported")), m.group("round"))
    return Source("evidence", year, ref=m.group("evidence"))


def file_change(path: str, source: Source, old: bytes | None, new: bytes | None, *, kind: str,
                fields_of_added: bool = False) -> dict | None:
    """The change of one file as the changes pages and `itaplan diff` show it, or None when no data changed
    (a comment or the layout only):

        {path, fiscal_year, indicator, round, source, ref, name (an indicator's, as the file writes it),
         kind: added|deleted|modified, fields: [...]}

    `old` and `new` are the two versions' bytes (None where the file is absent or could not be read);
    `fields_of_added` lists every field of an added or deleted file too (as old -> new from or to nothing).
    """
    fields: list[dict[str, Any]] = []
    name = None
    if source.has_fields:
        old_data = parse(old) if old is not None else None
        new_data = parse(new) if new is not None else None
        if kind == "modified":
            fields = field_changes(old_data, new_data, source.kind)
            if not fields:
                return None
        elif fields_of_added:
            fields = field_changes(old_data if kind == "deleted" else None, new_data if kind == "added" else None,
                                   source.kind)
        if source.kind == "indicator":
            name = _name(new_data) or _name(old_data)
    return {"path": path, "fiscal_year": source.fiscal_year, "indicator": source.indicator, "round": source.round,
            "source": source.kind, "ref": source.ref, "name": name, "kind": kind, "fields": fields}


def _name(data: Any) -> str | None:
    """The indicator's name as the file version writes it (names come from the year's framework)."""
    name = data.get("name") if isinstance(data, dict) else None
    return " ".join(name.split())[:200] if isinstance(name, str) and name.strip() else None


def indicator_names(project: Path, plan_data: str) -> dict[tuple[int, int], str]:
    """{(fiscal year, indicator number): its name} as the working tree's indicator files write them, so that a
    change to a progress report (whose file holds only the number) is titled with the indicator's name too."""
    out: dict[tuple[int, int], str] = {}
    root = project / plan_data
    for path in sorted(root.glob("[0-9][0-9][0-9][0-9]/indicators/*.y*ml")) if root.is_dir() else ():
        source = classify(path.relative_to(project).as_posix(), plan_data)
        if source is None or source.kind != "indicator" or not path.is_file() or path.is_symlink():
            continue
        try:
            name = _name(parse(path.read_bytes()[:1_000_000]))
        except OSError:
            continue
        if name:
            out[(source.fiscal_year, source.indicator)] = name
    return out


def with_names(entries: list[dict], names: dict[tuple[int, int], str]) -> list[dict]:
    """The entries, each report's (and any other unnamed indicator's) given its indicator's current name."""
    return [{**e, "name": names.get((e.get("fiscal_year"), e.get("indicator")))}
            if e.get("indicator") and not e.get("name") else e for e in entries]
