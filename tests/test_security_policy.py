"""The security policy (.github/SECURITY.md, which GitHub shows under the Security tab): in Thai and in
English, how to report a problem, and what the site promises; contacts stay declared placeholders."""

from __future__ import annotations

import re

from conftest import ROOT

POLICY = ROOT / ".github" / "SECURITY.md"


def _sections() -> dict[str, str]:
    text = POLICY.read_text(encoding="utf-8")
    parts = re.split(r"(?m)^## ", text)
    return {part.split("\n", 1)[0].strip(): part for part in parts[1:]}


def test_security_policy_is_in_thai_and_english():
    sections = _sections()
    thai, english = sections["ภาษาไทย"], sections["English"]
    assert len(re.findall(r"[\u0E00-\u0E7F]", thai)) > 500  # written in Thai, not a line of it
    for words in (["แจ้ง", "Report a vulnerability", "อย่าเปิดเป็น issue สาธารณะ"],
                  ["คุกกี้", "ตัวติดตาม", "Content Security Policy", "escape", "แฮช", "commit", "Dependabot"]):
        for word in words:
            assert word in thai, word
    for word in ("Report a vulnerability", "do not open a public issue", "cookies", "trackers",
                 "Content Security Policy", "Escaping", "commit SHA", "hashes", "read-only token", "frame-ancestors"):
        assert word in english, word


def test_contacts_are_declared_placeholders_not_invented():
    text = POLICY.read_text(encoding="utf-8")
    for section in ("ภาษาไทย", "English"):
        contact_lines = [line for line in _sections()[section].splitlines() if "@" in line or "โทรศัพท์" in line
                         or "telephone" in line]
        assert contact_lines and all("PLACEHOLDER" in line for line in contact_lines), contact_lines
    emails = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
    assert emails and all(e.endswith("@example.go.th") for e in emails), emails  # reserved example domain only


def test_readme_and_the_handbook_point_to_the_security_policy():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(.github/SECURITY.md)" in readme  # a link, found by a reader of the README
    handbook = (ROOT / "handbook" / "security.md").read_text(encoding="utf-8")
    assert "## Threat model" in handbook and "(../.github/SECURITY.md)" in handbook


def test_the_handbook_gives_other_hosts_the_matching_security_headers():
    publishing = (ROOT / "handbook" / "publishing.md").read_text(encoding="utf-8")
    section = publishing.split("\n## Any other static host", 1)[1].split("\n## ", 1)[0]
    blocks = dict(re.findall(r"```(nginx|apache)\n(.*?)```", section, re.S))
    headers = [m for m in re.findall(r"```nginx\n(.*?)```", section, re.S) if "add_header Content-Security" in m]
    assert headers and "apache" in blocks
    for block in (headers[0], blocks["apache"]):
        for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                       "Permissions-Policy", "Strict-Transport-Security"):
            assert header in block, header
        policy = re.search(r'Content-Security-Policy "([^"]+)"', block)[1]
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
        assert "script-src" not in policy  # the pages' own policies hold the script hashes
    servers = [m for m in re.findall(r"```nginx\n(.*?)```", section, re.S) if "server {" in m]
    assert servers and servers[0].count("include snippets/itaplan-headers.conf") == 2  # server + nested location
