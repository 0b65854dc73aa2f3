"""The gazetteer: every county-level and higher division of China, with slugs and old names.

In: the administrative code table shipped with `cpca` (resources/adcodes.csv: adcode, name; the
hierarchy follows from the code prefixes), `data/history.csv` (renames the table lacks:
静海县 -> 静海区 since 2015, 新津县 -> 新津区 since 2020, ...) and `data/divisions.csv` (units the
table lacks: 新疆生产建设兵团; short names the suffixes cut wrong: 万柏林区 -> 万柏林) and `data/areas.csv` (state-level new areas, which answer to the
division that administers them: 兰州新区 -> 兰州市).
Out: `gazetteer()` (regions by id, name indexes), `resolve_query(q)` for what a user types
(jinghai, 静海, 靜海區, 静海县), and `region_rows()` for the DuckDB `regions` table.
"""
from __future__ import annotations

import csv
import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from pipeline.regions import NATIONAL, Region

DATA_DIR = Path(__file__).resolve().parent / "data"

# Code-table rows that are groupings, not divisions: their children hang from the level above.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# Administrative suffixes, longest first; what is left is the short name (静海区 -> 静海).
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区",
            "省", "市", "区", "县", "盟", "旗")
AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
# Readings of place names: pypinyin's own dictionary reads many heteronyms in place names with
# their everyday reading (漯河 tahe, 闵行 minxing, 长宁 zhangning, 什邡 shenfang), so the phrase
# dictionaries of pypinyin-dict (CC-CEDICT and zdic's) are loaded first. PINYIN_FIXES are the
# names that both still read wrong, with the official romanisation.
PHRASE_DICTIONARIES = ("cc_cedict", "zdic_cibs")
PINYIN_FIXES = {
    "长治": "changzhi", "朝阳": "chaoyang", "陕西": "shaanxi",  # 陕西: official romanisation
    "长子": "zhangzi", "栖霞": "qixia", "石鼓": "shigu", "色达": "seda", "金山屯": "jinshantun",
    "麦盖提": "maigaiti", "扎囊": "zhanang", "筠连": "junlian", "宕昌": "tanchang", "六枝": "liuzhi",
    "康巴什": "kangbashi", "民乐": "minle", "龙圩": "longxu", "万柏林": "wanbailin",
}
PLACE_READINGS = {"都": "du"}  # 新都, 郫都, 花都: never dou in a place name


class AmbiguousRegion(LookupError):
    """A query names several regions; `candidates` carry the unambiguous slugs to type instead."""

    def __init__(self, query: str, candidates: list[Region]):
        self.query = query
        self.candidates = candidates
        listed = ", ".join(f"{'/'.join(r.path)} ({r.id})" for r in candidates)
        super().__init__(f"'{query}' is ambiguous: {listed}")


class UnknownRegion(LookupError):
    """No region has this name; `suggestions` are the closest names."""

    def __init__(self, query: str, suggestions: list[Region]):
        self.query = query
        self.suggestions = suggestions
        hint = ", ".join(f"{r.name} ({r.id})" for r in suggestions)
        super().__init__(f"unknown region '{query}'" + (f"; did you mean: {hint}" if hint else ""))


@dataclass
class Gazetteer:
    regions: dict[str, Region]  # id -> region (national included)
    by_adcode: dict[str, Region]
    by_name: dict[str, list[Region]] = field(default_factory=lambda: defaultdict(list))  # full names
    by_short: dict[str, list[Region]] = field(default_factory=lambda: defaultdict(list))
    by_old_name: dict[str, list[Region]] = field(default_factory=lambda: defaultdict(list))
    by_pinyin: dict[str, list[Region]] = field(default_factory=lambda: defaultdict(list))
    by_abbreviation: dict[str, list[Region]] = field(default_factory=lambda: defaultdict(list))  # 黔东南州
    by_former_kind: dict[str, list[Region]] = field(default_factory=lambda: defaultdict(list))  # 澄海县
    children: dict[str, list[Region]] = field(default_factory=lambda: defaultdict(list))

    def parent(self, region: Region) -> Region | None:
        return self.regions.get(region.parent_id) if region.parent_id else None

    def ancestors(self, region: Region) -> list[Region]:
        """The region and its ancestors, most specific first."""
        out = []
        while region is not None:
            out.append(region)
            region = self.parent(region)
        return out


def short_name(name: str, ethnic: tuple[str, ...] = ()) -> str:
    """静海区 -> 静海, 广西壮族自治区 -> 广西, 黔南布依族苗族自治州 -> 黔南; never shorter than 2."""
    for suf in SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            short = name[: -len(suf)]
            stripped = True
            while stripped:  # peel ethnic group names off the end (布依族苗族)
                stripped = False
                for e in ethnic:
                    if short.endswith(e) and len(short) - len(e) >= 2:
                        short = short[: -len(e)]
                        stripped = True
            return short
    return name


