"""Slips of hand in YAML, named as what they are, with the lines involved.

Staff edit plan data in GitHub's web editor; three slips there change or break the text without saying so:

- **Indentation** (เว้นวรรคหน้าบรรทัด) that differs between lines of one group. When the file does not parse,
  diagnose() finds the line whose spaces disagree with a line of the same group (a field beside its
  siblings, a list item beside the item above) and says how many spaces to add or remove — instead of
  libyaml's "mapping values are not allowed", which reads like a quoting problem.
- **Folding**: a line that begins with '- ' (or a step number: 2. ๒. 2) ขั้นตอนที่ 2) but is indented
  further than its list is read by YAML as the continuation of the value above, so two steps become one
  and nothing complains. folded() finds every such line in every value: it is refused.
- **A comment that cuts a value**: ' #' inside an unquoted value starts a YAML comment, so the rest of the
  text is silently dropped. cut_by_comment() warns about each with its line.
- **A backslash in double quotation marks**: YAML reads `"\n"`, `"\t"`, `"\\"`… inside "…" as other
  characters, so `"C:\new"` is not what was typed. escaped() warns about each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

import yaml

from itaplan.vocabulary import ITEMS, LABELS, kind_of, quote

# A line that reads as the start of a new list item: a dash or bullet, a step number (Arabic or Thai) with
# '.' or ')', a number in parentheses, or the words ขั้นตอนที่ N.
MARKER = re.compile(r"^(?:[-*+•▪●○◦–](?:\s|$)|[0-9๐-๙]{1,2}[.)](?![0-9๐-๙])|\([0-9๐-๙]{1,2}\)|ขั้นตอนที่\s*[0-9๐-๙])")
_KEY = re.compile(r"^([^\s:#'\"\-\[\]{},&*!|>%@`][^:#]*?)\s*:(?:\s|$)")
MARKDOWN_FIELDS = {"progress": ("result", "obstacles", "solutions")}


@dataclass(frozen=True)
class Slip:
    """One slip: the line to look at, and what to say (Thai, English)."""

    line: int
    thai: str
    english: str
    loc: tuple = ()
    kind: str = "indentation"


@dataclass(frozen=True)
class _Line:
    number: int
    indent: int
    item: bool
    key: str | None
    key_col: int
    value: str = ""
    """What follows 'key:' (or the '- ' of an item without a key), stripped."""
    text_of: int | None = None
    """For a line of a '|' or '>' block: the line of the field it belongs to."""


_BLOCK = re.compile(r"^[|>][-+0-9]*\s*(?:#.*)?$")


def _lines(text: str) -> list[_Line]:
    """The content lines (not blank, not comments), each with its indentation, key and value; the lines of a
    '|' or '>' block are marked as text of the field above."""
    out: list[_Line] = []
    block: _Line | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        body = raw.lstrip(" ")
        if not body.strip():
            continue
        indent = len(raw) - len(body)
        if block is not None:  # the text of a '|' or '>' block: every line indented more than its field
            if indent > (block.key_col if block.key is not None else block.indent):
                out.append(_Line(number, indent, False, None, indent, body.strip(), block.number))
                continue
            block = None
        if body.startswith("#") or body.startswith("\t"):
            continue
        item = body == "-" or body.startswith("- ")
        rest = body[1:].lstrip(" ") if item else body
        col = len(raw) - len(rest)
        match = _KEY.match(rest)
        value = rest[match.end():].strip() if match else rest.strip()
        line = _Line(number, indent, item, match.group(1) if match else None, col, value)
        out.append(line)
        if _BLOCK.match(value):
            block = line
    return out


def _siblings(file_kind: str | None) -> dict[str, set[str]]:
    """Each field name -> the field names that stand beside it (same parent) in a kind of file."""
    groups: dict[str, set[str]] = {}
    for path in LABELS.get(file_kind or "", {}):
        parent, _, name = path.rpartition(".")
        groups.setdefault(parent, set()).add(name)
    out: dict[str, set[str]] = {}
    for names in groups.values():
        for name in names:
            out.setdefault(name, set()).update(names)
    return out


def _parents(file_kind: str | None) -> dict[str, str]:
    """Each field name -> the field it belongs under ('' at the top of the file): 'end' -> 'period'."""
    out = {}
    for path in LABELS.get(file_kind or "", {}):
        parent, _, name = path.rpartition(".")
        out.setdefault(name, parent.replace(".*", "").rsplit(".", 1)[-1])
    return out


def _move(key: str, now: int, wanted: int) -> tuple[str, str]:
    diff = abs(wanted - now)
    if wanted > now:
        return f"เพิ่มเว้นวรรคหน้า {key} อีก {diff} ช่อง", f"add {diff} space{'s' if diff != 1 else ''} before {key}"
    return f"ลบเว้นวรรคหน้า {key} ออก {diff} ช่อง", f"remove {diff} space{'s' if diff != 1 else ''} before {key}"


def diagnose(text: str, line: int | None, problem: str, column: int | None, shown_as: str) -> Slip | None:
    """The slip behind a YAML parse error at `line`, if one is found at or before it: indentation that
    disagrees within a group, a list item or a line of text out of line, a dash without its space, a field
    or a list whose parent line is missing."""
    if line is None:
        return None
    lines = _lines(text)
    file_kind = kind_of(shown_as)
    at = next((ln for ln in lines if ln.number == line), None)
    if "mapping values" in problem and at is not None and at.key is not None and column is not None:
        raw = text.splitlines()[line - 1]
        if column - 1 > raw.index(":", at.key_col):  # the ': ' is inside a value: a quoting matter
            return None
    if "could not find expected ':'" in problem:
        colon = _colon_slip(lines, line, file_kind)
        if colon is not None:
            return colon
    if "mapping values" in problem and at is not None and at.key is not None:  # `- step 2` above `  status: …`
        above = [ln for ln in lines if ln.number < line]
        colon = _colon_slip(above[-1:], line, file_kind)
        if colon is not None:
            return colon
    siblings = _siblings(file_kind)
    found: Slip | None = None
    slipped: set[int] = set()
    for index, ln in enumerate(lines):
        if ln.number > line:
            break
        if ln.text_of is not None:
            slip = _text_slip(lines, index)
        else:
            slip = _dash_slip(lines, index) or (_item_slip(lines, index) if ln.item else None)
            slip = slip or _key_slip(lines, index, siblings, slipped, file_kind)
        if slip is not None:
            found = slip
            slipped.add(slip.line)
    if found is None and at is not None:
        found = _orphan(lines, at, file_kind, "mapping values" in problem)
    return found


def tab_slip(text: str, line: int | None, shown_as: str) -> Slip | None:
    """A Tab before a line (YAML refuses it): the line, the field it stands before, and how many spaces to put
    instead — those of the field beside it in its group, or two in from the line it belongs under."""
    raws = text.splitlines()
    tabbed = [n for n, raw in enumerate(raws, start=1) if "\t" in raw[:len(raw) - len(raw.lstrip(" \t"))]
              and raw.strip()]
    if not tabbed:
        return None
    number = next((n for n in reversed(tabbed) if line is None or n <= line), tabbed[0])
    body = raws[number - 1].lstrip(" \t")
    item = body == "-" or body.startswith("- ")
    match = _KEY.match(body[1:].lstrip(" ") if item else body)
    key = match.group(1) if match else None
    file_kind = kind_of(shown_as)
    above = [ln for ln in _lines(text) if ln.number < number and ln.text_of is None]
    wanted, beside = _tab_column(above, key, item, _siblings(file_kind).get(key or "", set()))
    what = "-" if item else key
    before_th = f" ก่อน{'ขีด -' if item else named(key, file_kind)}" if what else ""
    before_en = f" before {'the dash' if item else key}" if what else ""
    if wanted is None:
        how_th, how_en = "ลบแท็บออก แล้วเว้นวรรคหน้าบรรทัดด้วยปุ่มเว้นวรรค (space) ให้ตรงแนวเดียวกับบรรทัดอื่นในกลุ่ม", (
            "remove the Tab and indent with spaces, in line with the other lines of its group")
    else:
        line_up = ""
        if beside is not None:
            other = f"{named(beside.key, file_kind)} ในบรรทัด" if beside.key and not item else "ข้อในบรรทัด"
            line_up = f"ตรงแนวเดียวกับ{other} {beside.number}"
        if wanted:
            how_th = (f"ลบแท็บออก แล้วเว้นวรรคหน้า{' ' + what if what else 'บรรทัด'} {wanted} ช่องด้วยปุ่มเว้นวรรค (space)"
                      + (f" ให้{line_up}" if line_up else ""))
        else:
            how_th = f"ลบแท็บออก ให้ {what} เริ่มที่ต้นบรรทัด (ไม่ต้องเว้นวรรค)" + (f" {line_up}" if line_up else "")
        how_en = (f"remove the Tab and put {_spaces(wanted)} before {what or 'the line'}"
                  + (f", in line with line {beside.number}" if beside is not None else ""))
    return Slip(number, f"มีแท็บ (Tab) หน้าบรรทัด {number}{before_th}: {how_th}",
                f"line {number} has a Tab{before_en}; YAML indents with spaces only: {how_en}")


def _tab_column(above: list[_Line], key: str | None, item: bool, group: set[str]) -> tuple[int | None, _Line | None]:
    """Where a tabbed line should start: (column, the line it lines up with), or (column, None) for two spaces in
    from its parent line, or (None, None) when the lines above do not say."""
    for b in reversed(above):
        if item and b.item:
            return b.indent, b
        if not item and key is not None and (b.key in group or b.key == key):
            return b.key_col, b
        if b.key is not None and not b.value:  # the line it belongs under: 'period:'
            return (b.key_col if item else b.key_col + 2), None
        if b.key_col == 0:
            break
    return None, None


_WORD = re.compile(r"^([A-Za-z_]+)(?:\s+(.*))?$")


def _colon_slip(lines: list[_Line], line: int, file_kind: str | None) -> Slip | None:
    """A field name written without its ':' (`score 100`, `period`): YAML only notices on a later line, so the
    last line at or before `line` that starts with a field name of this kind of file and has no ':' is named."""
    names = {path.rsplit(".", 1)[-1]: path for path in LABELS.get(file_kind or "", {})}
    for ln in reversed([ln for ln in lines if ln.number <= line]):
        if ln.key is not None or ln.text_of is not None:
            continue
        match = _WORD.match(ln.value)
        if match is None or match.group(1) not in names:
            continue
        key, rest = match.group(1), (match.group(2) or "").strip()
        fixed = ("- " if ln.item else "") + (f"{key}: {rest}" if rest else f"{key}:")
        thai_label = LABELS[file_kind or ""][names[key]]
        return Slip(ln.number, f"ช่อง{thai_label} ({key}): บรรทัด {ln.number} ไม่มีเครื่องหมาย : หลังชื่อช่อง “{key}”: "
                               f"แก้เป็น {fixed}",
                    f"line {ln.number} has no colon (:) after the field name {key}: write {fixed}", kind="yaml")
    return None


def _expected(lines: list[_Line], first: _Line, second: _Line, col_of, group: set[str] | None = None) -> int:
    """Of two lines of one group that disagree, the column the group should have: that of the list item the
    fields belong to, else two spaces in from the line they belong under (a list's dashes may also stand right
    under it), else the top of the file; when neither line has it, the earlier line's."""
    pair = (col_of(first), col_of(second))
    low = min(pair)
    options: tuple[int, ...] = (0,)
    for b in reversed(lines[:lines.index(first) + 1]):
        if b.text_of is not None:
            continue
        if group and b.item and b.key in group:  # '- step: 2' sets where the fields of its item stand
            options = (b.key_col,)
            break
        if b is not first and (b.key is not None or b.item) and b.key_col < low:
            options = (b.key_col + 2,) if b.key is not None and col_of is _key_col else (b.key_col + 2, b.key_col)
            if b.key is None:
                options = (b.indent + 2,)
            break
    return next((o for o in options if o in pair), col_of(first))


