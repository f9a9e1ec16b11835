"""Read one YAML file safely and remember where each value stands in it.

Plan data comes from many hands, so the reader is strict and bounded: a safe loader, no
anchors or aliases (an alias bomb cannot expand), a size and nesting limit, duplicate keys
refused (a typo must not silently replace a value), and dates left as text so that an
impossible date becomes a validation error with a line number instead of a crash.
Files larger than MAX_BYTES are not read, control characters are refused before parsing, and
the parsing rules themselves live in yaml_loader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from itaplan.errors import PlanDataError, Problem
from itaplan.plan.yaml_loader import MAX_DEPTH, RefusedYaml, StrictLoader
from itaplan.plan.yaml_slips import cut_by_comment, diagnose, escaped, folded, tab_slip
from itaplan.vocabulary import code_path, place

__all__ = ["MAX_BYTES", "MAX_DEPTH", "YamlDocument", "read_yaml"]
MAX_BYTES = 512 * 1024
# Characters YAML forbids in a file (it only allows tab, line breaks and printable text).
# What libyaml's messages mean, in Thai (the first that matches is used).
_YAML_THAI = (
    ("mapping values are not allowed", "ข้อความมีเครื่องหมาย : ตามด้วยเว้นวรรค ระบบจึงอ่านเป็นชื่อช่อง: "
                                       "ครอบทั้งข้อความด้วยเครื่องหมายคำพูด \"…\""),
    ("could not find expected ':'", "หาเครื่องหมาย : หลังชื่อช่องไม่พบ: ตรวจเว้นวรรคหน้าบรรทัดและเครื่องหมายคำพูด"),
    ("end of stream", "เครื่องหมายคำพูดที่เปิดไว้ไม่ได้ปิด: เติมเครื่องหมายคำพูดปิดท้ายข้อความ"),
    ("did not find expected key", "เว้นวรรคหน้าบรรทัดไม่ตรงกัน: ช่องในกลุ่มเดียวกันต้องเริ่มตรงแนวเดียวกัน"),
    ("did not find expected '-'", "เว้นวรรคหน้าบรรทัดของรายการไม่ตรงกัน: ทุกข้อต้องขึ้นต้นด้วย - ตรงแนวเดียวกัน"),
    ("tab character", "มีแท็บ (Tab) หน้าบรรทัด: ให้เว้นวรรคหน้าบรรทัดด้วยปุ่มเว้นวรรค (space) แทน"),
    ("cannot start any token", "มีอักขระที่ขึ้นต้นค่าไม่ได้ (เช่น @ ` หรือ Tab): ถ้าเป็นแท็บหน้าบรรทัด ให้ใช้เว้นวรรคแทน "
                               "ถ้าเป็นข้อความ ให้ครอบด้วยเครื่องหมายคำพูด \"…\""),
    ("document", "ไฟล์มีเอกสาร YAML มากกว่าหนึ่งชุด (มี --- คั่น): ไฟล์ข้อมูลแผนต้องมีชุดเดียว"),
    ("not allowed in this context", "เว้นวรรคหน้าบรรทัดหรือเครื่องหมาย - อยู่ผิดที่: ตรวจเว้นวรรคหน้าบรรทัด"),
)
_UNPRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class YamlDocument:
    """The data of one YAML file and the node tree it came from, for line numbers.

    `warnings` are shapes that parse but may not say what the clerk meant (see yaml_slips); the loaders
    pass them on to `itaplan check` and the build log."""

    path: str
    data: Any
    root: yaml.Node | None
    warnings: list[Problem] = field(default_factory=list)

    def line_of(self, loc: tuple[Any, ...]) -> int | None:
        """1-based line of the value at `loc` (keys and list indexes), or of its nearest parent."""
        node = self.root
        if node is None:
            return None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1

    def node_of(self, loc: tuple[Any, ...]) -> yaml.Node | None:
        """The node of the value at `loc` itself (None when it is not in the file)."""
        node = self.root
        for part in loc:
            node = _child(node, part) if node is not None else None
        return node

    def key_of(self, loc: tuple[Any, ...]) -> yaml.Node | None:
        """The node of the key at the end of `loc` (for where a field name stands), if it is in the file."""
        parent = self.node_of(loc[:-1]) if loc else None
        if isinstance(parent, yaml.MappingNode):
            return next((k for k, _ in parent.value if k.value == loc[-1]), None)
        return None


def _child(node: yaml.Node, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == part:
                return value_node
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return node.value[part]
    return None


def _yaml_thai(exc: yaml.MarkedYAMLError, what: str) -> str:
    """libyaml's or our loader's complaint in Thai."""
    if isinstance(exc, RefusedYaml):
        return exc.thai
    for needle, thai in _YAML_THAI:
        if needle in what:
            return thai
    return "ตรวจการย่อหน้า เครื่องหมาย : หลังชื่อช่อง และเครื่องหมายคำพูดที่เปิดแล้วไม่ได้ปิด"


def read_yaml(path: Path, shown_as: str) -> YamlDocument:
    """Parse `path`; on any failure raise PlanDataError naming `shown_as` and the line."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise PlanDataError([Problem(shown_as, None, None, f"cannot be read: {exc.strerror}", kind="unreadable",
                                     thai=f"เปิดไฟล์ไม่ได้ ({exc.strerror})")])
    if len(raw) > MAX_BYTES:
        raise PlanDataError([Problem(shown_as, None, None, f"is larger than {MAX_BYTES:,} bytes, the most "
                                     "a plan data file may hold", kind="too_large",
                                     thai=f"ไฟล์ใหญ่เกิน {MAX_BYTES:,} ไบต์ ซึ่งเป็นขนาดสูงสุดของไฟล์ข้อมูลแผน")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanDataError([Problem(shown_as, line, None, "is not UTF-8 text; save it as UTF-8",
                                     kind="encoding", thai="ไฟล์ไม่ได้บันทึกแบบ UTF-8: ให้บันทึกใหม่เป็น UTF-8")])
    bad = _UNPRINTABLE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise PlanDataError([Problem(shown_as, line, None, f"contains the control character "
                                     f"U+{ord(bad.group()):04X}; plan data must be plain text", kind="encoding",
                                     thai=f"มีอักขระควบคุมที่มองไม่เห็น (U+{ord(bad.group()):04X}): "
                                          "ข้อมูลแผนต้องเป็นข้อความธรรมดา")])
    loader = None
    try:
        loader = StrictLoader(text)
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if exc.context_mark and "end of stream" in str(exc.problem):  # e.g. a quote never closed:
            mark = exc.context_mark  # where it was opened is what the editor must look at
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        slip = None
        if "tab character" in what or "cannot start any token" in what:
            slip = tab_slip(text, line, shown_as)
        if slip is None and not isinstance(exc, yaml.constructor.ConstructorError):
            slip = diagnose(text, line, str(exc.problem or ""), column, shown_as)
        if slip is not None:  # the indentation slip behind it, named with the lines that disagree
            raise PlanDataError([Problem(shown_as, slip.line, None, f"is not valid YAML: {slip.english}",
                                         kind="indentation", thai=slip.thai)])
        said = what.replace("'", '"')  # libyaml's words, quoted as the other English lines quote
        raise PlanDataError([Problem(shown_as, line, None, f"is not valid YAML: {said}", column, kind="yaml",
                                     thai="รูปแบบไฟล์ผิด: " + _yaml_thai(exc, what))])
    except yaml.YAMLError as exc:
        raise PlanDataError([Problem(shown_as, None, None, f"is not valid YAML: {exc}", kind="yaml",
                                     thai="รูปแบบไฟล์ผิด (YAML)")])
    except RecursionError:
        raise PlanDataError([Problem(shown_as, None, None, "is nested too deeply to be plan data", kind="yaml",
                                     thai="ย่อหน้าซ้อนกันลึกเกินกว่าข้อมูลแผน")])
    finally:
        if loader is not None:
            loader.dispose()
    refused = [Problem(shown_as, slip.line, code_path(slip.loc) or None, slip.english, kind=slip.kind,
                       thai=slip.thai, place=place(slip.loc, shown_as, data))
               for slip in folded(text, root, shown_as)]
    if refused:  # a line that starts a new item was joined into the one above: the list lost an item
        raise PlanDataError(refused)
    warnings = [Problem(shown_as, slip.line, code_path(slip.loc) or None, slip.english, kind=slip.kind,
                        thai=slip.thai, place=place(slip.loc, shown_as, data))
                for slip in cut_by_comment(text, root) + escaped(text, root)]
    return YamlDocument(shown_as, data, root, warnings)
