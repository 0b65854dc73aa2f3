"""Metric classification: which of the 14 core metrics (or `other`) a figure counts.

In: the normalised text, the figure's quantity, its clause and the previous figure of the clause.
Out: a metric id. The words come from `data/metrics.json` (an analyst edits triggers there);
jieba, with the domain dictionary `data/userdict.txt`, decides where words begin and end so that
a trigger only counts as a whole word.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from pipeline.extract.numbers import AND, CHANGE, CHANGE_WORD, Quantity

DATA = Path(__file__).with_name("data")
# 给予3名村干部党纪处分: the people, then the action (一把手 is a chief, no 把)
OBJECT_FIRST = re.compile(r"对|(?<!一)把|将|给予")
COORDINATED = re.compile(rf"(?:{AND}|、)\s*$")  # 对23个党组织和46名党员干部实施问责: a second object
RESPECTIVELY = re.compile(r"\s*(其中|其余|其他)?(分别|依次)(为|是|达|有)?")
# 2022年为389件, 上年同期为389件, 8月892起, 二季度为41件: the words of a clause that gives a figure
# for another period
_YEAR = r"(?:\d{4}年|上年|去年|上一年|前一年|上年度)"
_PART_OF_YEAR = r"(?:\d{1,2}月份?|第?[一二三四1-4]季度|[上下]半年)"
PERIOD_ONLY = re.compile(rf"\s*(?:而|但)?(?:{_YEAR}(?:同期|全年|{_PART_OF_YEAR})?|{_PART_OF_YEAR})(?:为|是|有|达|仅)?\s*")
PEOPLE_OF_CASES = re.compile(r"\s*、?\s*(?:共?涉及|共)\s*")  # 立案160件、涉及203人, 立案633件涉及675人, 案件789件共1163人
# 立案数和处分人数分别为456件和402人: names listed before 分别 and figures listed after it, pair by pair
_JOIN = rf"(?:、|{AND})"
PAIRED_NAMES = re.compile(rf"([^\d，,。；;！？!?\n:：]+?)((?:{_JOIN}[^\d，,。；;！？!?\n:：]+?)+)(?:分别|依次)(?:为|是|达|有)?\s*$")
PAIRED_FIGURES = re.compile(rf"[^、和及与，,。；;！？!?\n]{{1,14}}(?:{_JOIN}[^、和及与，,。；;！？!?\n]{{1,14}})+\s*")
LIGHT_VERB = re.compile(r"进行|予以|给予|作出")  # 对3起…问题进行通报: the action comes after these
# 被, 受到, 受党纪处分: the marks of a passive
PASSIVE_MARK = re.compile(r"受到|被|受(?=党纪|政纪|政务|处分|警告|严重警告|记过|记大过|降级|撤职|开除|留党|诫勉|问责|追责|处理|批评)")
PASSIVE = re.compile(PASSIVE_MARK.pattern + "|" + LIGHT_VERB.pattern)
# 3名处级干部、12名科级干部被立案审查: the words between two items of a list, and the passive
# action after its last item that both items undergo
LIST_GAP = re.compile(rf"[^\d，,。；;！？!?\n]{{0,12}}(?:{AND}|、)\s*")
PASSIVE_AFTER = re.compile(r"(?:[^，,。；;！？!?\n、]{0,16}、)*[^，,。；;！？!?\n、]{0,32}?(?:" + PASSIVE_MARK.pattern + ")")
# ... and the volume of petitions that a clause right after names
PETITION_VOLUME_AFTER = re.compile(r"[，,]\s*(?:信访举报总量|信访举报量|信访总量|信访量|举报总量)")
# 同比下降12.4%: a clause that ends in the words of a change
CHANGE_ENDS = re.compile(CHANGE + r"\s*$")
# 同比上升12%, 降幅达15.2%: a change; 下降至65.3%, 提高到95%: the level reached
A_CHANGE = re.compile(CHANGE_WORD + "(?![至到])")
# 占比98.6%, 占全县行政村总数的98.6%: a share of something named elsewhere
SHARE = re.compile(r"\s*(?:占比|占|比例|比重)")
SHARE_WORD = re.compile(r"占比|比例|比重")
# 比去年同期多处分12人, 同比增加23件, 较上年减少了: the words of a difference between two periods
COMPARED = re.compile(r"(?:同比|环比|(?:比|较)(?:上年|去年|上一年|前一年|上期|同期|\d{4}年)(?:同期)?)"
                      r"(?:多|少|增加|减少|增长|下降|上升|提高|降低|增多)")
# kinds of people, alike enough to continue a list of items whose figure ends its clause
# (一般干部9.4万人，农村、企业等其他人员41.7万人)
PERSON_KINDS = ("干部", "党员", "人员", "领导", "职工", "负责人", "书记", "女性", "男性")
# the words of the people a figure counts, ending in their kind (违法违纪公职人员)
PEOPLE_NOUN = re.compile(r"[^\d，,。；;！？!?\n、对把将被受在]{0,14}(?:" + "|".join(PERSON_KINDS) + ")")
# 处分62人，其中处级干部3人: the words between a figure and a breakdown of it, which names a
# kind of what was counted (干部, 第一种形态, 检举控告类) or nothing; 其中移送司法机关5人 is another measure.
# What the total counted may follow it in its clause (处分13名干部，其中1名厅级干部).
# Places break a total down too (查处问题1023起，其中兰州市218起，天水市97起).
PLACE_KINDS = ("省", "市", "州", "盟", "县", "旗", "区")
KIND = "|".join((*PERSON_KINDS, *PLACE_KINDS, "形态", "类", "级"))
BREAKDOWN = re.compile(r"[^\d，,。；;！？!?\n:：]{0,10}[，,(。]\s*其中\s*[，,]?(?:[^，,。；;！？!?\n]*(?:" + KIND + "))?")
# the words of an item of that breakdown: a kind (处级干部, 第一种形态, 农村、企业等其他人员) and
# nothing more, or followed by the noun of what is counted (其中乡科级干部案件21件)
_ITEM = r"\s*(?:运用)?(?P<kind>[^\d，,。；;！？!?\n、][^\d，,。；;！？!?\n]{0,11}?(?:" + KIND + r"))(?P<noun>案件|问题)?\s*"
ITEM = re.compile(_ITEM)
# the last item of a list, bare or naming a kind: 98件和76件, 厅局级干部5人和县处级干部23人
LAST_ITEM = re.compile(rf"\s*(?:{AND})(?:{_ITEM})?\s*")
# 移送司法、纪检监察机关处理7人, 280多人被移送纪检监察等部门处理, 移送公安机关违法案件159起:
# what another body does with those handed on to it is no measure of the body that hands them on
HANDED_ON = re.compile(r"(?:移送|移交)[^，,。；;！？!?\n]{0,12}?(?:处理|查处|案件)")
# the clues (线索) a figure counts, named right before it or right after it
CLUES_BEFORE = re.compile(r"线索(?:共计|共|计|达)?\s*$")
CLUES_AFTER = re.compile(r"[^\d，,。；;！？!?\n]{0,4}?线索")
# an item of a list after 、 that opens with one of these counts another measure, one of no metric
# (处分2.3万人、移送检察机关680人), not more of what the list counts (公开网站13个、电子屏幕35个)
OTHER_MEASURE_VERBS = "移送|移交|留置|主动投案|投案|初核|初步核实|列入|函询|谈话函询"
OTHER_MEASURE = re.compile(rf"\s*(?:{OTHER_MEASURE_VERBS}|采取|涉及)")
# ... and so does one whose figure is followed by such a verb (处分5人、2人被移送司法机关)
OTHER_MEASURE_AFTER = re.compile(rf"[^，,。；;！？!?\n、\d]{{0,6}}?(?:被|已)?(?:{OTHER_MEASURE_VERBS})")
ITEM_BEFORE = re.compile(_ITEM + "$")  # the same, ending where a figure starts
FIRST_ITEM = re.compile(r"[，,(]\s*其中\s*[，,]?" + _ITEM)  # the same, right after the total and 其中
# 立案1 234件，同比增长15.2%，其中县处级干部23人: a clause that is nothing but the change of the
# figure before it, which a breakdown after it still breaks down
REMARK = re.compile(r"[，,]\s*(?:同比|环比|(?:比|较)[^\d，,。；;！？!?\n]{1,8}?)?" + CHANGE + r"[^，,。；;！？!?\n]*")
KIND_WORD = re.compile(f"(?:{KIND})$")
# 从立案人员看，省管干部17人，县处级干部186人: a sentence that opens by naming what it breaks down
VIEWED_FROM = re.compile(r"\s*从(?P<topic>[^\d，,。；;！？!?\n]{1,12}?)来?看\s*[，,:：]")
# 在处分人员中，县处级以上干部48人: ... or by naming the whole its items are parts of (受处分人员中,
# where 受 is left out as the people are the topic here)
IN_TOPIC = re.compile(r"\s*在?(?:受到?|被)?(?P<topic>[^\d，,。；;！？!?\n]{1,12}?)(?:当中|之中|中)\s*[，,:：]")
# 查处问题：静海区23起，武清区27起: a sentence that opens with a label, and an item that is a place
LABELLED = re.compile(r"\s*(?P<topic>[^\d，,。；;！？!?\n:：]{2,12})[:：]")
PLACE_ITEM = re.compile(r"\s*[\u4e00-\u9fff]{1,10}?(?:" + "|".join((*PLACE_KINDS, "镇", "乡", "街道")) + r")\s*")
# 5个单位27人, 29个单位交办整改问题清单: bodies counted, not what is done to them or by them
BODIES_AFTER = re.compile(r"(?:单位|部门|乡镇|镇街|村|社区|企业|学校|医院)")
COUNTS_OF_THINGS = frozenset({"problems_rectified", "reports_received", "reports_verified", "recommendations_issued"})
ASIDE_AFTER = re.compile(r"[(（][^()（），,。；;！？!?\n]{1,16}[)）]")  # (217人次) right after a figure
# 单价超过500元, 人均补贴200元, 生均减负89元, 每平方米30元以下: a price or a rate, not money involved
# (每百斤低于市场价12元, 以0.1元/斤套取价差, 1.98万元一套: per quantity of goods, before or after
# the figure; 一顿仅7元钱: per meal; 管理费每月250元: per month; 以一套校服2元的标准: a rate)
_UNIT_OF_GOODS = r"(?:斤|公斤|千克|吨|亩|平方米|立方米|车|头|桌|间|套|辆|人|户)"
_PER = rf"(?:[\d一二两三四五六七八九十百千万]*{_UNIT_OF_GOODS})"
PER_UNIT_BEFORE = re.compile(rf"(?:单价|单笔|单次|人均|生均|户均|每{_PER}|每(?:月|年|天|日|周|顿|餐|份|本)|一(?:顿|餐|斤|公斤))"
                             rf"[^\d，,。；;！？!?\n共计总累]{{0,8}}$")
PER_UNIT_AFTER = re.compile(rf"\s*(?:/{_PER}|[一每]{_UNIT_OF_GOODS}|不等|的?标准)")  # (30元、50元不等: prices that vary)
# 国内生产总值为260.72亿元: money of the economy, not of discipline work
# (资产总额近6万亿元, 实现利润总额1470.31亿元: a company's books)
ECONOMY_BEFORE = re.compile(r"生产总值|GDP|财政收入|公共预算收入|营业收入|营收|总产值|工业增加值|销售额"
                            r"|资产总额|总资产|利润总额|实现利润|净利润|营业额|投资额|完成投资|总投资|投资总额"
                            r"|总收入|不良贷款|余额")  # (a bank's: 不良贷款8982.12万元, 年末余额分别为…)
# 可领取一次性丧葬补助费1400元: what one is entitled to, a rate
ENTITLED_BEFORE = re.compile(r"(?:可领取|可享受|可申领|可获得|补助标准为|补贴标准为)[^\d，,。；;！？!?\n]{0,10}$")
# 举报者将获得1000元奖励, 举报"无事酒"奖1000元: a reward offered, a rate (not 发奖, 颁奖)
REWARD_AFTER = re.compile(r"的?奖励")
REWARD_BEFORE = re.compile(r"(?<![发颁])奖\s*$")
# 增加了7000人, 同比下降16.4元: a change right before a count or a sum, not the count (下降为356件 is
# the level reached)
COUNT_CHANGE = re.compile(CHANGE_WORD + r"了?\s*$")
# 对超过100万元的大额资金支出, 对400万元以下的工程项目: a bound that picks out what the clause looks
# at (a threshold), and so does 在 before it (金额在10万元以上的案件); 挽回经济损失超过3000万元
# and 18.3万余元的金币 are amounts
# discipline and another kind of handling, named together: 撤职、免职等处理, 党纪政纪处分、问责处理或诫勉谈话
_SANCTION = r"(?:处分|撤职|开除党籍|开除公职|开除|警告|记过|降级)"
MIXED_HANDLING = re.compile(rf"{_SANCTION}(?:、|或者|或|和|及)[^，,。；;！？!?\n\d]{{0,12}}?(?:问责|组织处理|免职|诫勉|停职|调离)"
                            rf"|{_SANCTION}[^，,。；;！？!?\n\d]{{0,10}}?等处理")
MIXED_REACH = 40

BOUND_WORDS = ("超过", "超", "逾", "不足", "不到", "不超过", "不低于", "不少于", "少于", "低于", "高于", "以上", "以下", "以内")
PICKS_OUT = re.compile(r"对|凡")
# 查处的这219件问题, 上述3起案例: a figure stated before, said again (counted once, where stated)
RECALLED = ("这", "上述", "前述")
# 力争实现信访举报总量下降10%以上, 预计全年归还欠款不低于300万元: a target or a forecast, no result
FORECAST = re.compile(r"力争|预计|预期")
AVERAGE_BEFORE = re.compile(r"平均|人平")  # 平均每个省查处2.48人, 人平近8万元: an average, not a count
PLANNED = re.compile(r"(?<![模虚草比])拟")  # 拟立案9起: an action planned, in the figure's clause
# the words of a label before a colon (处分人数:98人), back to the clause break before them
LABEL_LENGTH = 16
RANKED_LINK = re.compile(r"\s*(?:达到|达|为|是|有)?\s*")
RANKED_BEFORE = re.compile(r"(?:最多|最少|居多|次之|居首|最高|最低)\s*$")  # 党纪政务处分最多，698人次
LABEL_BEFORE = re.compile(r"[^，,；;。！？!?\n:：]+$")
RIGHT_WINDOW = 6  # how far after the figure an action word may stand to name it
RIGHT_WINDOW_OBJECT = 20  # ... when the wording makes the figure the action's object
# ... or, in a passive (…因…问题被给予党纪政纪处分), how far 被/受到 may stand and the action after it
PASSIVE_REACH = 32
PASSIVE_TO_ACTION = 8
# ... and how far its light verb may (对10起加重基层负担的形式主义、官僚主义典型问题进行公开通报)
LIGHT_VERB_WINDOW = 32
WRAP_LEFT = 2  # 共受理了52件: how far before the figure the verb of a pair around it may end
WRAP_RIGHT = 4  # 收到23件群众来信: how far after the figure its noun may start
# the rest of an object of 对 after a comma in it, up to its light verb: no figure, no sentence end
# (or right after the comma, 对…等10名责任人，分别给予…处分)
OBJECT_SPAN = re.compile(r"[，,](?:[^\d，,。；;！？!?\n对把将]{0,20}的[^\d，,。；;！？!?\n对把将]{1,8}?|分别|均|一并)?"
                         r"(?:进行|予以|给予|作出)")
MAX_GAP = 20  # 纠正…问题: how far apart the two words may stand
# 纠正…问题 names what is counted only when the figure follows the noun (纠正问题40多个), not in
# 纠正…问题等四个方面24项责任分工, where the figure counts something else.
PAIR_DISTANCE = 2
# 督促整改1186个: a bare verb that names what it counts only right before it (not 整改专班5个)
ADJACENT_DISTANCE = 0


@dataclass(frozen=True)
class Metric:
    id: str
    zh: str
    en: str
    description: str
    classes: tuple[str, ...]
    triggers: tuple[str, ...]

    @cached_property
    def words(self) -> tuple[tuple[str, tuple[str, ...], int | None, bool], ...]:
        """Each trigger as (trigger, its words, how far from the figure it may stand or None for
        anywhere in the fragment, names the figure only from before it), split once rather than
        for every fragment looked at."""
        nouns, adjacent = _nouns(), _adjacent()
        reach = {t: PAIR_DISTANCE if "…" in t else ADJACENT_DISTANCE if t in adjacent else None for t in self.triggers}
        return tuple((t, tuple(t.split("…")), reach[t], t in nouns or t in adjacent) for t in self.triggers)

    @cached_property
    def any_word(self) -> re.Pattern | None:
        """Finds any word of any of its triggers: a fragment without one needs no trigger tried."""
        parts = {p for t in self.triggers for p in t.split("…")}
        return re.compile("|".join(map(re.escape, sorted(parts, key=len, reverse=True)))) if parts else None


@lru_cache(maxsize=1)
def _raw() -> dict:
    return json.loads((DATA / "metrics.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _nouns() -> frozenset[str]:
    """Triggers that are nouns: they name a metric only before the figure."""
    return frozenset(_raw()["nouns"])


@lru_cache(maxsize=1)
def _adjacent() -> frozenset[str]:
    """Triggers that name a metric only right next to the figure (督促整改1186个)."""
    return frozenset(_raw().get("adjacent", ()))


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    """Triggers that name their metric only where no other trigger ends right before them (处理)."""
    return frozenset(_raw().get("generic", ()))


@lru_cache(maxsize=1)
def _blockers() -> tuple[str, ...]:
    """Words that contain a trigger without meaning it (问题线索 is not 问题)."""
    return tuple(_raw()["not_triggers"])


@lru_cache(maxsize=1)
def _describing() -> dict[str, tuple[str, ...]]:
    """Trigger -> the nouns it describes when one follows it (反映…问题线索: clues that report
    something, not reports received)."""
    out: dict[str, tuple[str, ...]] = {}
    for pair in _raw()["describing"]:
        word, noun = pair.split("…", 1)
        out[word] = out.get(word, ()) + (noun,)
    return out


@lru_cache(maxsize=1)
def _opinion_shares() -> re.Pattern:
    """Words of a share of people holding a view (95%的受访群众表示肯定), which is no coverage."""
    return re.compile("|".join(map(re.escape, _raw()["opinion_shares"])))


@lru_cache(maxsize=1)
def lexicon() -> tuple[dict[str, str], list[Metric]]:
    raw = _raw()
    unit_class = {u: cls for cls, units in raw["unit_classes"].items() for u in units}
    labels = {}
    for m in raw["metrics"]:
        labels.setdefault(m["id"], m)
    metrics = [
        Metric(m["id"], labels[m["id"]]["zh"], labels[m["id"]]["en"], labels[m["id"]]["description"],
               tuple(m["classes"]), tuple(m["triggers"]))
        for m in raw["metrics"]
    ]
    return unit_class, metrics


def metric_table() -> list[dict]:
    """Rows for the `metrics` table: id, Chinese and English label, description."""
    rows = {m.id: {"metric_id": m.id, "zh": m.zh, "en": m.en, "description": m.description} for m in lexicon()[1]}
    return list(rows.values())


def unit_class(unit: str) -> str:
    return lexicon()[0].get(unit, "items")


@lru_cache(maxsize=1)
def _jieba():
    """jieba's tokenizer with its default dictionary and the domain words of `userdict.txt`.

    Its prefix dictionary (half a million entries) is kept in the per-user cache as a pickle:
    jieba's own cache (marshal) takes about three times as long to load, and every worker
    process loads it once."""
    import logging

    jieba = _import_jieba()
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    _load_prefix_dict(tk)
    tk.load_userdict(str(DATA / "userdict.txt"))
    return tk


def _import_jieba():
    """jieba imports pkg_resources (a tenth of a second, in every worker process) only to open
    its own data files, and opens them from its own directory when that import fails."""
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


def _load_prefix_dict(tk) -> None:
    import pickle

    import jieba

    from pipeline.config import cache_dir, write_cache_file

    tk.tmp_dir = str(cache_dir())
    source = Path(jieba.__file__).with_name("dict.txt")
    try:
        st = source.stat()
        stamp = f"{jieba.__version__}-{st.st_size}-{st.st_mtime_ns}"
    except OSError:
        tk.initialize()
        return
    path = Path(tk.tmp_dir) / f"jieba-prefix-{stamp}.pickle"
    try:
        with open(path, "rb") as f:
            freq, total = pickle.load(f)
        if isinstance(freq, dict) and isinstance(total, int):
            tk.FREQ, tk.total, tk.initialized = freq, total, True
            return
    except Exception:  # a missing or damaged cache file is rebuilt, whatever the damage
        pass
    tk.initialize()  # builds (or reads jieba's own cache of) the prefix dictionary
    write_cache_file(path, pickle.dumps((tk.FREQ, tk.total), protocol=pickle.HIGHEST_PROTOCOL),
                     older="jieba-prefix-*.pickle")


def word_bounds(text: str) -> set[int]:
    bounds = {0, len(text)}
    pos = 0
    for tok in _jieba().cut(text, HMM=False):
        pos += len(tok)
        bounds.add(pos)
    return bounds


class _Bounds:
    """Word boundaries of a fragment (`word_bounds`), segmented on first need: the fragment's
    two ends are boundaries anyway, and a trigger that starts or ends there needs no jieba."""

    __slots__ = ("text", "_bounds")

    def __init__(self, text: str):
        self.text = text
        self._bounds: set[int] | None = None

    def __contains__(self, i: int) -> bool:
        if i == 0 or i == len(self.text):
            return True
        if self._bounds is None:
            self._bounds = word_bounds(self.text)
        return i in self._bounds

    def either(self, start: int, end: int) -> bool:
        """Is start or end a boundary? Both ends are tried without jieba before either with it:
        a trigger that ends the fragment is aligned whatever stands before it."""
        n = len(self.text)
        return start in (0, n) or end in (0, n) or start in self or end in self


def _occurrences(trigger: str, text: str) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """Occurrences (start, end, words) of a trigger, aligned on words or not; 'A…B' spans from A
    to B, and `words` holds the span of each of its words."""
    if "…" in trigger:
        first, second = trigger.split("…", 1)
        return [(s, e2, w1 + w2) for s, _, w1 in _occurrences(first, text)
                for s2, e2, w2 in _occurrences(second, text) if s < s2 <= s + MAX_GAP]
    out = []
    n = len(trigger)
    i = text.find(trigger)
    while i >= 0:
        out.append((i, i + n, ((i, i + n),)))
        i = text.find(trigger, i + 1)
    return out


def _aligned(words: tuple[tuple[int, int], ...], bounds: _Bounds) -> bool:
    """Does each word of a trigger occurrence begin or end a word of the text?

    One aligned side is enough because jieba may join a trigger with its neighbour (立案查处,
    党纪政务处分); a trigger aligned on neither side is part of another word.
    """
    return all(bounds.either(s, e) for s, e in words)


@lru_cache(maxsize=1)
def _any_trigger() -> re.Pattern:
    """Matches where any word of any trigger occurs: a fragment without one needs no look-up."""
    triggers = [t for m in lexicon()[1] for t in m.triggers]
    if any(not t.replace("…", "") for t in triggers):
        return re.compile("")
    parts = {p for t in triggers for p in t.split("…") if p}
    return re.compile("|".join(map(re.escape, sorted(parts, key=len, reverse=True))))


@lru_cache(maxsize=1)
def _filing_words() -> frozenset[str]:
    """The words of cases_filed (立案, 立案审查 ...): filing and what follows it are one procedure."""
    return frozenset(p for m in lexicon()[1] if m.id == "cases_filed" for t in m.triggers for p in t.split("…") if p)


def _describes(text: str, start: int, end: int) -> bool:
    """Is the trigger word at text[start:end] a verb that only describes what follows 的 (查处的问题),
    not the second half of one procedure with the filing right before it (立案查处的)?"""
    if not text.startswith("的", end):
        return False
    words = _filing_words()
    return not any(text[k:start] in words for k in range(max(0, start - 6), start - 1))


def _nearest(text: str, candidates: Sequence[Metric], from_end: bool, bounds: _Bounds | None = None) -> Metric | None:
    """The metric whose trigger stands nearest to the figure (end of text if from_end, else start).

    `bounds`: the word boundaries of `text` when the caller needs them too."""
    hit = _nearest_hit(text, candidates, from_end, bounds)
    return hit[0] if hit else None


def _nearest_hit(text: str, candidates: Sequence[Metric], from_end: bool,
                 bounds: _Bounds | None = None) -> tuple[Metric, int, int] | None:
    """`_nearest`, with where the winning trigger starts and ends in `text`."""
    if not text or not _any_trigger().search(text):
        return None
    blocked = [(m.start(), m.end()) for w in _blockers() if w in text for m in re.finditer(re.escape(w), text)]
    if "移" in text:
        blocked += [m.span() for m in HANDED_ON.finditer(text)]
    generic = _generic()
    describing = _describing()
    hits = []
    generic_hits = []  # (start, hit) of the generic words, kept only where no other trigger ends
    ends = set()
    for metric in candidates:
        if metric.any_word is None or not metric.any_word.search(text):
            continue
        for trig, parts, reach, before_only in metric.words:
            if not from_end and before_only:
                continue  # after the figure only an action names it (对34人进行追责问责)
            if not all(part in text for part in parts):
                continue
            pair = reach is not None  # a pair, or a word that must stand next to the figure
            describes = describing.get(trig)
            for s, e, words in _occurrences(trig, text):
                if describes and any(text.find(noun, e, e + MAX_GAP + len(noun)) >= 0 for noun in describes):
                    continue  # 处置反映党员干部问题线索: 反映 describes the clues, it names nothing
                dist = len(text) - e if from_end else s
                if pair and dist > reach:
                    continue
                if any(ws < be and bs < we and (bs, be) != (ws, we) and not (ws <= bs and be <= we)
                       for ws, we in words for bs, be in blocked):
                    # 问题 inside 问题线索 names neither problems nor cases, alone or in 发现…问题,
                    # nor does 违纪问题 running into it (违规违纪问题线索)
                    continue
                # nearest first; at the same place a verb…noun pair beats the bare noun, and of
                # two pairs the verb nearer the figure governs it (通报…查处…问题 is 查处), unless
                # that verb only describes the noun (通报曝光查处的典型问题: 曝光…问题; but
                # 立案查处的案件 is one procedure, 查处…案件)
                if pair:
                    key = (dist, 0, len(words) > 1 and _describes(text, words[0][0], words[0][1]), -s)
                else:
                    key = (dist, 1, -(e - s))
                hit = (key, len(hits) + len(generic_hits), words, metric)
                if trig in generic:
                    generic_hits.append((s, hit))
                else:
                    hits.append(hit)
                    ends.add(e)
    # 诫勉谈话处理9人, 党纪政务处分处理12人: a generic word right after another trigger adds nothing to it
    hits.extend(hit for s, hit in generic_hits if s not in ends)
    # The first hit in that order whose words are aligned wins. Hits are checked in that order
    # so that jieba segments the fragment only when a trigger ahead of the winner stands inside
    # it (a trigger at either end of the fragment is aligned anyway).
    bounds = bounds or _Bounds(text)
    for _, _, words, metric in sorted(hits):
        if _aligned(words, bounds):
            return metric, words[0][0], words[-1][1]
    return None


def _share_changed(sentence_left: str, petition: Metric) -> bool:
    """署名举报占比量略有增长，…增长10.3%, 检举控告类占比下降5.2%: the change of a share of the
    petitions, not of their number (a share named after the last word of petitions)."""
    if not SHARE_WORD.search(sentence_left):
        return False
    hit = _nearest_hit(sentence_left, [petition], from_end=True)
    return hit is not None and SHARE_WORD.search(sentence_left, hit[2]) is not None


def _undergone(text: str, end: int, clause_end: int, candidates: Sequence[Metric]) -> Metric | None:
    """The metric of the action of a passive that opens right after a figure ending at `end`."""
    if not PASSIVE_MARK.match(text, end):
        return None
    right = text[end:clause_end]
    bounds = _Bounds(right)
    found = _nearest(right, candidates, from_end=False, bounds=bounds)
    return found if found and _undergoes(right, _first_action(found, right, bounds), reach=0) else None


def _undergoes(right: str, first: int, reach: int = PASSIVE_REACH) -> bool:
    """8名党员领导干部因收送“红包”问题被给予党纪政纪处分: the figure is the subject of a passive whose
    action follows 被/受到 closely, however long the cause between them."""
    marks = [m for m in PASSIVE_MARK.finditer(right) if m.end() <= first]  # 受 is read with its action
    return bool(marks) and marks[-1].start() <= reach and first - marks[-1].end() <= PASSIVE_TO_ACTION


def _first_action(metric: Metric, text: str, bounds: _Bounds) -> int:
    """Where the first aligned action word (not a bare noun) of a metric found in text stands,
    looked for from the left: jieba runs only when needed."""
    occurrences = sorted((s, words) for t, _, _, before_only in metric.words if not before_only
                         for s, _, words in _occurrences(t, text))
    return next(s for s, words in occurrences if _aligned(words, bounds))


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every name of a division the gazetteer knows (天津, 静海区, 静海县)."""
    from pipeline.regions.attribute import lexicon as region_lexicon

    return frozenset(region_lexicon().names)


