"""Evidence photos as published: no metadata at all, upright, at most 1600 px, refused clearly when unreadable,
and prepared once (a repeat build does no image work)."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from PIL import Image, ImageCms

from conftest import ROOT
from itaplan.progress import photos
from itaplan.progress.evidence import EvidenceError
from itaplan.progress.photos import MAX_SIDE, prepare_photo
from photo_fixtures import SECRETS, halves, jpeg_declaring, latitude_bytes, phone_photo, png_declaring


def published(path) -> Image.Image:
    img = Image.open(path)
    img.load()
    return img


def assert_no_metadata(path) -> None:
    img = published(path)
    data = path.read_bytes()
    assert not img.getexif(), "EXIF left in the published photo"
    for key in ("exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "dpi", "Comment"):
        assert key not in img.info, f"{key} left in the published photo"
    assert getattr(img, "applist", []) == [] or all(marker == "APP0" for marker, _ in img.applist)
    for secret in SECRETS:
        assert secret not in data, f"{secret!r} found in the published bytes"
    assert latitude_bytes() not in data
    for tag in (b"Exif\0", b"http://ns.adobe.com/xap", b"ICC_PROFILE", b"iCCP", b"eXIf", b"tEXt", b"iTXt", b"zTXt"):
        assert tag not in data, f"{tag!r} segment in the published bytes"


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


def test_phone_photo_is_published_without_any_metadata(tmp_path, cache):
    source = phone_photo(tmp_path / "training-01.jpg")
    original = Image.open(source)
    assert original.getexif().get_ifd(0x8825) and "icc_profile" in original.info and "xmp" in original.info
    result = prepare_photo(source, cache)
    assert result.media_type == "image/jpeg" and result.suffix == ".jpg"
    assert_no_metadata(result.path)
    img = published(result.path)
    assert (img.width, img.height) == (result.width, result.height) == (1600, 1200)
    assert result.size == result.path.stat().st_size < source.stat().st_size


def test_a_portrait_photo_stored_sideways_is_published_upright(tmp_path, cache):
    # stored 2400 x 1800 with red on top; EXIF orientation 6 says "turn 90 degrees clockwise to view"
    result = prepare_photo(phone_photo(tmp_path / "sideways.jpg", orientation=6), cache)
    img = published(result.path).convert("RGB")
    assert (img.width, img.height) == (1200, 1600)
    left, right = img.getpixel((100, 800)), img.getpixel((1100, 800))
    assert right[0] > 150 and right[2] < 80, "the top of the stored picture should now be on the right"
    assert left[2] > 150 and left[0] < 80
    assert_no_metadata(result.path)


@pytest.mark.parametrize("size, expected", [((4000, 3000), (1600, 1200)), ((1000, 3000), (533, 1600)),
                                            ((640, 480), (640, 480)), ((1600, 900), (1600, 900))])
def test_longest_side_at_most_1600_and_small_photos_not_enlarged(tmp_path, cache, size, expected):
    source = tmp_path / "photo.jpg"
    halves(size).save(source, "JPEG")
    result = prepare_photo(source, cache)
    assert (result.width, result.height) == published(result.path).size == expected
    assert max(expected) <= MAX_SIDE


def test_png_keeps_its_transparency(tmp_path, cache):
    source = tmp_path / "logo.png"
    img = Image.new("RGBA", (2000, 1000), (0, 0, 0, 0))
    img.paste(Image.new("RGBA", (1000, 1000), (0, 128, 0, 255)), (0, 0))
    img.save(source, pnginfo=_png_text("Comment", "PNG-TEXT-SECRET"))
    result = prepare_photo(source, cache)
    out = published(result.path)
    assert result.media_type == "image/png" and out.mode == "RGBA" and out.size == (1600, 800)
    assert out.getpixel((100, 400))[3] == 255 and out.getpixel((1500, 400))[3] == 0
    assert b"PNG-TEXT-SECRET" not in result.path.read_bytes()
    assert_no_metadata(result.path)


def test_palette_png_with_a_transparent_colour_stays_transparent(tmp_path, cache):
    source = tmp_path / "icon.png"
    img = Image.new("P", (200, 100), 0)
    img.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    img.paste(1, (0, 0, 100, 100))
    img.save(source, transparency=0)
    out = published(prepare_photo(source, cache).path)
    assert out.mode == "RGBA" and out.getpixel((150, 50))[3] == 0 and out.getpixel((50, 50)) == (200, 0, 0, 255)


def test_cmyk_jpeg_is_published_as_rgb(tmp_path, cache):
    source = tmp_path / "scan.jpg"
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(source, "JPEG", quality=95)  # printer's red
    out = published(prepare_photo(source, cache).path)
    assert out.mode == "RGB"
    red, green, blue = out.getpixel((150, 100))
    assert red > 200 and green < 60 and blue < 60


def test_an_embedded_srgb_profile_is_removed_and_the_colours_kept(tmp_path, cache):
    source = tmp_path / "tagged.jpg"
    plain = tmp_path / "plain.jpg"
    picture = Image.new("RGB", (100, 100), (180, 120, 60))
    picture.save(plain, "JPEG", quality=100)
    picture.save(source, "JPEG", quality=100, icc_profile=ImageCms.ImageCmsProfile(
        ImageCms.createProfile("sRGB")).tobytes())
    tagged = prepare_photo(source, cache)
    untagged = published(prepare_photo(plain, cache).path).getpixel((50, 50))
    assert all(abs(a - b) <= 3 for a, b in zip(published(tagged.path).getpixel((50, 50)), untagged))
    assert_no_metadata(tagged.path)


def test_16_bit_grey_png_is_scaled_not_clipped(tmp_path, cache):
    source = tmp_path / "scan16.png"
    Image.new("I;16", (300, 200), 32768).save(source)
    assert Image.open(source).mode.startswith("I")
    out = published(prepare_photo(source, cache).path)
    assert out.mode == "L" and 120 <= out.getpixel((10, 10)) <= 136, "mid grey, not white"


def test_16_bit_colour_png(tmp_path, cache):
    import struct
    import zlib

    from photo_fixtures import png_chunk
    width, height = 40, 20
    row = b"\0" + struct.pack(">HHH", 65535, 32768, 0) * width
    data = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(row * height)) + png_chunk(b"IEND", b""))
    source = tmp_path / "deep.png"
    source.write_bytes(data)
    out = published(prepare_photo(source, cache).path)
    red, green, blue = out.convert("RGB").getpixel((5, 5))
    assert red == 255 and 120 <= green <= 136 and blue == 0


@pytest.mark.parametrize("make, expected", [
    (lambda p: p.write_bytes(_jpeg()[: len(_jpeg()) // 2]), "ไฟล์อาจเสียหรือไม่ครบ"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), "ไม่ใช่ภาพ JPEG หรือ PNG"),
    (lambda p: p.write_text("สวัสดี นี่ไม่ใช่ภาพ", encoding="utf-8"), "ไม่ใช่ภาพ JPEG หรือ PNG"),
    (lambda p: Image.new("RGB", (10, 10)).save(p, "GIF"), "ไม่ใช่ภาพ JPEG หรือ PNG"),
    (lambda p: p.write_bytes(b""), "ไม่ใช่ภาพ JPEG หรือ PNG"),
    (lambda p: p.write_bytes(png_declaring(100_000, 100_000)), "ใหญ่เกินไป"),
    (lambda p: p.write_bytes(png_declaring(9_000, 9_000)), "ใหญ่เกินไป (9,000 × 9,000 จุด)"),
    (lambda p: p.write_bytes(jpeg_declaring(65_000, 65_000)), "ใหญ่เกินไป"),
], ids=["truncated", "pdf-renamed", "text-renamed", "gif-renamed", "empty", "bomb-png", "bomb-below-pillow-limit",
        "bomb-jpeg"])
def test_unreadable_pictures_are_refused_in_thai_first(tmp_path, cache, make, expected):
    source = tmp_path / "photo.jpg"
    make(source)
    with pytest.raises(EvidenceError) as caught:
        prepare_photo(source, cache)
    message = str(caught.value)
    assert expected in message and "photo.jpg" in message
    assert message[0] >= "\u0e00", "the message leads in Thai"
    assert " — " in message, "English follows the Thai"
    assert not cache.exists() or not list(cache.iterdir()), "nothing is cached for a refused picture"


def test_refusal_is_clean_on_the_command_line(tmp_path):
    """A refused picture is a message, not a traceback, in a fresh process too."""
    source = tmp_path / "bomb.jpg"
    source.write_bytes(png_declaring(100_000, 100_000))
    code = ("import sys; from pathlib import Path; from itaplan.progress.photos import prepare_photo\n"
            "from itaplan.progress.evidence import EvidenceError\n"
            f"try: prepare_photo(Path({str(source)!r}), Path({str(tmp_path / 'c')!r}))\n"
            "except EvidenceError as e: print(e); sys.exit(3)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks")}, timeout=120)
    assert result.returncode == 3 and "ใหญ่เกินไป" in result.stdout and "Traceback" not in result.stderr


def test_a_repeat_call_does_no_image_work(tmp_path, cache, monkeypatch):
    source = phone_photo(tmp_path / "p.jpg")
    first = prepare_photo(source, cache)
    opened = []
    real_open = Image.open
    monkeypatch.setattr(Image, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    monkeypatch.setattr(photos, "_process", lambda *a: pytest.fail("image work on a cache hit"))
    again = prepare_photo(source, cache)
    copy = tmp_path / "renamed-copy.jpg"
    copy.write_bytes(source.read_bytes())
    by_content = prepare_photo(copy, cache)
    assert opened == []
    assert again == first and by_content == first


def test_a_fresh_process_on_a_cache_hit_does_not_import_pillow(tmp_path, cache):
    source = phone_photo(tmp_path / "p.jpg")
    prepare_photo(source, cache)
    code = ("import sys; from pathlib import Path; from itaplan.progress.photos import prepare_photo\n"
            f"r = prepare_photo(Path({str(source)!r}), Path({str(cache)!r}))\n"
            "print(r.width, r.height, 'PIL' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks")}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1600", "1200", "False"]


def test_a_changed_photo_is_prepared_again(tmp_path, cache):
    source = tmp_path / "p.jpg"
    halves((800, 600)).save(source, "JPEG")
    first = prepare_photo(source, cache)
    halves((900, 600)).save(source, "JPEG")
    assert prepare_photo(source, cache).width == 900 != first.width


@pytest.mark.parametrize("damage", ["truncate-image", "flip-a-byte", "delete-image", "garbage-record",
                                    "record-points-elsewhere"])
def test_a_damaged_cache_entry_is_made_again(tmp_path, cache, damage):
    source = phone_photo(tmp_path / "p.jpg", size=(800, 600))
    first = prepare_photo(source, cache)
    good = first.path.read_bytes()
    record = first.path.with_suffix(".json")
    if damage == "truncate-image":
        first.path.write_bytes(good[:100])
    elif damage == "flip-a-byte":
        first.path.write_bytes(good[:500] + bytes([good[500] ^ 0xFF]) + good[501:])
    elif damage == "delete-image":
        first.path.unlink()
    elif damage == "garbage-record":
        record.write_text("{not json", encoding="utf-8")
    else:
        meta = json.loads(record.read_text(encoding="utf-8"))
        record.write_text(json.dumps(dict(meta, file="../../etc/passwd")), encoding="utf-8")
    again = prepare_photo(source, cache)
    assert again.path == first.path and again.path.read_bytes() == good
    assert_no_metadata(again.path)


def test_cache_entries_are_written_atomically(tmp_path, cache, monkeypatch):
    """A write that fails half-way leaves no partial entry and no temporary file behind."""
    source = phone_photo(tmp_path / "p.jpg", size=(800, 600))
    real_replace = photos.os.replace

    def failing_replace(src, dst):
        if str(dst).endswith(".json"):
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(photos.os, "replace", failing_replace)
    with pytest.raises(OSError):
        prepare_photo(source, cache)
    assert not [p for p in cache.iterdir() if p.name.startswith(".") or p.suffix == ".json"]
    monkeypatch.setattr(photos.os, "replace", real_replace)
    result = prepare_photo(source, cache)
    assert_no_metadata(result.path)
    assert sorted(p.suffix for p in cache.iterdir()) == [".jpg", ".json"]


def _jpeg() -> bytes:
    out = io.BytesIO()
    halves((600, 400)).save(out, "JPEG", quality=90)
    return out.getvalue()


def _png_text(key: str, value: str):
    from PIL.PngImagePlugin import PngInfo
    info = PngInfo()
    info.add_text(key, value)
    info.add_itxt("XML:com.adobe.xmp", "XMP-IN-PNG")
    return info
