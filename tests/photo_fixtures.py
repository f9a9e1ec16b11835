"""Test helper (not collected): photos as phones make them, carrying everything that must not be published.

`phone_photo` writes a JPEG with EXIF (camera make and model, orientation, the body's serial number,
maker notes, a GPS position and an embedded thumbnail), XMP, an ICC colour profile and a comment. The
marker strings below are what a test looks for in the published bytes.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms

SERIAL = b"SN-BODY-4417-0099"
MAKER_NOTE = b"MAKERNOTE-OWNER-NAME-SOMCHAI"
GPS_DATUM = b"WGS-84-KHOKPHUTSA-GPS"
LATITUDE = ((14, 1), (38, 1), (2312, 100))  # 14°38'23.12" N, near Pho Thong
THUMB_MARK = b"THUMBNAIL-EMBEDDED-MARK"
XMP_MARK = b"XMP-CREATOR-TOOL-SECRET"
COMMENT_MARK = b"JPEG-COMMENT-SECRET"
MAKE, MODEL = b"PhoneMaker", b"Model-X-SECRET"
SECRETS = (SERIAL, MAKER_NOTE, GPS_DATUM, THUMB_MARK, XMP_MARK, COMMENT_MARK, MODEL)

_ASCII, _SHORT, _LONG, _RATIONAL, _UNDEFINED = 2, 3, 4, 5, 7


def latitude_bytes() -> bytes:
    """The GPS latitude as EXIF stores it (three little-endian rationals)."""
    return b"".join(struct.pack("<II", n, d) for n, d in LATITUDE)


def exif_block(orientation: int = 1, thumbnail: bytes | None = None) -> bytes:
    """A little-endian TIFF/EXIF block: IFD0 -> Exif IFD, GPS IFD, and IFD1 holding a JPEG thumbnail."""
    ifd0 = [(0x010F, _ASCII, MAKE + b"\0"), (0x0110, _ASCII, MODEL + b"\0"), (0x0112, _SHORT, orientation),
            (0x8769, _LONG, "exif"), (0x8825, _LONG, "gps")]
    exif = [(0xA431, _ASCII, SERIAL + b"\0"), (0x927C, _UNDEFINED, MAKER_NOTE)]
    gps = [(0x0001, _ASCII, b"N\0"), (0x0002, _RATIONAL, latitude_bytes()), (0x0012, _ASCII, GPS_DATUM + b"\0")]
    ifd1 = [(0x0103, _SHORT, 6), (0x0201, _LONG, "thumb"), (0x0202, _LONG, len(thumbnail or b""))]
    order = [("ifd0", ifd0), ("exif", exif), ("gps", gps)] + ([("ifd1", ifd1)] if thumbnail else [])
    # lay out: header, then each IFD followed by its out-of-line values, then the thumbnail
    offsets: dict[str, int] = {}
    position = 8
    for name, entries in order:
        offsets[name] = position
        position += 2 + 12 * len(entries) + 4
        for _, _, value in entries:
            if isinstance(value, bytes) and len(value) > 4:
                position += len(value) + (len(value) % 2)
    offsets["thumb"] = position
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for index, (name, entries) in enumerate(order):
        assert len(out) == offsets[name]
        data_at = len(out) + 2 + 12 * len(entries) + 4
        table, extra = bytearray(struct.pack("<H", len(entries))), bytearray()
        for tag, kind, value in entries:
            if isinstance(value, str):
                value = offsets[value]
            if isinstance(value, int):
                count, field = 1, struct.pack("<H", value) + b"\0\0" if kind == _SHORT else struct.pack("<I", value)
            else:
                count = len(value) // 8 if kind == _RATIONAL else len(value)
                if len(value) <= 4:
                    field = value.ljust(4, b"\0")
                else:
                    field = struct.pack("<I", data_at + len(extra))
                    extra += value + (b"\0" if len(value) % 2 else b"")
            table += struct.pack("<HHI", tag, kind, count) + field
        following = offsets["ifd1"] if name == "ifd0" and thumbnail else 0
        out += table + struct.pack("<I", following) + extra
    if thumbnail:
        out += thumbnail
    return bytes(out)


def halves(size: tuple[int, int], top=(200, 30, 30), bottom=(30, 60, 200)) -> Image.Image:
    """A picture whose top half is red and bottom half blue, to tell which way up it was published."""
    img = Image.new("RGB", size, bottom)
    img.paste(Image.new("RGB", (size[0], size[1] // 2), top), (0, 0))
    return img


def phone_photo(path: Path, size=(2400, 1800), orientation: int = 1) -> Path:
    """A JPEG as a phone writes it, with every kind of metadata (see the module's docstring)."""
    thumb = io.BytesIO()
    halves((160, 120)).save(thumb, "JPEG", quality=60, comment=THUMB_MARK)
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="' + XMP_MARK +
           b'"/></rdf:RDF></x:xmpmeta>')
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    halves(size).save(path, "JPEG", quality=90, exif=b"Exif\0\0" + exif_block(orientation, thumb.getvalue()),
                      icc_profile=icc, xmp=xmp, comment=COMMENT_MARK)
    return path


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A tiny PNG file whose header declares a huge picture (a 'decompression bomb')."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + png_chunk(b"IEND", b""))


def jpeg_declaring(width: int, height: int) -> bytes:
    """A small real JPEG whose frame header is changed to declare a huge picture."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), (1, 2, 3)).save(out, "JPEG")
    data = bytearray(out.getvalue())
    at = data.index(b"\xff\xc0")
    data[at + 5:at + 9] = struct.pack(">HH", height, width)
    return bytes(data)