def _is_place(words: str) -> bool:
    """Are these words the name of a place (天津, 兰州市, 大邱庄镇) and nothing more?"""
    words = words.strip()
    return words in _place_names() or PLACE_ITEM.fullmatch(words) is not None


def _opens_with_place(words: str) -> bool:
    words = words.lstrip()
    return any(_is_place(words[:k]) for k in range(2, min(len(words), 12) + 1))


@lru_cache(maxsize=None)
def _candidates(cls: str) -> tuple[Metric, ...]:
    """The metrics that count things of unit class `cls`, in the order of the metrics file."""
    return tuple(m for m in lexicon()[1] if cls in m.classes)


def _breakdown_item(text: str, q: Quantity, cls: str, clause_start: int, clause_end: int,
                    sentence_start: int | None, before: tuple[Quantity, str] | None,
                    sibling: tuple[Quantity, str] | None, candidates: Sequence[Metric], noun: bool) -> str | None:
    """The metric of a breakdown's item that has no trigger of its own: what the total counted.

    `noun`: items that repeat the noun of what was counted after their kind (立案审查调查案件87件，
    其中乡科级干部案件21件，村干部案件49件), looked at before the triggers on the left, which that
    noun alone would name; else items that name a kind and nothing more (其中第一种形态298人次，
    占77.2%；第二种形态64人次). The first item follows the total and 其中 (the kind-only first item
    is `BREAKDOWN`'s); a later one follows an item whose words end in the same kind word (not
    其中党纪政务处分38人，涉及村干部20人, where the kind is new), either after that 其中 or as a
    clause of its own (处分省部级干部49人，厅局级干部3,191人; not 村干部5人参加培训). Kinds of
    people continue each other's list when the figure ends its clause (处分一般干部9.4万人，农村、
    企业等其他人员41.7万人)."""
    if noun and before and before[1] != "other" and unit_class(before[0].unit) == cls:
        item = FIRST_ITEM.fullmatch(text, _past_remark(text, before[0].match_end), q.match_start)
        if item and item["noun"]:
            return None if _nearest(item["kind"], candidates, from_end=True) else before[1]
    if not sibling or sibling[1] == "other" or sentence_start is None:
        return None
    item = ITEM.fullmatch(text, clause_start, q.match_start)
    if not item or bool(item["noun"]) != noun or _another_measure(item.group().lstrip(), text, q, clause_end):
        return None  # (not 处分…4698人，移送司法机关的县处级以上干部961人)
    sib_start = sibling[0].match_start
    sib_item = ITEM_BEFORE.search(text, max(sentence_start, sib_start - 16), sib_start)
    if not sib_item:
        return None
    kinds = KIND_WORD.search(sib_item["kind"])[0], KIND_WORD.search(item["kind"])[0]
    ends_clause = not text[q.match_end:clause_end].strip()
    if (kinds[0] == kinds[1] and (ends_clause or text.rfind("其中", sentence_start, sib_start) >= 0)) \
            or (ends_clause and all(k in PERSON_KINDS for k in kinds)):
        return None if _nearest(item["kind"], candidates, from_end=True) else sibling[1]
    return None


