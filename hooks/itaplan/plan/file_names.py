"""File names under plan_data/ that are not UTF-8: refused first, with a clear message, before anything reads them.

A zip made on a Windows computer with Thai file names, unpacked by a tool that keeps the bytes, leaves names in
the Windows Thai code page (cp874/TIS-620). Python then sees them as "surrogate escapes", which every later step
(hashing the inputs, writing a cache, a message, a page) would trip over with a traceback. So the plan data is
searched for such names once, at the start of loading, and each is reported — shown with its bytes escaped and
as it reads in Windows Thai, so staff recognise the file — and nothing else is done until it is renamed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from itaplan.errors import Problem

_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def shown_name(name: str) -> str:
    """A file name fit for a message: bytes that are no UTF-8 written as \\xNN."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def undecodable_names(root: Path, shown_root: str = "plan_data") -> list[Problem]:
    """A problem for every file or folder under `root` whose name is not UTF-8 (links are not followed)."""
    problems = []
    for folder, folders, files in os.walk(root):
        for name in sorted(folders + files):
            if not _ESCAPED_BYTE.search(name):
                continue
            rel = Path(folder, name).relative_to(root).as_posix()
            shown = f"{shown_root}/{shown_name(rel)}"
            thai = os.fsencode(name).decode("cp874", "replace")
            problems.append(Problem(
                shown, None, None, f"the name is not UTF-8 (read as Windows Thai, cp874: '{thai}'); such names come "
                "from zip files made on Windows: rename the file or folder, e.g. in GitHub's web editor",
                kind="file_name", thai=f"ชื่อไฟล์หรือโฟลเดอร์ไม่ได้เข้ารหัสแบบ UTF-8 (อ่านแบบ Windows ภาษาไทยได้ว่า '{thai}') "
                "มักมาจากไฟล์ zip ที่สร้างบน Windows: ตั้งชื่อไฟล์ใหม่ (เช่น ในหน้าแก้ไขไฟล์ของ GitHub)"))
        folders[:] = [f for f in folders if not _ESCAPED_BYTE.search(f)]
    return problems
