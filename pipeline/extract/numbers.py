"""The number grammar: where a quantity is parsed.

In: normalised text (simplified, ASCII digits, see `normalize.py`). Out: `Quantity` candidates,
each a number with its unit, qualifier and span, e.g. `7000多件` -> 7000 件 more_than,
`6 600万元` -> 66000000 元 exact, `两名` -> 2 名, `同比下降50%` -> -50 %.
Candidates that are not figures (years, ordinals, slogans, hotlines, titles) are dropped by the
rules in `exclude.py`, not here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}  # 卅一人, 廿五“虎”: one character for twenty, thirty, forty
_D = "[一二两三四五六七八九]"
WELL_FORMED_CN = re.compile(
    rf"^(?:[零〇一二两三四五六七八九]+|(?:{_D}千)?(?:[零〇]?{_D}百)?(?:[零〇]?{_D}?十)?(?:[零〇]?{_D})?)$"
)

# Measure words a figure may carry, longest first. 元 (money) is normalised to yuan.
UNITS = [
    "人次", "件次", "户次", "批次", "家次", "场次", "轮次", "架次", "个次", "项次", "辆次", "平方米", "公里",
    "美元", "港元", "欧元", "日元", "英镑", "澳元", "澳门元", "新台币",
    "元", "人", "名", "位", "起", "件", "个", "户", "份", "项", "条", "次", "家", "张", "封", "册",
    "篇", "种", "套", "宗", "批", "期", "页", "本", "斤", "幅", "瓶", "所", "处", "座", "场", "轮",
    "支", "类", "间", "辆", "台", "部", "块", "亩", "吨", "字", "笔", "例", "份次", "栋", "箱", "盒", "桌",
    "公斤", "千克", "公顷", "立方米", "株",
    "人民币",  # 523.88亿人民币: yuan, never 人
]
UNIT_RE = "|".join(sorted(UNITS, key=len, reverse=True))
# every unit a figure may carry: the measure words, 人(次)-style notes, percent and points
ALL_UNITS = frozenset(UNITS) | {"%", "百分点"} | {u + "次" for u in UNITS if not u.endswith("次")}
# Units after which a Chinese-numeral count is a figure (两名, 十起); 三个机制, 四风, 五个一 are not.
CN_NUMERAL_UNITS = {"人", "名", "位", "起", "件", "人次", "件次", "户", "家", "宗", "批", "字", "元", "%",
                    "场次", "轮次", "批次"}
CN_NUMERAL_STRICT = {"批", "字"}  # only with a multi-character numeral (六百余字) or 两

ARABIC = r"\d{1,3}(?:(?: |,)\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千廿卅卌"  # what a Chinese numeral is written with (万 multiplies)
# 二点三亿元 is 2.3亿: 点 and the digits after it belong to the number (read apart, 三亿元 is wrong)
CHINESE = f"[{NUMERAL_CHARS}]+(?:点[零〇一二两三四五六七八九]+)?"
# 百余人, 千余件, 万余人, 逾百人, 近千名, 近万元, 近亿元: a bare magnitude with 余/多 or a qualifier before it (alone,
# it is no number: 单位：万元).
# 3千余件, 2百余个: 百 and 千 after digits multiply like 万 (2百余个 is 200, never a bare 百余个).
# 15 000 人, 6 600 万元, 90 %: one space may stand between digits and what follows them
NUMBER = rf"(?P<num>{ARABIC}|{CHINESE}|万|亿)(?:(?<=\d) )?(?P<mult>[百千万亿])?"
BARE_MAGNITUDE = {"百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

# Qualifiers before the number (约, 超过, 不足) and after it (多, 余, 以上, 左右); 多达 and 高达 (as
# many as) qualify nothing: 多达13起 is 13
PRE_QUALIFIER = {
    "将近": "approx", "接近": "approx", "大约": "approx", "约有": "approx", "约合": "approx", "约计": "approx",
    "大概": "approx", "约": "approx", "约达": "approx", "近": "approx",
    "超过": "more_than", "超过了": "more_than", "突破了": "more_than", "逾": "more_than", "超": "more_than", "突破": "more_than",
    "不低于": "more_than", "不少于": "more_than", "至少": "more_than", "至少有": "more_than", "最少": "more_than",
    "不到": "less_than", "不足": "less_than", "少于": "less_than", "未满": "less_than", "不满": "less_than",
    "不超过": "less_than", "未超过": "less_than", "不得超过": "less_than", "不能超过": "less_than",
    "不高于": "less_than", "最多": "less_than",
}
POST_QUALIFIER = {
    "多": "more_than", "余": "more_than", "来": "approx", "以上": "more_than", "之多": "more_than",
    "左右": "approx", "上下": "approx", "以下": "less_than", "以内": "less_than",
    "及以上": "more_than", "及以下": "less_than",
}


def _prefix(table: dict[str, str]) -> str:
    """The optional group `pre` of a table's qualifiers, longest first (超过 before 超)."""
    return "(?P<pre>" + "|".join(sorted(table, key=len, reverse=True)) + ")?"


