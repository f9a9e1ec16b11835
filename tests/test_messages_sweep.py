"""A sweep over many bad edits: no message anywhere speaks code.

Every line of every file of the (made-up) progress fixture is slipped the ways staff slip — a space more or
less before it, its value emptied, quoted, replaced by a word, cut by a ' #', the line doubled or deleted —
and whatever `itaplan check` would say (the report, the GitHub annotations, the warnings) is read: no
bracket index counted from zero, no Python `None`, no quotes Python added, Thai first.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from progress_fixture import FIXTURE
from itaplan.errors import PlanDataError, Problem
from itaplan.plan.schema import Agency, Indicator, PlanInfo
from itaplan.plan.validation import validate
from itaplan.plan.yaml_source import read_yaml
from itaplan.progress.schema import IndicatorReport, RoundInfo
from itaplan.report_formats import github_annotation

MODELS = {"agency.yml": Agency, "plan.yml": PlanInfo, "report.yml": RoundInfo}
CODE = re.compile(r"\[\d+\]|\bNone\b|\\'|'\w+'\]|\{'|'(?:- ?| #|//|\.\.|[&:]|\w+)'")
"""Code in a message: an index from zero, None, Python's repr quotes, or a token in Python's '…' (the English
lines quote as "…", the Thai as “…”)."""
_KEY_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+:)( ?)(.*)$")


def _model(path: Path):
    if path.name in MODELS:
        return MODELS[path.name]
    return IndicatorReport if "progress" in path.parts else Indicator


def _slips(text: str) -> list[tuple[str, str]]:
    """(what, slipped text) for every line of a file."""
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue

        def put(new: str, what: str) -> None:
            out.append((f"line {index + 1}: {what}", "\n".join(lines[:index] + [new] + lines[index + 1:])))

        put(" " + line, "a space more")
        if line.startswith(" "):
            put(line[1:], "a space less")
        put(line + "\n" + line, "the line twice")
        out.append((f"line {index + 1}: deleted", "\n".join(lines[:index] + lines[index + 1:])))
        kv = _KEY_VALUE.match(line)
        if kv and kv.group(3):
            key, value = kv.group(1), kv.group(3)
            put(key, "emptied")
            put(f"{key} '{value}'", "quoted")
            put(f"{key} ข้อความ", "a word")
            put(f"{key} {value} #หมายเหตุ ต่อ", "cut by #")
            put(f"{key} [{value}]", "made a list")
        elif line.lstrip().startswith("- "):
            put(line.rstrip() + " #ต่อ", "cut by #")
            put(line.replace("- ", "-", 1), "no space after the dash")
    return out


def _cases() -> list[tuple[Path, str, str]]:
    cases = []
    for path in sorted(FIXTURE.rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        cases.extend((path, what, slipped) for what, slipped in _slips(text))
    return cases


CASES = _cases()


def _said(problems: list[Problem]) -> list[str]:
    """Everything staff and the webmaster read about these problems."""
    texts = [PlanDataError(problems).report()] if problems else []
    texts += [github_annotation(p) for p in problems]
    return texts


def test_the_sweep_is_large():
    assert len(CASES) > 1000


def test_no_message_speaks_code():
    """Bracket indexes from zero, None, Python's quotes: none in any message over every slip."""
    seen = 0
    kinds: dict[str, int] = {}
    for path, what, text in CASES:
        shown = "plan_data/" + path.relative_to(FIXTURE).as_posix()
        target = path.parent / f".sweep-{path.name}"
        problems: list[Problem] = []
        try:
            target.write_text(text, encoding="utf-8")
            doc = read_yaml(target, shown)
            problems += doc.warnings
            validate(doc, _model(path))
        except PlanDataError as exc:
            problems += exc.problems
        finally:
            target.unlink(missing_ok=True)
        for said in _said(problems):
            seen += 1
            bad = CODE.search(said)
            assert bad is None, f"{shown} {what}: {bad.group()!r} in\n{said}"
        for problem in problems:
            generic = problem.kind == "yaml" and "ซ้ำกัน" not in problem.thai_text
            kinds[problem.kind if not generic else "undiagnosed"] = kinds.get(
                problem.kind if not generic else "undiagnosed", 0) + 1
            assert problem.thai_text[:1] not in "'\"[{(", f"{shown} {what}: Thai first: {problem.thai_text}"
            assert re.search("[\u0e00-\u0e7f]", problem.thai_text), f"{shown} {what}: {problem.thai_text}"
            unquoted = re.sub(r"“[^”]*”", "", f"{problem.where}: {problem.thai_text}")
            assert not (re.search("[0-9]", unquoted) and re.search("[๐-๙]", unquoted)), (
                f"{shown} {what}: one numeral style per message (values as typed aside): {problem.thai_text}")
    assert seen > 500, "the sweep found problems to read"
    slips = kinds.get("indentation", 0) + kinds.get("folded", 0) + kinds.get("undiagnosed", 0)
    assert kinds.get("undiagnosed", 0) < slips / 10, f"most YAML slips are named as what they are: {kinds}"


@pytest.mark.parametrize("path", sorted(FIXTURE.rglob("*.yml")), ids=lambda p: p.relative_to(FIXTURE).as_posix())
def test_every_fixture_file_reads_clean(path):
    """The sweep starts from files that are right: any message above comes from the slip."""
    doc = read_yaml(path, "plan_data/" + path.relative_to(FIXTURE).as_posix())
    assert not doc.warnings
    validate(doc, _model(path))