def is_remark(text: str, total_end: int, clause_end: int) -> bool:
    """Is everything from the end of a figure to the end of the next clause a change of that figure
    (处分86人，同比增长8.3%)? Such a remark leaves the figure the one that later figures follow."""
    return REMARK.fullmatch(text, total_end, clause_end) is not None


def _past_remark(text: str, end: int) -> int:
    """Where the words after a figure that ends at `end` go on, past a remark on its change."""
    remark = REMARK.match(text, end)
    return remark.end() if remark else end


def _paired_name(text: str, q: Quantity, clause_start: int, clause_end: int,
                 candidates: Sequence[Metric]) -> Metric | None:
    """立案数和处分人数分别为456件和402人: the metric the k-th name before 分别 names, for the k-th
    figure of the list after it, when both lists have as many items."""
    at = max(text.rfind("分别", clause_start, q.match_start), text.rfind("依次", clause_start, q.match_start))
    if at < 0:
        return None
    names = PAIRED_NAMES.search(text, clause_start, RESPECTIVELY.match(text, at).end())
    figures = PAIRED_FIGURES.fullmatch(text, names.end(), clause_end) if names else None
    if not figures:
        return None
    name_items = re.split(_JOIN, names.group(1) + names.group(2))
    figure_items = re.split(_JOIN, figures.group())
    k = len(re.split(_JOIN, text[names.end():q.match_start])) - 1
    if len(name_items) != len(figure_items) or k >= len(name_items):
        return None
    return _nearest(name_items[k], candidates, from_end=True)


