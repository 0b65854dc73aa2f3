"""Sentences, clauses and paragraphs of normalised text (simple punctuation rules)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[。！？!?\n]+|;(?=\s*\n)")
CLAUSE_BREAK = set("，,；;。！？!?\n：:")


@dataclass
class Span:
    start: int
    end: int


class Segmenter:
    """Sentence and paragraph lookup for one normalised text."""

    def __init__(self, text: str):
        self.text = text
        self.sentences: list[Span] = []
        pos = 0
        for m in SENTENCE_END.finditer(text):
            end = m.end()
            if text[pos:m.start()].strip():
                self.sentences.append(Span(pos, end))
            pos = end
        if text[pos:].strip():
            self.sentences.append(Span(pos, len(text)))
        self._starts = [s.start for s in self.sentences]
        self.paragraphs: list[Span] = []
        pos = 0
        for m in re.finditer(r"\n", text):
            if text[pos:m.start()].strip():
                self.paragraphs.append(Span(pos, m.start()))
            pos = m.end()
        if text[pos:].strip():
            self.paragraphs.append(Span(pos, len(text)))

    def sentence_at(self, pos: int) -> Span:
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return Span(0, min(len(self.text), pos + 1))
        return self.sentences[i]

    def clause_at(self, pos: int, end: int) -> Span:
        lo = pos
        while lo > 0 and self.text[lo - 1] not in CLAUSE_BREAK:
            lo -= 1
        hi = end
        while hi < len(self.text) and self.text[hi] not in CLAUSE_BREAK:
            hi += 1
        return Span(lo, hi)


def strip_sentence(original: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and list bullets around a sentence span of the original text."""
    while start < end and (original[start].isspace() or original[start] in "-•·"):
        start += 1
    while end > start and original[end - 1].isspace():
        end -= 1
    return start, end