def _key_col(line: _Line) -> int:
    return line.key_col


def _indent(line: _Line) -> int:
    return line.indent


def _item_slip(lines: list[_Line], index: int) -> Slip | None:
    """A list item whose dash is not in line with the item above it in the same list."""
    ln = lines[index]
    for before in reversed(lines[:index]):
        if before.text_of is not None:
            continue
        if before.item and before.indent == ln.indent:
            return None
        if before.item and not _closed(lines, before, ln):
            wanted = _expected(lines, before, ln, _indent)
            odd, other = (before, ln) if wanted == ln.indent else (ln, before)
            how_th, how_en = _move("-", odd.indent, wanted)
            return Slip(odd.number,
                        f"เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ขีด - ในบรรทัด {odd.number} {_indent_th(odd.indent)} "
                        f"แต่ข้อ{'ก่อนหน้า' if other.number < odd.number else 'ถัดไป'}ในบรรทัด {other.number} "
                        f"{_indent_th(other.indent, short=True)} ทุกข้อในรายการเดียวกันต้องเริ่มตรงแนวเดียวกัน: {how_th}",
                        f"indentation differs: the \"-\" on line {odd.number} has {odd.indent} spaces before it, the "
                        f"item on line {other.number} has {other.indent}; items of one list line up: {how_en}")
        if before.indent < ln.indent and not before.item:
            return None
    return None


