"""The complaint and feedback channels under extra.itaplan.contact in mkdocs.yml."""

from __future__ import annotations

import pytest

from itaplan.errors import PlanDataError
from itaplan.plan.settings import settings_from


def test_channels_are_optional_and_kept_as_given():
    settings = settings_from({"contact": {"phone": "0-3500-0000", "line": "https://line.me/R/ti/p/@x"}})
    assert settings.contact.phone == "0-3500-0000"
    assert settings.contact.email is None
    assert settings_from(None).contact.facebook is None


@pytest.mark.parametrize("key,value", [("email", "not-an-address"), ("facebook", "http://facebook.com/x"),
                                       ("complaint_form", "javascript:alert(1)"), ("phone", "call us")])
def test_a_bad_channel_names_the_key(key, value):
    with pytest.raises(PlanDataError) as caught:
        settings_from({"contact": {key: value}})
    problem = caught.value.problems[0]
    assert problem.field == f"extra.itaplan.contact.{key}"
    assert problem.file == "mkdocs.yml"


def test_an_unknown_channel_is_refused():
    with pytest.raises(PlanDataError) as caught:
        settings_from({"contact": {"twitter": "https://x.com/a"}})
    assert caught.value.problems[0].field == "extra.itaplan.contact.twitter"


@pytest.mark.parametrize("key,value", [
    ("facebook", 'https://www.facebook.com/x" onmouseover="alert(1)'), ("line", "https://line.me/<script>"),
    ("complaint_form", "https://example.go.th/a b"), ("email", 'saraban"@example.go.th'),
    ("email", "a@example.go.th><script>"),
])
def test_a_contact_channel_cannot_break_out_of_its_link(key, value):
    """The theme writes the channels into href attributes unescaped (MkDocs' templates do not escape)."""
    with pytest.raises(PlanDataError):
        settings_from({"contact": {key: value}})
