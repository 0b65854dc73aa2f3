"""Attribution: normalised document text + figure positions -> one Region per figure.

Each document is scanned once with one Aho-Corasick automaton over every division name, old
name, usable short name, nationwide marker and reference word such as 全市. The
mentions found become anchors; a figure takes the nearest anchor before it in its paragraph
(that covers its clause, then its sentence, then the paragraph's carry-over: "X区..." keeps X
until another region is named), else, in a quotation that opens its paragraph, the region
named as the quotation closes (“……”贾汪区纪委监委…), else the context of its block (the
speaker's district in an interview), else the document's own region (the region most of its
mentions fall under).
Reference words (我市, 全市, 该市, 本区, 全县 ...) mean the nearest enclosing 市/区/县 of the
current context, so 全市 in a paragraph about a county-level city means that city.
"""
from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import ahocorasick_rs

from pipeline.regions import NATIONAL, UNKNOWN, Region
from pipeline.regions.gazetteer import DATA_DIR, Gazetteer, ethnic_peoples, gazetteer

HAN = re.compile(r"[\u4e00-\u9fff]")
HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
CLAUSE_BREAKS = set("，,；;。！？!?\n：:、")
CLAUSE_ENDS = CLAUSE_BREAKS - {"、"}  # the breaks that end a clause, not a list item
SENTENCE_BREAKS = re.compile(r"[。！？!?\n]")
LIST_JOIN = ("、", "和", "及", "与")  # 北京、上海和广东
# 大兴区青云店镇党委、昌平区北七家镇党委: the body of each place may stand before the join
PLACE_BODIES = "党委|党工委|党组|纪委监委|纪委|纪工委|监委|人民政府|政府"
JOIN_GAP = re.compile(rf"(?:{PLACE_BODIES})?\s*[{''.join(LIST_JOIN)}]\s*")
CONJUNCTIONS = frozenset("和及与")
CLOSING_BRACKETS = frozenset(")）」』”》]")
# 是浚县义不容辞的责任, 向滑县…: a word of one character that ends right before a name of two
# (浚县, 滑县), so that the name needs no other boundary (not 和 of 市委和县委, nor 唐县 of 向唐县镇)
ONE_CHARACTER_WORDS = frozenset("是在从向赴于由将把")  # (not 对 of 对应县, 到 of 到达县城)
TOWN_SUFFIXES = frozenset("镇乡村街")
CLAUSE_REST = re.compile("[^" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]{0,40}")  # up to the next break

# Reference words: what they refer to is the nearest enclosing division with this suffix.
REFERENCES = {f"{p}{s}": s for p in ("我", "全", "该", "本") for s in ("省", "市", "区", "县", "州")}
REFERENCES.update({f"{p}{s}": "sub" for p in ("全", "该", "本") for s in ("镇", "乡", "街", "街道")})
# 区纪委监委查处…: the commission of the district in context acts, so its figures are the district's
ALL_PROVINCES = frozenset({"省（区、市）", "省(区、市)", "省区市", "省、自治区、直辖市"})  # markers of all of them
SELF_PROVINCE = re.compile(r"(?:我|本)省")  # a report that speaks of its place as 我省 is a province's
ORG_REFERENCES = {f"{s}{o}": s for s in ("省", "市", "区", "县", "州") for o in ("纪委", "监委")}
REFERENCES.update(ORG_REFERENCES)
REFERENCES["当地"] = "local"  # the place named last, in this paragraph or the ones before
# 审计后各市县积极整改: all the cities of a province and their counties, so the province
REFERENCES.update({w: "省" for w in ("各市县", "各市县区", "各地市", "各市州")})
PLURAL_BEFORE = set("各两多三四五六七八九十几诸每省市县区州上")  # 各区纪委, 县区纪委, 地级以上市纪委: several commissions, not one
AREA_BEFORE = set("社片园景小校辖营库")  # 社区监委, 园区纪委: a community's or a park's, not a district's
# A name right after one of these, inside a clause, is a place visited, not the subject (在北京
# 安排的宴请, 赴延安): it does not set the scope of the figures that follow.
LOCATIVE = set("在赴到往去至于")
# 在 and 于 opening a clause name its topic (在金堂县，…); a verb of going there does not (，赴泰州、
# 盐城等地公款旅游)
TOPIC_LOCATIVE = set("在于")
# ... but 到 ending a verb of saying, seeing or reaching is no going there (其中提到常州市组织…)
NOT_GOING_TO = ("提到", "谈到", "说到", "讲到", "看到", "听到", "想到", "受到", "做到", "达到", "得到",
                "遇到", "感到", "收到", "找到", "点到", "涉及到", "认识到", "注意到")
VISIT_VERBS = ("来自", "深入", "走进", "走访")  # 深入商丘、漯河…下沉监督
# A name after one of these is a partner of the subject, not its scope (区纪委监委协同河东区、
# 红桥区开展交叉检查，共查处…: the figures are the subject's)
PARTNER_VERBS = ("协同", "会同", "联合", "配合", "协助")
# ... or a model it learns from (该区借鉴浙江经验，立案18件; 学习江苏省昆山市做法，全区…)
MODEL_VERBS = ("借鉴", "学习", "参照", "对标", "效仿")
NOT_SCOPE_VERBS = frozenset(VISIT_VERBS + PARTNER_VERBS + MODEL_VERBS)  # the two-character verbs above, looked up once
# 位居徐州市第五, 退出徐州市前三位: a place a ranking is taken in is no scope, and no vote for the
# document's own place
RANK_VERBS = frozenset({"位居", "位列", "名列", "居于", "跃居", "跻身", "进入", "退出", "排在"})
RANK_AFTER = re.compile(r"[^，,；;。！？!?\n]{0,4}?(?:[第前后][\d一二两三四五六七八九十]|首位|前列|末位|倒数)")
# 在北京国家体育馆举行, 在北京人民大会堂召开: the venue of an event, not the place reported on
VENUE_AFTER = re.compile(r"(?:国家|国际|人民)?(?:体育馆|体育场|大会堂|会议中心|会展中心|展览馆|宾馆|饭店|酒店|机场|火车站)")
INSTITUTION_AFTER = re.compile(r"[^某\W\d_]{0,4}?(?:大学|学院)")  # 上海交通大学, 河南警察学院
MEDIA_AFTER = re.compile(r"(?:日报|晚报|晨报|商报|电视台|广播电视台|卫视|新闻网|广播"
                         r"|[“《「][^”》」\n]{1,8}[”》」](?:报导|报道|援引|引述|消息))")  # (香港“大公报”报导)
# 香港文汇报讯, 香港，1月10日（路透社）, 新华社北京1月9日电: where a paper or an agency files from
DATELINE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?报讯|[，,]?\s*\d{1,2}月\d{1,2}日\s*(?:电|讯|[(（][\u4e00-\u9fff]{2,4}社[)）])")
# 全区向西青区移交问题线索3件: a name after 向 and before a verb of handing over is the recipient
HANDED_TO = re.compile(r"[^，,；;。！？!?\n:：]{0,8}?(?:移交|移送|转交|转办|交办)")
# 通报大同市…原主任杨斌等3起…问题, 向全省通报六安市裕安区…、宿州市埇桥区…等6起典型案件: each
# place of a list of cases a publisher made public is the place of one case, not of the count
PUBLISHED_LIST = re.compile(r"(?:通报|曝光)了?([^；;。！？!?\n]{1,100}?)等[\d一二两三四五六七八九十]+起")
TOPIC_OPENERS = set("而并但仅只")  # 而在金堂县三星镇，..., 仅在赣榆区，...: a topic, not a place visited
# a national body named as the source of a policy: 贯彻落实党中央、国务院…, 按照中央纪委…,
# 中央纪委三次全会精神, 全国全省教育大会精神, 国务院关于统计工作的决策部署
POLICY_VERBS = ("贯彻", "落实", "按照", "根据", "遵照", "学习")
POLICY_BEFORE = re.compile(rf"(?:{'|'.join(POLICY_VERBS)})(?:党中央|中共中央|中央)?[、和及]?$")
POLICY_AFTER = re.compile(r"[^，,；;。！？!?\n]{0,10}?(?:(?:全会|大会|会议|讲话|指示|批示|决策部署)精神|决策部署)")
# 在镇江市纪委监委和市委的坚强领导下, 经报市委和镇江市监委同意: a commission that leads or
# agrees is the one above the report's place, so neither a scope nor a vote
SUPERIOR_AFTER = re.compile(r"(?:纪委监委|纪委|监委|纪律检查委员会|监察委员会)[^，,；;。！？!?\n]{0,12}?(?:领导下|同意)")
# 包括北京在内，已有9个省级监委…: one of the places counted, not the scope of the count (and so
# the place in the title of one of the people counted: 包括前四川省副书记李春城、…等在内的14名)
INCLUDED_AFTER = re.compile(r"[^，,；;。！？!?\n]{0,40}?在内")
# 运用省纪委开发的软件, 按照市纪委要求: the commission whose plan or tool a body follows or uses
SOURCE_VERBS = frozenset(POLICY_VERBS + ("运用", "利用", "依托", "借助", "使用"))
# a first line that is only the name of a site or of its body (广元市人民政府, 某某县纪委监委网站)
SITE_HEADER = re.compile(r"\s*[\u4e00-\u9fff]{2,16}?(?:人民政府|政府网|纪委监委|纪检监察网|网站)[ \t]*\n")
# 全国 or 全市 in an honour or a ranking is no scope (全国文明城市, 在全国率先, 在全市率先配备…)
HONOUR_OR_RANK_AFTER = re.compile(r"(?:先进|文明|模范|示范|优秀|劳模|劳动模范|百强|十佳|首批|首个|首家|率先|领先|前列|第一|排名|闻名|通用"
                                  r"|最[大多小少高低早])")