def _closed(lines: list[_Line], first: _Line, second: _Line) -> bool:
    """Whether a line between two items is less indented than both (so they belong to different lists)."""
    inner = [ln for ln in lines if first.number < ln.number < second.number and ln.text_of is None]
    return any(ln.indent <= min(first.indent, second.indent) and not ln.item for ln in inner)


def named(key: str, file_kind: str | None) -> str:
    """A field name as staff read it in a message about lines: 'ช่องสถานะ (status)'; the key alone when this kind
    of file has no label for it, or gives one name two labels (a framework's tool name and indicator name)."""
    labels = {text for path, text in LABELS.get(file_kind or "", {}).items() if path.rsplit(".", 1)[-1] == key}
    return f"ช่อง{labels.pop()} ({key})" if len(labels) == 1 else key


def _key_slip(lines: list[_Line], index: int, siblings: dict[str, set[str]], slipped: set[int],
              file_kind: str | None = None) -> Slip | None:
    """A field whose name is not in line with the nearest field of the same group above it."""
    ln = lines[index]
    if ln.key is None or ln.key not in siblings:
        return None
    group = siblings[ln.key]
    before = next((b for b in reversed(lines[:index]) if b.key in group and b.number not in slipped
                   and b.text_of is None), None)
    if before is None or before.key_col == ln.key_col:
        return None
    wanted = _expected(lines, before, ln, _key_col, group)
    odd, other = (before, ln) if wanted == ln.key_col else (ln, before)
    how_th, how_en = _move(odd.key, odd.key_col, wanted)
    return Slip(odd.number,
                f"เว้นวรรคหน้าบรรทัดไม่ตรงกัน: {named(odd.key, file_kind)} ในบรรทัด {odd.number} "
                f"{_indent_th(odd.key_col)} แต่{named(other.key, file_kind)} ในบรรทัด {other.number} "
                f"ซึ่งอยู่ในกลุ่มเดียวกัน {_indent_th(other.key_col, short=True)} ต้องเริ่ม"
                f"ตรงแนวเดียวกัน: {how_th}",
                f"indentation differs: {odd.key} on line {odd.number} has {_spaces(odd.key_col)} before it, "
                f"{other.key} on line {other.number}, in the same group, has {other.key_col}: {how_en}")


