"""HTML fragments for the reports, with every piece of document text escaped.

In: frames from `pipeline.report.queries`, matplotlib figures. Out: HTML strings that a notebook
cell shows with `show(...)` and nbconvert keeps in `REPORTS/<slug>.html`.
Text from documents (titles, sentences, paths, URLs) is untrusted: it only ever reaches the page
through `esc()`, so `<script>` in a document is shown as text and never runs.
"""
from __future__ import annotations

import base64
import html
import math
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

STYLE = """<style>
.jr {font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.5}
.jr h1 {margin: 0 0 .2em} .jr .sub {color: #555}
.jr table {border-collapse: collapse; margin: .5em 0; font-size: 13px}
.jr th, .jr td {border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top}
.jr th {background: #f4f4f4}
.jr .tiles {display: flex; flex-wrap: wrap; gap: 10px; margin: .5em 0}
.jr .tile {border: 1px solid #ddd; border-radius: 6px; padding: 8px 12px; min-width: 120px}
.jr .tile .v {font-size: 24px; font-weight: bold; color: #c0392b}
.jr .tile .m {font-size: 13px; color: #333} .jr .tile .s {font-size: 11px; color: #777}
.jr mark {background: #ffe08a; font-weight: bold}
.jr .note {background: #fff8e1; border-left: 4px solid #f0b400; padding: 6px 10px; margin: .5em 0}
.jr .muted {color: #777}
</style>"""


def esc(value: Any) -> str:
    """Text for HTML: None/NaN become empty, everything else is escaped (quotes included)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if str(value) in ("NaT", "nan", "None", "<NA>"):
        return ""
    return html.escape(str(value), quote=True)


def show(fragment: str) -> None:
    """Display an HTML fragment as a notebook output (wrapped in the report's style)."""
    from IPython.display import HTML, display

    display(HTML(f'{STYLE}<div class="jr">{fragment}</div>'))


def highlight(sentence: str | None, start: int, end: int) -> str:
    """The sentence escaped, with characters [start, end) wrapped in <mark>."""
    text = sentence or ""
    if start is None or end is None or not (0 <= start < end <= len(text)):
        return esc(text)
    return f"{esc(text[:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:])}"


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a `javascript:` link from a document must not be clickable."""
    if not url or not isinstance(url, str):
        return None
    return url if urlparse(url).scheme in ("http", "https") else None


def doc_anchor(doc_id: str) -> str:
    return "doc-" + esc(doc_id)


def section(title: str, text: str = "") -> str:
    """A section heading with an optional line of explanation."""
    return f"<h2>{esc(title)}</h2>" + (f"<p>{esc(text)}</p>" if text else "")


def note(text: str) -> str:
    return f'<div class="note">{esc(text)}</div>'


def table(df: pd.DataFrame, columns: dict[str, str] | None = None) -> str:
    """A frame as an HTML table with escaped cells; `columns` maps column -> heading (and selects)."""
    if columns:
        df = df[list(columns)].rename(columns=columns)
    if df.empty:
        return '<p class="muted">(none)</p>'
    head = "".join(f"<th>{esc(c)}</th>" for c in df.columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(_cell(v))}</td>" for v in row) + "</tr>"
                   for row in df.itertuples(index=False))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return " › ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def region_header(info: dict) -> str:
    path = " › ".join(str(p) for p in info.get("path") or [])
    return (f'<p class="sub">地区报告 · Region report</p><h1>{esc(info["name"])} <span class="sub">{esc(info.get("pinyin"))}</span></h1>'
            f'<p class="sub">{esc(path)} · <code>{esc(info["region_id"])}</code>'
            f'{" · " + esc(info["level"]) if info.get("level") else ""}</p>')


def documents_table(df: pd.DataFrame) -> str:
    """Source documents with an anchor per row, so evidence rows can link to them."""
    if df.empty:
        return '<p class="muted">(no documents)</p>'
    rows = []
    for d in df.itertuples():
        url = safe_url(d.url)
        link = f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>' if url else esc(d.url)
        rows.append(f'<tr id="{doc_anchor(d.doc_id)}"><td><code>{esc(d.doc_id)}</code></td>'
                    f'<td>{esc(d.title) or "<span class=muted>(no title)</span>"}</td>'
                    f'<td>{esc(d.published) or "<span class=muted>unknown</span>"}</td>'
                    f'<td><code>{esc(d.path)}</code></td><td>{link}</td><td>{esc(d.n_figures)}</td></tr>')
    return ("<table><thead><tr><th>document</th><th>title</th><th>published</th><th>file</th>"
            "<th>url</th><th>figures</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def tiles(df: pd.DataFrame) -> str:
    """One tile per headline figure: the value as written (7000多件), the metric, its document."""
    if df.empty:
        return '<p class="muted">No core-metric figures for this region.</p>'
    out = []
    for r in df.itertuples():
        more = f" · 1 of {r.n_candidates} figures" if r.n_candidates > 1 else ""
        period = f" · {esc(r.period)}" if isinstance(r.period, str) and r.period else ""
        out.append(f'<div class="tile"><div class="v">{esc(r.display)}</div><div class="m">{esc(r.zh)}</div>'
                   f'<div class="s"><a href="#{doc_anchor(r.doc_id)}">{esc(r.doc_id)}</a>{period}{esc(more)}</div></div>')
    return '<div class="tiles">' + "".join(out) + "</div>"


def evidence_table(df: pd.DataFrame) -> str:
    """Every figure with a link to its document and its sentence, the figure highlighted."""
    if df.empty:
        return '<p class="muted">(no figures)</p>'
    rows = []
    for r in df.itertuples():
        rows.append(
            f'<tr><td><b>{esc(r.display)}</b></td><td>{esc(r.zh)}</td>'
            f'<td><a href="#{doc_anchor(r.doc_id)}">{esc(r.doc_id)}</a> <span class="muted">[{esc(r.start)}:{esc(r.end)}]</span></td>'
            f'<td>{esc(r.period)}</td><td>{highlight(r.sentence, r.hl_start, r.hl_end)}</td></tr>')
    return ("<table><thead><tr><th>figure</th><th>metric</th><th>document [offsets]</th><th>period</th>"
            "<th>sentence</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def figure_img(fig: Figure | None, alt: str) -> str:
    """The chart as an embedded PNG (the HTML stays one self-contained file)."""
    if fig is None:
        return '<p class="muted">(no figures to chart)</p>'
    from pipeline.report.plots import png_bytes

    data = base64.b64encode(png_bytes(fig)).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{esc(alt)}" style="max-width:100%">'


def notes(messages: list[str]) -> str:
    return "".join(note(m) for m in messages)
