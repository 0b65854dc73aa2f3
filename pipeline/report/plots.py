"""Bar charts with Chinese labels for the reports.

In: frames from `pipeline.report.queries` (long format: region, metric, value, display).
Out: matplotlib `Figure` objects (no pyplot state, so a notebook or a worker can draw many);
`png_bytes(fig)` gives the PNG that the HTML embeds. The CJK font is set by `fonts.use_cjk_font`.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from pipeline.report.fonts import use_cjk_font

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

FOCUS_COLOR = "#c0392b"
PEER_COLOR = "#7f8c8d"


def _new_figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    use_cjk_font()
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def chart_metrics(comparison_df: pd.DataFrame, focus_id: str) -> list[str]:
    """Metrics worth a chart: those the focus region and at least one peer report, else the focus's own."""
    if comparison_df.empty:
        return []
    counts = comparison_df.groupby("metric", sort=False)["region_id"].agg(set)
    shared = [m for m, regions in counts.items() if focus_id in regions and len(regions) > 1]
    if shared:
        return shared
    return [m for m, regions in counts.items() if focus_id in regions]


def peer_chart(comparison_df: pd.DataFrame, focus_id: str, region_ids: list[str],
               metrics: list[str] | None = None, value_column: str = "value",
               title: str = "与同级地区比较") -> Figure | None:
    """Small multiples, one panel per metric, one bar per region (the focus region in red).

    Every panel lists every region so that a missing figure shows as 无数据, not as a silent gap.
    """
    metrics = metrics or chart_metrics(comparison_df, focus_id)
    if not metrics:
        return None
    names = (comparison_df.drop_duplicates("region_id").set_index("region_id")["name"].to_dict())
    labels = [names.get(r, r) for r in region_ids]
    cols = min(3, len(metrics))
    rows = math.ceil(len(metrics) / cols)
    fig = _new_figure(max(4.2 * cols, 5.5), 3.2 * rows + 0.5)
    axes = fig.subplots(rows, cols, squeeze=False).ravel()
    for ax, metric in zip(axes, metrics):
        sub = comparison_df[comparison_df["metric"] == metric].set_index("region_id")
        values = [float(sub.at[r, value_column]) if r in sub.index else 0.0 for r in region_ids]
        shown = [str(sub.at[r, "display"]) if r in sub.index else "无数据" for r in region_ids]
        colors = [FOCUS_COLOR if r == focus_id else PEER_COLOR for r in region_ids]
        bars = ax.bar(range(len(region_ids)), values, color=colors)
        ax.set_xticks(range(len(region_ids)), labels, fontsize=10)
        zh = sub["zh"].iloc[0] if len(sub) else metric
        ax.set_title(zh, fontsize=12)
        ax.bar_label(bars, labels=shown, fontsize=9, padding=2)
        ax.margins(y=0.2)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", labelsize=8)
    for ax in axes[len(metrics):]:
        ax.set_visible(False)
    fig.suptitle(title, fontsize=14)
    return fig


def bar_chart(df: pd.DataFrame, label: str, value: str, title: str = "",
              horizontal: bool = True) -> Figure:
    """A plain bar chart of one column against a label column (for cells an analyst adds)."""
    fig = _new_figure(7, max(2.5, 0.35 * len(df) + 1) if horizontal else 4)
    ax = fig.subplots()
    if horizontal:
        bars = ax.barh(df[label].astype(str)[::-1], df[value][::-1], color=PEER_COLOR)
    else:
        bars = ax.bar(df[label].astype(str), df[value], color=PEER_COLOR)
    ax.bar_label(bars, fontsize=8, padding=2)
    ax.spines[["top", "right"]].set_visible(False)
    if title:
        ax.set_title(title, fontsize=12)
    return fig


def png_bytes(fig: Figure) -> bytes:
    import io

    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
