"""The review report: what the importer read without full confidence, for a person to check."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ReviewItem:
    """One reading to check: where in the table, which field, and why it is uncertain."""

    where: str
    field: str
    why: str
    number: int | None = None
    """The indicator the item belongs to, if any (its YAML file gets the note as a comment)."""

    def __str__(self) -> str:
        ind = f" (indicator {self.number})" if self.number is not None else ""
        return f"{self.where}{ind}, {self.field}: {self.why}"


@dataclass
class Review:
    """Collects review items while a table is imported."""

    items: list[ReviewItem] = field(default_factory=list)

    def add(self, where: str, field_name: str, why: str, number: int | None = None) -> None:
        """Record one uncertain reading."""
        self.items.append(ReviewItem(where, field_name, why, number))

    def for_indicator(self, number: int) -> list[ReviewItem]:
        """The items that belong to one indicator."""
        return [item for item in self.items if item.number == number]


def report(items: list[ReviewItem]) -> str:
    """The text printed at the end of an import."""
    if not items:
        return "review: nothing uncertain was found; still read the files before committing."
    count = len(items)
    head = f"review: {count} reading{'s' if count != 1 else ''} to check before committing:"
    return "\n".join([head, *(f"  {item}" for item in items)])