def _named_before(text: str, sentence_start: int | None, clause_start: int, clause_left: str) -> Metric | None:
    """For a percentage whose clause names nothing (同比下降12.4%, 占比98.6%): the metric the
    sentence names last before that clause, or None when the clause has a trigger of its own."""
    if sentence_start is None or _any_trigger().search(clause_left):
        return None
    return _nearest(text[sentence_start:clause_start], lexicon()[1], from_end=True)


@lru_cache(maxsize=None)
def _pairs(cls: str) -> tuple[tuple[str, str, Metric], ...]:
    """(verb, noun, metric) of each verb…noun trigger of the metrics of unit class `cls`."""
    return tuple((*parts, metric) for metric in _candidates(cls) for _, parts, reach, _ in metric.words
                 if reach is not None and len(parts) == 2)


def _action_right_after(after: str, candidates: Sequence[Metric]) -> Metric | None:
    """The metric whose action opens `after` (what follows a light verb: 进行严肃追责), if any."""
    bounds = _Bounds(after)
    found = _nearest(after, candidates, from_end=False, bounds=bounds)
    return found if found and _first_action(found, after, bounds) <= RIGHT_WINDOW else None


def _wrapped(text: str, q: Quantity, clause_start: int, clause_end: int, cls: str) -> Metric | None:
    """The metric of a verb…noun pair whose verb ends at most WRAP_LEFT characters before the
    figure and whose noun starts at most WRAP_RIGHT characters after it, in its clause (受理52件
    信访举报, 今年以来收到23件群众来信); the nearest noun first."""
    left = text[max(clause_start, q.match_start - WRAP_LEFT - 4):q.match_start]
    right = text[q.match_end:min(clause_end, q.match_end + WRAP_RIGHT + 6)]
    best: tuple[int, Metric] | None = None
    for verb, noun, metric in _pairs(cls):
        if noun not in right or verb not in left:
            continue
        v = left.rfind(verb)
        n = right.find(noun)
        if len(left) - v - len(verb) <= WRAP_LEFT and n <= WRAP_RIGHT and (best is None or n < best[0]):
            best = (n, metric)
    return best[1] if best else None


