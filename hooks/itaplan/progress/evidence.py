"""Evidence files named by progress reports: where they are, what they are, and whether they may be published.

A reference is a path relative to the fiscal year's evidence folder (plan_data/<year>/evidence/), written
with forward slashes. Absolute paths, '..', backslashes, hidden files, links leading out of the folder,
missing files, unknown types and files over the size limit are refused with a message that says what to do.
"""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["photo", "document"]

EVIDENCE_DIR = "evidence"
MiB = 1024 * 1024
# suffix -> (media type, label shown to readers)
PHOTO_TYPES = {".jpg": ("image/jpeg", "ภาพ JPEG"), ".jpeg": ("image/jpeg", "ภาพ JPEG"),
               ".png": ("image/png", "ภาพ PNG")}
DOCUMENT_TYPES = {".pdf": ("application/pdf", "PDF"),
                  ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
                  ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel")}
MAX_BYTES = {"photo": 20 * MiB, "document": 20 * MiB}
"""Largest source file accepted, per kind (photos are made smaller before publishing)."""
SIGNATURES = {".pdf": (b"%PDF-",), ".docx": (b"PK\x03\x04",), ".xlsx": (b"PK\x03\x04",)}
"""How a document of each type begins (a photo is checked by decoding it)."""


_NOT_IN_NAMES = set("#?&\"'<>[](){}|^`*!;=+,")
"""Characters a link to the file would misread (a fragment, a query, Markdown), besides white space."""


class EvidenceError(ValueError):
    """A reference that cannot be published; the message leads in Thai, English follows."""


@dataclass(frozen=True)
class EvidenceFile:
    """One evidence file, checked and ready to publish."""

    ref: str
    """As written in the report, relative to plan_data/<year>/evidence/."""
    source: Path
    """The file to publish (for a photo: the prepared copy, once prepared)."""
    kind: Kind
    media_type: str
    type_label: str
    size: int
    """Bytes a reader downloads."""
    site_path: str
    """Where it is published, relative to the site root, e.g. 2569/evidence/6-months/training-01.jpg."""
    width: int | None = None
    height: int | None = None


def check_evidence(evidence_root: Path, fiscal_year: int, ref: str, kind: Kind) -> EvidenceFile:
    """The checked file that `ref` names under `evidence_root`, or EvidenceError saying what is wrong."""
    path = _locate(evidence_root, ref)
    suffix = path.suffix.lower()
    types = PHOTO_TYPES if kind == "photo" else DOCUMENT_TYPES
    if suffix not in types:
        allowed = ", ".join(sorted(types))
        raise EvidenceError(f"ไฟล์ชนิด “{suffix or 'ไม่มีนามสกุล'}” ใช้เป็น{'ภาพถ่าย' if kind == 'photo' else 'เอกสาร'}"
                            f"ไม่ได้ (รับเฉพาะ {allowed}) — '{ref}' is not an accepted {kind} type; expected {allowed}")
    size = path.stat().st_size
    if size > MAX_BYTES[kind]:
        limit = MAX_BYTES[kind] // MiB
        raise EvidenceError(f"ไฟล์ “{ref}” ใหญ่ {size / MiB:.1f} MB เกินขนาดที่กำหนด {limit} MB: ย่อหรือแบ่งไฟล์ก่อน — "
                            f"file is {size / MiB:.1f} MiB, over the {limit} MiB limit")
    if kind == "document":
        try:
            with path.open("rb") as handle:
                start = handle.read(8)
        except OSError as exc:
            raise EvidenceError(f"อ่านไฟล์ “{ref}” ไม่ได้ ({exc.strerror}) — cannot read the file") from None
        if not start.startswith(SIGNATURES[suffix]):
            raise EvidenceError(f"ไฟล์ “{ref}” ไม่ใช่ {types[suffix][1]} จริง (อาจเป็นไฟล์ชนิดอื่นที่เปลี่ยนนามสกุลเอง): "
                                f"เปิดแล้วบันทึกใหม่เป็น {types[suffix][1]} — the file's content is not {suffix}")
    media_type, label = types[suffix]
    return EvidenceFile(ref=ref, source=path, kind=kind, media_type=media_type, type_label=label, size=size,
                        site_path=f"{fiscal_year}/{EVIDENCE_DIR}/{ref}")


def _locate(evidence_root: Path, ref: str) -> Path:
    shown = f"{EVIDENCE_DIR}/{ref}"
    for char in ref:
        if char == "\\" or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            raise EvidenceError(f"ชื่อไฟล์ “{ref}” มีอักขระที่ใช้ไม่ได้ (ใช้ / คั่นโฟลเดอร์) — the path contains a backslash "
                                "or an invisible character; separate folders with /")
    if "%" in ref or any(char != unicodedata.normalize("NFKC", char) and
                         set(unicodedata.normalize("NFKC", char)) & set("./\\:") for char in ref):
        raise EvidenceError(f"ชื่อไฟล์ “{ref}” มีอักขระที่ใช้ไม่ได้ (% หรือจุด/ขีดทับแบบอักษรพิเศษ): ตั้งชื่อไฟล์ใหม่ด้วย"
                            "ตัวอักษร ตัวเลข - และ _ — the path contains '%' or a look-alike of '.', '/' or ':'")
    odd = sorted({char for char in ref if char.isspace() or char in _NOT_IN_NAMES})
    if odd:
        shown_odd = " ".join("ช่องว่าง" if char.isspace() else char for char in odd)
        raise EvidenceError(f"ชื่อไฟล์ “{ref}” มีอักขระที่ทำให้ลิงก์เสีย ({shown_odd}): ตั้งชื่อไฟล์ใหม่ด้วยตัวอักษร ตัวเลข "
                            "- และ _ เช่น 6-months/photo-01.jpg — the name holds white space or a character that "
                            "breaks a link (# ? & quotes brackets); rename the file with letters, digits, - and _")
    if ref.startswith("/") or (len(ref) > 1 and ref[1] == ":"):
        raise EvidenceError(f"“{ref}” เป็นตำแหน่งเต็มในเครื่อง: เขียนตำแหน่งภายในโฟลเดอร์ {EVIDENCE_DIR}/ ของปีนั้น "
                            f"เช่น 6-months/photo-01.jpg — an absolute path; expected a path inside the year's "
                            f"{EVIDENCE_DIR}/ folder")
    parts = ref.split("/")
    if any(p in ("", ".", "..") for p in parts) or posixpath.normpath(ref) != ref:
        raise EvidenceError(f"“{ref}” ออกนอกโฟลเดอร์ {EVIDENCE_DIR}/ หรือเขียนไม่ครบ (“..” หรือ “//”) — the path leaves "
                            f"the {EVIDENCE_DIR}/ folder or has empty parts; expected e.g. 6-months/photo-01.jpg")
    if any(p.startswith(".") for p in parts):
        raise EvidenceError(f"“{ref}” เป็นไฟล์ซ่อน (ขึ้นต้นด้วยจุด) ซึ่งไม่เผยแพร่ — hidden files are not published")
    if evidence_root.is_symlink():
        raise EvidenceError(f"โฟลเดอร์ {EVIDENCE_DIR}/ ของปีนี้เป็นลิงก์ไปที่อื่น: ใส่ไฟล์หลักฐานไว้ในโฟลเดอร์จริงในที่เก็บ"
                            f"ข้อมูล — the year's {EVIDENCE_DIR}/ folder is a symbolic link; expected a real folder "
                            "in the repository")
    path = evidence_root / ref
    root = evidence_root.resolve()
    try:
        inside = path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # a link that leads to itself
        inside = False
    if not inside:
        raise EvidenceError(f"“{ref}” เป็นลิงก์ไปยังไฟล์นอกโฟลเดอร์ {EVIDENCE_DIR}/ — a link to a file outside the "
                            f"{EVIDENCE_DIR}/ folder; put the file itself there")
    if not path.is_file():
        other = _other_case(evidence_root, parts)
        if other is not None:
            raise EvidenceError(f"ไม่พบไฟล์ {shown} แต่ในโฟลเดอร์มีไฟล์ {other} ซึ่งตัวพิมพ์เล็กใหญ่ต่างกัน (เว็บไซต์ถือว่า"
                                f"เป็นคนละชื่อ): แก้ชื่อในช่องนี้เป็น {other} — file not found; the folder holds {other}, "
                                f"which differs in upper and lower case (the website tells them apart): write {other}")
        raise EvidenceError(f"ไม่พบไฟล์ {shown}: ตรวจชื่อไฟล์ (ตัวพิมพ์เล็กใหญ่ต้องตรงกัน) และอัปโหลดไฟล์ไว้ในโฟลเดอร์นั้น — "
                            f"file not found: expected it under the year's {EVIDENCE_DIR}/ folder")
    return path


def _other_case(evidence_root: Path, parts: list[str]) -> str | None:
    """The evidence path that names the same file as `parts` but for upper and lower case (training-01.jpg for
    training-01.JPG), if there is exactly one; None otherwise."""
    folder, found = evidence_root, []
    for part in parts:
        try:
            same = [c for c in folder.iterdir() if c.name.casefold() == part.casefold()] if folder.is_dir() else []
        except OSError:
            return None
        if len(same) != 1:
            return None
        folder = same[0]
        found.append(folder.name)
    return "/".join(found) if folder.is_file() and not folder.is_symlink() else None
