"""Photos for publishing: at most 1600 px on the longest side, re-encoded, with no metadata at all.

A phone photo carries its GPS position, the camera's serial number, maker notes and a thumbnail in
EXIF, often XMP and a colour profile too; none of that may reach the public site. Pillow decodes the
picture, turns it upright (EXIF orientation), converts its colours to sRGB when it carries a profile,
and writes only the pixels again into a new image: no EXIF, XMP, ICC profile, comments or thumbnails.
Small photos are not enlarged. A PNG keeps its transparency; a CMYK or 16-bit picture is converted.

The result is cached by the content of the source file (cache entries are written atomically, and an
entry that does not match its recorded digest is made again), so a repeat build opens no image at all
and does not even import Pillow. The source's digest itself is remembered (itaplan.file_digests): an
unchanged phone photo of several megabytes is not even read again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from itaplan.file_digests import file_sha256
from itaplan.progress.evidence import EvidenceError

MAX_SIDE = 1600
JPEG_QUALITY = 82
MAX_PIXELS = 60_000_000
"""Larger pictures are refused before decoding (a 'decompression bomb' would exhaust memory)."""
FORMAT = 2
"""Bump when the processing changes, so cached results are made again."""
ORIENTATION = 0x0112
DIGESTS = "sources.json"
"""The memo of source photo digests, in the photo cache folder."""
_prepared = [0]


def prepared_count() -> int:
    """How many photos this process has prepared (decoded, resized and encoded) so far."""
    return _prepared[0]


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
    folder = cache_dir if cache_dir is not None else Path(tempfile.gettempdir()) / f"itaplan-photos-{os.getuid()}"
    try:
        content = file_sha256(source, folder / DIGESTS)
    except OSError as exc:
        raise _unreadable(source, exc) from None
    cached = _from_cache(folder, _cache_key(content))
    if cached is not None:
        return cached
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise _unreadable(source, exc) from None
    key = _cache_key(hashlib.sha256(data).hexdigest())  # what was read now, whatever the memo said
    encoded, width, height, media_type, suffix = _process(data, source.name)
    _prepared[0] += 1
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{key}{suffix}"
    _write_atomic(out, encoded)
    meta = {"file": out.name, "width": width, "height": height, "size": len(encoded), "media_type": media_type,
            "sha256": hashlib.sha256(encoded).hexdigest()}
    _write_atomic(folder / f"{key}.json", json.dumps(meta).encode())
    return PreparedPhoto(out, width, height, len(encoded), media_type, suffix)


def _cache_key(content_sha256: str) -> str:
    """The cache entry's name: the source's content and the processing settings."""
    return hashlib.sha256(b"%d\0%d\0%d\0%s" % (FORMAT, MAX_SIDE, JPEG_QUALITY, content_sha256.encode())).hexdigest()


def _unreadable(source: Path, exc: OSError) -> EvidenceError:
    return EvidenceError(f"อ่านไฟล์ภาพ '{source.name}' ไม่ได้ ({exc.strerror}) — cannot read the file")


def _from_cache(folder: Path, key: str) -> PreparedPhoto | None:
    """The cached result for `key`, if its record and its file are both whole; otherwise None (made again)."""
    try:
        meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        out = folder / meta["file"]
        if out.name != f"{key}{out.suffix}" or out.suffix not in (".jpg", ".png"):
            return None
        encoded = out.read_bytes()
        if len(encoded) != meta["size"] or hashlib.sha256(encoded).hexdigest() != meta["sha256"]:
            return None
        return PreparedPhoto(out, int(meta["width"]), int(meta["height"]), len(encoded), str(meta["media_type"]),
                             out.suffix)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _process(data: bytes, name: str) -> tuple[bytes, int, int, str, str]:
    import io
    import warnings

    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # refused just below, with a message
            img = Image.open(io.BytesIO(data), formats=("JPEG", "PNG"))
        with img:
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise _too_big(name, width, height)
            fmt = img.format
            orientation = _orientation(img)
            if fmt == "JPEG":
                img.draft(None, (MAX_SIDE, MAX_SIDE))  # decode at 1/2, 1/4 or 1/8 scale when that is enough
            img.load()
            clean = _pixels(img, fmt)
        clean = _upright(clean, orientation)
        clean.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if fmt == "JPEG":
            clean.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            return out.getvalue(), clean.width, clean.height, "image/jpeg", ".jpg"
        clean.save(out, "PNG", optimize=True)
        return out.getvalue(), clean.width, clean.height, "image/png", ".png"
    except EvidenceError:
        raise
    except Image.DecompressionBombError:
        raise _too_big(name, None, None) from None
    except UnidentifiedImageError:
        raise EvidenceError(f"ไฟล์ '{name}' ไม่ใช่ภาพ JPEG หรือ PNG (อาจเป็นไฟล์ชนิดอื่นที่เปลี่ยนนามสกุลเอง): "
                            "เปิดภาพแล้วบันทึกใหม่เป็น JPEG หรือ PNG — not a JPEG or PNG picture (another kind of "
                            "file renamed?); save it again as JPEG or PNG") from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, KeyError, TypeError, MemoryError) as exc:
        raise EvidenceError(f"เปิดภาพ '{name}' ไม่ได้ ไฟล์อาจเสียหรือไม่ครบ (เช่น อัปโหลดไม่จบ): ส่งออกหรือบันทึกภาพใหม่"
                            f"เป็น JPEG หรือ PNG — the picture is damaged or incomplete ({type(exc).__name__}); "
                            "save it again as JPEG or PNG") from None


def _too_big(name: str, width: int | None, height: int | None) -> EvidenceError:
    size = f" ({width:,} × {height:,} จุด)" if width else ""
    return EvidenceError(f"ภาพ '{name}' ใหญ่เกินไป{size}: รับได้ไม่เกิน {MAX_PIXELS // 1_000_000} ล้านจุด ย่อภาพก่อน"
                         f"แล้วอัปโหลดใหม่ — the picture is larger than {MAX_PIXELS:,} pixels (a decompression "
                         "bomb?); make it smaller first")


def _orientation(img) -> int:
    """The EXIF orientation (1–8), or 1 when there is none or the EXIF cannot be read."""
    try:
        value = img.getexif().get(ORIENTATION, 1)
    except Exception:  # noqa: BLE001 - damaged EXIF: publish the pixels as stored rather than refuse the photo
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _upright(img, orientation: int):
    from PIL import Image

    method = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
              5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
              8: Image.Transpose.ROTATE_90}.get(orientation)
    return img.transpose(method) if method is not None else img


def _pixels(img, fmt: str):
    """A new image holding only the pixels, in sRGB (RGB, RGBA for a transparent PNG, or L for grey)."""
    from PIL import Image

    transparent = fmt == "PNG" and (img.mode in ("RGBA", "LA", "PA", "RGBa", "La")
                                    or "transparency" in img.info)
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit grey: scale to 8 bits (a plain convert would clip everything above 255 to white)
        img = img.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    mode = "RGBA" if transparent else ("L" if img.mode in ("1", "L") else "RGB")
    profile = img.info.get("icc_profile")
    converted = None
    if profile and mode != "L":
        converted = _to_srgb(img, profile, mode)
    if converted is None:
        converted = img.convert(mode)
    clean = Image.new(mode, converted.size)
    clean.paste(converted)
    return clean


def _to_srgb(img, profile: bytes, mode: str):
    """The picture's colours converted from its embedded profile to sRGB, or None when that cannot be done."""
    import io

    from PIL import ImageCms

    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        if img.mode not in ("RGB", "RGBA", "CMYK"):
            return None
        start = img
        if mode == "RGBA" and img.mode != "RGBA":
            start = img.convert("RGBA")
        elif mode == "RGB" and img.mode == "RGBA":
            start = img.convert("RGB")
        return ImageCms.profileToProfile(start, source, ImageCms.createProfile("sRGB"), outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return None


def _write_atomic(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all: a temporary file beside it, then a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".photo-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