CENTRAL_CADRES = frozenset({"中管干部", "中管官员"})  # people the centre manages, wherever they serve
# 广东茂名市委书记罗荫国因腐败落马, 时任四川省委副书记的李春城: an office and the name of its holder
OFFICE_AFTER = re.compile(r"(?:省|市|县|区|州|旗|盟)?(?:委|党委|党组|政府|人大常委会|人大|政协)?(?:原|前)?(?:常务)?副?"
                          r"(?:书记|省长|市长|县长|区长|州长|旗长|盟长|主席|部长|厅长|局长)的?"
                          r"(?=[\u4e00-\u9fff]{2,3}(?:[，,、。；;（(：:]|因|被|在|等|涉嫌|严重|接受|落马|受贿|称|说|表示|曾|于|已|和|与))")
# Short names of prefecture-level cities are common words too (长治久安); one followed by these is
# a street, a school or a park.
NOT_A_PLACE_AFTER = re.compile(r"(?:路|大道|大街|大学|公园|广场|小区)")
# 北京街 (广州市越秀区), 上海街: a street or subdistrict named after a province or city lies
# anywhere; the short name of a county before 街 is usually its own (龙华街道 in 龙华区)
STREET_AFTER = re.compile(r"街(?!头)")  # not 北京街头
# Sub-county units: 岭南街, 灌口街道, 周良庄镇, 高明乡. A name starts after a clause break, a
# division name, or one of these words (选取新开河街, 步入岭南街, 这是站前街).
SUB_SUFFIXES = ("街道", "街", "镇", "乡")
# 共有濮院镇、石门镇等5个镇: words that open a list of towns, so a name starts after them (and
# none starts with them: 共有乌镇 is no town)
SUB_LEFT_WORDS = frozenset({"共有", "现有", "包括", "其中"})
STREET_WORDS = set("巷区坊头面市景")  # 街巷, 街区, 街坊: words of streets, not 街 of a subdistrict
TOWN_WORDS = set("乡")  # 镇乡(街道): towns and townships, not a town's name before them
TOWNSHIP_WORDS = set("镇村科亲贤风土愁情")  # 乡镇, 乡村, 乡科级, 乡亲, 乡贤: words that begin with 乡
SUB_LEFT = set("在对于到是为取入和与及将把由从至赴即以任据")  # 以龙津镇…为, 时任城关镇…, 据罗星街道…介绍
# 在佛堂镇 at a clause's start is 佛堂镇; 辣椒小镇, 特色小镇 are projects, not towns
# (在任补洛乡 is 补洛乡, 在辖区西街 is no subdistrict)
SUB_NOT_FIRST = set("该全各本每我此其这那某几多一二两三四五六七八九十个相有所诸在对赴把任据辖")
# 周庄古镇 is a scenic area; 明确各镇 is every town; 镇委镇政府 is a town's committee and government
SUB_NOT_LAST = set("乡城村县区市省镇街小古各每该等委")
# 系统和镇(办)自查: towns and the offices of subdistricts, a kind of unit, not a town's name
KIND_AFTER = re.compile(r"[(（](?:办|街道|乡|镇|场|社区)[)）]")
# ... but many towns end in 市 (周市镇, 新市镇, 马市镇), unless it is a word of its own (城市, 超市)
MARKET_WORDS = {"城市", "都市", "超市", "门市", "上市", "股市", "闹市", "集市", "街市", "夜市", "本市", "全市", "各市"}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    kind: str  # region / national / ref / sub
    text: str
    candidates: tuple[Region, ...] = ()
    form: str = "full"  # full / old / short / abbreviated (黔东南州) (for regions)
    weak: bool = False  # a place visited (在北京...), not a scope
    # the frame of a ranking (位居徐州市第五) or a place left out (除西藏外): no vote for the
    # document's place
    no_vote: bool = False
    aside_end: int | None = None  # the end of the brackets it stands in (甘肃祁连山…): an aside
    # a place in a person's office (广东茂名市委书记罗荫国): in the body of a text, a quarter of a vote
    office: bool = False
    effective: Region | None = None

    def aside_before(self, at: int) -> bool:
        """Does the aside this mention stands in close before position `at`?"""
        return self.aside_end is not None and self.aside_end <= at


class Words:
    """A fixed word list found in a text: leftmost match first, the longest word at that
    position, then on after its end (what a regex alternation of the words, longest first,
    finds). An automaton reads each character once, where a regex alternation of ~3,600 names
    tries them one by one at every position."""

    def __init__(self, words):
        self.words = sorted({w for w in words if w})  # an empty word would match nothing useful
        self._automaton = ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def finditer(self, text: str):
        """(start, end, word) of each match, left to right."""
        words = self.words
        for i, s, e in self._automaton.find_matches_as_indexes(text):
            yield s, e, words[i]


@dataclass
class Lexicon:
    pattern: Words
    names: dict[str, list[tuple[Region, str]]]  # variant -> (region, form)
    # variant -> (its regions, the first one's form, whether every form is short): read once per
    # mention found
    entries: dict[str, tuple[tuple[Region, ...], str, bool]]
    national: set[str]
    blocked: Words | None
    not_place_names: set[str]  # verbs that stand before 街道/镇 (督促街道...): not sub-county names


