"""Rules that tell a quantity that is not a figure: general rules, no sentence of any corpus.

In: the normalised text and a `Quantity`. Out: a reason string when it is not a figure, else None.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.decode import CJK
from pipeline.extract.numbers import CN_NUMERAL_STRICT, CN_NUMERAL_UNITS, NUMERAL_CHARS, PRE_QUALIFIER, UNIT_RE, Quantity

CN_NUMERAL_CHARS = set(NUMERAL_CHARS + "万")
# 廿三 (23), 贰拾叁 (23 in the capital numerals of money): numerals the grammar does not read; a
# Chinese numeral right after one of them is the tail of a number it cannot read whole
OTHER_NUMERALS = set("廿卅卌壹贰叁肆伍陆柒捌玖拾佰仟")
VAGUE_BEFORE = set("数几上成")  # 数十人, 几十件, 上百起, 成千
# 随后，二人虚构…, 经二人努力, 其余的二人: 二人 opening its clause or after one of these is "the two of
# them"; 张某、李某二人受到处分 and ，二人分别受到处分 (each of them) count them
PRONOUN_BEFORE = frozenset("经的由让使与和将被令")
DISTRIBUTIVE = frozenset("分均都各")
# 北七家镇, 三家村: a town or a village named by a number of households
VILLAGE_SUFFIXES = frozenset("镇乡村庄屯寨子")
# 6个月, 3个工作日: durations, not counts
DURATION_AFTER = re.compile(r"^半?(月|(?:法定)?工作日|自然日|小时|星期|季度|年度|学时|课时)|^半年")  # 2个半小时, 3个半月
# 12345政务服务便民热线, 8890热线: numbers that name a line, not a quantity
QUOTES = [("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ('"', '"')]
_OPENERS = re.compile("|".join(re.escape(o) for o, _ in QUOTES))  # a quote must open near a figure inside it
HOTLINE_AFTER = re.compile(r"^(热线|专线|服务热线|便民热线|政务服务)")
_RANGE_MARK = r"\s*(?:至|到|~|～|—{1,2}|–|－)\s*"
_RANGE_CHARS = frozenset("至到~～—–－ ")  # a range mark or a space next to the figure: the cheap test first
# the mark after a number, or after a number's unit (从5000元到2万元, 3人至5人)
RANGE_BEFORE = re.compile(rf"[\d{NUMERAL_CHARS}万%][多余]?(?:{UNIT_RE})?" + _RANGE_MARK + "$")  # 20余名至30名
RANGE_AFTER = re.compile(_RANGE_MARK + r"[\d零〇一二两三四五六七八九十]")
# 3、4名 (three or four): a bare number and 、 right before the next number up
PAIR_BEFORE = re.compile(r"(?<![\d.,、])(\d{1,4})、$")
# 100元以上1000元以下: a range written as a lower and an upper bound
# (or its upper bound after a qualifier of less: 一万元以上不满三万元)
_LESS_THAN = "|".join(sorted((w for w, q in PRE_QUALIFIER.items() if q == "less_than"), key=len, reverse=True))
BOUNDED_RANGE_AFTER = re.compile(rf"\s*(?:[\d{NUMERAL_CHARS}万.,]+\s*(?:{UNIT_RE})?以下"
                                 rf"|(?:{_LESS_THAN})\s*[\d{NUMERAL_CHARS}万])")
BOUNDED_RANGE_BEFORE = re.compile(rf"[\d{NUMERAL_CHARS}万](?:{UNIT_RE})?以上\s*$")
# 共3页 上一页 下一页: a pager
PAGER_AFTER = re.compile(r"\s*(?:[上下首尾末]一?页|当前|跳转|转到|第\s*\d+\s*页)")
# 上一篇:关于6起问题的通报, 相关阅读: a line of links to other pages (their titles are not this text's)
LINK_LABEL = re.compile(r"(?:上一篇|下一篇|上一条|下一条|上篇|下篇|相关阅读|相关链接|相关新闻|相关文章|推荐阅读|延伸阅读|热点推荐|热门文章)\s*:")
# 相关新闻 on a line of its own: the heading of the list of links under it, one short title a line
LINK_HEADING = re.compile(r"^[ \t]*(?:相关阅读|相关链接|相关新闻|相关文章|相关报道|推荐阅读|延伸阅读|热点推荐|热门文章)[ \t]*$", re.M)
# - 2017-03-08甘肃省纪委集体约谈20名…: a title in a list of links that opens with its date
LEADING_DATE = re.compile(r"^[ \t]*[-•·*]?[ \t]*\d{4}([-./])\d{1,2}\1\d{1,2}", re.M)
# 区纪委监委通报3起问题(2024-01-15): a title in a list of links, a line that ends with the date its
# page was published (the dates of a report's own sentences are written 2024年1月15日)
LISTED_DATE = re.compile(r"[ \t(\[]\d{4}([-./])\d{1,2}\1\d{1,2}[)\]]?[ \t]*$", re.M)
TITLE_CHARS = range(2, 81)  # how long the title before the date may be
# 本文共3256字: the length of the article, as a page gives it
ARTICLE_LENGTH = re.compile(r"(?:本文|全文|正文|本篇文章|本篇)(?:共计|共|约|计)?$")
# •约3.99千字 •约 8页, 展开剩余63%: the size of a shared document on a line of its own, and the
# part of an article a button unfolds
DOCUMENT_SIZE_LINE = re.compile(r"[ \t•·●▪■◆*\-]*(?:约|共)?\s*$")
UNFOLD_BEFORE = re.compile(r"(?:展开|阅读)?剩余(?:全文)?$")
# 廉政瞭望 2019年20期: the issue of a periodical
ISSUE_BEFORE = re.compile(r"\d{4}年第?$")
# 浏览次数:1234次, 阅读:56次: counters of the page the text was saved from
# 已有0人发表了评论, 12条评论, 666 人阅读了此文章: the page's comment box and its readers
COMMENT_COUNTER_AFTER = re.compile(r"(?:发表了?|参与了?)?(?:评论|跟帖)"
                                   r"|(?:阅读|浏览|看过)(?:了|过)?(?:此文|本文|该文|此篇|这篇|\s|$)")
# 评论 0人参与,0条评论 / 已有0人参与，点击查看更多评论: the count of a comment box, on a line about comments
COMMENT_LINE = re.compile(r"参与[^\n]{0,20}?(?:评论|跟帖)")
# 背后56名, 目前3名, 此后2位: a word of time or place ending in 前/后, not a rank (前三名, 最后2位)
TIME_BEFORE_FRONT_BACK = frozenset("背之此随然今以目当日眼年事先")
# 市委十五条实施意见, 区委32条实施办法: a set of rules named by its number of articles
RULE_SET_AFTER = re.compile(r"(?:实施办法|实施意见|实施细则|禁令)")
# 图为上海市定西路1家餐厅，示意照: the caption of a photo on the page
CAPTION = re.compile(r"图(?:为|片为|：|:)")
CAPTION_REACH = 120
SENTENCE_ENDS = frozenset("。！？!?\n")


def _in_caption(text: str, at: int) -> bool:
    """Does the sentence holding position `at` open with 图为 (looked for at most 120 characters back)?"""
    k = text.rfind("图", max(0, at - CAPTION_REACH), at)
    while k >= 0:
        if CAPTION.match(text, k):
            j = k - 1
            while j >= 0 and text[j] in " \t\u3000":
                j -= 1
            return (j < 0 or text[j] in SENTENCE_ENDS) and not any(c in SENTENCE_ENDS for c in text[k:at])
        k = text.rfind("图", max(0, at - CAPTION_REACH), k)
    return False


PAGE_COUNTER = re.compile(r"(浏览|点击|阅读|访问|评论|转发|点赞|分享|收藏|字数)[^:]{0,4}:$")


def _inside(text: str, pos: int, opener: str, closer: str, limit: int) -> bool:
    """Is pos inside an opener…closer pair on the same line, at most `limit` characters long?"""
    left = text.rfind(opener, max(0, pos - limit), pos)
    if left < 0:
        return False
    if text.rfind(closer, left, pos) >= 0 or "\n" in text[left:pos]:
        return False
    right = text.find(closer, pos, pos + limit)
    return right >= 0 and "\n" not in text[pos:right] and right - left <= limit


@lru_cache(maxsize=1)
def _numbered_place_names() -> dict[str, tuple[tuple[str, int], ...]]:
    """Division names in which the number grammar finds a quantity (五家渠市, 三元区), by the text
    of that quantity's match (五家), each with where the match begins inside the name."""
    from pipeline.extract.numbers import find_quantities
    from pipeline.regions.attribute import lexicon

    out: dict[str, tuple[tuple[str, int], ...]] = {}
    for name in sorted(lexicon().names):
        for q in find_quantities(name):
            key = name[q.match_start:q.match_end]
            out[key] = out.get(key, ()) + ((name, q.match_start),)
    return out


