"""Sentences and clauses of normalised text (simple punctuation rules)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# A run of sentence-final marks, or a semicolon that ends its line. Written to open with a
# character class so that the regex engine jumps from one candidate mark to the next instead of
# trying both alternatives at every character; the matches are those of
# `[。！？!?\n]+|;(?=\s*\n)`.
SENTENCE_END = re.compile(r"[。！？!?\n;](?:(?<=;)(?=\s*\n)|(?<!;)[。！？!?\n]*)")
_CONTENT = re.compile(r"\S")
TRAILING_MARKS = re.compile(r"[\s。！？!?]*")
CLAUSE_BREAK = set("，,；;。！？!?\n：:")
# ... but not the comma of a thousands group (3,191人), which the number grammar reads as one number
_CLAUSE_BREAK_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAK - {","}))) + r"]|,(?!(?<=\d,)\d{3}(?!\d))")


@dataclass(slots=True)
class Span:
    start: int
    end: int


class Segmenter:
    """Sentence and clause lookup for one normalised text."""

    def __init__(self, text: str):
        self.text = text
        # The text is cut after each run of sentence-final marks; a piece is a sentence unless it
        # is blank. Whether it is blank is only looked at when a figure asks for its sentence.
        marks = [m.span() for m in SENTENCE_END.finditer(text)]
        self._piece_starts = [0, *(e for _, e in marks)]
        self._content_ends = [*(s for s, _ in marks), len(text)]  # the piece before its marks
        self._piece_ends = [*(e for _, e in marks), len(text)]
        # positions of the clause breaks: a clause is looked up by bisection, not char by char
        self._breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]

    def _blank(self, k: int) -> bool:
        return not _CONTENT.search(self.text, self._piece_starts[k], self._content_ends[k])

    def sentence_at(self, pos: int) -> Span:
        """The last sentence starting at or before pos."""
        k = bisect_right(self._piece_starts, pos) - 1
        while k >= 0 and self._blank(k):
            k -= 1
        if k < 0:
            return Span(0, min(len(self.text), pos + 1))
        return Span(self._piece_starts[k], self._piece_ends[k])

    def clause_at(self, pos: int, end: int) -> Span:
        """From the last clause break before pos (exclusive) to the first at or after end."""
        breaks = self._breaks
        k = bisect_left(breaks, pos)
        lo = breaks[k - 1] + 1 if k else 0
        k = bisect_left(breaks, end)
        hi = breaks[k] if k < len(breaks) else len(self.text)
        return Span(lo, hi)


def strip_sentence(original: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and list bullets around a sentence span of the original text, and the
    marks after its last line break: a piece ends with its run of final marks, which may run on
    past the break (持久战。\n?)."""
    if (nl := original.rfind("\n", start, end)) >= 0 and TRAILING_MARKS.fullmatch(original, nl, end):
        end = nl
    while start < end and (original[start].isspace() or original[start] in "-•·"):
        start += 1
    while end > start and original[end - 1].isspace():
        end -= 1
    return start, end