def read_markers() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    with open(DATA_DIR / "markers.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["kind"], []).append(row["text"].strip())
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    g = gazetteer()
    names: dict[str, list[tuple[Region, str]]] = {}

    def add(key: str, region: Region, form: str) -> None:
        entries = names.setdefault(key, [])
        if all(r is not region for r, _ in entries):
            entries.append((region, form))

    def ordinary_word(name: str) -> bool:
        """城区, 郊区, 矿区, 东区: two-character district names are ordinary words."""
        return len(name) == 2 and name.endswith("区")

    for r in g.by_adcode.values():
        if not ordinary_word(r.name):
            add(r.name, r, "full")
        elif (parent := g.parent(r)) is not None:
            add(parent.name + r.name, r, "full")  # 攀枝花市东区: a district by its city's name
        if r.level in ("province", "city") and len(r.short_name) >= 2 and r.short_name != r.name:
            add(r.short_name, r, "short")
    for old, regions in g.by_old_name.items():
        if ordinary_word(old):
            continue
        for r in regions:
            add(old, r, "old")
    for abbreviated, regions in g.by_abbreviation.items():  # 黔东南州, 长阳县
        for r in regions:
            add(abbreviated, r, "abbreviated")
    for former, regions in g.by_former_kind.items():  # 澄海县, 毕节地区
        for r in regions:
            add(former, r, "former")
    markers = read_markers()
    national = set(markers.get("national", []))
    keys = set(names) | national | set(REFERENCES)
    blocked = markers.get("not_a_region", [])
    return Lexicon(
        pattern=Words(keys),
        names=names,
        entries={key: (tuple(r for r, _ in e), e[0][1], all(form == "short" for _, form in e))
                 for key, e in names.items()},
        national=national,
        blocked=Words(blocked) if blocked else None,
        not_place_names=set(markers.get("not_a_place_name", [])),
    )


def _is_han(ch: str) -> bool:
    return bool(HAN.match(ch))


def _in_blocked(s: int, e: int, blocked: list[tuple[int, int]], ends: list[int]) -> bool:
    """Does [s, e) overlap a blocked word, other than one lying strictly inside it?

    Blocked words do not overlap one another, so their ends are sorted like their starts: only
    the few from the first one ending after s up to the last one starting before e are looked at.
    """
    k = bisect_right(ends, s)
    while k < len(blocked) and blocked[k][0] < e:
        bs, be = blocked[k]
        if not (s <= bs and be <= e and (bs, be) != (s, e)):
            return True
        k += 1
    return False


def _overlaps_resolved(text: str, lex: Lexicon):
    """The matches of the lexicon, where a city's short name glued to the word before it gives
    way to a name that starts one character later: 其中山东 is 其中 + 山东, not 中山."""
    taken = 0  # the end of a name read in place of the match that hid it
    for s, e, key in lex.pattern.finditer(text):
        if s < taken:
            continue
        entry = lex.entries.get(key)
        if entry is not None and entry[2] and s > 0 and _is_han(text[s - 1]):
            for k in (4, 3, 2):
                other = lex.entries.get(text[s + 1:s + 1 + k])
                if other is not None and (not other[2] or all(r.level == "province" for r in other[0])):
                    s, e, key = s + 1, s + 1 + k, text[s + 1:s + 1 + k]
                    taken = e
                    break
        yield s, e, key


def scan(text: str, lex: Lexicon) -> list[Mention]:
    """Every division name, nationwide marker and reference word of a text, left to right."""
    blocked = [(s, e) for s, e, _ in lex.blocked.finditer(text)] if lex.blocked else []
    blocked_ends = [be for _, be in blocked]
    out: list[Mention] = []
    for s, e, key in _overlaps_resolved(text, lex):
        if _in_blocked(s, e, blocked, blocked_ends):
            continue
        prev = out[-1] if out else None
        chained = prev is not None and prev.end == s
        if (key == "全国" or key in REFERENCES) and key[0] == "全" \
                and (HONOUR_OR_RANK_AFTER.match(text, e) or text[s - 1:s] == "占"):
            continue  # 全国先进, 在全市率先, 占全国产量的27.6%: a rank or the whole of a share, no scope
        if key in REFERENCES:
            if key in ORG_REFERENCES and s > 0 and (text[s - 1] in PLURAL_BEFORE
                                                    or (key[0] == "区" and text[s - 1] in AREA_BEFORE)):
                continue
            mention = Mention(s, e, "ref", key)
            if key in ORG_REFERENCES and text[max(0, s - 2):s] in SOURCE_VERBS:
                mention.weak = mention.no_vote = True  # 运用省纪委开发的软件, 按照市纪委部署: a source
        elif key in lex.national:
            if key.endswith("部") and text.startswith("门", e):
                continue  # 市财政部门, 公安部门: the departments of any level, not the ministry
            mention = Mention(s, e, "national", key)
            if key in CENTRAL_CADRES and prev is not None and prev.kind == "region" \
                    and s - prev.end <= 8 and not any(c in CLAUSE_BREAKS for c in text[prev.end:s]):
                mention.weak = mention.no_vote = True  # 内蒙古自治区5名中管干部: that place's
            if POLICY_BEFORE.search(text, max(0, s - 8), s) or POLICY_AFTER.match(text, e) \
                    or text[s - 1:s] == "被" or text[max(0, s - 2):s] in ("受到", "得到"):
                # 贯彻落实党中央、国务院关于…的决策部署, 中央纪委三次全会精神: the policy a local
                # body follows, not the scope of its figures; 被中纪委专题推介, 得到国务院肯定: who
                # praised the local body's work
                mention.weak = mention.no_vote = True
        else:
            candidates, form, all_short = lex.entries[key]
            if len(key) == 2 and s > 0 and _is_han(text[s - 1]) and not chained and form != "short" \
                    and (text[s - 1] not in ONE_CHARACTER_WORDS or text[e:e + 1] in TOWN_SUFFIXES):
                continue  # 和县 in 市委和县委: a two-character name needs a boundary before it
            if len(key) == 2 and key[0] in CONJUNCTIONS and s > 0 and text[s - 1] in CLOSING_BRACKETS:
                continue  # 张某(分管后勤工作)和县林业局副局长: 和 joins two people
            if all_short and NOT_A_PLACE_AFTER.match(text, e):
                continue
            if all_short and STREET_AFTER.match(text, e) and all(r.level in ("province", "city") for r in candidates):
                continue
            mention = Mention(s, e, "region", key, candidates, form)
            if prev is not None and prev.text in ALL_PROVINCES and text[prev.end:s] in LIST_JOIN:
                # 31个省（区、市）和新疆生产建设兵团: the last item of the list of all provinces
                mention = Mention(s, e, "national", key)
        # a place visited: 在/赴/到 X inside a clause, and names listed right after it
        if s > 0 and text[s - 1] in LOCATIVE and not (text[s - 1] in TOPIC_LOCATIVE and _opens_clause(text, s - 1)) \
                and not (text[s - 1] == "到" and text.endswith(NOT_GOING_TO, max(0, s - 3), s)):
            mention.weak = True
        elif s > 0 and text[s - 1] == "在" and "期间" in CLAUSE_REST.match(text, e).group():
            mention.weak = True  # 在乌鲁木齐市参加培训班期间，…: where something happened, not whose it is
        elif s >= 2 and text[s - 2:s] in NOT_SCOPE_VERBS:
            mention.weak = True
        elif s >= 2 and text[s - 2:s] in RANK_VERBS and RANK_AFTER.match(text, e):
            mention.weak = mention.no_vote = True
        elif (text[max(0, s - 2):s] == "包括" or text[max(0, s - 3):s] in ("包括原", "包括前")) \
                and INCLUDED_AFTER.match(text, e):
            mention.weak = True
        elif s > 0 and text[s - 1] == "除":
            mention.weak = mention.no_vote = True  # 全国30省份（除西藏）, 除北京外: a place left out
        elif VENUE_AFTER.match(text, e):
            mention.weak = True
        elif mention.kind == "region" and INSTITUTION_AFTER.match(text, e):
            mention.no_vote = True  # 上海交通大学: the place of a school scopes its figures, not the report
        elif MEDIA_AFTER.match(text, e):
            mention.weak = True  # 浙江日报刊发…, 据河南日报报道: the paper, not the place reported on
        elif DATELINE_AFTER.match(text, e):
            mention.weak = mention.no_vote = True
        elif s > 0 and text[s - 1] == "向" and HANDED_TO.match(text, e):
            mention.weak = True
        elif prev is not None and prev.weak and text[prev.end:s] in ("", *LIST_JOIN):
            mention.weak = True
        elif mention.kind == "region" and OFFICE_AFTER.match(text, e):
            mention.office = True
            if prev is not None and prev.kind == "region" and prev.end == s:
                prev.office = True  # 广东茂名市委书记: the whole chain
        if SUPERIOR_AFTER.match(text, e):
            mention.weak = mention.no_vote = True
        if s > 0 and text[s - 1] == "在" and (frame := CLAUSE_REST.match(text, e).group().find("基础上")) >= 0:
            # 在省纪委提出的5个方面20项重点基础上，…纠治6种行为: what a report builds on scopes the
            # figures inside the frame only, like an aside
            mention.aside_end = e + frame + len("基础上")
        out.append(mention)
    return out


def _opens_clause(text: str, at: int) -> bool:
    """Does the character at `at` open a clause (after a break, spaces or 而/仅…)? (。 在四川凉山州宁南县，…)"""
    opener = text[max(0, at - 5):at].rstrip(" \t\u3000")[-1:]
    return not opener or opener in CLAUSE_BREAKS or opener in TOPIC_OPENERS


def _after_date(text: str, i: int) -> bool:
    """去年铁富镇…, 2019年碾庄镇…, 当月…: a name may start right after a date or a word of time."""
    return i >= 2 and text[i - 1] in "年月日" and (text[i - 2].isdigit() or text[i - 2] in "今去前同当上次")


def find_sub_county(text: str, mentions: list[Mention], not_names: set[str] = frozenset()) -> list[Mention]:
    """街道/镇/乡 names: 岭南街 -> 岭南街道, 周良庄镇; their county comes from the context later."""
    ends = {m.end for m in mentions if m.kind in ("region", "ref")}  # 静海区大邱庄镇, 该区大弯街道
    # spans already taken, by start, with the furthest end reached so far: a name overlaps one
    # of them when one starting before the name ends reaches past the name's start
    taken = sorted((m.start, m.end) for m in mentions)
    taken_starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))
    out = []
    for mt in re.finditer(r"街道|街|镇|乡", text):
        j, suffix = mt.start(), mt.group()
        if (suffix == "乡" and text[j + 1:j + 2] in TOWNSHIP_WORDS) or (suffix == "街" and text[j + 1:j + 2] in STREET_WORDS) \
                or (suffix == "镇" and text[j + 1:j + 2] in TOWN_WORDS) or KIND_AFTER.match(text, mt.end()):
            continue
        core = j  # where the name ends: before the people of an ethnic township (玉洪瑶族乡)
        if suffix == "乡" and text[j - 1:j] == "族":
            people = next((e for e in ethnic_peoples() if text.endswith(e, 0, j)), None)
            if people is None:
                continue
            core = j - len(people)
        for length in (3, 2):
            i = core - length
            if i < 0:
                continue
            name = text[i:core]
            market_town = suffix == "镇" and name[-1] == "市" and name[-2:] not in MARKET_WORDS
            # 下韩村乡: a township named after a village, where a clause or a county's name ends
            village_township = (suffix == "乡" and length == 3 and name[-1] == "村"
                                and (i == 0 or i in ends or not _is_han(text[i - 1])))
            if (not HAN_WORD.fullmatch(name) or name[0] in SUB_NOT_FIRST
                    or (name[-1] in SUB_NOT_LAST and not market_town and not village_township)
                    or name in not_names or name[-2:] in not_names
                    or name[:2] in not_names or name[:2] in SUB_LEFT_WORDS):
                continue
            if i > 0 and text[i - 1].isdigit():
                continue  # 153家示范镇: a measure word after a number begins no name
            left_ok = (i == 0 or i in ends or not _is_han(text[i - 1]) or text[i - 1] in SUB_LEFT
                       or text[i - 2:i] in SUB_LEFT_WORDS or _after_date(text, i))
            k = bisect_left(taken_starts, mt.end())
            if not left_ok or (k and reach[k - 1] > i):
                continue
            canonical = text[i:j] + ("街道" if suffix.startswith("街") else suffix)
            out.append(Mention(i, mt.end(), "sub", canonical))
            break
    return out


