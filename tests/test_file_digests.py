"""Remembered file digests: an unchanged evidence file or photo is not read again on the next build, and any
change to it — even one that keeps its size and its modification time — is still seen."""

from __future__ import annotations

import hashlib
import json
import os
import time

import pytest

from itaplan import file_digests
from itaplan.file_digests import file_sha256
from itaplan.site.page_cache import fingerprint
from progress_fixture import copy_fixture


@pytest.fixture
def settled(monkeypatch):
    """Remember files at once (a real build remembers only files older than two seconds), starting afresh."""
    monkeypatch.setattr(file_digests, "SETTLE_NS", 0)
    monkeypatch.setattr(file_digests, "_memos", {})


def unreadable(monkeypatch):
    monkeypatch.setattr(file_digests, "_read_digest", lambda path: pytest.fail(f"{path.name} was read again"))


def test_an_unchanged_file_is_not_read_again_even_by_a_new_process(tmp_path, settled, monkeypatch):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8" + os.urandom(4096))
    memo = tmp_path / "cache" / "digests.json"
    expected = hashlib.sha256(photo.read_bytes()).hexdigest()
    assert file_sha256(photo, memo) == expected
    monkeypatch.setattr(file_digests, "_memos", {})  # as a new build process: only the memo file is left
    unreadable(monkeypatch)
    assert file_sha256(photo, memo) == expected


def test_a_file_rewritten_with_the_same_size_and_modification_time_is_read_again(tmp_path, settled):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"A" * 1000)
    memo = tmp_path / "digests.json"
    first = file_sha256(photo, memo)
    stat = photo.stat()
    time.sleep(0.05)  # past a tick of the file system's clock
    photo.write_bytes(b"B" * 1000)
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as a copy that keeps the old date
    assert photo.stat().st_size == stat.st_size and photo.stat().st_mtime_ns == stat.st_mtime_ns
    assert file_sha256(photo, memo) == hashlib.sha256(b"B" * 1000).hexdigest() != first


def test_a_file_changed_a_moment_ago_is_not_remembered(tmp_path, monkeypatch):
    monkeypatch.setattr(file_digests, "_memos", {})
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"fresh")
    memo = tmp_path / "digests.json"
    assert file_sha256(photo, memo) == hashlib.sha256(b"fresh").hexdigest()
    assert not memo.exists()  # it could still change within the same clock tick


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": 1, "files": []}', b"[1, 2]",
                                    b'{"format": 1, "files": {"X": "not a list"}}'])
def test_a_damaged_memo_only_means_reading_again(tmp_path, settled, damage):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"data")
    memo = tmp_path / "digests.json"
    memo.write_bytes(damage)
    assert file_sha256(photo, memo) == hashlib.sha256(b"data").hexdigest()
    assert str(photo.resolve()) in json.loads(memo.read_text(encoding="utf-8"))["files"]


def test_the_memo_forgets_files_that_are_gone(tmp_path, settled, monkeypatch):
    memo = tmp_path / "digests.json"
    for name in ("kept.jpg", "removed.jpg"):
        (tmp_path / name).write_bytes(name.encode())
        file_sha256(tmp_path / name, memo)
    (tmp_path / "removed.jpg").unlink()
    monkeypatch.setattr(file_digests, "_memos", {})
    (tmp_path / "new.jpg").write_bytes(b"new")
    file_sha256(tmp_path / "new.jpg", memo)
    assert {os.path.basename(k) for k in json.loads(memo.read_text(encoding="utf-8"))["files"]} == {
        "kept.jpg", "new.jpg"}


def test_the_page_cache_sees_a_same_size_same_date_change_of_a_remembered_photo(tmp_path, settled):
    root = copy_fixture(tmp_path / "project")
    project = root.parent
    photo = root / "2569" / "evidence" / "6-months" / "training-01.jpg"
    cache = tmp_path / "cache"
    first = fingerprint(project, {"plan_data": "plan_data"}, None, cache)
    assert (cache / "file-digests.json").is_file()
    assert fingerprint(project, {"plan_data": "plan_data"}, None, cache) == first
    stat = photo.stat()
    data = bytearray(photo.read_bytes())
    data[-100] ^= 0xFF
    time.sleep(0.05)
    photo.write_bytes(bytes(data))
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert fingerprint(project, {"plan_data": "plan_data"}, None, cache) not in (None, first)