# 港币2万元, 美金300元: a currency named before the number makes its 元 that currency, not yuan
FOREIGN_CURRENCIES = "港币|港元|美金|美元|欧元|日元|英镑|澳元|澳门币|新台币|台币"
CURRENCY_UNIT = {"港币": "港元", "美金": "美元", "澳门币": "澳门元", "台币": "新台币"}
# 约合人民币120万元, 超过人民币500万元, 约新台币2800亿元: the currency may stand between a qualifier
# and its number, and a space (超过 720 万人)
PREFIX_QUAL = "(?:" + _prefix(PRE_QUALIFIER) + f"(?(pre) ?(?:人民币|{FOREIGN_CURRENCIES})?))"
MIDDLE_QUAL = r"(?P<mid>多|余|来)?"
# `6人(次)` is 人次. The look-ahead on the units' first characters spares trying every unit
# after each number that has none (一些, 三个代表 are rejected at once); the matches are the same.
_UNIT_FIRST = "".join(sorted({u[0] for u in UNITS} | {"个", "百", "%"}))
UNIT = rf"(?P<mult2>万|亿)?(?=[{_UNIT_FIRST}])(?P<unit>个百分点|百分点|{UNIT_RE}|%)(?P<unit_note>\(次\))?"
# (not the 多 of 多个, 多名: 108万元多个信封 is 1,080,000 yuan in several envelopes)
SUFFIX_QUAL = r"(?P<post>及以上|及以下|以上|左右|以下|以内|上下|之多|多(?![个名位家起件种项条批次]))?"
# 1亿2000万元, 3万5千元, 1千2百人: the higher part of a number, right before the part a match starts with
HIGHER_MARKS = ("千", "万", "亿")
HIGHER_PART = re.compile(PREFIX_QUAL + rf"(?P<hi>{ARABIC}|{CHINESE})(?P<hi_mult>[千万亿])$")

# 人防, 人事, 人才, 人大…: words that begin with 人, so that N个 before them counts no people
PERSON_WORDS = frozenset("防事才民大口社工行保武群居身文力气情格权名")
DEMONSTRATIVES = frozenset("这那该此")

CURRENCY_BEFORE = re.compile(rf"({FOREIGN_CURRENCIES})(?:现金)?$")

# 下降了, 增长幅度为, 下降幅度达到, 降幅达, 上升率, 同比增: the words of a change, right before its
# percentage (a bare 增 or 降 only right after 比: 同比增25%, 环比降3%)
CHANGE_WORD = r"(下降|降低|减少|下滑|回落|上升|增长|增加|提高|提升|降幅|减幅|跌幅|增幅|涨幅|(?<=比)增|(?<=比)降)"
CHANGE = CHANGE_WORD + r"(了)?(幅度|率)?(为|达到|达)?"
# ... and a qualifier before them qualifies the percentage (约下降4%, 大约增长一成)
CHANGE_BEFORE = re.compile("(?P<about>大约|约|将近|接近)?" + CHANGE + " ?$")
# ... and so does 约 before 占 (约占通报问题总数的37%)
ABOUT_SHARE = re.compile(r"(?:大约|约|将近|接近)占[^\d，,。；;！？!?\n]{0,12}$")
NEGATIVE_CHANGES = ("下降", "降低", "减少", "下滑", "回落", "降幅", "减幅", "跌幅", "降")
# 分别下降31%和42%, 下降12%、8%: a percentage joined to a fall before it is a fall too
AND = "以及|和|及|与"  # the words that join the last item of a list
JOINED = re.compile(rf"(?:{AND}|、)$")

# Percentages in words: 百分之九十 (90%), and 九成 / 9成 (nine tenths, 90%) when 成 ends the word
# (九成以上的村, 提高两成, 过一成; not 一成不变, 九成新, 八成是), or after a qualifier (近三成干部,
# 逾六成村), or a digit of hundredths follows (五成八, 58%), and no numeral stands before it
WORD_PRE_QUALIFIER = {**PRE_QUALIFIER, "过": "more_than"}  # 过一成
# (a look-ahead on its possible first characters, as QUANTITY has)
_QUAL_FIRST = "".join(sorted({w[0] for w in PRE_QUALIFIER}))
PERCENT_WORDS = re.compile(rf"(?=[{_QUAL_FIRST}百])" + PREFIX_QUAL
                           + r"百分之(?P<num>[零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)" + SUFFIX_QUAL)