# A place a report leaves unnamed (XX县乡镇纪委初核31件, 某镇): one of the divisions of that kind in
# the place in context, so the division above them; or the place the document is about, named
# by its kind (XX市辖5个县区, in a city's report)
ANONYMOUS = re.compile(r"(?:XX|xx|××|\*\*|某)(省|自治区|市|州|盟|县|区|旗|街道|镇|乡)(?![场域级])")
ANONYMOUS_LEVELS = {"省": 1, "自治区": 1, "市": 2, "州": 2, "盟": 2, "县": 3, "区": 3, "旗": 3, "街道": 4, "镇": 4, "乡": 4}
LEVEL_RANKS = {"national": 0, "province": 1, "city": 2, "county": 3, "subcounty": 4}


def find_anonymous(text: str) -> list[Mention]:
    return [Mention(m.start(), m.end(), "anonymous", m.group(1)) for m in ANONYMOUS.finditer(text)]


def _anonymous(rank: int, context: Region, doc: Region, g: Gazetteer) -> Region:
    """The region of an unnamed division of that rank (see ANONYMOUS), in `context`."""
    if context in (NATIONAL, UNKNOWN):
        return context
    ancestors = g.ancestors(context)
    if LEVEL_RANKS.get(doc.level) == rank and doc in ancestors:
        return doc
    return next((r for r in ancestors if LEVEL_RANKS[r.level] < rank), NATIONAL)


# A company of the central state (中国人民财产保险股份有限公司, 国家电网有限公司, 中储粮) opening a
# clause is its subject: the figures of its people are the country's, unless a branch's place
# is named after it (中国农业银行广东省分行)
CENTRAL_NAMED = ("中储粮", "中粮集团", "中石油", "中石化", "中海油", "国家电网", "南方电网")
CENTRAL_FIRST = ("中国", "国家") + CENTRAL_NAMED
CENTRAL_UNIT = re.compile(r"(?:中国|国家)[\u4e00-\u9fff]{2,14}?(?:集团有限公司|股份有限公司|有限责任公司|有限公司|集团|总公司|银行)"
                          "|" + "|".join(CENTRAL_NAMED))


def find_central_units(text: str) -> list[Mention]:
    out = []
    for first in CENTRAL_FIRST:  # a few exact searches, far faster than the pattern over the text
        at = text.find(first)
        while at >= 0:
            m = CENTRAL_UNIT.match(text, at) if at == 0 or text[at - 1] in CLAUSE_BREAKS else None
            if m:
                out.append(Mention(m.start(), m.end(), "national", m.group()))
            at = text.find(first, at + 1)
    return out


def find_speakers(text: str, mentions: list[Mention]) -> dict[str, Region]:
    """Interview guests introduced as '王海山 河北区委常委...': name -> district."""
    by_start = {m.start: m for m in mentions if m.kind == "region" and len(m.candidates) == 1}
    speakers = {}
    for line in re.finditer(r"(?m)^[ \t]*([\u4e00-\u9fff](?:[ \t]?[\u4e00-\u9fff]){1,3})[ \t]+(?=\S)", text):
        m = by_start.get(line.end())
        if m is not None and m.candidates[0].level in ("county", "city", "province"):
            speakers[re.sub(r"\s", "", line.group(1))] = m.candidates[0]
    return speakers


def _under(above: Region, candidates: tuple[Region, ...], g: Gazetteer) -> tuple[Region, ...]:
    """The candidates that lie under `above` (朝阳区 under 北京市)."""
    return tuple(r for r in candidates if above in g.ancestors(r)[1:])


def _narrow_chains(mentions: list[Mention], g: Gazetteer) -> None:
    """北京市朝阳区 is Beijing's 朝阳区, not 长春市's: a name shared by several divisions, right
    after the name of one division, keeps the one candidate under it (when exactly one is)."""
    for prev, m in zip(mentions, mentions[1:]):
        if (prev.end == m.start and prev.kind == m.kind == "region" and len(prev.candidates) == 1
                and len(m.candidates) > 1):
            under = _under(prev.candidates[0], m.candidates, g)
            if len(under) == 1:
                m.candidates = under


def _full_names(mentions: list[Mention], g: Gazetteer) -> list[Mention]:
    """Drop the qualifiers of a full name: 云南省昆明市官渡区 is one mention of 官渡区, not three."""
    out = []
    for m, nxt in zip(mentions, mentions[1:] + [None]):
        if (nxt is not None and nxt.start == m.end and m.kind == nxt.kind == "region"
                and len(m.candidates) == 1 and len(nxt.candidates) == 1
                and m.candidates[0] in g.ancestors(nxt.candidates[0])[1:]):
            continue
        out.append(m)
    return out


def _weights(mentions: list[Mention], title_mentions: list[Mention], first_line_end: int, para_starts: list[int],
             g: Gazetteer) -> Counter:
    """Votes for the document's own region: a paragraph votes once for each name it writes, with
    its strongest mention of it (a case story that names its district seven times is one
    paragraph of the report)."""
    votes: dict[tuple, tuple[Region, float]] = {}
    mentions, title_mentions = _full_names(mentions, g), _full_names(title_mentions, g)
    for k, (m, weight) in enumerate([(m, 3) for m in title_mentions]
                                    + [(m, 2 if m.start < first_line_end else 1) for m in mentions]):
        if m.no_vote:
            continue
        # 到中央纪委上访, 在维西县委书记办公会上: a quarter of a vote; and so for an office named in
        # the body (…广东茂名市委书记罗荫国因腐败落马), not in the title of a notice of its holder's case
        in_body = weight == 1  # neither in the title nor on the first line
        if m.weak or (m.office and in_body):
            weight /= 4
        if m.kind == "national":  # 根据中央纪委部署 is frequent in local reports: half a vote
            region, weight = NATIONAL, weight / 2
        elif m.kind == "region" and len(m.candidates) == 1:
            region = m.candidates[0]
        else:
            continue
        key = ("title", k) if k < len(title_mentions) else (bisect_right(para_starts, m.start), m.text)
        if key not in votes or votes[key][1] < weight:
            votes[key] = (region, weight)
    w: Counter = Counter()
    for region, weight in votes.values():
        w[region] += weight
    return w


def document_region(weights: Counter, g: Gazetteer) -> Region:
    """The deepest region holding at least 60% of the document's mentions (national = all)."""
    total = sum(weights.values())
    if not total:
        return UNKNOWN
    subtree: Counter = Counter()
    for r, w in weights.items():
        for a in g.ancestors(r) if r is not NATIONAL else [NATIONAL]:
            subtree[a] += w
    best = max((r for r in subtree if subtree[r] >= 0.6 * total), key=lambda r: (len(r.path) if r is not NATIONAL else 0, subtree[r]), default=NATIONAL)
    if best is NATIONAL and not weights[NATIONAL]:
        return UNKNOWN  # spread over unrelated regions and nothing says nationwide: do not guess
    return best


def publisher_region(site: str, lex: Lexicon) -> Region:
    """The one region a site's name names (河南省纪委监委, 中央纪委国家监委网站), else UNKNOWN."""
    found = {NATIONAL if m.kind == "national" else m.candidates[0] for m in scan(site, lex)
             if m.kind == "national" or (m.kind == "region" and len(m.candidates) == 1)}
    return found.pop() if len(found) == 1 else UNKNOWN


