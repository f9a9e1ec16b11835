"""The agency's own names (agency.yml: name, district, province), which the wrap repair mends: no dictionary knows them.

A dictionary knows "เว็บไซต์" but not a place such as "ห้วยสมมุติ" (made up), so a wrap space inside the
agency's name ("เทศบาลตำบลห้วย สมมุติ") is closed by name instead (wrap.py). The names are the agency's name,
the name without its kind of local government ("เทศบาลตำบลห้วยสมมุติ" -> "ห้วยสมมุติ"), its district and its
province, from every place the importer is told them: the table's 'ชื่อหน่วยงาน …' line, the project's
agency.yml (`itaplan import` in a project), `itaplan new --name/--district/--province`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

# Kinds of local government whose name is "<kind><place>": the place alone is what people search for.
NAME_PREFIXES = ("องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนจังหวัด", "เทศบาลนคร", "เทศบาลเมือง", "เทศบาลตำบล")
_PLACE_WORDS = ("ตำบล",)
"""Also taken off the front of a name for the wrap repair ("ตำบลห้วยสมมุติ" -> "ห้วยสมมุติ")."""
SHORTEST = 3
"""Letters a name needs to be mended by name: a shorter one would match inside too many ordinary words."""
LONGEST = 200
"""Letters beyond which a 'name' is not one (a hostile agency.yml cannot slow the import down)."""


class Name(NamedTuple):
    """One of the agency's names, and what it is (for the review: Thai label, agency.yml key, English)."""

    text: str
    thai: str
    key: str
    english: str


_KINDS = {"name": ("ชื่อหน่วยงาน", "the agency's name"), "district": ("ชื่ออำเภอ", "the agency's district"),
          "province": ("ชื่อจังหวัด", "the agency's province")}


def short_name(name: str) -> str:
    """'องค์การบริหารส่วนตำบลหนองตัวอย่าง' -> 'หนองตัวอย่าง'; other names as they are."""
    for prefix in NAME_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return name[len(prefix):]
    return name


def _bare(name: str) -> str:
    """The name without its kind of local government or a leading 'ตำบล'."""
    name = short_name(name)
    for word in _PLACE_WORDS:
        if name.startswith(word) and len(name) > len(word):
            return name[len(word):]
    return name


def agency_names(*agencies: Mapping[str, object] | None) -> tuple[Name, ...]:
    """The names to mend, longest first, from each agency's fields (name, district, province); text only.

    Later sources add their spellings (the table's line, then agency.yml, then --name …); a name given twice is
    kept once; a value that is not text, is shorter than SHORTEST or longer than LONGEST is left out.
    """
    found: dict[str, Name] = {}
    for agency in agencies:
        for key, (thai, english) in _KINDS.items():
            value = (agency or {}).get(key)
            if not isinstance(value, str):
                continue
            value = " ".join(value.split())
            spellings = [value, _bare(value)] if key == "name" else [value]
            for text in spellings:
                if SHORTEST <= len(text) <= LONGEST:
                    found.setdefault(text, Name(text, thai, key, english))
    return tuple(sorted(found.values(), key=lambda n: -len(n.text)))
