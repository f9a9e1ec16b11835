"""Write the binary evidence files of tests/fixtures/progress_plan (committed; re-run only to change them).

    .venv/bin/python tests/progress/make_fixture.py

Tiny valid PDFs, a JPEG photo that carries EXIF GPS, a camera serial and a description (which the
site must strip), and a PNG. The YAML reports beside them are written by hand.
"""

from __future__ import annotations

from pathlib import Path

from PIL import ExifTags, Image, ImageDraw

EVIDENCE = Path(__file__).resolve().parents[1] / "fixtures" / "progress_plan" / "2569" / "evidence"


def pdf(title: str) -> bytes:
    """A one-page PDF (A4) with a correct cross-reference table."""
    stream = f"BT /F1 18 Tf 72 760 Td ({title}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def photo_with_gps(path: Path) -> None:
    img = Image.new("RGB", (2400, 1600), (200, 220, 240))
    draw = ImageDraw.Draw(img)
    draw.rectangle((300, 400, 2100, 1300), fill=(40, 90, 160))
    draw.ellipse((900, 500, 1500, 1100), fill=(250, 200, 60))
    exif = img.getexif()
    exif[ExifTags.Base.Make] = "FixtureCam"
    exif[ExifTags.Base.Model] = "FC-1"
    exif[ExifTags.Base.BodySerialNumber] = "SERIAL-123456"
    exif[ExifTags.Base.ImageDescription] = "secret-description"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (14.0, 35.0, 12.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (100.0, 17.0, 30.0)
    img.save(path, "JPEG", quality=70, exif=exif)


def board_png(path: Path) -> None:
    img = Image.new("RGB", (800, 500), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for row in range(5):
        draw.rectangle((60, 60 + row * 80, 740, 110 + row * 80), fill=(30 + row * 40, 120, 90))
    img.save(path, "PNG", optimize=True)


def main() -> None:
    files = {"signed/plan-2569.pdf": pdf("Signed plan 2569 (fixture)"),
             "signed/report-6-months.pdf": pdf("Signed 6-month report 2569 (fixture)"),
             "6-months/order-01.pdf": pdf("Order appointing the working group (fixture)"),
             "12-months/manual.pdf": pdf("Operations manual (fixture)")}
    for ref, data in files.items():
        (EVIDENCE / ref).parent.mkdir(parents=True, exist_ok=True)
        (EVIDENCE / ref).write_bytes(data)
    photo_with_gps(EVIDENCE / "6-months" / "training-01.jpg")
    board_png(EVIDENCE / "12-months" / "board.png")


if __name__ == "__main__":
    main()
