"""Placeholders never reach citizens unnoticed: `itaplan check` names each one, `--strict` fails on them."""

from __future__ import annotations

import re

from conftest import itaplan
from itaplan.project.placeholders import DEFAULTS, find_unfilled

REAL = {
    "https://your-account.github.io/itaplan/": "https://ita.example-agency.go.th/",
    "https://github.com/ORG/itaplan": "https://github.com/example-agency/ita",
    "https://example.go.th/PLACEHOLDER-complaint-form": "https://forms.example-agency.go.th/complaint",
    "0-0000-0000": "0-3512-3456",
    "PLACEHOLDER@example.go.th": "saraban@example-agency.go.th",
    "https://www.facebook.com/PLACEHOLDER-agency-page": "https://www.facebook.com/example.agency",
    "https://line.me/R/ti/p/@PLACEHOLDER": "https://line.me/R/ti/p/@exampleagency",
}


def _line_of(path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def _fill_everything(project) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for placeholder, real in REAL.items():
        text = text.replace(placeholder, real)
    config.write_text(text, encoding="utf-8")


def test_check_warns_of_each_placeholder_with_file_and_line_and_still_passes(project):
    result = itaplan(project, "check")
    assert result.returncode == 0, result.stderr
    config = project / "mkdocs.yml"
    for key, value in DEFAULTS.items():
        line = _line_of(config, value)
        shown = [text for text in result.stderr.splitlines() if f"mkdocs.yml:{line}:" in text]
        assert shown, f"{key} at mkdocs.yml:{line} is not reported"
        # Thai first, for staff; English after
        assert re.search(r"[ก-๙]", shown[0].split("/ still")[0]) and "still a placeholder" in shown[0]
    assert "ยังมีค่าตัวอย่างที่ต้องแก้ 7 รายการ" in result.stderr


def test_strict_check_fails_on_placeholders(project):
    result = itaplan(project, "check", "--strict")
    assert result.returncode == 1
    assert "mkdocs.yml:" in result.stderr and "site_url" in result.stderr
    assert "Traceback" not in result.stderr


def test_github_format_gives_warnings_and_strict_gives_errors(project):
    line = _line_of(project / "mkdocs.yml", DEFAULTS["site_url"])
    result = itaplan(project, "check", "--format", "github")
    assert result.returncode == 0
    assert any(text.startswith(f"::warning file=mkdocs.yml,line={line},") and "site_url" in text
               for text in result.stdout.splitlines())
    assert "::error" not in result.stdout
    strict = itaplan(project, "check", "--format", "github", "--strict")
    assert strict.returncode == 1
    assert any(text.startswith(f"::error file=mkdocs.yml,line={line},") for text in strict.stdout.splitlines())


def test_filled_values_pass_strict(project):
    _fill_everything(project)
    result = itaplan(project, "check", "--strict")
    assert result.returncode == 0, result.stderr
    assert "ค่าตัวอย่าง" not in result.stderr and "placeholder" not in result.stderr


def test_codeowners_teams_are_placeholders_until_the_organisation_is_set(project):
    _fill_everything(project)
    owners = project / ".github" / "CODEOWNERS"
    owners.parent.mkdir()
    owners.write_text("# Replace ORG with your organisation (PLACEHOLDER)\n*  @ORG/webmaster\n"
                      "/plan_data/  @example-agency/finance @ORG/saraban\n", encoding="utf-8")
    result = itaplan(project, "check", "--strict")
    assert result.returncode == 1
    assert ".github/CODEOWNERS:2:" in result.stderr and ".github/CODEOWNERS:3:" in result.stderr
    assert ".github/CODEOWNERS:1:" not in result.stderr  # a comment explaining the placeholder is not one
    owners.write_text("*  @example-agency/webmaster\n", encoding="utf-8")
    assert itaplan(project, "check", "--strict").returncode == 0


def test_a_channel_left_out_is_not_a_placeholder_and_a_marked_page_is(project):
    config = project / "mkdocs.yml"
    _fill_everything(project)
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"\n\s+line: \S+", "", text), encoding="utf-8")
    assert find_unfilled(project) == []
    page = project / "docs" / "contact.md"
    page.write_text("# ติดต่อ\n\nที่อยู่: PLACEHOLDER เลขที่ตั้งสำนักงาน\n", encoding="utf-8")
    (found,) = find_unfilled(project)
    assert (found.file, found.line) == ("docs/contact.md", 3)


def test_this_repository_declares_its_placeholders(project):
    """The first customer's own mkdocs.yml still has placeholders, and its tests pass with them."""
    keys = {item.key for item in find_unfilled(project)}
    assert {"site_url", "repo_url"} <= keys


def test_security_contacts_are_placeholders_until_filled(project):
    """The security policy's report channel must be the agency's own before the site goes public;
    the instructions inside its HTML comment are not themselves a placeholder."""
    _fill_everything(project)
    policy = project / ".github" / "SECURITY.md"
    policy.parent.mkdir()
    policy.write_text("# Security policy\n\n<!--\n  PLACEHOLDER: replace the lines below\n-->\n\n"
                      "- By e-mail: `PLACEHOLDER-security@example.go.th`\n", encoding="utf-8")
    result = itaplan(project, "check", "--strict")
    assert result.returncode == 1
    assert ".github/SECURITY.md:7:" in result.stderr and ".github/SECURITY.md:4:" not in result.stderr
    policy.write_text("# Security policy\n\n- By e-mail: `security@example-agency.go.th`\n", encoding="utf-8")
    assert itaplan(project, "check", "--strict").returncode == 0