TENTHS = re.compile(rf"(?<![\d{NUMERAL_CHARS}万.])" + _prefix(WORD_PRE_QUALIFIER)
                    + r"(?P<num>[一二两三四五六七八九]|\d)成(?P<hundredths>[一二三四五六七八九](?![\d〇零一二两三四五六七八九十百千万亿]))?"
                    r"(?:(?P<post>以上|左右|多)|(?(hundredths)|(?(pre)|(?=的|[^\u4e00-\u9fff]|$))))")
# 成 after a numeral, where a match of TENTHS can end its number: 成 is a common character, so the
# text is searched for this first (a literal) and TENTHS tried only around it
TENTH_MARK = re.compile(r"成(?<=[一二两三四五六七八九\d]成)")


def _worded_percentages(text: str):
    """(match, scale, characters of the number after its numeral) of each worded percentage (the
    hundredths of 五成八 are read by the caller)."""
    if "百分之" in text:
        for m in PERCENT_WORDS.finditer(text):
            yield m, 1, 0
    for mark in TENTH_MARK.finditer(text):
        j = mark.start()
        for start in range(max(0, j - 4), j):  # the longest prefix qualifier first
            m = TENTHS.match(text, start)
            if m and m.start("num") == j - 1:
                yield m, 10, 1
                break


# A quantity starts with a digit, a Chinese numeral or a prefix qualifier. The look-ahead on
# those characters only rejects positions where no match can begin (the matches are the same),
# but it spares the regex engine trying the qualifier and number alternatives at every character
# of the text.
_STARTS = "".join(sorted({w[0] for w in PRE_QUALIFIER} | set(NUMERAL_CHARS) | {"万"}))
QUANTITY = re.compile(rf"(?=[\d{_STARTS}])" + PREFIX_QUAL + NUMBER + MIDDLE_QUAL + UNIT + SUFFIX_QUAL)


@dataclass(slots=True)
class Quantity:
    start: int  # span of the number (with 万/亿) in the normalised text
    end: int
    value: float
    unit: str
    qualifier: str
    chinese: bool  # written in Chinese numerals
    match_start: int  # whole match incl. qualifiers and unit
    match_end: int


