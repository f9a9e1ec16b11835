"""Link targets from plan data: only web and mail addresses, or paths inside the site.

A link in plan data ends up as an `href` on a public page, so it is checked the way a browser
would read it: `javascript:`, `data:`, `vbscript:` and every other scheme are refused, and so is
anything a browser would silently clean up first (white space, control or invisible characters,
backslashes), because "java\\tscript:" is still javascript: to a browser.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from urllib.parse import quote, unquote, urlsplit

from itaplan.errors import ThaiValueError

MAX_LENGTH = 2000
ALLOWED_SCHEMES = ("https", "http", "mailto")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Characters kept as they are in an href; everything else is percent-encoded.
_SAFE = "/:?#@!$&*+,;=%~-._"


def check_url(url: str) -> str:
    """Return `url` if it is a safe link target, else raise ThaiValueError (a ValueError) saying what is expected."""
    if not url:
        raise ThaiValueError("ยังไม่ได้ใส่ลิงก์: ต้องเป็น https://… http://… mailto:… หรือที่อยู่ของไฟล์ในเว็บไซต์",
                             "expected a link: https://…, http://…, mailto:… or a path inside the site")
    if len(url) > MAX_LENGTH:
        raise ThaiValueError(f"ลิงก์ยาว {len(url):,} ตัวอักษร เกินกว่าที่ใช้ได้ ({MAX_LENGTH:,} ตัวอักษร)",
                             f"is {len(url):,} characters long; a link may hold at most {MAX_LENGTH:,}")
    for char in url:
        if char.isspace() or char == "\\" or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            raise ThaiValueError(f"ลิงก์มี{_describe_th(char)}: ต้องเขียนลิงก์โดยไม่มีช่องว่าง เครื่องหมาย \\ "
                                 "หรืออักขระที่มองไม่เห็น",
                                 f"contains {_describe(char)}; write the link without spaces, "
                                 "backslashes or invisible characters")
    scheme = _SCHEME.match(url)
    if scheme:
        name = scheme.group(1).lower()
        if name not in ALLOWED_SCHEMES:
            raise ThaiValueError(f"ลิงก์แบบ “{scheme.group(1)}:” ใช้ไม่ได้: ต้องขึ้นต้นด้วย https:// http:// หรือ "
                                 "mailto: หรือเป็นที่อยู่ของไฟล์ในเว็บไซต์",
                                 f"uses \"{scheme.group(1)}:\", which is not allowed; expected an https://, "
                                 "http:// or mailto: address, or a path inside the site")
        parts = urlsplit(url)
        if name == "mailto" and not parts.path:
            raise ThaiValueError("ต้องมีที่อยู่อีเมลต่อท้าย mailto:", "expected an e-mail address after mailto:")
        if name != "mailto" and (not url[len(name) + 1:].startswith("//") or not parts.hostname):
            raise ThaiValueError(f"ที่อยู่เว็บไม่ครบ: ต้องเขียนแบบ {name}://www.example.go.th/",
                                 f"expected a web address such as {name}://www.example.go.th/")
        return url
    if ":" in url:
        raise ThaiValueError("ลิงก์มีเครื่องหมาย “:” แต่ไม่ได้ขึ้นต้นด้วย https:// http:// หรือ mailto: "
                             "(ที่อยู่ของไฟล์ในเว็บไซต์ไม่มี “:”)",
                             "contains \":\" but does not start with https://, http:// or mailto:; "
                             "a path inside the site has no \":\"")
    if "&" in url:
        raise ThaiValueError("ที่อยู่ของไฟล์ในเว็บไซต์ต้องไม่มีเครื่องหมาย “&”",
                             "contains \"&\", which a path inside the site does not need (a character reference "
                             "such as &colon; could hide a scheme)")
    if url.startswith("//"):
        raise ThaiValueError("ลิงก์ขึ้นต้นด้วย “//” ซึ่งพาไปเว็บไซต์อื่น: ให้เขียน https://… ให้ครบ",
                             "starts with \"//\", which leads to another site; write https://… in full")
    path = unquote(urlsplit(url).path)
    if "\\" in path or ":" in path or any(unicodedata.category(c) == "Cc" for c in path):
        raise ThaiValueError("ลิงก์ซ่อนอักขระต้องห้ามไว้ในรหัส %: ให้เขียนลิงก์ตามปกติ",
                             "hides a scheme or control character behind %-escapes")
    if _leaves_site(path):
        raise ThaiValueError("ลิงก์ออกนอกเว็บไซต์ด้วย “..”: ต้องเป็นที่อยู่ของไฟล์ในเว็บไซต์",
                             "leaves the site through \"..\"; expected a path inside the site")
    return url


def _leaves_site(path: str) -> bool:
    depth = 0
    for part in path.lstrip("/").split("/"):
        depth += -1 if part == ".." else (0 if part in ("", ".") else 1)
        if depth < 0:
            return True
    return False


def _describe(char: str) -> str:
    name = unicodedata.name(char, "a control character")
    return f"U+{ord(char):04X} ({name.lower()})" if char != " " else "a space"


def _describe_th(char: str) -> str:
    return "ช่องว่าง" if char.isspace() else f"อักขระ U+{ord(char):04X}"


def is_site_path(url: str) -> bool:
    """True for a path inside the site (no scheme), False for an external or mail address."""
    return _SCHEME.match(url) is None


def href(url: str, page: str) -> str:
    """The link target as written into a Markdown link on `page` (a path relative to docs/).

    Site paths are relative to the site's root and become relative to the page; the result is
    percent-encoded so that no character can close the Markdown link or the HTML attribute,
    and '&' is written as '&amp;' so that no character reference can change the target.
    """
    if is_site_path(url):
        parts = urlsplit(url)
        target = parts.path.lstrip("/") or "."
        rel = posixpath.relpath(target, posixpath.dirname(page) or ".")
        if parts.path.endswith("/") and not rel.endswith("/"):
            rel += "/"
        url = rel + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return quote(url, safe=_SAFE).replace("&", "&amp;")
