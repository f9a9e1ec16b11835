"""Replace a folder all at once: what `itaplan import`, `itaplan new` and the report import write is
made in a staging folder beside its target and only then put in place, so a failure leaves the old
folder as it was."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def swap_in(staging: Path, out: Path) -> None:
    """Put `staging` where `out` is; an existing `out` is kept until the rename has succeeded."""
    if not out.exists():
        staging.rename(out)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
    old.rmdir()
    out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)
