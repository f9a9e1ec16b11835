"""Site settings for itaplan, read from `extra: itaplan:` in mkdocs.yml (or given on the command line)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from itaplan.errors import PlanDataError, Problem
from itaplan.plan.licences import DEFAULT as DEFAULT_LICENCE, LicenceId
from itaplan.thai import Digits


class Contact(BaseModel):
    """The agency's complaint and feedback channels, linked at the foot of every page (ITA indicators 5, 7, 8).

    A channel left out is not shown. Web addresses must be https; e-mail needs an @.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    phone: str | None = Field(None, pattern=r"^[0-9๐-๙ +()-]{3,30}$", description="Telephone number")
    email: str | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="E-mail address")
    facebook: str | None = Field(None, pattern=r"^https://", description="The agency's Facebook page")
    line: str | None = Field(None, pattern=r"^https://", description="The agency's LINE official account")
    complaint_form: str | None = Field(None, pattern=r"^https://", description="Online complaint form")


class OpenData(BaseModel):
    """How the plan is published as open data (the downloads of each fiscal year and their metadata)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    licence: LicenceId = Field(DEFAULT_LICENCE, description="Licence of the data files: CC-BY-4.0 (default), "
                               "DGA-OGL-TH (data.go.th's DGA Open Government License) or CC0-1.0")
    catalogue_organization: str | None = Field(
        None, pattern=r"^[a-z0-9_-]{2,100}$",
        description="The agency's organisation id on a CKAN catalogue such as data.go.th (lower-case ASCII)")


class Settings(BaseModel):
    """What a webmaster may set; every key has a default that follows the official document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plan_data: str = Field("plan_data", description="Folder of the plan data, relative to mkdocs.yml")
    digits: Digits = Field("thai", description="Digits for numbers and dates the site writes: thai or arabic")
    contact: Contact = Field(default_factory=Contact, description="Complaint and feedback channels")
    open_data: OpenData = Field(default_factory=OpenData, description="Licence and catalogue of the data files")


def settings_from(raw: Any, shown_as: str = "mkdocs.yml") -> Settings:
    """Validate the `extra.itaplan` mapping; errors name the key under extra.itaplan."""
    try:
        return Settings.model_validate(raw or {})
    except ValidationError as exc:
        raise PlanDataError([
            Problem(shown_as, None, "extra.itaplan." + ".".join(map(str, e["loc"])),
                    e["msg"].replace("Input should be", "expected"))
            for e in exc.errors()]) from None