def _cpca_resource(name: str) -> Path:
    """A file of cpca's data, found without importing cpca (which loads pandas)."""
    from importlib.util import find_spec

    spec = find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("cpca is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / name


@lru_cache(maxsize=1)
def ethnic_peoples() -> tuple[str, ...]:
    """The peoples' names that end in 族 (瑶族, 蒙古族), longest first: 玉洪瑶族乡."""
    return tuple(n for n in _ethnic_names() if n.endswith("族"))


def _ethnic_names() -> tuple[str, ...]:
    names = []
    with _cpca_resource("56_nations.csv").open(encoding="utf-8") as f:
        for line in f:
            n = line.strip()
            if n:
                names.append(n)
                if n.endswith("族") and len(n) > 2:
                    names.append(n[:-1])  # 维吾尔自治区, 哈萨克自治县
    return tuple(sorted(set(names), key=lambda n: (-len(n), n)))  # longest first, in a fixed order


@lru_cache(maxsize=1)
def _load_phrase_dictionaries() -> None:
    """Add PHRASE_DICTIONARIES to pypinyin's phrases (2 s; only when the readings are not cached)."""
    from importlib import import_module

    for name in PHRASE_DICTIONARIES:
        import_module(f"pypinyin_dict.phrase_pinyin_data.{name}").load()


def _pinyin(name: str, chars: int | None = None) -> str:
    """Pinyin of the first `chars` characters of a name, read within the whole name (朝阳区 ->
    chaoyang: the full name picks the right reading of a heteronym better than the short one)."""
    from pypinyin import lazy_pinyin

    _load_phrase_dictionaries()
    text = name[:chars] if chars else name
    if text in PINYIN_FIXES:
        return PINYIN_FIXES[text]
    syllables = lazy_pinyin(name)
    if chars and len(syllables) == len(name):
        syllables = syllables[:chars]
    elif chars:
        syllables = lazy_pinyin(text)
    syllables = [PLACE_READINGS.get(ch, syl) for ch, syl in zip(text, syllables)] if len(syllables) == len(text) else syllables
    return re.sub(r"[^a-z]", "", "".join(syllables).lower())


def _read_code_table() -> dict[str, str]:
    """adcode (6 digits) -> name, from cpca's table."""
    table = {}
    with _cpca_resource("adcodes.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, name = row["adcode"].strip(), row["name"].strip()
            if len(code) >= 6 and name:
                table[code[:6]] = name
    return table


def read_data(name: str) -> list[dict]:
    """The rows of one of the data files: history.csv (renames), divisions.csv (divisions the code
    table lacks, and short names the suffixes cut wrong), areas.csv (state-level new areas, which have no division
    of their own, each with the code of the division that administers it and takes its figures)."""
    with open(DATA_DIR / name, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _level(code: str) -> str:
    if code[2:] == "0000":
        return "province"
    if code[4:] == "00":
        return "city"
    return "county"


def _cached_readings(names: dict[str, str], ethnic: tuple[str, ...], given_shorts: dict[str, str], compute) -> dict:
    """Short names, pinyin readings and slugs of `names` (code -> name), from the per-user cache
    when the names, this module's rules and pypinyin are those it was made from.

    Importing pypinyin and reading 3,000 names costs half a second, in every worker process; the
    cache file costs a few milliseconds."""
    import hashlib
    import json
    from importlib.metadata import PackageNotFoundError, version

    from pipeline.config import cache_dir, write_cache_file

    versions = []
    for package in ("pypinyin", "pypinyin-dict"):
        try:
            versions.append(version(package))
        except PackageNotFoundError:
            versions.append("none")
    key = hashlib.sha256(json.dumps(
        [names, ethnic, given_shorts, PINYIN_FIXES, PLACE_READINGS, versions, Path(__file__).read_text(encoding="utf-8")],
        ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    path = cache_dir() / f"gazetteer-readings-{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if all(set(data.get(k, ())) == set(names) for k in ("shorts", "base", "slugs")):
            return data
    except (OSError, ValueError, AttributeError, TypeError):  # missing or damaged: rebuilt
        pass
    data = compute()
    write_cache_file(path, json.dumps(data, ensure_ascii=False).encode("utf-8"), older="gazetteer-readings-*.json")
    return data


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    table = _read_code_table()
    history = read_data("history.csv")
    old_names: dict[str, list[str]] = defaultdict(list)
    for h in history:
        # a rename the table does not know yet replaces the old row (新津县 510132 -> 新津区 510118)
        if h["old_adcode"] in table and table[h["old_adcode"]] == h["old_name"]:
            del table[h["old_adcode"]]
        table[h["adcode"]] = h["name"]
        old_names[h["adcode"]].append(h["old_name"])
    for a in read_data("areas.csv"):  # a new area answers to the name of its division, as an old name does
        old_names[a["adcode"]].append(a["name"])
    given_shorts = {}
    for d in read_data("divisions.csv"):
        table[d["adcode"]] = d["name"]
        if d["short_name"]:
            given_shorts[d["adcode"]] = d["short_name"]
    ethnic = _ethnic_names()

    def parent_code(code: str) -> str | None:
        level = _level(code)
        if level == "province":
            return None
        if level == "county":
            city = code[:4] + "00"
            if city in table and table[city] not in PLACEHOLDERS:
                return city
        prov = code[:2] + "0000"
        return prov if prov in table else None

    codes = sorted(c for c, n in table.items() if n not in PLACEHOLDERS)

    def readings() -> dict[str, dict[str, str]]:
        shorts = {c: given_shorts.get(c) or short_name(table[c], ethnic) for c in codes}
        # the pinyin of the short name, read within the full name when it begins it (兵团 does not)
        base = {c: _pinyin(table[c], len(shorts[c])) if table[c].startswith(shorts[c]) else _pinyin(shorts[c])
                for c in codes}
        # Slugs: the short name's pinyin when no other division shares it, else prefixed by the
        # parent's pinyin (tianjin-hebei); a province that shares it takes its full name (hebeisheng).
        count = defaultdict(int)
        for c in codes:
            count[base[c]] += 1
        slugs: dict[str, str] = {}
        taken = {NATIONAL.id}
        for c in sorted(codes, key=lambda c: (count[base[c]] > 1, c)):
            if count[base[c]] == 1 and base[c] not in taken:
                slug = base[c]
            else:
                p = parent_code(c)
                slug = f"{base[p]}-{base[c]}" if p else _pinyin(table[c])  # hebeisheng
            if slug in taken:
                slug = f"{slug}-{c}"
            taken.add(slug)
            slugs[c] = slug
        return {"shorts": shorts, "base": base, "slugs": slugs}

    cached = _cached_readings({c: table[c] for c in codes}, ethnic, given_shorts, readings)
    shorts, base, slugs = cached["shorts"], cached["base"], cached["slugs"]

    regions: dict[str, Region] = {NATIONAL.id: NATIONAL}
    by_code: dict[str, Region] = {}
    for c in codes:  # sorted codes: parents come before children
        p = parent_code(c)
        parent = by_code.get(p) if p else None
        path = (parent.path if parent else ()) + (table[c],)
        r = Region(slugs[c], table[c], path, _level(c), c, short_name=shorts[c],
                   parent_id=parent.id if parent else NATIONAL.id, pinyin=base[c])
        by_code[c] = r
        regions[r.id] = r
    g = Gazetteer(regions=regions, by_adcode=by_code)
    for r in by_code.values():
        g.by_name[r.name].append(r)
        if r.short_name != r.name:
            g.by_short[r.short_name].append(r)
        g.by_pinyin[r.pinyin].append(r)
        g.children[r.parent_id].append(r)
        for old in old_names.get(r.adcode, ()):
            g.by_old_name[old].append(r)
    for r in by_code.values():
        for abbreviated in abbreviations(r):
            if abbreviated not in g.by_name and abbreviated not in g.by_old_name:
                g.by_abbreviation[abbreviated].append(r)
        for former in former_kinds(r, g):
            if former not in g.by_name and former not in g.by_old_name:
                g.by_former_kind[former].append(r)
    return g


# What a division was before it became what it is: most districts were counties (澄海县 -> 澄海区),
# most county-level cities counties (神木县 -> 神木市), and most prefecture-level cities
# prefectures (毕节地区 -> 毕节市). The name stayed; reports of the years before still use the
# former kind. Districts that were county-level cities are listed in history.csv instead: X市
# made of a district's name is too often a word (新城市, 城市民, 海南市县).
FORMER_KINDS = {("county", "区"): ("县",), ("county", "市"): ("县",), ("city", "市"): ("地区",)}


def former_kinds(r: Region, g: Gazetteer) -> tuple[str, ...]:
    """The names of a division under the kind it most likely had before (澄海区 -> 澄海县); none
    for a base of one character (城区, 郊区), a new area (滨海新区), or a name that another
    division shares (朝阳区, 朝阳市 and 朝阳县; 中山区 and 中山市)."""
    kinds = FORMER_KINDS.get((r.level, r.name[-1:]), ())
    base = r.name[:-1]
    if len(base) < 2 or r.name.endswith("新区") or "自治" in r.name:
        return ()
    if any(x is not r for x in g.by_short.get(r.short_name, ())):
        return ()
    return tuple(base + kind for kind in kinds)


def abbreviations(r: Region) -> tuple[str, ...]:
    """黔东南苗族侗族自治州 -> 黔东南州 and 黔东南自治州, 务川仡佬族苗族自治县 -> 务川县 and 务川自治县,
    鄂温克族自治旗 -> 鄂温克旗: how an autonomous unit is usually written (its short name and the last
    character of its kind, or its short name and its kind without the peoples)."""
    kind = AUTONOMOUS.get(r.name[-3:])
    base = re.sub(r"(?<=..)各?族$", "", r.short_name)
    return (base + kind, base + r.name[-3:]) if kind and len(base) >= 2 else ()


def resolve_query(query: str, known: Iterable[str] | None = None) -> Region:
    """What a user types -> one Region.

    Accepts a slug (jinghai, tianjin-hebei), a name (静海区), a short name (静海), traditional
    characters (靜海區), old names (静海县) and abbreviations (黔东南州). Raises AmbiguousRegion when several regions
    answer to it, UnknownRegion (with the closest names; those in `known`, e.g. the ids that have
    figures, first) when none does.
    """
    from pipeline.extract.normalize import to_simplified  # lazily: pipeline.extract imports this module

    g = gazetteer()
    q = (query or "").strip()
    if not q:
        raise UnknownRegion(query, [])
    slug = re.sub(r"[\s_]+", "", q.lower())
    if slug in g.regions:
        return g.regions[slug]
    if re.fullmatch(r"[a-z\-']+", slug):
        found = g.by_pinyin.get(slug.replace("-", "").replace("'", ""), [])
        if not found and "-" in slug:  # sichuan-yibin: a division under the ones named before it
            *above, last = slug.replace("'", "").split("-")
            found = [r for r in g.by_pinyin.get(last, [])
                     if all(any(a.pinyin == p for a in g.ancestors(r)[1:]) for p in above)]
    else:
        name = to_simplified(q).replace(" ", "")
        if name in ("全国", "中国", "national"):
            return NATIONAL
        found = (g.by_name.get(name) or g.by_old_name.get(name) or g.by_abbreviation.get(name)
                 or g.by_former_kind.get(name) or [])
        found = found + [r for r in g.by_short.get(name, []) if r not in found]
        if not found:  # 天津市静海区, 天津静海: the last division named, under the ones before it
            found = _qualified(g, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise AmbiguousRegion(query, sorted(found, key=lambda r: (len(r.path), r.adcode or "")))
    raise UnknownRegion(query, suggest(q, known))


def _qualified(g: Gazetteer, name: str) -> list[Region]:
    for index in (g.by_name, g.by_old_name, g.by_former_kind, g.by_short):
        for key in sorted((k for k in index if name.endswith(k) and len(name) > len(k)), key=len, reverse=True):
            ctx = name[: -len(key)]
            found = []
            for r in index[key]:
                above = g.ancestors(r)[1:][::-1]  # broadest first
                pattern = "".join(f"(?:{re.escape(a.name)}|{re.escape(a.short_name)})?" for a in above)
                if above and re.fullmatch(pattern, ctx):
                    found.append(r)
            if found:
                return found
    return []


def suggest(query: str, known: Iterable[str] | None = None, n: int = 5) -> list[Region]:
    """The closest regions to a query, by name and by pinyin; regions in `known` first."""
    from pipeline.extract.normalize import to_simplified

    g = gazetteer()
    q = query.strip().lower()
    if not re.fullmatch(r"[a-z\-' ]+", q):
        q = to_simplified(query.strip())
    keys: dict[str, list[Region]] = defaultdict(list)
    for r in g.regions.values():
        for k in (r.id, r.name, r.short_name, r.pinyin):
            if k:
                keys[k].append(r)
    known_set = set(known or ())
    out: list[Region] = []
    pools = ([k for k in keys if any(r.id in known_set for r in keys[k])], list(keys)) if known_set else (list(keys),)
    for pool in pools:
        for k in difflib.get_close_matches(q, pool, n=n * 2, cutoff=0.5):
            for r in keys[k]:
                if r not in out and (pool is pools[-1] or r.id in known_set):
                    out.append(r)
        if len(out) >= n:
            break
    return out[:n]


def region_rows() -> list[dict]:
    """One row per region (national first) for the DuckDB `regions` table."""
    g = gazetteer()
    rows = []
    for r in g.regions.values():
        rows.append({
            "region_id": r.id, "name": r.name, "short_name": r.short_name or r.name, "level": r.level,
            "parent_id": r.parent_id, "path": list(r.path), "adcode": r.adcode, "pinyin": r.pinyin,
        })
    return rows
