"""Photos for publishing: at most 1600 px on the longest side, re-encoded, with no metadata at all.

A phone photo carries its GPS position, the camera's serial number and a thumbnail in EXIF; none of
that may reach the public site. Pillow decodes the picture, turns it upright (EXIF orientation),
and writes only the pixels again: no EXIF, XMP, ICC profile, comments or thumbnails. The result is
cached by the content of the source file, so a repeat build opens no image at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from itaplan.progress.evidence import EvidenceError

MAX_SIDE = 1600
JPEG_QUALITY = 82
MAX_PIXELS = 60_000_000
"""Larger pictures are refused before decoding (a 'decompression bomb' would exhaust memory)."""
FORMAT = 1
"""Bump when the processing changes, so cached results are made again."""


@dataclass(frozen=True)
class PreparedPhoto:
    """A photo ready to publish."""

    path: Path
    width: int
    height: int
    size: int
    media_type: str
    suffix: str


def prepare_photo(source: Path, cache_dir: Path | None) -> PreparedPhoto:
    """The published version of `source`, from the cache when its content was prepared before.

    Raises EvidenceError when the file is not a readable JPEG or PNG picture.
    """
    data = source.read_bytes()
    key = hashlib.sha256(b"%d\0%d\0%d\0" % (FORMAT, MAX_SIDE, JPEG_QUALITY) + data).hexdigest()
    folder = cache_dir if cache_dir is not None else Path(tempfile.gettempdir()) / "itaplan-photos"
    meta_file = folder / f"{key}.json"
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        out = folder / meta["file"]
        if out.is_file() and out.stat().st_size == meta["size"]:
            return PreparedPhoto(out, meta["width"], meta["height"], meta["size"], meta["media_type"], out.suffix)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    encoded, width, height, media_type, suffix = _process(data, source.name)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{key}{suffix}"
    _write_atomic(out, encoded)
    _write_atomic(meta_file, json.dumps({"file": out.name, "width": width, "height": height,
                                         "size": len(encoded), "media_type": media_type}).encode())
    return PreparedPhoto(out, width, height, len(encoded), media_type, suffix)


def _process(data: bytes, name: str) -> tuple[bytes, int, int, str, str]:
    import io

    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as img:
            if img.format not in ("JPEG", "PNG"):
                raise EvidenceError(f"ไฟล์ '{name}' ไม่ใช่ภาพ JPEG หรือ PNG ({img.format}) — not a JPEG or PNG picture")
            fmt = img.format
            img = ImageOps.exif_transpose(img)
            img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            if fmt == "JPEG":
                img = img.convert("RGB")
                clean = Image.new("RGB", img.size)
                clean.paste(img)
                clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
                return out.getvalue(), clean.width, clean.height, "image/jpeg", ".jpg"
            mode = "RGBA" if img.mode in ("RGBA", "LA", "P") else "RGB"
            img = img.convert(mode)
            clean = Image.new(mode, img.size)
            clean.paste(img)
            clean.save(out, "PNG", optimize=True)
            return out.getvalue(), clean.width, clean.height, "image/png", ".png"
    except EvidenceError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as exc:
        raise EvidenceError(f"เปิดภาพ '{name}' ไม่ได้ ไฟล์อาจเสียหรือใหญ่เกินไป — the picture cannot be read "
                            f"({type(exc).__name__}); save it again as JPEG or PNG") from None


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".photo-", suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.replace(tmp, path)
