"""`itaplan --help` in Thai first: an argparse parser whose headings, usage line and errors lead in Thai.

Subcommands made with `add_subparsers().add_parser()` are of the same class, so they read the same.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's own complaints, in Thai (the English follows in brackets).
_ERRORS = (
    (re.compile(r"^the following arguments are required: command$"), "ยังไม่ได้ระบุคำสั่ง เช่น itaplan check"),
    (re.compile(r"^the following arguments are required: (.*)$"), "ยังไม่ได้ระบุ {0}"),
    (re.compile(r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$"), "{0}: ไม่มีตัวเลือก {1} (เลือกได้: {2})"),
    (re.compile(r"^argument (\S+): expected one argument$"), "{0}: ต้องระบุค่าหนึ่งค่าต่อท้าย"),
    (re.compile(r"^argument (\S+): invalid (\S+) value: (.*)$"), "{0}: ค่า {2} ใช้ไม่ได้"),
    (re.compile(r"^unrecognized arguments: (.*)$"), "ไม่รู้จัก {0}"),
)


class ThaiHelpFormatter(argparse.HelpFormatter):
    """Usage line headed 'วิธีใช้ (usage):'."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "วิธีใช้ (usage): ")


class ThaiArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose headings, -h/--help and error messages lead in Thai."""

    def __init__(self, *args, add_help: bool = True, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", ThaiHelpFormatter)
        parents = kwargs.pop("parents", [])
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "ค่าที่ต้องระบุ (positional arguments)"
        self._optionals.title = "ตัวเลือก (options)"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="แสดงวิธีใช้นี้แล้วจบ (show this help and exit)")
        for parent in parents:  # after the Thai titles, so the parent's options join the same group
            self._add_container_actions(parent)
            self._defaults.update(getattr(parent, "_defaults", {}))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: ผิดพลาด: {thai_error(message)} (error: {message})\n")


def thai_error(message: str) -> str:
    """argparse's error message in Thai, or a general Thai sentence."""
    for pattern, thai in _ERRORS:
        match = pattern.match(message)
        if match:
            return thai.format(*match.groups())
    return "คำสั่งไม่ถูกต้อง ดูวิธีใช้ด้วย --help"