def _disambiguate(m: Mention, prev: Mention | None, context: Counter, g: Gazetteer) -> Region | None:
    """One of several same-named divisions, by the division named just before, then by the
    regions the document names; None when the context does not decide (never a silent default)."""
    cands = m.candidates
    if prev is not None and prev.end == m.start and prev.effective is not None:
        under = _under(prev.effective, cands, g)
        if len(under) == 1:
            return under[0]
    scores = [(sum(context[a] for a in g.ancestors(r)), r) for r in cands]
    scores.sort(key=lambda x: x[0], reverse=True)
    if scores[0][0] > 0 and (len(scores) == 1 or scores[0][0] > scores[1][0]):
        return scores[0][1]
    # a short name shared by a division and one of its own (吉林省, 吉林市): the broader one
    broad = [r for r in cands if all(r in g.ancestors(o) for o in cands)]
    return broad[0] if len(broad) == 1 else None


def _enclosing(base: Region, suffix: str, doc: Region, g: Gazetteer,
               named_as: dict[str, set[str]] | None = None) -> Region:
    """The region 全区/该县/我市 refers to: the nearest of base and its ancestors of that kind, or
    named in the text as of that kind (双城市, today's 双城区: 全市 is 双城); else the document's
    region when it is of that kind and under base (在北京市…的指导下，全区… in a report of 朝阳区);
    else base."""
    chain = [base] + (g.ancestors(g.regions[base.parent_id]) if base.level == "subcounty" and base.parent_id in g.regions
                      else g.ancestors(base)[1:] if base.id in g.regions else [])
    for r in chain:
        if r.level != "subcounty" and (r.name.endswith(suffix) or suffix in (named_as or {}).get(r.id, ())):
            return r
    if doc.name.endswith(suffix) and base in g.ancestors(doc)[1:]:
        return doc
    return base


def _refer(suffix: str, base: Region, doc: Region, g: Gazetteer, named_as: dict[str, set[str]]) -> Region | None:
    """The region a reference word of kind `suffix` (REFERENCES) means where `base` is the place
    in context: 当地 is that place, 全镇/该街道 the sub-county unit if it is one, 全市/该县 its
    enclosing division of that kind (`_enclosing`)."""
    if suffix == "local":
        return base
    if suffix == "sub":
        return base if base.level == "subcounty" else None
    return _enclosing(base, suffix, doc, g, named_as)


def _county_within(r: Region | None, doc: Region, g: Gazetteer) -> Region | None:
    """The county of a place the paragraphs before named, when it lies in the document's region:
    the county of a town named alone (江华瑶族自治县桥头铺…现场。\n…桥头铺镇上刘家塘村…)."""
    county = _county_of(r, g)
    return county if county and (doc in (NATIONAL, UNKNOWN) or doc in g.ancestors(county)) else None


def _county_of(r: Region | None, g: Gazetteer) -> Region | None:
    if r is None:
        return None
    if r.level == "subcounty":
        return g.regions.get(r.parent_id)
    return r if r.level == "county" else None


# the lines of a saved page that name its source or its place on the site, not its subject
ASIDE = re.compile(r"[(（][^()（）\n]{1,60}[)）]")  # words in brackets, on one line
# 来源：…, 当前位置：首页 > …, and a line of a page's sections (中国台湾网 > 新闻中心 > 时政新闻)
FURNITURE_LINE = re.compile(r"^[ \t\u3000]*(?:来源|所在位置|当前位置|您的位置|您现在的位置|首页[ \t]*[>＞»]|发布时间)[^\n]*"
                            r"|^[ \t\u3000]*[^\n>＞»。，,]{1,20}(?:[ \t\u3000]*(?:>>?|＞|»)[ \t\u3000]*[^\n>＞»。，,]{0,30})+$",
                            re.M)


# Districts whose names are words for parts of any town (老城区 the old town, 新城区, 城中区, 市中区)
GENERIC_CHARS = frozenset("城市新老东西南北中关郊矿港")
# ... unless an organ of the district follows (新城区纪委监委, 市中区人民政府)
ORGAN_AFTER = re.compile(r"(?:纪委|监委|纪工委|区委|党委|政府|人民|法院|检察院|公安|人大|政协)")


def _generic_name(name: str) -> bool:
    return len(name) == 3 and name[2] == "区" and set(name[:2]) <= GENERIC_CHARS


TITLE_LINE = re.compile(r"\s*[^。！？!?\n]{4,40}")  # a first line that may be a title: short, no sentence


def _short_counties(head: str, mentions: list[Mention]) -> list[Mention]:
    """杭州富阳：…, 陕西岚皋查改治一体发力: a county's short name in the title, of a county the text
    names in full (a county's short name alone is too often a word to be read anywhere)."""
    out, seen = [], set()
    for m in mentions:
        if m.kind != "region" or m.form == "short" or len(m.candidates) != 1:
            continue
        r = m.candidates[0]
        short = r.short_name
        if r.level != "county" or r in seen or len(short) < 2 or short == r.name:
            continue
        seen.add(r)
        found = re.search(re.escape(short) + f"(?!{re.escape(r.name[len(short):])})", head)
        if found and not any(x.start < found.end() and found.start() < x.end for x in mentions):
            out.append(Mention(found.start(), found.end(), "region", short, (r,), "short"))
    return out


def _listed_short_names(text: str, mentions: list[Mention]) -> dict[int, tuple[Region, ...]]:
    """成都、绵阳、南充: a short name joined to another place's name by 、/和/及/与 is a place too,
    in the province of that neighbour, and so is one right after its province's name (广西南宁).
    id(mention) -> the candidates it keeps."""
    out: dict[int, tuple[Region, ...]] = {}

    def keep(m: Mention, other: Mention) -> None:
        provinces = {r.path[0] for r in other.candidates}
        kept = tuple(r for r in m.candidates if r.path[0] in provinces)
        out[id(m)] = tuple(dict.fromkeys(out.get(id(m), ()) + kept))

    regions = [m for m in mentions if m.kind == "region"]
    for a, b in zip(regions, regions[1:]):
        if a.end == b.start and b.form == "short" and any(r.level == "province" for r in a.candidates):
            keep(b, a)  # 广西南宁海关
        elif text[a.end:b.start] in LIST_JOIN:
            for m, other in ((a, b), (b, a)):
                if m.form == "short":
                    keep(m, other)
    return out


def _within(spans, mentions: list[Mention], starts: list[int]):
    """The mentions that start inside each of the match objects `spans` (in text order)."""
    for span in spans:
        yield from mentions[bisect_left(starts, span.start()):bisect_left(starts, span.end())]


