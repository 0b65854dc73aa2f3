"""Read-only queries on the DuckDB store for the reports.

In: a DuckDB file with the agreed schema (documents, figures, facts, regions, metrics, rejected).
Out: pandas DataFrames, one per question a report asks (the region, its documents, its headline
figures, its peers, the evidence, what was rejected). Nothing here writes to the store.

A headline figure is one value per (region, metric): among the region's facts for that metric,
the one from the most recently published document, then the largest. Figures of different
documents are never added up: two reports often restate the same total.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import config

if TYPE_CHECKING:  # heavy imports stay inside functions
    import duckdb
    import pandas as pd

# Presentation order of the core metrics (the order of the figure spec); `other` is never a headline.
CORE_METRICS = (
    "cases_investigated", "cases_filed", "people_disciplined", "people_held_accountable",
    "people_admonished", "cases_publicized", "reports_received", "reports_verified",
    "petition_change_pct", "coverage_pct", "disclosure_count", "recommendations_issued",
    "amount_yuan", "problems_rectified",
)

# Where the qualifier's marker goes when a figure is displayed: 7000多件, 约7000件, 100件以上.
_MARKERS = {
    "more_than": {"infix": ("多", "余", "餘"), "prefix": ("超过", "超過", "逾"), "suffix": ("以上",), "default": ("infix", "多")},
    "approx": {"infix": (), "prefix": ("约", "約", "近", "大约", "大約"), "suffix": ("左右",), "default": ("prefix", "约")},
    "less_than": {"infix": (), "prefix": ("不到", "不足"), "suffix": ("以下",), "default": ("prefix", "不到")},
}
_SIMPLIFIED = {"餘": "余", "超過": "超过", "約": "约", "大約": "大约"}


# ---------------------------------------------------------------- connection and regions

def connect(db_path: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """Open the store read-only (several report processes read it at once)."""
    from pipeline.store import read_connection

    return read_connection(Path(db_path) if db_path else config.db_path())


# Figures counted once (the `facts` view), with their first mention's figure_id and sentence offsets.
FACTS = """(select f.region_id, f.region_path, f.metric, f.value, f.unit, f.qualifier, f.doc_id, f.period,
                   f.start, f."end", f.sentence, g.sentence_start, g.figure_id
            from facts f left join figures g on g.doc_id = f.doc_id and g.start = f.start and g."end" = f."end")"""


def regions_with_figures(con) -> pd.DataFrame:
    """region_id, name, level, path, n_figures, n_documents of every region that has figures."""
    # the region's own path: a figure's path may go down to a 街道 beneath it
    return con.execute("""
        select f.region_id, coalesce(any_value(r.name), any_value(f.region_path)[-1]) as name,
               any_value(r.level) as level, coalesce(any_value(r.path), min(f.region_path)) as path,
               count(*) as n_figures, count(distinct f.doc_id) as n_documents
        from figures f left join regions r using (region_id)
        where f.region_id is not null and f.region_id <> 'unknown'
        group by f.region_id order by n_figures desc, f.region_id""").df()


def region_info(con, region_id: str) -> dict:
    """name, short_name, pinyin, path, level, parent_id of a region (the `regions` table holds
    every region a figure names)."""
    row = con.execute("""select region_id, name, short_name, level, parent_id, path, pinyin
                         from regions where region_id = ?""", [region_id]).df()
    if not len(row):
        raise LookupError(f"region {region_id!r} is not in the store")
    info = row.iloc[0].to_dict()
    info["path"] = list(info["path"]) if info["path"] is not None else [info["name"]]
    if not info.get("pinyin"):
        from pypinyin import lazy_pinyin

        info["pinyin"] = " ".join(lazy_pinyin(info["name"]))
    return info


def find_region(con, query: str) -> str:
    """A region id for what a user typed (静海, 靜海區, 静海县, jinghai), by the gazetteer; the
    regions with figures in the store are suggested first. Raises LookupError."""
    from pipeline.regions import resolve_query

    return resolve_query(query, known=list(regions_with_figures(con)["region_id"])).id


def peer_ids(con, region_id: str, peers: list[str] | None = None) -> list[str]:
    """The regions to compare with: `peers` if given, else siblings with figures, else same level."""
    if peers:
        ids = [find_region(con, p) for p in peers]
        return [r for i, r in enumerate(ids) if r != region_id and r not in ids[:i]]
    with_figures = regions_with_figures(con)
    info = region_info(con, region_id)
    others = with_figures[with_figures["region_id"] != region_id]
    if others.empty:
        return []  # the only region in the store: nothing to compare with
    path = info["path"]
    siblings = others[others["path"].map(lambda p: list(p)[:-1] == path[:-1] and len(p) == len(path))]
    if info.get("parent_id"):
        sib_ids = {r[0] for r in con.execute(
            "select region_id from regions where parent_id = ?", [info["parent_id"]]).fetchall()}
        siblings = others[others["region_id"].isin(sib_ids) | others["region_id"].isin(siblings["region_id"])]
    if len(siblings):
        return list(siblings["region_id"])
    if info.get("level"):
        same_level = others[others["level"] == info["level"]]
    else:
        same_level = others[others["path"].map(len) == len(path)]
    return list(same_level["region_id"].head(8))


# ---------------------------------------------------------------- figures

def display_value(value: float, unit: str | None, qualifier: str | None, surface: str = "") -> str:
    """A figure as a reader writes it, qualifier included: 7000多件, 约85%, 2300万元, 不到10人.

    `surface` is the text around the figure (its sentence); the marker it uses (多 or 余,
    约 or 近) is kept, else the usual one for the qualifier.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    unit = unit or ""
    if unit == "元" and abs(value) >= 1e8:
        number, unit = _number(value / 1e8), "亿元"
    elif unit == "元" and abs(value) >= 1e4:
        number, unit = _number(value / 1e4), "万元"
    else:
        number = _number(value)
    markers = _MARKERS.get(qualifier or "exact")
    if markers is None:
        return f"{number}{unit}"
    place, word = markers["default"]
    for where in ("infix", "suffix", "prefix"):
        found = next((m for m in markers[where] if m in surface), None)
        if found:
            place, word = where, _SIMPLIFIED.get(found, found)
            break
    if place == "infix" and unit == "%":  # 85多% is not Chinese
        place, word = "suffix", "以上"
    if place == "prefix":
        return f"{word}{number}{unit}"
    if place == "infix":
        return f"{number}{word}{unit}"
    return f"{number}{unit}{word}"