def _indent_th(count: int, short: bool = False) -> str:
    """'เว้นวรรคหน้า 3 ช่อง' ('เว้น 3 ช่อง' when `short`), or 'เริ่มที่ต้นบรรทัด' for none: no '0 ช่อง'."""
    if count == 0:
        return "เริ่มที่ต้นบรรทัด"
    return f"เว้น {count} ช่อง" if short else f"เว้นวรรคหน้า {count} ช่อง"


def _spaces(count: int) -> str:
    return f"{count} space{'s' if count != 1 else ''}"


def _text_slip(lines: list[_Line], index: int) -> Slip | None:
    """A line of a '|' block less indented than the block's first line (YAML ends the text there)."""
    ln = lines[index]
    block = [b for b in lines if b.text_of == ln.text_of]
    first = block[0]
    if ln is first or ln.indent >= first.indent:
        return None
    owner = next(b for b in lines if b.number == ln.text_of)
    wanted = _expected(lines, first, ln, _indent)
    odd = first if wanted == ln.indent else ln
    how_th, how_en = _move(f"บรรทัด {odd.number}", odd.indent, wanted)
    return Slip(odd.number,
                f"เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ข้อความของ {owner.key or '-'} (ต่อจากบรรทัด {owner.number}) ทุกบรรทัดต้อง"
                f"เว้นวรรคหน้าเท่ากัน แต่บรรทัด {first.number} เว้น {first.indent} ช่อง บรรทัด {ln.number} เว้น "
                f"{ln.indent} ช่อง: {how_th.replace('หน้า บรรทัด', 'หน้าบรรทัด')}",
                f"indentation differs: every line of the text of {owner.key or '-'} (after line {owner.number}) "
                f"starts at the same column, but line {first.number} has {first.indent} spaces and line "
                f"{ln.number} has {ln.indent}: {how_en.replace('before line', 'at the start of line')}")


