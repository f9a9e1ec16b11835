"""The browser's half of the search (itaplan-search.js), tested with node's test runner.

The checks themselves are in worker.test.js beside this file: cutting a query into the index's
words, synonym groups, Thai and Arabic digits, and the phrase re-ranking of Material's results.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from browser import missing

TESTS = Path(__file__).with_name("worker.test.js")


def test_the_search_worker_passes_its_node_tests():
    node = shutil.which("node")
    if node is None:
        missing("Node.js")
    result = subprocess.run([node, "--test", str(TESTS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
