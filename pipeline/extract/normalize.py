"""Original document text -> normalised text with a map back to the original.

In: the decoded text. Out: a `Normalized` whose `text` is simplified Chinese with ASCII digits and
punctuation, inline pinyin and the line breaks of fixed-width wrapping removed and mojibake runs
blanked, and whose `origin[i]` is the index in the original text of normalised character i (`span`
maps a span back). Every figure is found in the normalised text and reported with offsets mapped
back, so provenance always points at the original.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate

# 紀(jì)委: a parenthesised pinyin syllable right after a Han character, with at least one tone mark
# or ü (the look-ahead: a toned letter among the first seven), so that ERP(...) or 6人(次) are left
# alone. The Han character is checked behind the bracket, not before it: a pattern that opens
# with a bracket is only tried at brackets. The group is the whole note (for `split`).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
PINYIN_NOTE = re.compile(rf"([(（](?<=[\u4e00-\u9fff][(（])(?=[a-z]{{0,6}}[{_TONED}])[a-z{_TONED}]{{1,7}}[)）])")

# Mojibake: UTF-8 bytes read as GBK show rare characters, bopomofo and '?' next to each other.
# Characters of the text are kept (figures next to a garbled run are real), but a run made of
# such characters is blanked so that no figure, region or trigger is read out of it.
_MOJIBAKE_CHARS = re.compile(r"[\u3100-\u312f\ue000-\uf8ff\ufffd]")


@dataclass
class Normalized:
    original: str
    text: str
    # Only pinyin notes and wrapping breaks are removed, so the offset map is a step function: from
    # normalised index cut_at[k] on, `shift[k]` characters of the original have been dropped
    # (cut_at[0] == 0).
    cut_at: list[int] = field(default_factory=lambda: [0])
    shift: list[int] = field(default_factory=lambda: [0])

    def _origin(self, i: int) -> int:
        return i + self.shift[bisect_right(self.cut_at, i) - 1]

    @cached_property
    def origin(self) -> list[int]:
        """origin[i] = index in `original` of text[i]; len(origin) == len(text) + 1."""
        return [self._origin(i) for i in range(len(self.text) + 1)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        return self._origin(start), self._origin(end - 1) + 1 if end > start else self._origin(start)


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


@lru_cache(maxsize=1)
def _width_table() -> dict[str, str]:
    chars = ["\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", *map(chr, range(0xFF01, 0xFF5F))]
    return {c: _fold_width(c) for c in chars}


# 乾 of the names of places that t2s would turn into 干 (乾安县 → 干安县, 乾县 → 干县); a test
# checks these against every name of the gazetteer
KEPT_IN_NAMES = re.compile("乾(?=安|县|縣)")


def to_simplified(text: str) -> str:
    """Convert with OpenCC, keeping one output character per input character.

    t2s is character-for-character for nearly all text; where a phrase rule changes the length,
    that line is converted character by character instead so the offset map stays exact.
    """
    conv = _t2s()
    out = conv.convert(text)
    if len(out) != len(text):
        lines = []
        for line in text.splitlines(keepends=True):
            c = conv.convert(line)
            if len(c) != len(line):
                c = "".join(x if len(x := conv.convert(ch)) == 1 else ch for ch in line)
            lines.append(c)
        out = "".join(lines)
    kept = [m.start() for m in KEPT_IN_NAMES.finditer(text)]
    if kept:
        chars = list(out)
        for i in kept:
            chars[i] = text[i]
        out = "".join(chars)
    return out


# A text wrapped at a fixed width (a PDF, an old page): most lines are about as wide as the widest
# ones and end in the middle of a sentence. A line break after such a line is dropped, so that a
# number and its unit (8700 余\n万元), a verb and its figure, and the paragraphs stay whole.
WRAP_MIN_LINE = 10  # characters of a line that may be a wrapped one
WRAP_MIN_LINES = 5
WRAP_SHARE = 0.4  # of the lines of that length at least
WRAP_SLACK = 6  # display columns a full line may fall short of the width
WRAP_OVER = 2  # ... and run past it
SENTENCE_END_CHARS = frozenset("。！？!?；;：:”」』)）")
# a line that opens indented, or with the number of a heading or a list item, begins a paragraph
HEADING_START = re.compile(r"[ \t\u3000]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]"
                           r"|第[一二三四五六七八九十\d]+[章节条部]")


def _width(line: str) -> int:
    """Display columns of a line of Chinese text: two for a wide character (three bytes of
    UTF-8), one for ASCII (one byte)."""
    return (len(line.encode()) + len(line)) // 2


def wrap_breaks(original: str) -> list[tuple[int, int]]:
    """The spans (trailing spaces and the break) of the line breaks of a text wrapped at a fixed
    width; none in a text whose lines are its paragraphs."""
    if original.count("\n") < WRAP_MIN_LINES:
        return []
    lines, pos = [], 0
    for line in original.split("\n"):
        text = line.rstrip()
        lines.append((pos, text, _width(text) if len(text) >= WRAP_MIN_LINE else 0))
        pos += len(line) + 1
    widths = sorted(w for _, _, w in lines if w)
    if len(widths) < WRAP_MIN_LINES:
        return []
    width = widths[int(len(widths) * 0.8)]  # the width most lines of a wrapped text reach
    full = [k for k, (_, text, w) in enumerate(lines[:-1])
            if w and width - WRAP_SLACK <= w <= width + WRAP_OVER and text[-1] not in SENTENCE_END_CHARS]
    if len(full) < max(WRAP_MIN_LINES, WRAP_SHARE * len(widths)):
        return []
    spans = []
    for k in full:
        start, text, _ = lines[k]
        following = lines[k + 1][1]
        if following and not HEADING_START.match(following):
            spans.append((start + len(text), lines[k + 1][0]))
    return spans


def normalize(original: str) -> Normalized:
    # pinyin notes and the breaks of wrapped lines are dropped; from normalised index cut_at[k]
    # on, shift[k] characters of the original have been dropped
    breaks = wrap_breaks(original)
    if breaks:
        pieces = []  # kept text and what is dropped, alternately
        pos = 0
        for start, end in sorted([m.span() for m in PINYIN_NOTE.finditer(original)] + breaks):
            pieces += [original[pos:start], original[start:end]]
            pos = end
        pieces.append(original[pos:])
    else:
        pieces = PINYIN_NOTE.split(original)
    kept, dropped = pieces[::2], pieces[1::2]
    cut_at = [0, *accumulate(map(len, kept[:-1]))]
    shift = [0, *accumulate(map(len, dropped))]
    table = _width_table()
    folded = _WIDE.sub(lambda m: table[m.group()], "".join(kept))
    text = to_simplified(folded)
    # Hong Kong papers write 陝西 with the variant 陜 (narrow), which OpenCC leaves alone
    text = text.replace("陜西", "陕西")
    text = _blank_mojibake(text)
    return Normalized(original=original, text=text, cut_at=cut_at, shift=shift)


_MOJIBAKE_RUN = re.compile(r"(?:[^\s,.;:!?，。；：！？、“”]*[\u3100-\u312f\ue000-\uf8ff\ufffd?][^\s,.;:!?，。；：！？、“”]*)")


def _blank_mojibake(text: str) -> str:
    """Replace garbled runs by spaces of the same length (offsets stay aligned)."""
    if not _MOJIBAKE_CHARS.search(text):
        return text
    blank = []
    for m in _MOJIBAKE_CHARS.finditer(text):
        # blank the garbled neighbourhood up to the next clause break, but never digits.
        lo = m.start()
        while lo > 0 and m.start() - lo < 12 and text[lo - 1] not in "，。；：！？、,.;:!\n" and not text[lo - 1].isdigit():
            lo -= 1
        hi = m.end()
        while hi < len(text) and hi - m.end() < 12 and text[hi] not in "，。；：！？、,.;:!\n" and not text[hi].isdigit():
            hi += 1
        blank.append((lo, hi))
    out, pos = [], 0
    for lo, hi in sorted(blank):
        lo = max(lo, pos)
        if hi > lo:
            out += [text[pos:lo], " " * (hi - lo)]
            pos = hi
    out.append(text[pos:])
    return "".join(out)
