"""The new agency's mkdocs.yml: this repository's settings, with the agency's names and declared placeholders."""

from __future__ import annotations

import yaml

from conftest import ROOT
from itaplan.project.config import agency_config
from itaplan.project.placeholders import DEFAULTS, is_placeholder

VALUES = {"site_name": "ITA เทศบาลตำบลบ้านสมมุติ", "site_author": "เทศบาลตำบลบ้านสมมุติ",
          "copyright": "เทศบาลตำบลบ้านสมมุติ อำเภอท่าสมมุติ จังหวัดสมมุติ", "site_description": "คำอธิบาย: มี colon",
          "site_url": DEFAULTS["site_url"], "repo_url": DEFAULTS["repo_url"], "edit_uri": "edit/main/docs/"}


def _load(text: str) -> dict:
    return yaml.load(text, Loader=yaml.BaseLoader)


def test_names_replaced_and_every_other_setting_kept():
    source = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    new, old = _load(agency_config(source, VALUES)), _load(source)
    for key, value in VALUES.items():
        assert new[key] == value
    for key in set(old) - set(VALUES) - {"extra"}:
        assert new[key] == old[key], key
    assert {k: v for k, v in new["extra"]["itaplan"].items() if k != "contact"} == \
        {k: v for k, v in old["extra"]["itaplan"].items() if k != "contact"}


def test_another_agencys_real_contacts_never_carry_over():
    source = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "0-0000-0000", "0-3561-0000").replace("PLACEHOLDER@example.go.th", "saraban@first-agency.go.th")
    contact = _load(agency_config(source, VALUES))["extra"]["itaplan"]["contact"]
    assert contact == {key.rsplit(".", 1)[1]: value for key, value in DEFAULTS.items() if "contact" in key}
    assert all(is_placeholder(value) for value in contact.values())


def test_missing_keys_are_added():
    source = "site_name: x\ntheme:\n  name: material\nextra:\n  itaplan:\n    contact:\n      phone: 1-2345-6789\n"
    new = _load(agency_config(source, VALUES))
    assert new["repo_url"] == DEFAULTS["repo_url"] and new["theme"] == {"name": "material"}
    assert new["extra"]["itaplan"]["contact"]["email"] == DEFAULTS["extra.itaplan.contact.email"]