def _number(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _surface(sentence: str | None, start: int, end: int, sentence_start: int | None) -> str:
    """The figure's text with two characters either side, cut from its sentence."""
    if not sentence or sentence_start is None:
        return ""
    s, e = start - sentence_start, end - sentence_start
    return sentence[max(0, s - 2): max(0, e + 3)]


def _add_display(df: pd.DataFrame) -> pd.DataFrame:
    df["display"] = [
        display_value(r.value, r.unit, r.qualifier, _surface(r.sentence, r.start, r.end, r.sentence_start))
        for r in df.itertuples()]
    return df


def _period_filter(period: str | None, alias: str = "f") -> tuple[str, list]:
    return (f" and {alias}.period = ?", [period]) if period else ("", [])


def _metrics_zh(con) -> dict[str, str]:
    return {"other": "其他", **dict(con.execute("select metric_id, zh from metrics").fetchall())}


def comparison(con, region_ids: list[str], period: str | None = None) -> pd.DataFrame:
    """One headline figure per (region, core metric): region_id, name, metric, zh, value, unit,
    qualifier, display, doc_id, published, period, n_candidates (facts the headline was chosen from)."""
    import pandas as pd

    if not region_ids:
        return pd.DataFrame(columns=["region_id", "name", "metric", "zh", "value", "unit", "qualifier",
                                     "display", "doc_id", "published", "period", "n_candidates"])
    where, params = _period_filter(period)
    df = con.execute(f"""
        select f.region_id, f.region_path[-1] as name, f.metric, f.value, f.unit, f.qualifier, f.doc_id,
               d.published, f.period, f.start, f."end", f.sentence, f.sentence_start, f.figure_id,
               count(*) over (partition by f.region_id, f.metric) as n_candidates
        from {FACTS} f left join documents d using (doc_id)
        where f.region_id in (select unnest(?)) and f.metric in (select unnest(?)) {where}
        qualify row_number() over (partition by f.region_id, f.metric
                                   order by d.published desc nulls last, f.value desc, f.doc_id) = 1
        """, [list(region_ids), list(CORE_METRICS), *params]).df()
    names = dict(con.execute("select region_id, name from regions").fetchall())
    df["name"] = [names.get(r) or n for r, n in zip(df["region_id"], df["name"])]
    zh = _metrics_zh(con)
    df["zh"] = df["metric"].map(lambda m: zh.get(m, m))
    df = _add_display(df)
    order = {m: i for i, m in enumerate(CORE_METRICS)}
    rank = {r: i for i, r in enumerate(region_ids)}
    df = df.sort_values(["metric", "region_id"], key=lambda s: s.map(order if s.name == "metric" else rank))
    return df.reset_index(drop=True)[["region_id", "name", "metric", "zh", "value", "unit", "qualifier",
                                      "display", "doc_id", "published", "period", "n_candidates", "figure_id"]]


def headline(con, region_id: str, period: str | None = None) -> pd.DataFrame:
    """The region's headline figure for each core metric it has (see `comparison`)."""
    return comparison(con, [region_id], period)


def region_documents(con, region_id: str, period: str | None = None) -> pd.DataFrame:
    """doc_id, title, published, path, url, source, n_figures of the documents with figures of the region."""
    where, params = _period_filter(period)
    return con.execute(f"""
        select d.doc_id, d.title, d.published, d.path, d.url, d.source, count(*) as n_figures
        from figures f join documents d using (doc_id)
        where f.region_id = ? {where}
        group by all order by d.published nulls last, d.doc_id""", [region_id, *params]).df()


def evidence(con, region_id: str, period: str | None = None) -> pd.DataFrame:
    """Every figure of the region with its sentence and where the figure sits in it (hl_start, hl_end)."""
    where, params = _period_filter(period)
    df = con.execute(f"""
        select f.figure_id, f.doc_id, d.title, d.published, f.metric, f.value, f.unit, f.qualifier,
               f.period, f.sentence, f.start, f."end", f.sentence_start,
               f.start - f.sentence_start as hl_start, f."end" - f.sentence_start as hl_end
        from figures f left join documents d using (doc_id)
        where f.region_id = ? {where}
        order by (f.metric = 'other'), f.doc_id, f.start""", [region_id, *params]).df()
    zh = _metrics_zh(con)
    df["zh"] = df["metric"].map(lambda m: zh.get(m, m))
    return _add_display(df)


def rejected(con, region_id: str) -> pd.DataFrame:
    """Figures of the region that failed an expectation: expectation, details, value, unit, sentence ..."""
    return con.execute("""
        select expectation, details, doc_id, metric, value, unit, qualifier, sentence
        from rejected where region_id = ? order by expectation, doc_id, start""", [region_id]).df()


def failed_expectations(con, region_id: str) -> pd.DataFrame:
    """expectation, n_rows: how many of the region's figures each expectation rejected."""
    df = rejected(con, region_id)
    if df.empty:
        return df.reindex(columns=["expectation", "n_rows"])
    return df.groupby("expectation", as_index=False).size().rename(columns={"size": "n_rows"})


def period_caveats(comparison_df: pd.DataFrame) -> list[str]:
    """Sentences warning when the compared figures do not cover the same period or date."""
    notes = []
    if comparison_df.empty:
        return notes
    periods = sorted({p for p in comparison_df["period"] if isinstance(p, str) and p})
    unknown = int(comparison_df["period"].isna().sum())
    if len(periods) > 1:
        notes.append(f"The compared figures cover different periods ({', '.join(periods)}).")
    if unknown:
        notes.append(f"{unknown} of {len(comparison_df)} compared figures state no period: "
                     "they may cover different years.")
    docs = comparison_df.groupby("region_id")["doc_id"].agg(lambda s: frozenset(s))
    if len(set(docs)) > 1:
        dates = sorted({str(d) for d in comparison_df["published"] if d is not None and str(d) not in ("NaT", "nan", "None")})
        when = f" published {', '.join(dates)}" if dates else " (publication dates unknown)"
        notes.append(f"Regions are compared across different source documents{when}; "
                     "a figure may cover a month, a year or several years.")
    return notes


# ---------------------------------------------------------------- whole corpus (overview)

def region_metric_matrix(con) -> pd.DataFrame:
    """Regions x core metrics: the headline figure of each region for each metric, as displayed."""
    regions = regions_with_figures(con)
    df = comparison(con, list(regions["region_id"]))
    if df.empty:
        return df
    matrix = df.pivot(index="region_id", columns="zh", values="display").fillna("")
    matrix.columns.name = None
    zh = _metrics_zh(con)
    cols = [zh.get(m, m) for m in CORE_METRICS if zh.get(m, m) in matrix.columns]
    matrix = matrix[cols]
    names = regions.set_index("region_id")["name"]
    matrix.insert(0, "地区", names.reindex(matrix.index))
    order = [r for r in regions["region_id"] if r in matrix.index]
    return matrix.loc[order].reset_index()


def metric_coverage(con) -> pd.DataFrame:
    """metric, zh, n_regions, n_documents, n_figures: how widely each metric is reported."""
    zh = _metrics_zh(con)
    df = con.execute("""
        select metric, count(distinct region_id) as n_regions, count(distinct doc_id) as n_documents,
               count(*) as n_figures
        from figures group by metric order by n_figures desc""").df()
    df.insert(1, "zh", df["metric"].map(lambda m: zh.get(m, m)))
    return df


def documents_per_source(con) -> pd.DataFrame:
    """source, status, n_documents: what was ingested from where and what happened to it."""
    return con.execute("""
        select coalesce(source, '(none)') as source, status, count(*) as n_documents
        from documents group by all order by source, status""").df()


def summary(con) -> pd.DataFrame:
    """One row per region with figures for the index page: name, path, counts and a few headlines."""
    regions = regions_with_figures(con)
    heads = comparison(con, list(regions["region_id"]))
    for metric in ("cases_investigated", "people_disciplined", "reports_received"):
        sub = heads[heads["metric"] == metric].set_index("region_id")["display"]
        regions[metric] = regions["region_id"].map(sub).astype(object).fillna("")  # "" where none
    return regions