def _dash_slip(lines: list[_Line], index: int) -> Slip | None:
    """'-ข้อความ': a dash without the space after it is text, not a list item."""
    ln = lines[index]
    if ln.item or ln.key is not None or not ln.value.startswith("-") or ln.value.startswith(("--", "-.")):
        return None
    if ln.value[1:2].isdigit():
        return None  # a negative number
    before = lines[index - 1] if index else None
    after = lines[index + 1] if index + 1 < len(lines) else None
    near_item = any(b is not None and b.item and b.indent == ln.indent for b in (before, after))
    if not (near_item or (before is not None and before.key is not None and not before.value)):
        return None
    return Slip(ln.number,
                f"หลังขีด - ในบรรทัด {ln.number} ไม่มีเว้นวรรค ระบบจึงไม่อ่านเป็นข้อในรายการ: เว้นวรรคหนึ่งช่องหลัง - "
                f"เป็น {quote('- ' + ln.value[1:].strip(), limit=40)}",
                f"the \"-\" on line {ln.number} has no space after it, so it is not read as a list item: put one "
                "space after the \"-\"")


def _orphan(lines: list[_Line], at: _Line, file_kind: str | None, continued: bool) -> Slip | None:
    """A field whose parent line is missing above it (question: deleted above code:), or list items whose field
    line is missing (analysis: deleted above its items)."""
    parents = _parents(file_kind)
    above = {ln.key for ln in lines if ln.number < at.number}
    if continued and at.key in parents and parents[at.key] and parents[at.key] not in above:
        parent = parents[at.key]
        return Slip(at.number,
                    f"{at.key} ในบรรทัด {at.number} เป็นช่องย่อยของ {parent} แต่ไม่พบบรรทัด {parent}: ข้างบน: "
                    f"เพิ่มบรรทัด {parent}: ก่อนบรรทัด {at.number}",
                    f"{at.key} on line {at.number} belongs under {parent}, but there is no {parent}: line above it: "
                    f"add a line {parent}: before line {at.number}")
    if at.item:  # which list lost its field line: the one the order of the file's fields puts here
        order = [path for path in LABELS.get(file_kind or "", {}) if "." not in path]
        tops = [ln for ln in lines if ln.text_of is None and ln.indent == 0 and ln.key in order]
        before = next((ln.key for ln in reversed(tops) if ln.number < at.number), None)
        after = next((ln.key for ln in tops if ln.number > at.number), None)
        low = order.index(before) if before else -1
        high = order.index(after) if after else len(order)
        present = {ln.key for ln in tops}
        lists = [key for key in order[low + 1:high] if key not in present and _is_list(file_kind, key)]
        if len(lists) == 1:
            return Slip(at.number,
                        f"รายการในบรรทัด {at.number} ไม่มีชื่อช่องกำกับ (ไม่พบบรรทัด {lists[0]}: ข้างบน): เพิ่มบรรทัด "
                        f"{lists[0]}: ก่อนบรรทัด {at.number}",
                        f"the list on line {at.number} has no field line above it: add a line {lists[0]}: before "
                        f"line {at.number}")
    return None


