"""Refusing hostile plan data costs about what loading good data costs: ratios against a baseline of the same run.

    python tests/benchmarks/bench_hostile_refusal.py [--repeat 3]

Baseline: `load_plan_data` of the committed plan data (ten indicators). Then the same plan with one file made
hostile the ways tests/plan/test_loader_hostile.py makes it (a hundred thousand wrong list items, a file at the
size limit, deep nesting, many aliases) or overlong (a thousand responsible units, which the near-miss check
of unit names must not compare pair by pair): the time to refuse or load it over the baseline. The tests check the answers;
the time lives here, not in a test, because a loaded machine would fail a timed test. Not a test: read the ratios.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
from itaplan.errors import PlanDataError  # noqa: E402
from itaplan.plan.loader import load_plan_data  # noqa: E402
from itaplan.plan.yaml_source import MAX_BYTES  # noqa: E402

TARGET = "2569/indicators/03.yml"


def _hundred_thousand_items(text: str) -> str:
    return text.replace("analysis:\n", "analysis: [" + ", ".join(["1"] * 100_000) + "]\nold_analysis:\n", 1)


def _at_the_size_limit(text: str) -> str:
    return text.replace("measure: ", "measure: " + "ก" * (MAX_BYTES // 3 - len(text.encode()) - 10), 1)


def _deep_nesting(text: str) -> str:
    return text + "extra: " + "[" * 5_000 + "]" * 5_000 + "\n"


def _many_aliases(text: str) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"] + [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}]"
                                                        for i in range(1, 12)]
    return text + "\n".join(lines) + "\n"


def _many_units(text: str) -> str:
    import random

    rng = random.Random(1)
    letters = "กขคงจฉชซดตถทนบปผพฟมยรลวสหอ"
    units = "".join(f"\n- กอง{''.join(rng.choice(letters) for _ in range(5))}" for _ in range(1000))
    return text.replace("responsible:", "responsible:" + units, 1)


CASES = {"loading a thousand responsible units": _many_units,
         "refusing a hundred thousand wrong items": _hundred_thousand_items, "refusing a file at the size limit": _at_the_size_limit,
         "refusing deep nesting": _deep_nesting, "refusing many aliases": _many_aliases}


def _best(root: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            load_plan_data(root)
        except PlanDataError:
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good"
        shutil.copytree(ROOT / "plan_data", good)
        base = _best(good, args.repeat)
        print(f"baseline: loading the committed plan data  {base * 1000:8.1f} ms  1.00x")
        for name, make in CASES.items():
            root = Path(tmp) / name.replace(" ", "-")
            shutil.copytree(ROOT / "plan_data", root)
            target = root / TARGET
            target.write_text(make(target.read_text(encoding="utf-8")), encoding="utf-8")
            took = _best(root, args.repeat)
            print(f"{name:<52} {took * 1000:8.1f} ms  {took / base:5.2f}x")


if __name__ == "__main__":
    main()
