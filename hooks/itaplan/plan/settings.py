"""Site settings for itaplan, read from `extra: itaplan:` in mkdocs.yml (or given on the command line)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator

from itaplan import plain_text
from itaplan.errors import PlanDataError, Problem, ThaiValueError
from itaplan.plan.thai_messages import english_message, thai_message
from itaplan.vocabulary import code_path
from itaplan.plan.licences import DEFAULT as DEFAULT_LICENCE, LicenceId
from itaplan.thai import Digits


_HTTPS = r"^https://[^\s\"'<>\\`]+$"


class Contact(BaseModel):
    """The agency's complaint and feedback channels, linked at the foot of every page (ITA indicators 5, 7, 8).

    A channel left out is not shown. Web addresses must be https; e-mail needs an @.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    # The theme writes these into href attributes as they are (MkDocs' templates do not escape): no quote,
    # angle bracket, backslash or white space can stand in them.
    phone: str | None = Field(None, pattern=r"^[0-9๐-๙ +()-]{3,30}$", description="Telephone number")
    email: str | None = Field(None, pattern=r"^[^@\s\"'<>\\&]+@[^@\s\"'<>\\&]+\.[^@\s\"'<>\\&]+$",
                              description="E-mail address")
    facebook: str | None = Field(None, pattern=_HTTPS, description="The agency's Facebook page")
    line: str | None = Field(None, pattern=_HTTPS, description="The agency's LINE official account")
    complaint_form: str | None = Field(None, pattern=_HTTPS, description="Online complaint form")


class Round(BaseModel):
    """A report round of every fiscal year: progress reported as of a cut-off day inside the fiscal year."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,30}$",
                    description="Folder name under plan_data/<year>/progress/ and in the page address, e.g. 6-months")
    name: Annotated[str, AfterValidator(plain_text.check)] = Field(
        min_length=1, max_length=60, description="Shown to readers, e.g. รอบ ๖ เดือน")
    cutoff: str = Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
                        description="Month and day the round reports up to (MM-DD), e.g. 03-31")


DEFAULT_ROUNDS = (
    Round(id="6-months", name="รอบ ๖ เดือน", cutoff="03-31"),
    Round(id="12-months", name="รอบ ๑๒ เดือน", cutoff="09-30"),
)


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
    rounds: tuple[Round, ...] = Field(DEFAULT_ROUNDS, min_length=1, description="Progress report rounds, earliest first")

    @field_validator("rounds")
    @classmethod
    def _distinct_rounds(cls, rounds: tuple[Round, ...]) -> tuple[Round, ...]:
        ids = [r.id for r in rounds]
        if len(set(ids)) != len(ids):
            raise ThaiValueError("รอบรายงานแต่ละรอบต้องมี id ไม่ซ้ำกัน", "each round needs its own id")
        return rounds


def settings_from(raw: Any, shown_as: str = "mkdocs.yml") -> Settings:
    """Validate the `extra.itaplan` mapping; errors name the key under extra.itaplan."""
    try:
        return Settings.model_validate(raw or {})
    except ValidationError as exc:
        raise PlanDataError([
            Problem(shown_as, None, code_path(("extra", "itaplan", *e["loc"])), english_message(e, _allowed(e)),
                    kind=e["type"], thai=thai_message(e, _allowed(e)))
            for e in exc.errors()]) from None


def _allowed(err: Any) -> list[str]:
    """The keys allowed beside an unknown key under extra.itaplan (or under its contact)."""
    if err["type"] != "extra_forbidden":
        return []
    return list(Contact.model_fields if tuple(err["loc"])[:1] == ("contact",) else Settings.model_fields)