def _another_measure(item: str, text: str, q: Quantity, clause_end: int) -> bool:
    """Does a list item (its words before the figure) count another measure than the list, by a
    verb before its figure (移送检察机关680人) or after it (2人被移送司法机关)?"""
    return bool(OTHER_MEASURE.match(item) or OTHER_MEASURE_AFTER.match(text, q.match_end, clause_end))


def _other_things(prev: Quantity, q: Quantity) -> bool:
    """Do two items of a list count things in different units of the same class (整改问题1029个、
    建立健全制度172项), so that the second is no more of the first? People and cases are the same
    whatever the word (处分厅局级干部54人、县处级干部285名; 查处问题12起、9件)."""
    return prev.unit != q.unit and unit_class(prev.unit) == unit_class(q.unit) not in ("people", "cases")


BOUNDED_THINGS = re.compile(r"工程|项目|罚款|罚金|礼品|采购|合同|资金|支出|开支|经费|大案|要案")


def _threshold_or_rate(text: str, q: Quantity, clause_start: int) -> bool:
    """Is this sum of money a price, a rate, an entitlement, a threshold or the economy's (see
    `PER_UNIT_BEFORE`, `ENTITLED_BEFORE`, `PICKS_OUT`, `ECONOMY_BEFORE`)?"""
    if PER_UNIT_BEFORE.search(text, max(clause_start, q.match_start - 12), q.match_start) \
            or PER_UNIT_AFTER.match(text, q.match_end) or ECONOMY_BEFORE.search(text, clause_start, q.match_start) \
            or ENTITLED_BEFORE.search(text, max(clause_start, q.match_start - 16), q.match_start) \
            or REWARD_AFTER.match(text, q.match_end) or REWARD_BEFORE.search(text, max(0, q.match_start - 2), q.match_start):
        return True
    if q.qualifier not in ("more_than", "less_than"):
        return False
    bound = (text[q.match_start:q.start].removesuffix("人民币") in BOUND_WORDS
             or text[q.end:q.match_end].endswith(BOUND_WORDS))
    # 400万元以下工程项目, 并处5万元以上罚款: a bound right before the things it sorts
    if bound and BOUNDED_THINGS.match(text, q.match_end):
        return True
    if not text.startswith("的", q.match_end):
        return False
    # 金额在10万元以上的案件: 在 before the bound names the range a class of things lies in
    return bound and (PICKS_OUT.search(text, clause_start, q.match_start) is not None
                      or text.endswith("在", clause_start, q.match_start))


