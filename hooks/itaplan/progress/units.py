"""Responsible units (ผู้รับผิดชอบ): one unit per entry of an indicator's `responsible`, with the steps it carries.

Each unit gets an ASCII page address made from its Thai name by the Royal Institute romanisation
(PyThaiNLP, no model needed): สำนักปลัด -> samnakplat, กองคลัง -> kongkhlang, ทุกสำนัก/กอง ->
thuksamnak-kong. The same name always gives the same address; two names that romanise alike get
-2, -3 … in the order they first appear in the plan.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

from itaplan.plain_text import name_key
from itaplan.plan.model import YearPlan
from itaplan.plan.schema import Indicator
from itaplan.progress.model import YearProgress
from itaplan.progress.rollup import Progress, StepState, of_states, step_states

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class UnitSteps:
    """One responsible unit and, per indicator, the steps it carries with their latest status."""

    name: str
    slug: str
    items: tuple[tuple[Indicator, tuple[StepState, ...]], ...]

    @property
    def progress(self) -> Progress:
        return of_states(s for _, states in self.items for s in states)


@functools.lru_cache(maxsize=256)
def _romanised(name: str) -> str:
    try:
        from pythainlp.transliterate import romanize

        text = romanize(name, engine="royin")
    except Exception:  # noqa: BLE001 - any failure of the optional romaniser falls back to a hash
        text = ""
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")[:40].strip("-")
    return slug or "unit-" + hashlib.sha256(name.encode()).hexdigest()[:8]


def unit_names(plan: YearPlan) -> list[str]:
    """Every unit named in the plan, in the order it first appears (indicator 1 first).

    A name is taken as itaplan.plain_text.name_key gives it: one written with an invisible joiner or a soft
    hyphen pasted from Word is the same unit, not a second, identical-looking page."""
    return list(dict.fromkeys(name_key(unit) for indicator in plan.indicators for unit in indicator.responsible))


def unit_slugs(plan: YearPlan) -> dict[str, str]:
    """Unit name -> its page's address part (ASCII, unique within the year)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in unit_names(plan):
        base = _romanised(name)
        slug, n = base, 1
        while slug in used or slug == "index":
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        out[name] = slug
    return out


def units(plan: YearPlan, progress: YearProgress) -> list[UnitSteps]:
    """Each unit with the steps of every indicator it is responsible for (all steps of that indicator:
    the plan names the units per measure, not per step)."""
    slugs = unit_slugs(plan)
    states = {i.number: tuple(step_states(i, progress)) for i in plan.indicators}
    out = []
    for name, slug in slugs.items():
        items = tuple((i, states[i.number]) for i in plan.indicators
                      if name in (name_key(u) for u in i.responsible))
        out.append(UnitSteps(name, slug, items))
    return out
