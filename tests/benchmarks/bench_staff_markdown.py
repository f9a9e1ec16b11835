"""Staff text costs time in proportion to its size, whatever it holds: ratios against a baseline of the same run.

    python tests/benchmarks/bench_staff_markdown.py [--sizes 2500,5000,10000,20000] [--repeat 3] [--no-build]

1. The core, per field: `check_markdown`, `render_html` and `plain_lines` (what a build does with one report
   field) on text of each size, made of ordinary Thai sentences and of every pathological pattern known to make
   Markdown parsers superlinear (CommonMark's own list: runs of `[`, `![`, unclosed links, nested emphasis,
   raw HTML openers, deep quotes and lists …). For each pattern it prints the time of the largest size over the
   time of ordinary text of that size (how much worse than ordinary), and the growth per doubling of the size
   (2.0 is linear; Python-Markdown, which rendered staff text before, grows ×4 per doubling on `[`, and
   20,000 `[` took it 30–45 s).
   Text with more than MAX_MARKS `[` or `<`, or more than MAX_UNCLOSED `[` never closed, is refused before it is
   parsed (marked "refused": its time is the cost of saying so). Then the same for a plain-text field (a
   measure, a step) as MkDocs' Markdown renders it: quadratic in the marks md_text escapes, hence
   plain_text.MAX_MARKS.
2. The build: `mkdocs build --strict` of the progress fixture (made-up reports) with every narrative field of
   every report (10 indicators × 2 rounds × result, obstacles, solutions) filled with text of each size, once
   ordinary and once the costliest text the check lets through; times over the build with the smallest
   ordinary text.
Times are the best of --repeat (CPU time of the build process for builds). Not a test: times vary with the
machine; the ratios are what to read. Per-field text is bounded by the schema (20,000 characters).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import ROOT, timed_build  # noqa: E402 - also puts hooks/ on sys.path

sys.path.insert(0, str(ROOT / "tests"))
from itaplan.progress import markdown  # noqa: E402

SENTENCE = "มอบหมายเจ้าหน้าที่ผู้รับผิดชอบครบทุกงานแล้ว และเริ่มจัดทำ**คู่มือ**การปฏิบัติงาน [ลิงก์](https://www.example.go.th/) "
PATTERNS = {
    "ordinary Thai": lambda n: (SENTENCE * (n // len(SENTENCE) + 1))[:n],
    "runs of [": lambda n: "[" * n,
    "[a [a [a": lambda n: "[a " * (n // 3),
    "runs of ![": lambda n: "![" * (n // 2),
    "nested brackets": lambda n: "[" * (n // 2) + "a" + "]" * (n // 2),
    "[ (](": lambda n: "[ (](" * (n // 5),
    "unclosed link [a](b": lambda n: "[a](b" * (n // 5),
    "unclosed link [a](<b": lambda n: "[a](<b" * (n // 6),
    "link openers, emphasis closers": lambda n: "[ a_ " * (n // 5),
    "nested emphasis": lambda n: "*a **a " * (n // 14) + "b" + " a** a*" * (n // 14),
    "emphasis openers": lambda n: "_a " * (n // 3),
    "raw HTML openers <a": lambda n: "<a " * (n // 3),
    "CDATA openers": lambda n: "a <![CDATA[" * (n // 11),
    "character references": lambda n: "&#x" * (n // 3),
    "backslashes": lambda n: "\\" * n,
    "backticks": lambda n: "".join("e" + "`" * i for i in range(1, 200)) * (n // 20000 + 1),
    "quotes nested": lambda n: "> " * (n // 2) + "a",
    "lists nested": lambda n: "".join("  " * i + "- a\n" for i in range(int((n / 2) ** 0.5))),
    "reference definitions": lambda n: "".join(f"[l{i}]: /u\n" for i in range(n // 10)) + "[l0]",
}


def _once(text: str) -> float:
    markdown._parse.cache_clear()
    start = time.perf_counter()
    markdown.check_markdown(text)
    markdown.render_html(text, 2, lambda url: url)
    markdown.plain_lines(text)
    return time.perf_counter() - start


def worst_allowed(n: int) -> str:
    """The costliest text the check lets through that we know of: MAX_UNCLOSED `[` never closed, closed
    ones up to MAX_MARKS, then emphasis nested as deep as allowed, to the end of the paragraph."""
    head = "[a " * markdown.MAX_UNCLOSED + "[a] " * min(markdown.MAX_MARKS - markdown.MAX_UNCLOSED, n // 8)
    half = markdown.MAX_INLINE_DEPTH // 2
    emphasis = "*a **a " * half + "b" + " a** a*" * half + " "
    return (head + emphasis * (n // len(emphasis) + 1))[:n]


def core(sizes: list[int], repeat: int) -> None:
    print(f"1. the core, one field ({', '.join(f'{s:,}' for s in sizes)} characters); best of {repeat}")
    _once(PATTERNS["ordinary Thai"](sizes[0]))  # imports and caches warmed up
    ordinary = {n: min(_once(PATTERNS["ordinary Thai"](n)) for _ in range(repeat)) for n in sizes}
    print(f"   {'text':32} {'ms at ' + format(sizes[-1], ','):>14} {'× ordinary':>11} {'growth per ×2':>14}")
    for name, make in {**PATTERNS, "worst the check allows": worst_allowed}.items():
        texts = [make(n)[:n] for n in sizes]
        times = [min(_once(text) for _ in range(repeat)) for text in texts]
        growth = (times[-1] / max(times[0], 1e-6)) ** (1 / max(len(sizes) - 1, 1))
        refused = " (refused)" if markdown.check_markdown(texts[-1]) else ""
        print(f"   {name:32} {times[-1] * 1000:14.1f} {times[-1] / ordinary[sizes[-1]]:11.2f} {growth:14.2f}{refused}")


def plain(sizes: list[int], repeat: int) -> None:
    """Plain-text fields (a measure, an analysis paragraph) reach MkDocs' Markdown escaped by md_text; Python-
    Markdown copies the paragraph for each escape, so the schema bounds their number (plain_text.MAX_MARKS)."""
    import markdown as python_markdown

    from itaplan import plain_text
    from itaplan.pages.render import md_text

    md = python_markdown.Markdown(extensions=["attr_list", "def_list", "md_in_html", "tables", "toc"])

    def once(text: str) -> float:
        md.reset()
        start = time.perf_counter()
        md.convert("คำ\n\n" + md_text(text) + "\n")
        return time.perf_counter() - start

    print(f"\n   plain-text field through MkDocs' Markdown; ms at each size; best of {repeat}")
    rows = {"ordinary Thai": lambda n: PATTERNS["ordinary Thai"](n).replace("[", "").replace("]", ""),
            f"{plain_text.MAX_MARKS:,} marks, then Thai": lambda n: ("[" * plain_text.MAX_MARKS + "ก" * n)[:n],
            "marks throughout (refused above the limit)": lambda n: "[" * n}
    for name, make in rows.items():
        times = [min(once(make(n)) for _ in range(repeat)) for n in sizes]
        print(f"   {name:44}" + "".join(f"{t * 1000:9.1f}" for t in times))


def _project(dest: Path, text: str) -> Path:
    from progress_fixture import fixture_project
    import yaml

    project = fixture_project(dest)
    for round_id in ("6-months", "12-months"):
        folder = project / "plan_data/2569/progress" / round_id
        for number in range(1, 11):
            path = folder / f"{number:02d}.yml"
            data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {"indicator": number}
            for field in ("result", "obstacles", "solutions"):
                data[field] = text
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10 ** 9),
                            encoding="utf-8")
    return project


def build(sizes: list[int], repeat: int) -> None:
    kinds = {"ordinary": PATTERNS["ordinary Thai"], "worst the check allows": worst_allowed}
    fields = 10 * 2 * 3
    print(f"\n2. mkdocs build --strict, {fields} narrative fields of each size; CPU s, best of {repeat}")
    with tempfile.TemporaryDirectory(prefix="bench-staff-") as tmp:
        results: dict[tuple[str, int], float] = {}
        for kind, make in kinds.items():
            for n in sizes:
                project = _project(Path(tmp) / f"{kind.replace(' ', '-')}-{n}", make(n)[:n])
                results[kind, n] = min(timed_build(project)[0] for _ in range(repeat))
                shutil.rmtree(project / "site", ignore_errors=True)
        base = results["ordinary", sizes[0]]
        print(f"   {'staff text':22}" + "".join(f"{f'{n * fields / 1000:,.0f} KB':>12}" for n in sizes))
        for kind in kinds:
            print(f"   {kind:22}" + "".join(f"{results[kind, n]:7.1f} ×{results[kind, n] / base:3.1f}" for n in sizes))
        print(f"   (× = over the build with {sizes[0] * fields / 1000:,.0f} KB of ordinary text; linear growth adds "
              "the same time for each doubling of the staff text)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,5000,10000,20000", help="characters per field")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the fastest counts")
    parser.add_argument("--no-build", action="store_true", help="measure the core only")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    core(sizes, args.repeat)
    plain(sizes, args.repeat)
    if not args.no_build:
        build(sizes, max(1, args.repeat - 1))


if __name__ == "__main__":
    main()
