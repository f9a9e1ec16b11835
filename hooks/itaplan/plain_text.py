r"""What text from staff may hold: characters refused, characters removed, and how names are compared.

Every text value of the plan data and the progress reports passes through here (the schema's
`Text` and `Markdown` types, the staff Markdown check), so one policy holds everywhere:

- **refused**, with a Thai-first message naming the character: control characters (tab and line
  break aside), lone surrogates, noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two
  code points of every plane) and the bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E,
  U+200F, U+061C) and interlinear annotation marks. They are never typed on purpose; they break the
  files a page is made of (YAML front matter and XML refuse noncharacters and controls) or change
  what a reader sees without showing themselves (a right-to-left override turns "gpj.exe" around).
  Removing them could change the meaning, so the person who wrote the text decides.
- **removed**, silently: U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+FEFF ZERO WIDTH NO-BREAK
  SPACE (a byte order mark inside the text), U+180E and the invisible mathematical operators
  U+2061–U+2064. Word, PDF readers and web pages paste them into Thai text; they never change what
  a reader sees, so removing them loses nothing, and a clerk's work is not stopped for them.
- **composed** to NFC (Unicode's canonical composition): a letter and its combining marks typed in
  another order or decomposed look the same and are now the same text, for search too.
- **kept**: ZERO WIDTH JOINER and NON-JOINER, variation selectors, tag characters and the soft
  hyphen, which emoji and some scripts need; `name_key` leaves them out when names are compared,
  so "กองคลัง" and "กอง\u200dคลัง" are one responsible unit.

One bound on size: a value may hold at most MAX_MARKS of the characters a page's Markdown must escape
(``[ ] * _ { } # ! | ` \ < > &``). MkDocs' Markdown copies the whole paragraph for each escape it meets,
so their number times the paragraph's length is the cost: 20,000 `[` in one value took 1.4 s to render,
40,000 took 6.7 s; a thousand is more than any sentence of a plan needs.
"""

from __future__ import annotations

import re
import unicodedata

from itaplan.errors import ThaiValueError

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xfffe)}{chr(plane * 0x10000 + 0xffff)}" for plane in range(1, 17))
REFUSED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}{_BIDI}\ufff9-\ufffb]")
"""Characters refused in any text (tab and line feed are allowed; a carriage return is not)."""
REMOVED = re.compile("[\u200b\u2060\ufeff\u180e\u2061-\u2064]")
"""Invisible characters removed from any text: nothing a reader sees changes."""
_IGNORED_IN_NAMES = re.compile("[\u200c\u200d\u00ad\u034f\ufe00-\ufe0f\U000e0000-\U000e007f\U000e0100-\U000e01ef]")
_SEPARATORS = re.compile("[\u2028\u2029]")

_KINDS_TH = {"bidi": "อักขระควบคุมทิศทางข้อความ ซึ่งทำให้ข้อความที่ผู้อ่านเห็นสลับลำดับ",
             "noncharacter": "อักขระที่ไม่ใช่ตัวอักษร (noncharacter) ซึ่งทำให้ไฟล์ของหน้าเว็บเสีย",
             "surrogate": "รหัสอักขระที่ไม่สมบูรณ์ (surrogate) ซึ่งเขียนลงไฟล์ไม่ได้",
             "control": "อักขระควบคุมที่มองไม่เห็น"}
_KINDS_EN = {"bidi": "a bidirectional control, which reorders what readers see",
             "noncharacter": "a noncharacter, which breaks the page's files",
             "surrogate": "a lone surrogate, which cannot be written to a file",
             "control": "an invisible control character"}


def _kind(char: str) -> str:
    code = ord(char)
    if 0xd800 <= code <= 0xdfff:
        return "surrogate"
    if re.fullmatch(f"[{_BIDI}]", char):
        return "bidi"
    if 0xfdd0 <= code <= 0xfdef or (code & 0xfffe) == 0xfffe:
        return "noncharacter"
    return "control"


def describe(char: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)': how a message names an invisible character."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def refusal(char: str) -> tuple[str, str]:
    """(Thai, English) saying why `char` cannot stay in the text, and what to do."""
    kind = _kind(char)
    return (f"มี{_KINDS_TH[kind]} ({describe(char)}): ให้ลบอักขระนี้ออก (มักติดมากับข้อความที่คัดลอกมา "
            "ลองพิมพ์ข้อความช่วงนั้นใหม่)",
            f"contains {_KINDS_EN[kind]}, {describe(char)}; delete it (it usually comes with copied text: "
            "type that part again)")


def first_refused(text: str) -> re.Match | None:
    """Where the first refused character of `text` is, or None."""
    return REFUSED.search(text)


def clean(text: str) -> str:
    """`text` as published: invisible characters that change nothing removed, line and paragraph
    separators made line breaks, composed to NFC. Refused characters are left for `check` to report."""
    text = REMOVED.sub("", text)
    text = _SEPARATORS.sub("\n", text)
    return unicodedata.normalize("NFC", text)


MAX_MARKS = 1000
_MARKS = re.compile(r"[\[\]*_{}#!|`\\<>&]")


def check(text: str) -> str:
    """`text` cleaned (see `clean`); ThaiValueError when it holds a refused character or too many marks."""
    bad = first_refused(text)
    if bad:
        raise ThaiValueError(*refusal(bad.group()))
    marks = len(_MARKS.findall(text))
    if marks > MAX_MARKS:
        raise ThaiValueError(f"มีเครื่องหมาย [ ] * _ {{ }} # ! | ` \\ < > & รวม {marks:,} ตัวในข้อความเดียว เกินกว่าที่ใช้ได้ "
                             f"({MAX_MARKS:,} ตัว): ลดลง หรือแบ่งเป็นหลายข้อ",
                             f"holds {marks:,} of the marks [ ] * _ {{ }} # ! | ` \\ < > &, more than the {MAX_MARKS:,} "
                             "a value may hold (each costs the page's Markdown a copy of the paragraph); expected fewer")
    return clean(text)


def name_key(name: str) -> str:
    """How two names (responsible units) are compared: cleaned, without the invisible joiners,
    selectors and soft hyphens that make two names look alike and differ, white space collapsed."""
    return " ".join(_IGNORED_IN_NAMES.sub("", clean(name)).split())


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced by U+FFFD (text kept from history,
    which was written before the rules above, still makes a valid feed)."""
    return _NOT_XML.sub("\ufffd", text)


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
