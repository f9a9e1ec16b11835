"""Site settings for itaplan, read from `extra: itaplan:` in mkdocs.yml (or given on the command line)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import PlanDataError, Problem
from .thai import Digits


class Settings(BaseModel):
    """What a webmaster may set; every key has a default that follows the official document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plan_data: str = Field("plan_data", description="Folder of the plan data, relative to mkdocs.yml")
    digits: Digits = Field("thai", description="Digits for numbers and dates the site writes: thai or arabic")


def settings_from(raw: Any, shown_as: str = "mkdocs.yml") -> Settings:
    """Validate the `extra.itaplan` mapping; errors name the key under extra.itaplan."""
    try:
        return Settings.model_validate(raw or {})
    except ValidationError as exc:
        raise PlanDataError([
            Problem(shown_as, None, "extra.itaplan." + ".".join(map(str, e["loc"])),
                    e["msg"].replace("Input should be", "expected"))
            for e in exc.errors()]) from None
