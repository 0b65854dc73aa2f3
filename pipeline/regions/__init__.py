"""Where a region is resolved: the gazetteer, attribution of figures, and REGION= queries.

`attribute_figures(text, positions)` gives the region of each figure; `resolve_query(q)` turns
what a user types (jinghai, 静海, 靜海區, 静海县) into one region or a clear error
(`AmbiguousRegion`, `UnknownRegion`); `region_rows()` feeds the DuckDB `regions` table.
The gazetteer lives in `gazetteer.py`, attribution in `attribute.py`, knowledge in `data/`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    id: str  # slug a user types: jinghai
    name: str  # 静海区 (a sub-county unit: 岭南街道)
    path: tuple[str, ...]  # ("天津市", "静海区"), broadest first
    level: str  # national / province / city / county / subcounty / unknown
    adcode: str | None = None
    short_name: str = ""  # 静海
    parent_id: str | None = None
    pinyin: str = ""  # pinyin of the short name: jinghai

    def __hash__(self) -> int:
        # regions key the counters of attribution: hashing two fields, not all eight (equal
        # regions have equal ids and names, so this agrees with the generated __eq__)
        return hash((self.id, self.name))


NATIONAL = Region("national", "全国", ("全国",), "national", None, "全国", None, "quanguo")
UNKNOWN = Region("unknown", "未知", (), "unknown", None)


def attribute_figures(text: str, positions: list[int], title: str | None = None,
                      site: str | None = None) -> list[Region]:
    """One region per figure position (start offset) in the normalised (simplified) document text;
    `title` and `site` normalised alike."""
    from pipeline.regions.attribute import attribute

    return attribute(text, positions, title, site)


def __getattr__(name: str):
    # the gazetteer API is loaded on first use (pypinyin, the code table)
    if name in {"resolve_query", "region_rows", "suggest", "AmbiguousRegion", "UnknownRegion"}:
        from pipeline.regions import gazetteer as _g

        return getattr(_g, name)
    raise AttributeError(name)