def _is_list(file_kind: str | None, key: str) -> bool:
    labels = LABELS.get(file_kind or "", {})
    return key in ITEMS.get(file_kind or "", {}) or any(p.startswith(key + ".*") for p in labels)


# ---- folding and comments (on a file that parsed) -----------------------------------------------------------

def _walk(node: yaml.Node, loc: tuple = (), parent: yaml.Node | None = None
          ) -> Iterator[tuple[yaml.ScalarNode, tuple, yaml.Node | None]]:
    if isinstance(node, yaml.ScalarNode):
        yield node, loc, parent
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, loc + (index,), node)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _walk(value, loc + (key.value,), node)


def folded(text: str, root: yaml.Node | None, shown_as: str) -> list[Slip]:
    """Every line that starts like a new list item but that YAML joined into the value above it."""
    if root is None:
        return []
    source = text.splitlines()
    file_kind = kind_of(shown_as)
    out: list[Slip] = []
    for node, loc, parent in _walk(root):
        first, last = node.start_mark.line, node.end_mark.line
        if first == last or node.style == "|":
            continue
        if node.style == ">":
            continue_lines = _folded_block_lines(source, first, last)
        else:
            continue_lines = range(first + 1, min(last, len(source) - 1) + 1)
        for number in continue_lines:
            body = source[number].strip()
            marker = MARKER.match(body)
            if marker:
                out.append(_fold_slip(number + 1, node, loc, parent, source, marker.group().strip(), file_kind))
                break
    return out


def _folded_block_lines(source: list[str], first: int, last: int) -> list[int]:
    """Lines of a '>' block that YAML joins to the line above (same indentation, after a non-blank line)."""
    body = [n for n in range(first + 1, min(last, len(source) - 1) + 1) if source[n].strip()]
    if not body:
        return []
    indent = min(len(source[n]) - len(source[n].lstrip(" ")) for n in body)
    out = []
    for n in body[1:]:
        above = source[n - 1]
        if (above.strip() and len(source[n]) - len(source[n].lstrip(" ")) == indent
                and len(above) - len(above.lstrip(" ")) == indent):
            out.append(n)
    return out


def _fold_slip(line: int, node: yaml.ScalarNode, loc: tuple, parent: yaml.Node | None, source: list[str],
               marker: str, file_kind: str | None) -> Slip:
    start = node.start_mark.line + 1
    indent = len(source[line - 1]) - len(source[line - 1].lstrip(" "))
    told_th = (f"บรรทัด {line} ขึ้นต้นด้วย {quote(marker)} เหมือนข้อใหม่ แต่ YAML อ่านเป็นข้อความต่อท้ายค่าในบรรทัด {start} "
               f"(รวมเป็นข้อความเดียวกัน และข้อใหม่หายไป)")
    told_en = (f"line {line} starts with {quote(marker, english=True)} like a new item, but YAML reads it as the "
               f"rest of the value on line {start} (joined into one text; the new item is lost)")
    if isinstance(parent, yaml.SequenceNode):
        dash = parent.start_mark.column
        if marker == "-" and indent != dash:
            how_th, how_en = _move("-", indent, dash)
            fix_th, fix_en = f"ให้ - ตรงแนวเดียวกับ - ในบรรทัด {start}: {how_th}", f"line the \"-\" up with line {start}: {how_en}"
        else:
            fix_th = f"ถ้าเป็นข้อใหม่ ให้ขึ้นบรรทัดด้วย - ตรงแนวเดียวกับ - ในบรรทัด {start}"
            fix_en = f"if it is a new item, begin its line with \"- \" in line with line {start}"
    elif node.style == ">":
        fix_th = f"ใช้ | แทน > ในบรรทัด {start} เพื่อให้ขึ้นบรรทัดใหม่ตามที่เขียน"
        fix_en = f"write | instead of > on line {start} to keep the lines as written"
    elif file_kind in MARKDOWN_FIELDS and loc and loc[-1] in MARKDOWN_FIELDS[file_kind]:
        fix_th = (f"ถ้าต้องการเป็นรายการ ให้เขียน {loc[-1]}: | แล้วเขียนข้อความในบรรทัดถัดไป "
                  "(ดูตัวอย่างใน CONTRIBUTING.md)")
        fix_en = f"for a list, write {loc[-1]}: | and the text on the lines below it"
    else:
        fix_th = f"ช่องนี้เป็นข้อความบรรทัดเดียว: เขียนต่อกันในบรรทัด {start}"
        fix_en = f"this field is one line of text: write it on line {start}"
    return Slip(line, f"{told_th}: {fix_th}", f"{told_en}; {fix_en}", loc, "folded")