def classify(text: str, q: Quantity, clause_start: int, clause_end: int, prev: tuple[Quantity, str] | None,
             next_start: int | None, sentence_start: int | None = None,
             before: tuple[Quantity, str] | None = None, sibling: tuple[Quantity, str] | None = None) -> str:
    """Metric id for quantity q in `text` (normalised). `prev` is the previous figure of the clause,
    `before` the figure just before q wherever it stands, `sibling` the last figure of q's unit
    class before it in its sentence."""
    metric = _classify(text, q, clause_start, clause_end, prev, next_start, sentence_start, before, sibling)
    if metric == "people_disciplined" and _mixed_handling(text, q, clause_start, clause_end):
        return "people_held_accountable"
    if metric in COUNTS_OF_THINGS and q.unit == "个" and BODIES_AFTER.match(text, q.match_end):
        return "other"  # 向整改涉及的29个单位交办问题清单: the bodies, not the problems
    # 查结…重点线索68件, 另有15起问题线索正在查办: clues, whatever is done with them, are no cases
    # (clues received are reports, and clues found true reports verified: 受理举报线索12条, 查实问题线索12条)
    if metric not in ("other", "reports_received", "reports_verified") and (
            CLUES_BEFORE.search(text, max(clause_start, q.match_start - 6), q.match_start)
            or CLUES_AFTER.match(text, q.match_end, clause_end)):
        return "other"
    return metric


def _mixed_handling(text: str, q: Quantity, clause_start: int, clause_end: int) -> bool:
    """Is discipline one of several kinds of handling the figure's people got (受到撤职、免职等处理,
    党纪政纪处分或组织处理46人), so that the figure counts people dealt with, not disciplined?"""
    if MIXED_HANDLING.search(text, q.match_end, min(clause_end, q.match_end + MIXED_REACH)):
        return True
    return any(m.end() >= q.match_start - 2 for m in
               MIXED_HANDLING.finditer(text, max(clause_start, q.match_start - MIXED_REACH), q.match_start))