def attribute(text: str, positions: list[int], title: str | None = None, site: str | None = None) -> list[Region]:
    if not positions:
        return []
    g = gazetteer()
    lex = lexicon()
    mentions = scan(text, lex)
    # short names of cities count only in a document that also names the city in full, or in a
    # list of places (成都、绵阳、南充分别…)
    named = {r for m in mentions if m.form != "short" for r in m.candidates}
    # 昆明全市: a city named whole right after its short name
    named.update(r for m in mentions if m.form == "short" and text.startswith("全市", m.end)
                 for r in m.candidates if r.level == "city")
    listed = _listed_short_names(text, mentions)
    title_mentions = [m for m in scan(title, lex) if m.kind in ("region", "national")] if title else []
    kept = []
    for m in mentions:
        if m.kind == "region" and m.form == "short":
            m.candidates = (tuple(r for r in m.candidates if r in named or r.level == "province")
                            or listed.get(id(m), ()))
            if not m.candidates:
                continue
        elif m.kind == "region" and _generic_name(m.text) and not ORGAN_AFTER.match(text, m.end):
            # 老城区改造, 新城区建设: a district by that name only in a text about its city
            m.candidates = tuple(r for r in m.candidates if g.parent(r) in named
                                 or any(g.parent(r) in t.candidates for t in title_mentions))
            if not m.candidates:
                continue
        kept.append(m)
    mentions = kept
    _narrow_chains(mentions, g)
    mention_starts = [m.start for m in mentions]
    for m in _within(FURNITURE_LINE.finditer(text), mentions, mention_starts):
        m.weak = True  # 来源：中央纪委监察部网站, 当前位置：首页 > 31省区市
    for m in _within(PUBLISHED_LIST.finditer(text), mentions, mention_starts):
        if m.kind == "region":
            m.weak = True
    _narrow_chains(title_mentions, g)
    first_line_end = text.find("\n", len(text) - len(text.lstrip()))
    if SITE_HEADER.match(text):
        first_line_end = 0  # 广元市人民政府 over a page of the site: the publisher, not the title
    if title:
        title_mentions += _short_counties(title, mentions)
    elif 0 < first_line_end and TITLE_LINE.fullmatch(text, 0, first_line_end):
        mentions = sorted(mentions + _short_counties(text[:first_line_end], mentions), key=lambda m: m.start)
        mention_starts = [m.start for m in mentions]
    para_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    central = find_central_units(text)  # 中信集团…给予17名党员领导干部处分: a report about a central company
    # a national body inside a document's title casts no vote: anyone cites its papers
    # (《十八届中央纪委向十九大的工作报告》); a place inside one is mostly the place of the text
    # that cites it (《新化县村级工程建设项目管理办法》)
    titles = list(re.finditer(r"《[^《》\n]*》", text))
    for m in _within(titles, mentions, mention_starts):
        if m.kind == "national":
            m.no_vote = True
    weights = _weights(mentions + central, title_mentions, first_line_end if first_line_end >= 0 else len(text),
                       para_starts, g)
    doc = document_region(weights, g)
    if doc.level in ("city", "county") and SELF_PROVINCE.search(text) \
            and not any(m.kind == "ref" and REFERENCES[m.text] == doc.name[-1] for m in mentions):
        # 我省…: a province's report that names its cities more often than itself (中央督察组对我省
        # 开展督察…赣州市…信丰县) is the province's; not a county's that speaks of 全县 and 县纪委 too
        # (深刻汲取我省…教训，互助县…)
        doc = next((r for r in g.ancestors(doc) if r.level == "province"), doc)
    if doc is UNKNOWN and site:  # the text names no region of its own (全省…): the publisher's
        doc = publisher_region(site, lex)
    speakers = find_speakers(text, mentions)
    # the kind the text gives a division it names by an earlier name (双城市 for today's 双城区)
    named_as: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "region" and m.form in ("old", "former") and len(m.candidates) == 1:
            named_as.setdefault(m.candidates[0].id, set()).add(m.text[-1])
    mentions = sorted(mentions + find_sub_county(text, mentions, lex.not_place_names) + central
                      + find_anonymous(text),
                      key=lambda m: m.start)
    # a name inside a document title (《河北区临时救助办法》) is not the subject of the sentence
    mention_starts = [x.start for x in mentions]
    for m in _within(titles, mentions, mention_starts):
        m.weak = True
    # a name in brackets is an aside: it scopes the figures inside them, not those after them (省部级
    # 干部3人（甘肃祁连山…），厅级干部159人; 新疆（含兵团）146人)
    for b in ASIDE.finditer(text):
        for m in _within((b,), mentions, mention_starts):
            m.aside_end = b.end()

    # paragraphs, and the block context of each (the speaker of an interview answer; the place of
    # a numbered heading over the few paragraphs under it)
    block_ctx: list[Region] = []
    current = doc
    under_heading = 0  # paragraphs left under the last heading
    for k, ps in enumerate(para_starts):
        label = re.match(r"[ \t]*([\u4e00-\u9fff](?:[ \t]?[\u4e00-\u9fff]){1,4})[ \t]*:", text[ps:ps + 16]) if speakers else None
        line_end = para_starts[k + 1] if k + 1 < len(para_starts) else len(text)
        if label:
            current = speakers.get(re.sub(r"\s", "", label.group(1)), doc)
        elif HEADING.match(text, ps, line_end):
            current, under_heading = _heading_region(mentions, mention_starts, ps, line_end) or doc, HEADING_REACH + 1
        if text[ps:line_end].strip() and under_heading:
            under_heading -= 1
            if not under_heading:
                current = doc
        block_ctx.append(current)

    # effective region of each anchor, left to right, with the paragraph's carry-over
    para_of = [bisect_right(para_starts, m.start) - 1 for m in mentions]
    last: Region | None = None
    local: Region | None = None  # the last division named in the paragraph (not 全国)
    earlier: Region | None = None  # the last region of the paragraphs before
    earlier_local: Region | None = None  # ... and their last division
    prev: Mention | None = None
    visited: Mention | None = None  # the last place visited since a place was named
    town: Region | None = None  # the last sub-county unit named in the paragraph
    earlier_town: Region | None = None  # ... and in the paragraphs before
    for i, m in enumerate(mentions):
        if i == 0 or para_of[i] != para_of[i - 1]:
            earlier, earlier_local, earlier_town = last or earlier, local or earlier_local, town or earlier_town
            last, local, prev, visited, town = None, None, None, None, None
        base = last or block_ctx[para_of[i]]
        if m.kind == "ref" and m.text[0] == "该":
            if last is None and earlier is not None:
                base = earlier  # 该县 opening a paragraph: the county the paragraphs before were about
            if visited is not None:
                base = visited.effective  # 到公安县检查督导时发现，该县…: the place visited
            if REFERENCES[m.text] == "sub" and town is not None:
                base = town  # 到公安县南平镇检查时发现，全省…以来，该镇…: the town named last
            elif REFERENCES[m.text] == "sub" and earlier_town is not None \
                    and earlier_town.path[:len(base.path)] == base.path:
                base = earlier_town  # 石梁乡纪委…。\n…县纪委监委…，该乡5个村: the town of the paragraphs before
        if m.kind == "region":
            m.effective = m.candidates[0] if len(m.candidates) == 1 else (_disambiguate(m, prev, weights, g) or UNKNOWN)
        elif m.kind == "national":
            m.effective = NATIONAL
        elif m.kind == "ref":
            suffix = REFERENCES[m.text]
            nationwide = suffix != "sub" and base in (NATIONAL, UNKNOWN)
            if suffix == "local":
                m.effective = local or earlier_local
            elif nationwide and local is None:
                m.effective = doc if doc not in (NATIONAL, UNKNOWN) else None
                if m.effective is None and m.text[0] in "我本":
                    # 我市 in a text that names no city: the writer's own place, not the country
                    # named before it (全国…424人…。我市…40人)
                    m.effective = UNKNOWN
            else:
                # 商丘市是…全国20个…之一。该市纪委监委…: the division named before in the paragraph
                m.effective = _refer(suffix, local if nationwide else base, doc, g, named_as)
        elif m.kind == "anonymous":
            m.effective = _anonymous(ANONYMOUS_LEVELS[m.text], last or base, doc, g)
        elif m.kind == "sub":
            county = _county_of(prev.effective, g) if prev is not None and prev.end == m.start else None
            county = county or _county_of(base, g) or _county_of(doc, g)
            if county is None and last is None:  # no place named yet in this paragraph
                county = _county_within(earlier_local, doc, g)
            m.effective = (Region(county.id, m.text, county.path + (m.text,), "subcounty", None, m.text, county.id)
                           if county else None)
        if m.effective is not None and m.weak and m.kind in ("region", "sub"):
            visited = m
        if m.effective is not None and m.kind == "sub":
            town = m.effective
        if m.effective is not None and not m.weak:
            if m.kind in ("region", "sub"):
                visited = None
            last = m.effective
            if m.effective is not NATIONAL and m.effective is not UNKNOWN:
                local = m.effective
        prev = m

    starts = [m.start for m in mentions]
    _refs_in_opening_quotes(text, para_starts, mentions, starts, doc, g, named_as)
    _share_listed_places(text, mentions, starts, doc, g)
    sentence_breaks = [x.start() for x in SENTENCE_BREAKS.finditer(text)]
    respective = _respective_regions(text, positions, mentions, starts, sentence_breaks) if "分别" in text else {}
    local_doc = doc is not NATIONAL
    topics: dict[int, Region | None] = {}  # id(mention) -> the list it ends stands for (_list_topic)
    out = []
    for p in positions:
        if p in respective:
            out.append(respective[p])
            continue
        if PROVINCES_COUNTED.match(text, p):  # 向25个省（区、市）纪委监委交办: a count of the provinces
            out.append(NATIONAL)
            continue
        para = bisect_right(para_starts, p) - 1
        para_start = para_starts[para]
        sent_start = sentence_breaks[k - 1] + 1 if (k := bisect_left(sentence_breaks, p)) > 0 else 0
        region = held = None
        i = bisect_left(starts, p) - 1
        while i >= 0 and mentions[i].start >= para_start:
            m = mentions[i]
            i -= 1
            if m.weak or m.effective is None or m.end > p or m.aside_before(p):
                continue
            if held is not None and m.start < sent_start:
                break  # no other place in the sentence: the one of the office after all
            if m.office and m.start >= sent_start and text[p - 1:p] == "等":
                # 福州市对闽侯县政协原主席陈乐森等12名…作出处理: the place of the office of one of
                # the people counted, when the sentence names another before it
                held = held or m
                continue
            # in a local report, 全国/中央 set the scope of their own sentence only
            if m.effective is NATIONAL and local_doc and m.start < sent_start:
                continue
            region = m.effective
            if OTHER_DIVISIONS.match(text, max(0, p - 2)) and region not in (NATIONAL, UNKNOWN):
                region = g.parent(region) or region
            if m.start < sent_start:
                if id(m) not in topics:
                    topics[id(m)] = _list_topic(text, m, mentions, starts, doc, g)
                region = topics[id(m)] or region
            break
        if region is None and held is not None:
            region = held.effective
        if region is None:
            para_end = para_starts[para + 1] if para + 1 < len(para_starts) else len(text)
            region = _named_after_quote(text, p, para_start, para_end, mentions, starts)
        if region is None and not local_doc and (a := ANAPHOR.search(text, para_start, p + 8)) and a.start() < p:
            # 这6名干部…, 被通报的11名领导干部…: the people of the paragraphs before, and their place
            j = bisect_left(starts, para_start) - 1
            while j >= 0 and (mentions[j].weak or mentions[j].effective is None):
                j -= 1
            if j >= 0:
                region = mentions[j].effective
        out.append(region or block_ctx[para])
    return out