def cut_by_comment(text: str, root: yaml.Node | None) -> list[Slip]:
    """Every unquoted value that a ' #' on its line cuts short (YAML reads the rest as a comment)."""
    if root is None:
        return []
    source = text.splitlines()
    out: list[Slip] = []
    for node, loc, parent in _walk(root):
        if node.style not in (None, ""):  # plain values only: quoted ones keep their '#'
            continue
        is_text = node.tag.endswith(":str")
        empty_item = node.tag.endswith(":null") and isinstance(parent, yaml.SequenceNode) and not node.value
        if not (is_text or empty_item):
            continue
        row = node.end_mark.line
        if row >= len(source):
            continue
        comment = re.match(r"^\s+(#.*)$", source[row][node.end_mark.column:])
        if comment is None:
            continue
        cut = comment.group(1).rstrip()
        kept = node.value
        thai = (f"ข้อความ {quote(cut)} ในบรรทัด {row + 1} ถูกตัดทิ้ง เพราะ # ที่มีเว้นวรรคข้างหน้าคือเครื่องหมายหมายเหตุของ YAML "
                + (f"ค่าจึงเหลือเพียง {quote(kept)}" if kept else "ค่าจึงว่าง")
                + ": ถ้า # เป็นส่วนของข้อความ ให้ครอบทั้งข้อความด้วยเครื่องหมายคำพูด \"…\" ถ้าเป็นหมายเหตุ ให้ย้ายไปไว้บรรทัดของตัวเอง")
        english = (f"the text {quote(cut, english=True)} on line {row + 1} is dropped: \" #\" starts a YAML comment, "
                   + (f"so the value is only {quote(kept, english=True)}" if kept else "so the value is empty")
                   + "; put the whole text in quotation marks, or move a comment to a line of its own")
        out.append(Slip(row + 1, thai, english, loc, "comment"))
    return out



_ESCAPE = re.compile(r"\\[0abtnvfreNLP_xuU ]")
"""The escapes that turn a letter into another character (\" and \\ give what they show, and are left alone)."""


def escaped(text: str, root: yaml.Node | None) -> list[Slip]:
    """Every value in double quotation marks whose backslash YAML turned into another character."""
    if root is None:
        return []
    source = text.splitlines()
    out: list[Slip] = []
    for node, loc, _ in _walk(root):
        if node.style != '"' or node.start_mark.line >= len(source):
            continue
        first, last = node.start_mark.line, min(node.end_mark.line, len(source) - 1)
        raw = "\n".join(source[first:last + 1])
        match = _ESCAPE.search(raw)
        if match is None:
            continue
        line = first + raw[:match.start()].count("\n") + 1
        typed = match.group()
        out.append(Slip(line,
                        f"{quote(typed)} ในเครื่องหมายคำพูดคู่ \"…\" ถูก YAML แปลงเป็นอักขระอื่น ข้อความจึงไม่ตรงกับที่พิมพ์: "
                        "ใช้เครื่องหมายคำพูดเดี่ยว '…' แทน",
                        f"{quote(typed, english=True)} inside double quotation marks becomes another character; "
                        "use single quotation marks '…'",
                        loc, "escape"))
    return out
