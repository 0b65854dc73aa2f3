"""Where a region is resolved: the gazetteer, attribution of figures, and REGION= queries.

`attribute_figures(text, positions)` gives the region of each figure; `resolve_query(q)` turns
what a user types (jinghai, 静海, 靜海區, 静海县) into one region or a clear error.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    id: str  # slug a user types: jinghai
    name: str  # 静海区
    path: tuple[str, ...]  # ("天津市", "静海区"), broadest first
    level: str  # national / province / city / county / subcounty / unknown
    adcode: str | None = None


NATIONAL = Region("national", "全国", ("全国",), "national", None)
UNKNOWN = Region("unknown", "未知", (), "unknown", None)


def attribute_figures(text: str, positions: list[int], title: str | None = None) -> list[Region]:
    """One region per figure position in the normalised (simplified) document text."""
    return [UNKNOWN for _ in positions]
