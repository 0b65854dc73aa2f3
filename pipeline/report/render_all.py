"""The `reports` stage: `python -m pipeline reports [--bench]`.

In: the files under RAW (ingested and validated first, unless --skip-ingest).
Out: `REPORTS/<slug>.html` and `.ipynb` for every region with figures, `REPORTS/overview.html`
(the whole corpus) and `REPORTS/index.html` linking them with a summary table. Notebooks run
in parallel, one papermill process each (`pipeline.report.render.render_jobs`).
With --bench it prints the wall time of one region report and of all reports.
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path

from pipeline import config
from pipeline.report import render

BENCH_REGION = "jinghai"  # the region timed alone by --bench (else the region with most figures)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--skip-ingest", action="store_true", help="render from the existing store, without ingest and validation")
    p.add_argument("--workers", type=int, default=render.WORKERS, help="papermill processes at a time (default: 2)")
    p.add_argument("--bench", action="store_true",
                   help="print the wall time of one region report and of all reports")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if not args.skip_ingest:
        status = render.ingest_and_validate()
        if status:
            return status
    ingested = time.perf_counter()
    try:
        region_ids = regions_to_render()
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    one = None
    if args.bench and region_ids:
        slug = BENCH_REGION if BENCH_REGION in region_ids else region_ids[0]
        t0 = time.perf_counter()
        render.render_regions([slug])
        one = (slug, time.perf_counter() - t0)
    t0 = time.perf_counter()
    written = render_all(region_ids, workers=args.workers)
    index = render_index()
    elapsed = time.perf_counter() - t0
    failed = len(region_ids) + 1 - len(written)
    print(f"reports: {len(written)} written ({failed} failed) in {elapsed:.1f} s; index: {index}")
    if args.bench:
        if not args.skip_ingest:
            print(f"bench: ingest + validate: {ingested - started:.1f} s")
        if one:
            print(f"bench: one region report ({one[0]}): {one[1]:.1f} s")
        print(f"bench: all reports ({len(region_ids)} regions + overview + index, {args.workers} workers): {elapsed:.1f} s")
    return 0 if failed == 0 else 1


def regions_to_render(db_path: Path | None = None) -> list[str]:
    """Every region with figures, most figures first (the slowest reports start first)."""
    from pipeline.report import queries

    with queries.connect(db_path) as con:
        return list(queries.regions_with_figures(con)["region_id"])


def render_all(region_ids: list[str], db_path: Path | None = None, reports_dir: Path | None = None,
               workers: int = render.WORKERS) -> list[Path]:
    """The region reports and the overview, `workers` at a time; returns the HTML files written."""
    db_path = Path(db_path or config.db_path())
    titles = render.region_titles(db_path, region_ids)
    jobs = [render.region_job(r, db_path, title=titles.get(r)) for r in region_ids]
    return render.render_jobs([render.overview_job(db_path), *jobs], reports_dir, workers)


def render_index(db_path: Path | None = None, reports_dir: Path | None = None) -> Path:
    """REPORTS/index.html: one row per region with figures, linking the reports that exist."""
    from pipeline.report import html as h
    from pipeline.report import queries

    reports_dir = Path(reports_dir or config.reports_dir())
    reports_dir.mkdir(parents=True, exist_ok=True)
    with queries.connect(db_path) as con:
        summary = queries.summary(con)
        n_docs = con.execute("select count(*) from documents where status = 'ok'").fetchone()[0]
    rows = []
    for r in summary.itertuples():
        report = reports_dir / f"{r.region_id}.html"
        if report.is_file():
            link = f'<a href="{h.esc(report.name)}">{h.esc(r.name)}</a>'
        elif (reports_dir / f"{r.region_id}.error.txt").is_file():
            link = f'{h.esc(r.name)} <span class="muted">(failed: {h.esc(r.region_id)}.error.txt)</span>'
        else:
            link = f'{h.esc(r.name)} <span class="muted">(not rendered)</span>'
        path = " › ".join(str(p) for p in r.path)
        rows.append(f"<tr><td>{link}</td><td><code>{h.esc(r.region_id)}</code></td><td>{h.esc(path)}</td>"
                    f"<td>{h.esc(r.level)}</td><td>{h.esc(r.n_documents)}</td><td>{h.esc(r.n_figures)}</td>"
                    f"<td>{h.esc(r.cases_investigated)}</td><td>{h.esc(r.people_disciplined)}</td>"
                    f"<td>{h.esc(r.reports_received)}</td></tr>")
    overview = ('<p><a href="overview.html">总览 · Corpus overview</a> (regions × core metrics, coverage, sources)</p>'
                if (reports_dir / "overview.html").is_file() else "")
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'">
<title>地区报告 · Region reports</title>{h.STYLE}
<style>body {{max-width: 1200px; margin: 0 auto; padding: 1em 2em}}</style></head>
<body><div class="jr">
<h1>地区报告 · Region reports</h1>
<p class="sub">{len(summary)} regions with figures from {n_docs} documents · rendered {datetime.now():%Y-%m-%d %H:%M}</p>
{overview}
<table><thead><tr><th>地区 region</th><th>slug</th><th>path</th><th>level</th><th>documents</th><th>figures</th>
<th>查处问题/案件数</th><th>党纪政务处分人数</th><th>信访举报受理数</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<p class="muted">Headline figures as written in the most recent document (40多 = more than 40).</p>
</div></body></html>
"""
    out = reports_dir / "index.html"
    out.write_text(page, encoding="utf-8")
    return out