# 4.黑龙江省哈尔滨师范大学附属中学补课乱收费问题, （二）江西省抚州市…问题: a numbered heading of one
# case of a list, whose paragraphs may not name the place again
HEADING = re.compile(r"[ \t]*(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）])"
                     r"[^。！？!?\n]{2,50}\n?$")
HEADING_REACH = 3  # the paragraphs a heading's place reaches


def _heading_region(mentions: list[Mention], starts: list[int], start: int, end: int) -> Region | None:
    """The place a heading line names first, as specific as its chain of names (黑龙江省哈尔滨市)."""
    i = bisect_left(starts, start)
    while i < len(mentions) and mentions[i].start < end and (
            mentions[i].kind != "region" or mentions[i].weak or len(mentions[i].candidates) != 1):
        i += 1
    if i == len(mentions) or mentions[i].start >= end:
        return None
    region = mentions[i].candidates[0]
    while i + 1 < len(mentions) and mentions[i + 1].start == mentions[i].end and mentions[i + 1].kind == "region" \
            and len(mentions[i + 1].candidates) == 1:
        i += 1
        region = mentions[i].candidates[0]
    return region


# 长寿区…，其他37个区县: the other divisions of the place that holds the one named, not that one
OTHER_DIVISIONS = re.compile(r"(?:其他|其余)(?=[\d一二两三四五六七八九十]+个?(?:区县|县区|县市区|县|区|市|乡镇|镇|乡|街道|省份|省))")
# 这6名干部, 被通报的11名领导干部, 上述3起案件: the people or cases of the paragraphs before
ANAPHOR = re.compile(r"(?:这|该|上述|此|被通报的)[\d一二两三四五六七八九十]+(?:名|人|位|起|件)")
# 25个省（区、市）, 66个中央和国家机关: a count of the country's provincial or central units is the
# whole country's (not 5个省份 a local case reached)
PROVINCES_COUNTED = re.compile(r"[\d一二两三四五六七八九十]+个?(?:省（区、市）|省\(区、市\)|省区市|省、自治区、直辖市"
                               r"|中央和国家机关|中央单位|中管企业|中管金融企业|中管高校)")
# 北京、上海、广东分别查处问题120起、98起、156起: regions listed before 分别, figures listed after it
LIST_SEP_BEFORE = re.compile(rf"\s*[{''.join(LIST_JOIN)}]\s*$")
DIGIT_GROUP = re.compile(r"(?<=\d),(?=\d{3})")  # the comma of 4,021, which ends no clause
FILLER_BEFORE_RESPECTIVELY = re.compile(r"[^，,；;。！？!?\n:、\d]{0,6}")  # 纪委监委, 三地


def _listed_regions(text: str, at: int, mentions: list[Mention], starts: list[int]) -> list[Mention]:
    """The mentions of the regions named in a list (A、B和C) that ends right before position `at`
    (or before a few words such as 纪委监委), in order; a full name (湖南省长沙市) is one item, its
    most specific part."""
    i = bisect_left(starts, at) - 1
    while i >= 0 and (mentions[i].end > at or mentions[i].aside_before(at)):
        i -= 1  # (and past the names of an aside: 新疆（含新疆生产建设兵团）等8省)
    if i < 0 or not FILLER_BEFORE_RESPECTIVELY.fullmatch(text, _past_aside(text, mentions[i].end), at):
        return []
    items = [mentions[i]]
    while i > 0:
        before, current = mentions[i - 1], mentions[i]
        gap = text[before.end:current.start].strip()
        if before.end == current.start:
            pass  # 湖南省长沙市: the item is already its most specific part
        elif JOIN_GAP.fullmatch(gap):
            items.append(before)
        else:
            break
        i -= 1
    if any(m.kind not in ("region", "sub") or m.effective is None or m.effective is UNKNOWN for m in items):
        return []
    return items[::-1]


# 通报了静海区、武清区等地的7起典型问题: places listed before 等地 share the figures that follow,
# and so do places that act together (静海区和武清区共查处问题41起, 静海区、武清区两区共立案23件,
# 静海区与武清区联合开展检查) or are counted together (济南、青岛、烟台三市立案数均超过500件): their
# figures are a joint total or hold for each, and so do places whose commissions act together
# (河北省衡水市、邢台市纪委监委与税务机关建立信息互通机制，调取发票信息1784条); not when 分别
# pairs each with its own figure
SHARED_AFTER = re.compile(r"等(?:地|省|市|县|区|州|乡镇|镇|街道|[\d一二两三四五六七八九十]+个)"
                          r"|[\d两三四五六七八九十]+个?(?:省|市|县|区|州|地|乡镇|镇|乡|街道)(?![委长])(?![^，,。；;\n]{0,6}分别)"
                          r"|(?:纪委监委|纪委|监委|纪检监察机关)(?![^，,。；;\n]{0,8}分别)"
                          r"|共同|共计|合计|总计|一共|共|联合")


# 大兴区青云店镇党委、昌平区北七家镇党委2个党组织: a count right after the list (or its bodies)
COUNTED_AFTER = re.compile(rf"(?:{PLACE_BODIES})?[\d两三四五六七八九十]+个(?![^，,。；;\n]{{0,6}}分别)")


def _past_aside(text: str, at: int) -> int:
    """The end of the words in brackets that open at `at` (新疆（含兵团）等地), else `at`."""
    aside = ASIDE.match(text, at)
    return aside.end() if aside else at


def _joined(text: str, before: Mention | None, m: Mention, listed: bool) -> bool:
    """Is m joined to the name before it by 、/和/及/与 (after that place's body: …镇党委、), directly
    or by a chain (湖南省长沙市)?"""
    gap = text[before.end:m.start] if before is not None and m.start >= before.end else None
    return gap is not None and (JOIN_GAP.fullmatch(gap) is not None or (gap == "" and listed))


def _shared_after_lists(text: str, mentions: list[Mention]) -> list[tuple[int, bool]]:
    """Where SHARED_AFTER words start within a few words after the last name of a list of places
    (静海区、武清区, 湖南省长沙市、衡阳市): they are looked for there, not in the whole text. The end
    of a list without them that no 分别 or 依次 later in its sentence pairs with figures of their
    own is a hit too, shared only if its places nest (吕梁市、离石区、城北街道党委政府…的39名公职
    人员; but places side by side may give each the figure: 广州、深圳各追回2人, and its last item
    keeps it). (position, nested places only) for each hit."""
    hits: list[tuple[int, bool]] = []
    listed = False  # the mention is joined to a name before it by 、/和/及/与, directly or by a chain
    for i, (before, m) in enumerate(zip([None] + mentions, mentions)):
        listed = _joined(text, before, m, listed)
        if not listed or m.kind not in ("region", "sub"):
            continue
        after = _past_aside(text, m.end)
        filler = FILLER_BEFORE_RESPECTIVELY.match(text, after)
        for at in range(after, filler.end() + 1):
            if (SHARED_AFTER.match(text, at) or (at == after and COUNTED_AFTER.match(text, at))) \
                    and (not hits or hits[-1][0] != at):
                hits.append((at, False))
                break
        else:
            if i + 1 < len(mentions) and _joined(text, m, mentions[i + 1], True):
                continue  # not the list's last name
            sentence_end = SENTENCE_BREAKS.search(text, m.end)
            rest = text[m.end:sentence_end.start() if sentence_end else len(text)]
            if "分别" not in rest and "依次" not in rest:
                hits.append((m.end, True))
    return hits


