"""How much a year of progress reports adds to the repository: phone photos as taken, beside the same photos
shrunk before upload (the baseline, measured in the same run).

    python tests/benchmarks/bench_photo_weight.py [PHOTOS_PER_REPORT]

A year: 10 indicators × 2 rounds × PHOTOS_PER_REPORT photos (default 3, so 60). The photos are made here,
synthetic but sized and compressed like a 12-megapixel phone photo (4032 × 3024 JPEG, quality 92, about
3 MB each: a smooth picture with sensor-like grain). Each set is committed to a fresh Git repository, packed
(`git gc`), and the pack measured — what every clone, check and build downloads, for ever. The shrunk set
is what `itaplan check` asks staff to upload: itaplan's own photo preparation (progress/photos.py: at most
1600 px, quality 82), i.e. what the site publishes anyway.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "hooks"))
from itaplan.progress.photos import prepare_photo  # noqa: E402

WIDTH, HEIGHT = 4032, 3024


def phone_photos(count: int) -> list[bytes]:
    from PIL import Image

    grains = [Image.merge("RGB", [Image.effect_noise((WIDTH, HEIGHT), 40) for _ in range(3)]) for _ in range(2)]
    out = []
    for n in range(count):
        rnd = random.Random(n)
        small = Image.new("RGB", (48, 36))
        small.putdata([(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)) for _ in range(48 * 36)])
        picture = Image.blend(small.resize((WIDTH, HEIGHT), Image.BICUBIC), grains[n % 2], 0.18)
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=92)
        out.append(buffer.getvalue())
    return out


def repository_growth(files: dict[str, bytes], folder: Path) -> int:
    """Bytes of the packed Git repository holding `files` in one commit."""
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    env = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.invalid", "GIT_COMMITTER_NAME": "b",
           "GIT_COMMITTER_EMAIL": "b@example.invalid", "PATH": "/usr/bin:/bin", "HOME": str(folder)}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "year"], ["gc", "-q"]):
        subprocess.run(["git", *args], cwd=folder, env=env, check=True)
    return sum(p.stat().st_size for p in (folder / ".git" / "objects" / "pack").glob("*.pack"))


def main() -> None:
    per_report = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    count = 10 * 2 * per_report
    started = time.monotonic()
    photos = phone_photos(count)
    names = [f"plan_data/2569/evidence/{r}/photo-{i:02d}-{k}.jpg"
             for r in ("6-months", "12-months") for i in range(1, 11) for k in range(1, per_report + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        shrunk = []
        for n, data in enumerate(photos):
            source = tmp_path / "src" / f"{n}.jpg"
            source.parent.mkdir(parents=True, exist_ok=True)
            source.write_bytes(data)
            shrunk.append(prepare_photo(source, tmp_path / "cache").path.read_bytes())
        phone = repository_growth(dict(zip(names, photos)), tmp_path / "phone")
        small = repository_growth(dict(zip(names, shrunk)), tmp_path / "shrunk")
    mib = 1024 * 1024
    print(f"a year of reports: 10 indicators x 2 rounds x {per_report} photos = {count} photos")
    print(f"  phone photos as taken ({WIDTH}x{HEIGHT}, q92): {sum(map(len, photos)) / count / mib:.2f} MiB each, "
          f"repository grows {phone / mib:.1f} MiB")
    print(f"  shrunk before upload (<=1600 px, q82):       {sum(map(len, shrunk)) / count / mib:.2f} MiB each, "
          f"repository grows {small / mib:.1f} MiB  (baseline)")
    print(f"  ratio: {phone / small:.1f}x  ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
