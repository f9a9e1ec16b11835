"""Which words of a text changed: the word-level diff shared by the changes pages and `itaplan diff`.

Thai is written without spaces between words, so a text is first cut into words with PyThaiNLP's
dictionary segmenter (newmm; spaces are kept as their own pieces, so the pieces join back into the
text exactly). The two word lists are then compared with difflib. A change is shown as the words
removed followed by the words added; a lone space between two changes joins them, so
"ก ข" -> "ค ง" reads as one change, not two.

A text is only marked word by word when the two versions still share most of their words
(`worth_marking`): a text rewritten from start to end reads better as the old and the new whole.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Iterable, Literal, NamedTuple

Op = Literal["same", "del", "ins"]
MIN_SHARED = 0.4
"""Share of the words (difflib's ratio) two versions must have in common to be marked word by word."""
MIN_LENGTH = 12
"""Texts shorter than this on both sides (a score, a date, a code) are shown as old -> new."""
CONTEXT = 6
"""Unchanged words kept on each side of a change in the short form."""
_SPACE = re.compile(r"\s+")


class Piece(NamedTuple):
    op: Op
    text: str


@lru_cache(maxsize=4096)
def cut(text: str) -> tuple[str, ...]:
    """The words of `text`, spaces kept as pieces of their own; joined they give the text back."""
    if not text:
        return ()
    from pythainlp.tokenize import word_tokenize

    pieces: list[str] = []
    for part in re.split(r"(\s+)", text):  # newmm keeps a run of spaces whole only in most cases
        if not part:
            continue
        pieces.extend([part] if part.isspace() else word_tokenize(part, engine="newmm", keep_whitespace=True))
    return tuple(pieces)


def worth_marking(old: str | None, new: str | None) -> bool:
    """Whether the change from `old` to `new` is best shown word by word."""
    old, new = flat(old or ""), flat(new or "")
    if not old or not new or old == new:
        return False
    if len(old) < MIN_LENGTH and len(new) < MIN_LENGTH:
        return False
    return _matcher(cut(old), cut(new)).ratio() >= MIN_SHARED


def _matcher(a: tuple[str, ...], b: tuple[str, ...]) -> difflib.SequenceMatcher:
    return difflib.SequenceMatcher(None, a, b, autojunk=False)


def word_diff(old: str, new: str) -> list[Piece]:
    """The pieces that turn `old` into `new`, in order: unchanged, removed and added runs of words."""
    a, b = cut(flat(old)), cut(flat(new))
    raw: list[Piece] = []
    for tag, i1, i2, j1, j2 in _matcher(a, b).get_opcodes():
        if tag == "equal":
            raw.append(Piece("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Piece("del", "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(Piece("ins", "".join(b[j1:j2])))
    return _tidy(raw)


def _tidy(pieces: list[Piece]) -> list[Piece]:
    """Join changes parted only by white space; removed words before added ones; no empty pieces."""
    joined: list[Piece] = []
    for n, piece in enumerate(pieces):
        between_changes = (piece.op == "same" and piece.text.isspace() and 0 < n < len(pieces) - 1
                           and pieces[n - 1].op != "same" and pieces[n + 1].op != "same")
        if between_changes:
            joined += [Piece("del", piece.text), Piece("ins", piece.text)]
        elif piece.text:
            joined.append(piece)
    out: list[Piece] = []
    run: dict[str, str] = {}
    for piece in joined + [Piece("same", "")]:
        if piece.op == "same":
            out += [Piece(op, run[op]) for op in ("del", "ins") if run.get(op)]
            run = {}
            if piece.text:
                if out and out[-1].op == "same":
                    out[-1] = Piece("same", out[-1].text + piece.text)
                else:
                    out.append(piece)
        else:
            run[piece.op] = run.get(piece.op, "") + piece.text
    return out


def shorten(pieces: Iterable[Piece], context: int = CONTEXT) -> list[Piece]:
    """The pieces with long unchanged stretches cut to `context` words on each side of a change ('…')."""
    pieces = list(pieces)
    out: list[Piece] = []
    for n, piece in enumerate(pieces):
        if piece.op != "same":
            out.append(piece)
            continue
        words = cut(piece.text)
        first, last = n == 0, n == len(pieces) - 1
        keep_head = 0 if first else context  # words after the change before this piece
        keep_tail = 0 if last else context  # words before the next change
        if len(words) <= keep_head + keep_tail + 1 or (first and last):
            out.append(piece)
            continue
        head = "".join(words[:keep_head]) if keep_head else ""
        tail = "".join(words[len(words) - keep_tail:]) if keep_tail else ""
        out.append(Piece("same", f"{head}…{tail}"))
    return out


def flat(text: str) -> str:
    """One line: every run of white space (line breaks included) as one space."""
    return _SPACE.sub(" ", text).strip()
