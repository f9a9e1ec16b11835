"""The frameworks a site knows, by assessment year, and how one framework follows another.

`Frameworks` holds itaplan's shipped frameworks with the agency's own laid over them (a file in
plan_data/frameworks/ adds a year or replaces a shipped one). `compare` tells, for two frameworks,
which indicator of the newer continues which of the older — by name or by an earlier name listed in
`continues:`, never by number — and which are new, merged or ended.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from itaplan.framework.schema import Framework


@dataclass(frozen=True)
class Origin:
    """Where a year's framework was read from."""

    file: str
    """Shown path, e.g. plan_data/frameworks/2569.yml or hooks/itaplan/framework/shipped/2568.yml."""
    shipped: bool
    """True for a framework itaplan ships; False for the agency's own file."""


@dataclass(frozen=True)
class Frameworks:
    """Every framework known to a site, by assessment year."""

    by_year: Mapping[int, Framework] = field(default_factory=dict)
    origins: Mapping[int, Origin] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_year", MappingProxyType(dict(sorted(self.by_year.items()))))
        object.__setattr__(self, "origins", MappingProxyType(dict(self.origins)))

    def get(self, assessment_year: int) -> Framework | None:
        """The framework of an assessment year, or None when none is known."""
        return self.by_year.get(assessment_year)

    def origin(self, assessment_year: int) -> Origin | None:
        return self.origins.get(assessment_year)

    @property
    def years(self) -> list[int]:
        return list(self.by_year)

    def laid_over(self, own: Mapping[int, tuple[Framework, str]]) -> "Frameworks":
        """These frameworks with the agency's own ({year: (framework, shown file)}) added or replacing them."""
        by_year = {**self.by_year, **{year: fw for year, (fw, _) in own.items()}}
        origins = {**self.origins, **{year: Origin(shown, False) for year, (_, shown) in own.items()}}
        return Frameworks(by_year, origins)


def _key(name: str) -> str:
    return "".join(name.split())


@dataclass(frozen=True)
class FrameworkChange:
    """How `current` follows `previous` (two frameworks, usually of consecutive published years)."""

    previous: Framework
    current: Framework
    continued: Mapping[int, int]
    """Current indicator number -> the previous indicator it continues (same name, or an earlier name)."""
    renamed: tuple[int, ...]
    """Current numbers that continue an indicator under another name."""
    renumbered: tuple[int, ...]
    """Current numbers that continue an indicator that had another number."""
    merged: Mapping[int, tuple[int, ...]]
    """Current number -> the previous numbers it joins (a new line begins)."""
    new: tuple[int, ...]
    """Current numbers with no earlier indicator (merged ones aside)."""
    ended: tuple[int, ...]
    """Previous numbers that no current indicator continues."""

    @property
    def changed(self) -> bool:
        """Whether the tools or the indicators (number, name, tool) differ."""
        return not self.previous.same_indicators(self.current)


def compare(previous: Framework, current: Framework) -> FrameworkChange:
    """Which indicator of `current` continues which of `previous`, by name or `continues:`, never by number.

    An indicator that names exactly one earlier indicator continues it (and its trend line); one that
    names two or more is a merger and starts a new line, as does one that names none. When two current
    indicators claim the same earlier one (a split), both start new lines.
    """
    old_by_name = {_key(i.name): i for i in previous.indicators}
    claims: dict[int, list[int]] = {}
    merged: dict[int, tuple[int, ...]] = {}
    new: list[int] = []
    for ind in current.indicators:
        names = [_key(ind.name), *(_key(n) for n in ind.continues)]
        found = sorted({old_by_name[n].number for n in names if n in old_by_name})
        if len(found) == 1:
            claims.setdefault(found[0], []).append(ind.number)
        elif len(found) > 1:
            merged[ind.number] = tuple(found)
        else:
            new.append(ind.number)
    continued: dict[int, int] = {}
    for old, claimants in claims.items():
        if len(claimants) == 1:
            continued[claimants[0]] = old
        else:
            new.extend(claimants)
    renamed = tuple(n for n, old in sorted(continued.items())
                    if _key(current.indicator(n).name) != _key(previous.indicator(old).name))
    renumbered = tuple(n for n, old in sorted(continued.items()) if n != old)
    ended = tuple(i.number for i in previous.indicators if i.number not in continued.values())
    return FrameworkChange(previous, current, MappingProxyType(continued), renamed, renumbered,
                           MappingProxyType(merged), tuple(sorted(new)), ended)
