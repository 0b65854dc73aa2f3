"""The period a figure covers, from its sentence and the document's publication date.

In: the sentence (original text), the figure's offset in it, the published date (or None).
Out: `"2022"` (a calendar year) or `"2022-01/2022-09"` (a range of months, ISO 8601 interval),
or None when the text has no cue (or a relative cue and no date). The cue nearest before the figure wins:
今年以来 (Jan of the publication year to its month), 2019年以来 (Jan 2019 to publication),
一年来/近一年 (the twelve months to publication), 上半年/下半年, 一季度, 1至9月/前三季度,
去年, 2022年 (that year).
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
       "十": 10, "十一": 11, "十二": 12}
_M = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_Y = r"((?:19|20)\d{2})年"
CUES = [
    ("since_year", re.compile(_Y + r"(?:以来|以來|至今)")),
    ("months", re.compile(r"(?:" + _Y + r")?" + _M + r"(?:月)?\s*(?:至|到|-|—|–|~|～)\s*" + _M + r"月")),
    ("half", re.compile(r"(?:" + _Y + r"|(今年|去年))?([上下])半年")),
    ("first_quarters", re.compile(r"(?:" + _Y + r"|(今年|去年))?前([二三两2-3])(?:个)?季度")),
    ("quarter", re.compile(r"(?:" + _Y + r"|(今年|去年))?(?:第)?([一二三四1-4])季度")),
    ("this_year", re.compile(r"今年(?:以来|以來)?")),
    ("last_twelve", re.compile(r"(?:一|1)年(?:来|來|以来|以來)|近一年|过去一年|過去一年")),
    ("last_year", re.compile(r"去年")),
    ("year", re.compile(_Y)),
]


def _num(s: str) -> int:
    return int(s) if s.isdigit() else _CN.get(s, 0)


def _range(y1: int, m1: int, y2: int, m2: int) -> str:
    if m1 == 1 and m2 == 12 and y1 == y2:
        return str(y1)
    return f"{y1}-{m1:02d}/{y2}-{m2:02d}"


def _year(explicit: str | None, relative: str | None, published: date | None) -> int | None:
    if explicit:
        return int(explicit)
    if published is None:
        return None
    return published.year - 1 if relative == "去年" else published.year


def _resolve(kind: str, m: re.Match, published: date | None) -> str | None:
    pub = published
    if kind == "since_year":
        y = int(m.group(1))
        return f"{y}-01/{pub.year}-{pub.month:02d}" if pub and pub.year >= y else f"{y}-01/"
    if kind == "months":
        y = _year(m.group(1), None, pub)
        a, b = _num(m.group(2)), _num(m.group(3))
        if y is None or not (1 <= a <= b <= 12):
            return None
        return _range(y, a, y, b)
    if kind in ("half", "quarter", "first_quarters"):
        y = _year(m.group(1), m.group(2), pub)
        if y is None:
            return None
        if kind == "half":
            return _range(y, 1, y, 6) if m.group(3) == "上" else _range(y, 7, y, 12)
        q = _num(m.group(3))
        return _range(y, 3 * q - 2, y, 3 * q) if kind == "quarter" else _range(y, 1, y, 3 * q)
    if pub is None:
        return str(m.group(1)) if kind == "year" else None
    if kind == "this_year":
        return _range(pub.year, 1, pub.year, pub.month)
    if kind == "last_twelve":
        y, mo = (pub.year, pub.month - 11) if pub.month == 12 else (pub.year - 1, pub.month + 1)
        return _range(y, mo, pub.year, pub.month)
    if kind == "last_year":
        return str(pub.year - 1)
    if kind == "year":
        return m.group(1)
    return None


@lru_cache(maxsize=256)
def _cues(sentence: str) -> tuple:
    """(priority, kind, match) of every cue in the sentence; several figures share a sentence."""
    found = []
    taken: list[tuple[int, int]] = []
    for prio, (kind, rx) in enumerate(CUES):
        for m in rx.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue  # a more specific cue already covers this text (2019年以来 is not 2019年)
            taken.append(m.span())
            found.append((prio, kind, m))
    return tuple(found)


def period_for(sentence: str | None, offset: int | None, published: date | None) -> str | None:
    """Period of the figure at `offset` in `sentence` (the cue closest before it, else after it)."""
    if not sentence:
        return None
    offset = len(sentence) if offset is None else max(0, min(offset, len(sentence)))
    found = []  # (distance, priority, kind, match)
    for prio, kind, m in _cues(sentence):
        before = m.end() <= offset
        dist = offset - m.end() if before else 10_000 + m.start() - offset
        found.append((dist, prio, kind, m))
    for _, _, kind, m in sorted(found, key=lambda t: (t[0], t[1])):
        p = _resolve(kind, m, published)
        if p:
            return p
    return None  # no cue: the publication date alone does not say which period is meant
