"""Near-miss responsible units: only a letter or two apart, never units that are just different (made-up names)."""

from __future__ import annotations

import pytest

from itaplan.plan.unit_names import distance, near


@pytest.mark.parametrize("a,b", [
    ("กองคลง", "กองคลัง"),          # a vowel mark left out
    ("กองคลัง", "กองคลังง"),         # a letter typed twice
    ("สำนักปลัด", "สำนักปลัดฯ"),      # the same office, written two ways
    ("กองช่าง", "กองชาง"),
])
def test_a_letter_or_two_apart_is_a_near_miss(a, b):
    assert near(a, b) and near(b, a)


@pytest.mark.parametrize("a,b", [
    ("กองคลัง", "กองช่าง"),          # two divisions
    ("กองคลัง", "กองคลัง"),          # the same name
    ("งานธุรการ 1", "งานธุรการ 2"),   # numbered units differ in their digits only
    ("กอง", "กองฯ"),                # too short to judge
    ("สำนักปลัด", "ทุกสำนัก/กอง"),
])
def test_units_that_are_just_different_are_not(a, b):
    assert not near(a, b)


def test_distance_counts_letters_added_removed_or_changed():
    assert distance("กองคลง", "กองคลัง") == 1
    assert distance("abcd", "abdc") == 2
    assert distance("abcdef", "uvwxyz") == 3  # above the limit: limit + 1


def test_two_names_written_as_often_are_told_once_without_guessing_which_is_right(tmp_path):
    from progress_fixture import copy_fixture
    from itaplan.plan.loader import load_plan_data

    root = copy_fixture(tmp_path)
    for name, old, new in [("04.yml", "- กองคลัง", "- กองคลง"), ("05.yml", "- สำนักปลัด", "- สำนักปลัด\n- กองคลัง")]:
        path = root / "2569/indicators" / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    (warning,) = load_plan_data(root).warnings
    assert warning.file.endswith("05.yml") and "“กองคลัง” ต่างจาก “กองคลง” ในตัวชี้วัดที่ 4" in warning.thai_text
    assert "หมายถึง" not in warning.thai_text and "ให้แก้ชื่อที่สะกดผิดให้ตรงกับอีกชื่อ" in warning.thai_text


def test_a_plan_with_hundreds_of_units_is_not_compared_pair_by_pair(tmp_path, monkeypatch):
    """Hostile or pasted-in lists (hundreds of made-up unit names per indicator) must not stall `itaplan check`
    and the build: before, every entry was compared with every name (2 x 500 names took over a minute). The cost
    is bounded by counting comparisons, not by timing (tests/benchmarks/bench_hostile_refusal.py times it)."""
    import random

    from progress_fixture import copy_fixture
    from itaplan.plan import unit_names
    from itaplan.plan.loader import load_plan_data

    calls = []
    real = unit_names.distance
    monkeypatch.setattr(unit_names, "distance", lambda a, b, limit=unit_names.MAX_DISTANCE: calls.append(1) or real(a, b, limit))
    root = copy_fixture(tmp_path)
    rng = random.Random(1)
    letters = "กขคงจฉชซดตถทนบปผพฟมยรลวสหอ"
    for name in ("04.yml", "05.yml"):
        units = "".join(f"\n- กอง{''.join(rng.choice(letters) for _ in range(5))}" for _ in range(500))
        path = root / "2569/indicators" / name
        text = path.read_text(encoding="utf-8")
        anchor = "- กองคลัง" if "- กองคลัง" in text else "- สำนักปลัด"
        path.write_text(text.replace(anchor, anchor + units, 1), encoding="utf-8")
    load_plan_data(root)
    assert not calls  # more than MAX_NAMES names: a pasted list, not a slip; nothing compared

    calls.clear()
    names = [f"กอง{''.join(rng.choice(letters) for _ in range(5))}" for _ in range(unit_names.MAX_NAMES)]
    unit_names._near_names(names)
    assert len(calls) <= len(names) * (len(names) - 1) // 2  # each pair once at most


def test_near_misses_are_still_found_among_many_names():
    from itaplan.plan.unit_names import near_unit_warnings

    class Doc:
        def line_of(self, loc):
            return 1

    class Ind:
        def __init__(self, number, responsible):
            self.number, self.responsible = number, responsible

    many = [f"งานที่ {n}" for n in range(150)]
    files = [(Ind(1, ["กองคลัง", *many]), "01.yml", Doc()), (Ind(2, ["กองคลัง"]), "02.yml", Doc()),
             (Ind(3, ["กองคลง"]), "03.yml", Doc())]
    (warning,) = near_unit_warnings(files)
    assert warning.file == "03.yml" and "แก้เป็น - กองคลัง" in warning.thai_text