def _in_place_name(text: str, q: Quantity) -> bool:
    names = _numbered_place_names().get(text[q.match_start:q.match_end], ())
    return any(text.startswith(name, q.match_start - start) for name, start in names)


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _a_title(text: str, start: int, end: int) -> bool:
    """Could text[start:end] be the title of a linked page: short, no sentence?"""
    return end - start in TITLE_CHARS and "。" not in text[start:end]


def link_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines that open with a label of links to other pages (上一篇:, 相关阅读:)
    or list one with its date, and of the titles under a heading of such links: page furniture,
    each figure in them none of the text's. Looked for once per document."""
    spans = []
    for m in LISTED_DATE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _a_title(text, line_start, m.start()):
            spans.append((line_start, m.end()))
    for m in LINK_LABEL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start:m.start()].strip():
            spans.append((line_start, _line_end(text, m.end())))
    for m in LEADING_DATE.finditer(text):
        end = _line_end(text, m.end())
        if _a_title(text, m.start(), end):
            spans.append((m.start(), end))
    for m in LINK_HEADING.finditer(text):
        at = m.end() + 1
        while at < len(text) and _a_title(text, at, end := _line_end(text, at)):
            spans.append((at, end))  # the titles under the heading, up to a blank or a long line
            at = end + 1
    return spans