def parse_chinese(s: str) -> int | None:
    """一百二十 -> 120, 两 -> 2, 六百 -> 600, 十 -> 10, 二〇一五 -> 2015 (digit by digit), 卅二 -> 32."""
    if any(c in CN_TENS for c in s):
        s = "".join(CN_TENS.get(c, c) for c in s)
    if not s or not WELL_FORMED_CN.match(s):
        return None  # 千百人 is a manner of speaking, not a number
    if all(c in CN_DIGITS for c in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        if not any(c in "零〇" for c in s):
            return None  # 一两起, 三五人, 两三名: one or two, three to five; not 12 or 35
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in CN_DIGITS:
            current = CN_DIGITS[c]
        elif c in CN_SMALL:
            total += (current or 1) * CN_SMALL[c]
            current = 0
        else:
            return None
    return total + current


def parse_number(num: str) -> float | None:
    """'15 000' -> 15000, '1,324' -> 1324, '1.3' -> 1.3, '两' -> 2, '十二点五' -> 12.5."""
    if num[0].isdigit():
        try:
            return float(num.replace(" ", "").replace(",", ""))
        except ValueError:
            return None
    whole, dot, fraction = num.partition("点")
    value = parse_chinese(whole)
    if value is None or (dot and not (fraction and all(c in CN_DIGITS for c in fraction))):
        return None  # 点 is followed by digits read one by one (十二点零五), never by 十 or 百
    return float(f"{value}.{''.join(str(CN_DIGITS[c]) for c in fraction)}") if dot else float(value)


def _multiplier(*parts: str | None) -> int:
    m = 1
    for p in parts:
        if not p:
            continue
        for ch in p:
            m *= {"万": 10_000, "亿": 100_000_000, "千": 1000, "百": 100}[ch]
    return m


def _change(text: str, at: int, qualifier: str) -> tuple[int, str]:
    """The sign of a percentage at position `at` (-1 when the words of a fall, 下降, 减少 ..., end
    right before it) and its qualifier (approx when 约 stands before those words, or before the
    占 of a share: 约占26%)."""
    change = CHANGE_BEFORE.search(text, max(0, at - 10), at)
    if change is None:
        about = qualifier == "exact" and ABOUT_SHARE.search(text, max(0, at - 15), at)
        return 1, "approx" if about else qualifier
    sign = -1 if change.group(2) in NEGATIVE_CHANGES else 1
    return sign, "approx" if change["about"] and qualifier == "exact" else qualifier


def tidy(value: float) -> float | int:
    """A whole number as int, within float error of the multiplication (1.1亿 is 110000000.00000001)."""
    whole = round(value)
    return int(whole) if abs(value - whole) <= 1e-9 * max(1.0, abs(value)) else round(value, 6)


def find_quantities(text: str) -> list[Quantity]:
    found: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        pre, num, mult, mid, mult2, unit, unit_note, post = m.group(
            "pre", "num", "mult", "mid", "mult2", "unit", "unit_note", "post")
        chinese = not num[0].isdigit()
        match_start, match_end = m.span()
        num_start, num_end = m.span("num")
        value = parse_number(num)
        if value is None and (mid or pre) and num in BARE_MAGNITUDE:
            value = float(BARE_MAGNITUDE[num])
        if value is None:
            continue
        if unit_note:
            unit = unit + "次"
        if unit == "人民币":
            unit = "元"
        if unit == "个" and text.startswith("人", match_end) and text[match_end + 1:match_end + 2] not in PERSON_WORDS \
                and text[match_start - 1:match_start] not in DEMONSTRATIVES:
            unit, match_end = "人", match_end + 1  # 点名批评了10个人: people (not 3个人防工程, 这两个人)
        if unit == "个" and text.startswith("亿", match_end):
            # 5个亿, 2个多亿元: hundreds of millions of yuan, the way speech says it
            value *= 100_000_000
            unit, match_end = "元", match_end + (2 if text.startswith("亿元", match_end) else 1)
        if mult or mult2:
            value *= _multiplier(mult, mult2)
        # the higher parts before it, one at a time: 1万2千5百元 is 5百, then 2千, then 1万
        placed = False
        while not pre and text[num_start - 1:num_start] in HIGHER_MARKS:
            higher = HIGHER_PART.search(text, max(0, num_start - 16), num_start)
            if higher is None:
                break
            high, step = parse_number(higher["hi"]), _multiplier(higher["hi_mult"])
            if mult2 and higher["hi_mult"] in "百千":
                step *= _multiplier(mult2)  # 5千3百万元: (5千 + 3百) 万, the 万 scales both parts
            # the lowest part must say its own place: 2000万, 五千, 2000 after 万; 5万3 (53000 or
            # 50003?) is read as no figure
            placed = placed or bool(mult or (num.isdigit() and len(num) == len(str(step)) - 1)
                                    or (chinese and any(c in "十百千" for c in num)))
            if high is None or value >= step or not placed:
                value = None
                break
            value += high * step
            pre, chinese = higher["pre"], not higher["hi"][0].isdigit()
            match_start, num_start = higher.start(), higher.start("hi")
        if value is None:
            continue
        qualifier = "exact"
        for group, table in ((post, POST_QUALIFIER), (mid, POST_QUALIFIER), (pre, PRE_QUALIFIER)):
            if group:
                qualifier = table[group]
        if unit == "元":
            # 港币2万元, 约新台币2800亿元 (after the qualifier), 港币约2万元 (before it)
            currency = CURRENCY_BEFORE.search(text, max(0, num_start - 7), num_start)
            if currency is None and match_start < num_start:
                currency = CURRENCY_BEFORE.search(text, max(0, match_start - 7), match_start)
            if currency:
                unit = CURRENCY_UNIT.get(currency.group(1), currency.group(1))
        if unit.endswith("百分点"):
            unit = "百分点"  # 下降6.4个百分点: percentage points, not a count of 个
        if unit in ("%", "百分点"):
            sign, qualifier = _change(text, match_start, qualifier)
            value *= sign
        if mult:
            num_end = m.end("mult")
        found.append(Quantity(
            start=num_start, end=num_end, value=tidy(value), unit=unit, qualifier=qualifier,
            chinese=chinese, match_start=match_start, match_end=match_end,
        ))
    worded: list[Quantity] = []
    for m, scale, end_after in _worded_percentages(text):
        raw = m.group("num")
        value = parse_number(raw)
        if value is None:
            continue
        qualifier = WORD_PRE_QUALIFIER.get(m["pre"] or "") or POST_QUALIFIER.get(m["post"] or "", "exact")
        sign, qualifier = _change(text, m.start(), qualifier)
        end = m.end("num") + end_after
        if scale == 10 and m["hundredths"]:
            value, end = value + CN_DIGITS[m["hundredths"]] / 10, m.end("hundredths")
        value = tidy(sign * value * scale)
        worded.append(Quantity(m.start("num"), end, value, "%", qualifier,
                               not raw[0].isdigit(), m.start(), m.end()))
    if worded:  # 五成八人: 58%, not 8 people
        found = [q for q in found if not any(w.start <= q.start < w.end for w in worded)] + worded
    found.sort(key=lambda q: q.start)
    for before, q in zip(found, found[1:]):
        if (q.unit == before.unit and q.unit in ("%", "百分点") and before.value < 0 < q.value
                and JOINED.match(text, before.match_end, q.match_start)):
            q.value = -q.value
    return found
