"""Original document text -> normalised text with a map back to the original.

In: the decoded text. Out: a `Normalized` whose `text` is simplified Chinese with ASCII digits and
punctuation, inline pinyin removed and mojibake runs blanked, and whose `origin[i]` is the index in
the original text of normalised character i. Every figure is found in the normalised text and
reported with offsets mapped back through `origin`, so provenance always points at the original.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# 紀(jì)委: a parenthesised pinyin syllable right after a Han character, with at least one tone mark
# or ü, so that ERP(...) or 6人(次) are left alone.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_NOTE = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]([a-z{_TONED}]{{1,7}})[)）]")
_HAS_TONE = re.compile(rf"[{_TONED}]")

# Mojibake: UTF-8 bytes read as GBK show rare characters, bopomofo and '?' next to each other.
# Characters of the text are kept (figures next to a garbled run are real), but a run made of
# such characters is blanked so that no figure, region or trigger is read out of it.
_MOJIBAKE_CHARS = re.compile(r"[\u3100-\u312f\ue000-\uf8ff\ufffd]")


@dataclass
class Normalized:
    original: str
    text: str
    origin: list[int]  # origin[i] = index in `original` of text[i]; len(origin) == len(text) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        return self.origin[start], self.origin[end - 1] + 1 if end > start else self.origin[start]


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _fold_width(ch: str) -> str:
    if ch == "\u3000":
        return " "
    if "\uff01" <= ch <= "\uff5e" or ch in "\u00a0\u2002\u2003\u2009":
        folded = unicodedata.normalize("NFKC", ch)
        return folded if len(folded) == 1 else ch
    return ch


# Characters `_fold_width` may change; only these are looked at (str.translate would look up
# every character of the text).
_WIDE = re.compile("[\u3000\u00a0\u2002\u2003\u2009\uff01-\uff5e]")
_BRACKET = re.compile("[(（]")


@lru_cache(maxsize=1)
def _width_table() -> dict[str, str]:
    chars = ["\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", *map(chr, range(0xFF01, 0xFF5F))]
    return {c: _fold_width(c) for c in chars}


def _pinyin_notes(text: str):
    """PINYIN_NOTE.finditer(text), tried at brackets only: a pattern that opens with a
    look-behind is otherwise tried at every character. A note holds no second bracket, so the
    matches are the same."""
    for b in _BRACKET.finditer(text):
        m = PINYIN_NOTE.match(text, b.start())
        if m:
            yield m


def _to_simplified(text: str) -> str:
    """Convert with OpenCC, keeping one output character per input character.

    t2s is character-for-character for nearly all text; where a phrase rule changes the length,
    that line is converted character by character instead so the offset map stays exact.
    """
    conv = _t2s()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.splitlines(keepends=True):
        c = conv.convert(line)
        if len(c) != len(line):
            c = "".join(x if len(x := conv.convert(ch)) == 1 else ch for ch in line)
        lines.append(c)
    return "".join(lines)


def normalize(original: str) -> Normalized:
    keep: list[int] = []
    parts: list[str] = []
    pos = 0
    for m in _pinyin_notes(original):
        if not _HAS_TONE.search(m.group(1)):
            continue
        keep.extend(range(pos, m.start()))
        parts.append(original[pos:m.start()])
        pos = m.end()
    keep.extend(range(pos, len(original)))
    parts.append(original[pos:])
    table = _width_table()
    folded = _WIDE.sub(lambda m: table[m.group()], "".join(parts))
    text = _to_simplified(folded)
    text = _blank_mojibake(text)
    origin = keep + [len(original)]
    return Normalized(original=original, text=text, origin=origin)


_MOJIBAKE_RUN = re.compile(r"(?:[^\s,.;:!?，。；：！？、“”]*[\u3100-\u312f\ue000-\uf8ff\ufffd?][^\s,.;:!?，。；：！？、“”]*)")


def _blank_mojibake(text: str) -> str:
    """Replace garbled runs by spaces of the same length (offsets stay aligned)."""
    if not _MOJIBAKE_CHARS.search(text):
        return text
    out = list(text)
    for m in _MOJIBAKE_CHARS.finditer(text):
        # blank the garbled neighbourhood up to the next clause break, but never digits.
        lo = m.start()
        while lo > 0 and m.start() - lo < 12 and text[lo - 1] not in "，。；：！？、,.;:!\n" and not text[lo - 1].isdigit():
            lo -= 1
        hi = m.end()
        while hi < len(text) and hi - m.end() < 12 and text[hi] not in "，。；：！？、,.;:!\n" and not text[hi].isdigit():
            hi += 1
        for i in range(lo, hi):
            out[i] = " "
    return "".join(out)
