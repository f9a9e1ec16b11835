"""Remember cut text between builds, keyed by content, so an unchanged site never loads the dictionary.

The cache is one JSON file (by default `.cache/itaplan/search-words.json` beside mkdocs.yml, a folder
git ignores). Its key is the segmenter's fingerprint (library version + word files) and, per text,
a hash of the text itself. Entries not used by a build are dropped when the cache is saved.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Callable


class SegmentCache:
    """Cut text by content hash; `misses` counts texts that had to be cut in this build, `hits`
    those taken from the cache."""

    def __init__(self, path: Path, fingerprint: str):
        self.path = path
        self.fingerprint = fingerprint
        self.misses = 0
        self.hits = 0
        self._old = self._read()
        self._used: dict[str, str] = {}

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("fingerprint") != self.fingerprint:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, text: str, cut: Callable[[str], str], count: bool = True) -> str:
        """`text` cut into words: from the cache, or by calling `cut` and remembering the result
        (`count`: whether it counts as a text, in `misses` and `hits`)."""
        key = hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()
        if key not in self._used:
            found = self._old.get(key)
            if not isinstance(found, str):
                self.misses += count
                found = cut(text)
            else:
                self.hits += count
            self._used[key] = found
        return self._used[key]

    def save(self) -> None:
        """Write the entries used by this build, when they differ from what the file holds."""
        if self._used == self._old:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = {"fingerprint": self.fingerprint, "entries": self._used}
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path)

    def __len__(self) -> int:
        return len(self._used)