def not_a_figure(text: str, q: Quantity) -> str | None:
    # the words before a figure, across one space (第 3 条, 每 3 人)
    lead = q.match_start
    if text[lead - 1:lead] == " ":
        if text[lead - 2:lead - 1].isdigit():
            return "part of a number spaced out digit by digit (1 2 3)"
        lead -= 1
    before = text[max(0, lead - 2): lead]
    after = text[q.match_end: q.match_end + 6]
    if before.endswith("第"):
        return "ordinal"
    if before[-1:] in ("前", "后") and q.unit in ("位", "名") and before[:1] not in TIME_BEFORE_FRONT_BACK:
        return "a rank (位列前两位, 前三名), not a count"
    if before.endswith("每"):
        return "a rate (每一名), not a count"
    if q.unit == "个" and DURATION_AFTER.match(after):
        return "duration"
    if q.unit == "页" and PAGER_AFTER.match(text, q.match_end):
        return "page furniture (a pager)"
    if q.unit == "字" and ARTICLE_LENGTH.search(text, max(0, q.match_start - 4), q.match_start):
        return "page furniture (the length of the article)"
    if q.unit in ("字", "页") and DOCUMENT_SIZE_LINE.fullmatch(text, text.rfind("\n", 0, q.match_start) + 1, q.match_start) \
            and text[q.match_end:_line_end(text, q.match_end)].strip() == "":
        return "page furniture (the size of a document)"
    if q.unit == "%" and UNFOLD_BEFORE.search(text, max(0, q.match_start - 6), q.match_start):
        return "page furniture (a button that unfolds the rest)"
    if q.unit == "株" and text.startswith("洲", q.match_end):
        return "part of a place name (株洲)"
    if q.unit == "期" and ISSUE_BEFORE.search(text, max(0, q.match_start - 6), q.match_start):
        return "page furniture (the issue of a periodical)"
    if q.unit in ("人", "条") and (COMMENT_COUNTER_AFTER.match(after) or COMMENT_LINE.match(text, q.match_end)):
        return "page furniture (a comment counter)"
    if _in_caption(text, q.match_start):
        return "a photo's caption"
    if q.unit == "条" and RULE_SET_AFTER.match(text, q.match_end):
        return "the name of a set of rules (区委32条实施办法)"
    if text[max(0, lead - 3):lead] == "附件(":
        return "page furniture (attachments of the page)"  # 相关附件(2个)
    if HOTLINE_AFTER.match(after):
        return "hotline"
    if before[-1:] in ("-", "/", ".", "_") or (before[-1:].isascii() and before[-1:].isalnum() and before[-1:].islower()):
        return "part of a code, URL or phone number"
    if before[-1:] == ":":
        # 立案数:125件 is a label and its figure; 10:30, http:80 are not
        if not CJK.match(before[:1]):
            return "part of a time, code or URL"
        if PAGE_COUNTER.search(text, max(0, q.match_start - 8), q.match_start):
            return "page furniture (a reading or click counter)"
    if text[q.match_end: q.match_end + 2][:1] in ("-", "/") and text[q.match_end + 1: q.match_end + 2].isdigit():
        return "part of a code or range"
    # 3至5人, 30%—40%: a range is not one figure, and neither bound alone is
    left_mark = text[q.match_start - 1:q.match_start] in _RANGE_CHARS
    right_mark = text[q.match_end:q.match_end + 1] in _RANGE_CHARS
    if (left_mark and RANGE_BEFORE.search(text, max(0, q.match_start - 9), q.match_start)) \
            or (right_mark and RANGE_AFTER.match(text, q.match_end)):
        return "a bound of a range (3至5人)"
    if text[q.match_start - 1:q.match_start] == "、" and q.start == q.match_start \
            and (pair := PAIR_BEFORE.search(text, max(0, q.match_start - 6), q.match_start)) \
            and pair.start() > 0 and text[pair.start() - 1] not in "\n。" \
            and text[q.start:q.end].isdigit() and int(text[q.start:q.end]) == int(pair.group(1)) + 1:
        return "two numbers in a row (3、4名: three or four)"
    if (text.endswith("以上", q.match_start, q.match_end) and BOUNDED_RANGE_AFTER.match(text, q.match_end)) \
            or ((text.endswith("以下", q.match_start, q.match_end)
                 or (q.qualifier == "less_than" and q.match_start < q.start))
                and BOUNDED_RANGE_BEFORE.search(text, max(0, q.match_start - 8), q.match_start)):
        return "a bound of a range (100元以上1000元以下)"
    # 1,2345人: digits after a comma that are no group of three are a garbled number
    if before[-1:] == "," and before[:1].isdigit() and q.start == q.match_start and q.end - q.start >= 4 \
            and text[q.start:q.end].isdigit():
        return "part of a garbled number (1,2345)"
    if _inside(text, q.start, "《", "》", 60):
        return "inside a title"
    if _OPENERS.search(text, max(0, q.start - 14), q.start) and any(_inside(text, q.start, o, c, 14) for o, c in QUOTES):
        return "inside a quoted name or slogan"
    if q.chinese:
        if _in_place_name(text, q) or (q.unit == "家" and text[q.match_end:q.match_end + 1] in VILLAGE_SUFFIXES):
            return "part of a place name (五家渠市, 三元区, 北七家镇)"
        num = text[q.start:q.end]
        # 二百余封, 三十多个, 一千二百份: a composed numeral with hundreds, or one with 余/多, counts
        # whatever its unit; 三个代表, 四风, 二十条 (a policy's name) do not
        composed = "百" in num or "千" in num or (
            (len(num) > 1 or num == "十") and text[q.end: q.end + 1] in ("余", "多"))
        if q.unit not in CN_NUMERAL_UNITS and not composed:
            return "Chinese numeral in a name or slogan"
        if q.unit in CN_NUMERAL_STRICT and len(num) < 2 and num != "两":
            return "Chinese numeral in a name or slogan"
        if num == "一" and q.end - q.start == 1:
            return "一 as an article (作为一名, 一起)"
        if text[q.match_end: q.match_end + 1] in CN_NUMERAL_CHARS:
            return "slogan (一人一档)"
        if text[q.start - 1: q.start] in OTHER_NUMERALS:
            return "the end of a number in numerals not read (廿三起, 贰拾三起)"
        if text[q.start - 1: q.start] == "○":
            return "the end of a number in positional digits, which are not read (三七○四人)"
        if text[q.start - 1: q.start] in CN_NUMERAL_CHARS or text[q.start - 1: q.start] in ("统", "唯", "万", "同", "单"):
            return "part of a word"
        if q.unit == "人" and text.startswith("小组", q.match_end):
            return "the name of a body (五人小组)"
        if q.unit == "人" and num == "二" and (not CJK.match(before[-1:] or " ") or before[-1:] in PRONOUN_BEFORE) \
                and after[:1] not in DISTRIBUTIVE:
            return "the two of them, named before (随后，二人虚构, 经二人努力), not a count"
        if num[0] in "十百千万" and text[q.start - 1: q.start] in VAGUE_BEFORE:
            return "a vague magnitude (数十人, 上百起), not a number"
    return None