def _classify(text: str, q: Quantity, clause_start: int, clause_end: int, prev: tuple[Quantity, str] | None,
              next_start: int | None, sentence_start: int | None,
              before: tuple[Quantity, str] | None, sibling: tuple[Quantity, str] | None) -> str:
    cls = unit_class(q.unit)
    if FORECAST.search(text, clause_start if sentence_start is None else sentence_start, q.match_start):
        return "other"
    if text.endswith(RECALLED, max(0, q.match_start - 2), q.match_start) \
            or PLANNED.search(text, clause_start, q.match_start) \
            or (cls != "percent" and AVERAGE_BEFORE.search(text, max(clause_start, q.match_start - 12), q.match_start)):
        return "other"
    if cls != "percent" and COUNT_CHANGE.search(text, max(clause_start, q.match_start - 4), q.match_start):
        return "other"
    if q.unit == "元":
        return "other" if _threshold_or_rate(text, q, clause_start) else "amount_yuan"
    candidates = _candidates(cls)
    left_from = max(clause_start, prev[0].match_end if prev else clause_start)
    left = text[left_from:q.match_start]
    if cls == "percent":
        # 分别下降13.2%和18.3%: the second of two percentages joined takes the metric of the first
        if before and unit_class(before[0].unit) == "percent" and before[1] != "other" \
                and COORDINATED.fullmatch(text, before[0].match_end, q.match_start):
            return before[1]
        sentence_left = text[clause_start:q.match_start]
        # 下降至65.3%, 上升到12%: the level reached, not a change
        if q.value < 0 or A_CHANGE.search(sentence_left[-8:]):
            petition = next(m for m in candidates if m.id == "petition_change_pct")
            if sentence_start is not None and _share_changed(text[sentence_start:q.match_start], petition):
                return "other"
            if _nearest(sentence_left, [petition], True):
                return "petition_change_pct"
            # 受理信访举报156件，同比下降12.4%; 信访举报量连续三年下降，2023年下降12%: a clause that
            # names nothing but the change is about what the sentence named last
            if CHANGE_ENDS.search(sentence_left):
                found = _named_before(text, sentence_start, clause_start, sentence_left)
                if found and found.id in ("petition_change_pct", "reports_received"):
                    return "petition_change_pct"
                # 今年一季度增加了47件，同比上升69.1%，信访举报总量呈明显上升趋势: named right after
                if PETITION_VOLUME_AFTER.match(text, clause_end):
                    return "petition_change_pct"
            return "other"
        coverage = next(m for m in candidates if m.id == "coverage_pct")
        clause = sentence_left + text[q.match_end:clause_end]
        if _opinion_shares().search(clause):
            return "other"
        if _nearest(clause, [coverage], True):
            return "coverage_pct"
        # 213个村完成党务村务财务公开，占比98.6%: a share that names nothing of its own is the share
        # of the units counted just before it, and coverage when the measure they carry out is named
        if before and sentence_start is not None and before[0].match_start >= sentence_start \
                and unit_class(before[0].unit) == "items" and SHARE.match(sentence_left) \
                and _named_before(text, sentence_start, clause_start, sentence_left) is coverage:
            return "coverage_pct"
        return "other"
    # 比去年同期多处分12人, 较上年增加23件: a difference from another period, not a count
    if ("比" in left or "较" in left) and COMPARED.search(left):
        return "other"
    # 案件49件52人, 立案160件、涉及203人: the people of the cases just stated (立案248件299人: people
    # filed; 通报曝光典型问题12起18人: the people named in the cases made public; 给予党纪政纪处分5起5人:
    # the people the action before both counts undergo)
    if prev and (not left.strip() or PEOPLE_OF_CASES.fullmatch(left)) and cls == "people" \
            and (unit_class(prev[0].unit) == "cases" or prev[1] == "cases_investigated"):  # 查处问题50个72人
        undergone = _undergone(text, q.match_end, clause_end, candidates)
        if undergone:  # 问题3.4万多件 639人受到纪律处分: what the people undergo names them
            return undergone.id
        if prev[1] in ("cases_filed", "cases_publicized"):
            return prev[1]
        found = _nearest(text[clause_start:prev[0].match_start], candidates, from_end=True)
        # 移交问题线索2件3人: the people of what counts no metric count none either
        return found.id if found else "other" if prev[1] == "other" else "people_held_accountable"
    inherited = _breakdown_item(text, q, cls, clause_start, clause_end, sentence_start, before, sibling, candidates,
                                noun=True)
    if inherited:
        return inherited
    paired = _paired_name(text, q, clause_start, clause_end, candidates)
    if paired:
        return paired.id
    described = None
    hit = _nearest_hit(left, candidates, from_end=True)
    noun = hit is not None and left[hit[1]:hit[2]] in _nouns()
    if hit and (prev or noun):
        # 违规发放福利问题8起被通报: an action the figure undergoes right after it, not the noun before
        # (nor the action of the figure before: 22名一把手被约谈 768人被查处)
        undergone = _undergone(text, q.match_end, clause_end, candidates)
        if undergone:
            return undergone.id
    if noun and prev and prev[1] != "other" and left.lstrip().startswith("、") and unit_class(prev[0].unit) == cls:
        # 整改违规经商办企业问题7012件、违规参股借贷问题3278件: a list item that names only the
        # noun of the first item's verb and noun continues its metric
        return prev[1]
    if not hit:
        # 受理52件信访举报, 收到23件群众来信: a verb right before the figure and its noun right after
        wrapped = _wrapped(text, q, clause_start, clause_end, cls)
        if wrapped:
            return wrapped.id
    if hit:
        # 通报了近期查处的4起典型案例: a trigger right before 的 describes what is counted, and the
        # verb before it acts on it; without one, the action after the figure (对查处的12起问题进行
        # 通报), else the describing word (今年查处的56起案件中)
        if left[hit[2]:].strip() != "的" or not _describes(left, hit[1], hit[2]):
            return hit[0].id
        outer = _nearest(left[:hit[1]], candidates, from_end=True)
        if outer:
            return outer.id
        described = hit[0]
    # 立案数:125件, 处分人数:98人: a figure right after a label is what the label names
    if not left.strip() and text[clause_start - 1:clause_start] == ":":
        label = LABEL_BEFORE.search(text, max(0, clause_start - 1 - LABEL_LENGTH), clause_start - 1)
        found = _nearest(label.group(), candidates, from_end=True) if label else None
        if found:
            return found.id
    # 党纪政务处分最多，698人次 (…最多，达707人): a figure opening its clause after a clause that ranks
    # what it names
    if RANKED_LINK.fullmatch(left) and text[clause_start - 1:clause_start] in ("，", ","):
        ranked = LABEL_BEFORE.search(text, max(0, clause_start - 1 - LABEL_LENGTH), clause_start - 1)
        if ranked and RANKED_BEFORE.search(ranked.group()):
            found = _nearest(ranked.group(), candidates, from_end=True)
            if found:
                return found.id
    # 通报曝光2批17起, 通报10期58起典型案例, 追责处理5个单位27人: a count right after a count of
    # something else (batches, issues, bodies) is named by the words before both
    if prev and prev[1] == "other" and unit_class(prev[0].unit) != cls and (
            prev[0].match_end == q.match_start or BODIES_AFTER.fullmatch(text, prev[0].match_end, q.match_start)):
        found = _nearest(text[clause_start:prev[0].match_start], candidates, from_end=True)
        if found:
            return found.id
    # …问题位列前两位，分别为10428起、6022起: a list after 分别为 counts what the sentence named before
    if sentence_start is not None and RESPECTIVELY.match(text[clause_start:q.match_start]):
        found = _nearest(text[sentence_start:clause_start], candidates, from_end=True)
        if found:
            return found.id
    right_end = clause_end if next_start is None else min(clause_end, next_start)
    aside = ASIDE_AFTER.match(text, q.match_end, clause_end)
    if aside and next_start is not None and next_start < aside.end() < clause_end:
        right_end = clause_end  # 对213名(217人次)相关人员进行处理: the next figure is an aside on this one
    listed_subject = False
    # the figure is an object of 对/把/将; a second object joined to the first shares its 对, and
    # the first shares the action named after the second (对3名处级干部和12名科级干部予以处分)
    object_left = text[clause_start:q.match_start] if prev and COORDINATED.search(left) else left
    if right_end < clause_end and OBJECT_FIRST.search(object_left) and COORDINATED.search(text, q.match_end, right_end):
        right_end = clause_end
    elif right_end < clause_end and LIST_GAP.fullmatch(text, q.match_end, right_end) \
            and not PASSIVE_MARK.search(text, q.match_end, right_end) \
            and PASSIVE_AFTER.match(text, right_end, clause_end):
        # 3名处级干部、12名科级干部被立案审查: the list is the subject of a passive (not 20人被查、
        # 12人被处分, whose item has a passive of its own)
        right_end = clause_end
        listed_subject = True
    elif right_end == next_start and (comma := text.find("、", q.match_end, right_end)) >= 0:
        right_end = comma  # 发现问题98个、整改问题87个: the words after 、 are the next figure's
    right = text[q.match_end:right_end]
    # 对3起整治…典型问题进行通报: with the figure as the object of 对…进行/予以/给予, the action named
    # right after that verb governs it, not a word that describes the object (整治…问题)
    light = LIGHT_VERB.search(right, 0, LIGHT_VERB_WINDOW) if OBJECT_FIRST.search(object_left) else None
    found = _action_right_after(right[light.end():], candidates) if light else None
    if found:
        return found.id
    bounds = _Bounds(right)
    found = _nearest(right, candidates, from_end=False, bounds=bounds)
    if found:
        first = _first_action(found, right, bounds)
        # 对负有领导责任的4名中管干部予以追责问责, 1000余名…党员干部受到相应处理: the figure is the
        # object of the action named after it
        # (a mark is looked for in the whole of `right`: 受 is one only with its action after it)
        object_first = OBJECT_FIRST.search(object_left) or ((mark := PASSIVE.search(right)) and mark.start() < first)
        # 全县12个乡镇立案45件, 12个村查处问题5起: an action followed by a figure of its own in the
        # clause counts that figure; the one before it counts who acted (but a disclosure counts the
        # units that make things public too: 33个社区公示了180余名社区干部)
        counts_next = right_end == next_start and not object_first and found.id != "disclosure_count"
        # 5名违法违纪公职人员立案调查: the people the figure counts, then their action at once
        people_then_action = cls == "people" and first <= RIGHT_WINDOW_OBJECT \
            and PEOPLE_NOUN.fullmatch(right, 0, first) is not None
        if (first <= (RIGHT_WINDOW_OBJECT if object_first else RIGHT_WINDOW) or people_then_action
                or _undergoes(right, first, len(right) if listed_subject else PASSIVE_REACH)) \
                and not counts_next:
            return found.id
    if described:
        return described.id
    # 对4名管党治党不力，工作推动不力的领导干部进行严肃追责: an object of 对 whose clause has not yet
    # named the people may run past a comma up to the light verb of its action, with no other
    # figure or object on the way (not 对24名干部启动履责调查，对相关责任人给予批评教育)
    if right_end == clause_end and OBJECT_FIRST.search(object_left) and not light \
            and not any(kind in right for kind in PERSON_KINDS):
        span = OBJECT_SPAN.match(text, clause_end)
        found = _action_right_after(text[span.end():span.end() + RIGHT_WINDOW_OBJECT], candidates) if span else None
        if found:
            return found.id
    # 问责党组织12个、党员干部56人: a list item without a word of its own takes the clause's (not
    # 发现问题213个、移交问题线索19件 or 处分2.3万人、移送检察机关680人, whose item names something else)
    if prev and left.lstrip().startswith("、") and not any(w in left for w in _blockers()) \
            and not _another_measure(left.lstrip()[1:], text, q, clause_end) and not _other_things(prev[0], q):
        found = _nearest(text[clause_start:q.match_start], candidates, from_end=True)
        if found:
            return found.id
    # 处分厅局级干部54人、县处级干部285人, 立案123件、98件和76件: a list continues the metric of
    # its first item (not in another unit of things: 整改问题1029个、建立健全制度172项)
    between = text[prev[0].match_end:q.match_start] if prev else ""
    if prev and prev[1] != "other" and ("、" in between or LAST_ITEM.fullmatch(between)) \
            and unit_class(prev[0].unit) == cls and not _other_things(prev[0], q) \
            and not any(w in between for w in _blockers()) \
            and not _another_measure(between.rpartition("、")[2], text, q, clause_end):
        return prev[1]  # (not 已整改问题617个、限期整改问题294个)
    # 给予党纪政务处分62人，其中处级干部3人: a breakdown without a word of its own counts what the
    # figure it breaks down counted (not 其中问题线索31件, which names something else). 立案52件，
    # 其中乡科级干部11人: the people of the cases filed, as that metric counts people too (a
    # breakdown in 人 of 查处问题87起 counts nothing the cases did)
    if before and before[1] != "other" \
            and (unit_class(before[0].unit) == cls or any(m.id == before[1] for m in candidates)) \
            and BREAKDOWN.fullmatch(text, _past_remark(text, before[0].match_end), q.match_start) \
            and not any(w in left for w in _blockers()) \
            and not _another_measure(left.rpartition("其中")[2].lstrip("，, "), text, q, clause_end):
        return before[1]  # (not 开除党籍30人（其中6人移送检察机关）)
    # a sentence that opens by naming what its items count: 从立案人员看，省管干部17人，县处级干部
    # 186人, 在处分人员中，乡科级干部512人 (items that name a kind and nothing more), 查处问题：
    # 静海区23起，武清区27起 (places, each figure ending its clause or its list item)
    if sentence_start is not None:
        for opener, item in ((VIEWED_FROM, ITEM), (IN_TOPIC, ITEM), (LABELLED, PLACE_ITEM)):
            topic = opener.match(text, sentence_start)
            if topic and clause_start >= topic.end() and item.fullmatch(text, clause_start, q.match_start) \
                    and text[q.match_end:clause_end].strip()[:1] in ("", "、"):
                found = _nearest(topic["topic"], candidates, from_end=True)
                if found:
                    return found.id
    # a clause of another period or of a place and a figure and nothing more continues the metric
    # of the figure before it: 立案456件，2022年为389件 (上年同期为389件); 北京查处问题1,203起，天津986起,
    # when that figure's clause opened with a place too
    if sibling and sibling[1] != "other" and sentence_start is not None \
            and not text[q.match_end:clause_end].strip():
        if PERIOD_ONLY.fullmatch(text, clause_start, q.match_start):
            return sibling[1]
        if _is_place(text[clause_start:q.match_start]):
            sib_left = LABEL_BEFORE.search(text, max(sentence_start, sibling[0].match_start - LABEL_LENGTH),
                                           sibling[0].match_start)
            if sib_left and _opens_with_place(sib_left.group()):
                return sibling[1]
    # 其中第一种形态298人次，占77.2%；第二种形态64人次: a later item that names a kind and nothing more
    return _breakdown_item(text, q, cls, clause_start, clause_end, sentence_start, before, sibling, candidates,
                           noun=False) or "other"
