"""The page cache with evidence: PDFs and photos larger than a plan file are hashed by streaming, so the
cache still works, and any change to an evidence file changes the key."""

from __future__ import annotations

from itaplan.site.page_cache import MAX_FILE, fingerprint
from progress_fixture import copy_fixture


def test_large_evidence_is_hashed_and_its_changes_are_seen(tmp_path):
    root = copy_fixture(tmp_path)
    big = root / "2569" / "evidence" / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (MAX_FILE * 3))
    first = fingerprint(tmp_path, {"plan_data": "plan_data"})
    assert first is not None
    assert fingerprint(tmp_path, {"plan_data": "plan_data"}) == first
    with big.open("r+b") as out:
        out.seek(MAX_FILE * 2)
        out.write(b"1")
    assert fingerprint(tmp_path, {"plan_data": "plan_data"}) not in (None, first)


def test_a_large_file_outside_the_evidence_folder_still_goes_to_the_loader(tmp_path):
    root = copy_fixture(tmp_path)
    (root / "2569" / "progress" / "6-months" / "01.yml").write_bytes(b"#" * (MAX_FILE + 1))
    assert fingerprint(tmp_path, {"plan_data": "plan_data"}) is None