def _nested(items: list[Mention]) -> bool:
    """Does one place of a list hold all the others (吕梁市、离石区、城北街道)?"""
    paths = [m.effective.path for m in items]
    return any(all(other[:len(p)] == p for other in paths) for p in paths)


def _shared_region(items: list[Mention], doc: Region, g: Gazetteer) -> Region:
    """The division that holds all the places of a list (天津市 for 静海区、武清区), else the whole
    country in a national report and no region in another one."""
    paths = [m.effective.path for m in items]
    shared = next((r for r in g.ancestors(items[0].effective) if all(p[:len(r.path)] == r.path for p in paths)), None)
    return shared or (NATIONAL if doc is NATIONAL else UNKNOWN)


def _list_topic(text: str, m: Mention, mentions: list[Mention], starts: list[int], doc: Region,
                g: Gazetteer) -> Region | None:
    """铁富镇、碾庄镇因越级访较多被取消评选资格。…对12个镇街进行通报: a list of places that a sentence
    before was about stands for the division that holds them all, not for its last item."""
    items = _listed_regions(text, m.end, mentions, starts)
    return _shared_region(items, doc, g) if len(items) >= 2 and items[-1] is m else None


def _share_listed_places(text: str, mentions: list[Mention], starts: list[int], doc: Region, g: Gazetteer) -> None:
    """A list of places followed by 等地 (等省份, 等3个县), or by words of a joint action (共, 联合),
    or a list of nested places (吕梁市、离石区、城北街道) names none of them alone: its last item stands for the division that holds them all (天津市 for
    静海区、武清区), or for the whole country in a national report and for no region in another one."""
    for hit, nested_only in _shared_after_lists(text, mentions):
        items = _listed_regions(text, hit, mentions, starts)
        if len(items) < 2 or (nested_only and not _nested(items)):
            continue
        last, alone = items[-1], items[-1].effective
        last.effective = _shared_region(items, doc, g)
        # 全市 later in the sentence (衡水市、邢台市纪委监委…调取全市…) was read from the last item
        # alone: it is each of the places, so their shared division too
        sentence_end = SENTENCE_BREAKS.search(text, last.end)
        for m in mentions[bisect_left(starts, last.end):]:
            if sentence_end and m.start >= sentence_end.start():
                break
            if m.kind == "ref" and m.effective is alone and REFERENCES[m.text] not in ("sub", "local"):
                m.effective = last.effective


def _respective_regions(text: str, positions: list[int], mentions: list[Mention], starts: list[int],
                        sentence_breaks: list[int]) -> dict[int, Region]:
    """北京、上海、广东分别查处问题120起、98起、156起: the k-th figure of a list after 分别 belongs to
    the k-th region listed before it, when the list of figures (joined by 、/和) has as many items
    as there are regions. A list in the clause of 分别 with another number of items (北京、上海、
    广东分别查处问题120起、98起) cannot be paired: its figures get no region rather than the last
    one named. Any other figure keeps the usual rule."""
    out: dict[int, Region] = {}
    for hit in re.finditer("分别", text):
        regions = [m.effective for m in _listed_regions(text, hit.start(), mentions, starts)]
        if len(regions) < 2:
            continue
        k = bisect_left(sentence_breaks, hit.end())
        sentence_end = sentence_breaks[k] if k < len(sentence_breaks) else len(text)
        figures = positions[bisect_right(positions, hit.end()):bisect_left(positions, sentence_end)]
        run: list[int] = []
        for p in figures + [None]:
            if p is not None and run and LIST_SEP_BEFORE.search(text, run[-1], p) \
                    and not any(c in "，,；;：:" for c in DIGIT_GROUP.sub("", text[run[-1]:p])):
                run.append(p)
                continue
            if len(run) == len(regions):
                out.update(zip(run, regions))
            elif run and run[0] == figures[0] and not any(c in CLAUSE_BREAKS for c in text[hit.end():run[0]]):
                out.update((q, UNKNOWN) for q in run)
            run = [p] if p is not None else []
    return out


# what may stand between a quotation and the name of its speaker: a date or a word of time
# (”近日，云南省麻栗坡县纪委监委…, ”2022年12月12日，山东省莒县…村民…)
AFTER_QUOTE = re.compile(r"[，, \t\u3000]*(?:这是|近日|日前|近期|目前|今年以来|近年来|此前|随后"
                         r"|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?)?[，, \t\u3000]*(?:在)?")


def _refs_in_opening_quotes(text: str, para_starts: list[int], mentions: list[Mention], starts: list[int],
                            doc: Region, g: Gazetteer, named_as: dict[str, set[str]]) -> None:
    """“今年，市纪委监委组成32个检查组……”抚州市纪委监委…: in a quotation that opens its paragraph,
    市纪委监委/全市 before any name are the speaker's, named as the quotation closes."""
    opening = text.find("“")
    while opening >= 0:
        k = bisect_right(para_starts, opening) - 1
        ps = para_starts[k]
        opening = text.find("“", para_starts[k + 1]) if k + 1 < len(para_starts) else -1
        if text[ps:text.find("“", ps)].strip():
            continue  # the paragraph does not open with the quotation
        para_end = para_starts[k + 1] if k + 1 < len(para_starts) else len(text)
        close = text.find("”", ps, para_end)
        if close < 0:
            continue
        refs = []
        for m in mentions[bisect_left(starts, ps):bisect_left(starts, close)]:
            if m.kind != "ref":
                break  # a name in the quotation: what follows it is read from it
            refs.append(m)
        if not refs:
            continue
        speaker = _speaker_after_quote(text, close, para_end, mentions, starts)
        if speaker is None or speaker is NATIONAL:
            continue
        for m in refs:
            m.effective = _refer(REFERENCES[m.text], speaker, doc, g, named_as)


THIS_IS = re.compile(r"(?:…|。|”)这是")


def _named_after_quote(text: str, p: int, para_start: int, para_end: int, mentions: list[Mention],
                       starts: list[int]) -> Region | None:
    """“……已偿还债务500余万元……”江苏省徐州市贾汪区纪委监委以“巡”促改: a figure in a quotation that
    opens its paragraph, with no region before it, belongs to the region named as the quotation
    closes (the speaker's), after a date if any; a division of it named later in that sentence is
    more specific (”4月12日，安徽省纪委监委通报六安市霍邱县…)."""
    if not text[para_start:p].lstrip().startswith("“") or "”" in text[para_start:p]:
        # 集中整治14个村居，……处分44人……这是西华县纪委监委亮出的成绩单: figures that open a
        # paragraph, then whose they are
        this_is = THIS_IS.search(text, p, para_end)
        return _speaker_after_quote(text, this_is.start(), para_end, mentions, starts) if this_is else None
    close = text.find("”", p, para_end)
    if close < 0:
        return None
    if not text[close + 1:para_end].strip() and text.startswith("这是", para_end):
        # a quotation that is its paragraph, and the next one opens 这是湖北省荆门市…取得的成果
        next_end = text.find("\n", para_end)
        return _speaker_after_quote(text, para_end - 1, len(text) if next_end < 0 else next_end, mentions, starts)
    return _speaker_after_quote(text, close, para_end, mentions, starts)


def _speaker_after_quote(text: str, close: int, para_end: int, mentions: list[Mention],
                         starts: list[int]) -> Region | None:
    """The region named right after position `close`: a closing quotation mark, or the mark or
    line break before 这是 (see _named_after_quote)."""
    i = bisect_left(starts, close + 1)
    if (i == len(mentions) or mentions[i].weak or mentions[i].effective is None or mentions[i].start >= para_end
            or mentions[i].start != AFTER_QUOTE.match(text, close + 1, para_end).end()):
        return None
    while i + 1 < len(mentions) and mentions[i + 1].start == mentions[i].end and mentions[i + 1].effective:
        i += 1  # 江苏省徐州市贾汪区: the most specific name of the chain
    region = mentions[i].effective
    sentence_end = SENTENCE_BREAKS.search(text, mentions[i].end, para_end)
    g = gazetteer()
    visited = False
    for k, m in enumerate(mentions[i + 1:], i + 1):
        if sentence_end and m.start >= sentence_end.start():
            break
        # 深入广南县珠琳镇、珠街镇: the towns of a county visited, and those after them in the clause, are
        # visited too (not 在该区西团镇众心村召开…会: the town of the people the meeting is about)
        visited = (m.weak and text[max(0, m.start - 2):m.start] in NOT_SCOPE_VERBS) or (
            visited and not any(c in CLAUSE_ENDS for c in text[mentions[k - 1].end:m.start]))
        if (m.kind in ("region", "sub") and not m.weak and not visited and m.effective is not None
                and m.effective is not UNKNOWN and m.effective is not NATIONAL
                and any(r is region for r in g.ancestors(m.effective)[1:])):
            region = m.effective
    return region
