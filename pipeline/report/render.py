"""The `report` stage: `python -m pipeline report REGION` (静海, 靜海區, 静海县 or jinghai).

In: a region as typed, the files under RAW. Steps: resolve the region, ingest RAW into the store,
validate, execute `notebooks/region_report.ipynb` with papermill and convert it with nbconvert.
Out: `REPORTS/<slug>.ipynb` (executed notebook) and `REPORTS/<slug>.html` (self-contained: no
code cells, charts embedded). `render_regions()` does the last step for many regions at once,
one papermill process per region, without ingesting (the nightly run calls it).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pipeline import config

KERNEL = "python3"
START_TIMEOUT = 60  # seconds for a kernel to come up (a cold machine imports pandas slowly)
CELL_TIMEOUT = 300  # seconds for one cell
RUN_TIMEOUT = 600  # seconds for a whole papermill process before it is killed
WORKERS = 2


@dataclass(frozen=True)
class Job:
    """One notebook execution: `notebook` with `parameters` -> REPORTS/<slug>.ipynb and .html."""
    slug: str
    notebook: Path
    parameters: dict
    title: str


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("region", help="region as typed: jinghai, 静海, 靜海區, 静海县 ...")
    p.add_argument("--peers", default="", help="comma-separated regions to compare with (default: siblings)")
    p.add_argument("--period", default="", help="only figures of this period (default: all)")
    p.add_argument("--skip-ingest", action="store_true", help="render from the existing store, without ingest and validation")


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    from pipeline.regions import resolve_query

    try:  # before the ingest: a mistyped region is told at once (AmbiguousRegion lists the slugs to type)
        slug = resolve_query(args.region, known=_known_regions()).id
    except LookupError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not args.skip_ingest:
        status = ingest_and_validate()
        if status:
            return status
    from pipeline.report import queries

    try:
        con = queries.connect()
    except FileNotFoundError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    with con:
        with_figures = list(queries.regions_with_figures(con)["region_id"])
        if slug not in with_figures:
            print(f"error: {args.region!r} ({slug}) has no figures in the store; regions with figures: "
                  f"{', '.join(with_figures[:30]) or '(none)'}", file=sys.stderr)
            return 2
        peers = [p.strip() for p in args.peers.split(",") if p.strip()]
        try:
            for p in peers:
                queries.find_region(con, p)
        except LookupError as e:
            print(f"error: peer {e}", file=sys.stderr)
            return 2
    paths = render_regions([slug], peers=peers, period=args.period)
    if not paths:
        return 1
    print(f"report: {paths[0]} ({time.perf_counter() - started:.1f} s)")
    return 0


def _known_regions() -> list[str] | None:
    """Ids of the regions with figures in the current store (suggested first), if there is one."""
    if not config.db_path().is_file():
        return None
    from pipeline.report.render_all import regions_to_render

    try:
        return regions_to_render()
    except Exception:  # a store being replaced or of an older schema: suggestions are optional
        return None


def ingest_and_validate() -> int:
    """Bring the store up to date (ingest) and validate it, in this process; 0 or an exit status."""
    from pipeline import ingest, validate
    from pipeline.store import StoreBusy

    try:
        print(ingest.format_summary(ingest.run_ingest()))
        summary = validate.run_validation()
    except StoreBusy as e:
        print(f"report: {e}", file=sys.stderr)
        return 75
    except (FileNotFoundError, validate.SuiteError) as e:
        print(f"report: {e}", file=sys.stderr)
        return 2
    print(validate.format_summary(summary))
    if not summary["ok"]:
        # the report still renders: its data-quality section shows what failed
        print("validation: critical expectations failed: " + "; ".join(summary["critical_failures"]),
              file=sys.stderr)
    return 0


# ---------------------------------------------------------------- rendering

def region_job(slug: str, db_path: Path, peers: list[str] | None = None, period: str = "",
               title: str | None = None) -> Job:
    return Job(slug, config.notebooks_dir() / "region_report.ipynb",
               {"region": slug, "db_path": str(db_path), "peers": list(peers or []), "period": period or ""},
               title=title or slug)


def region_titles(db_path: Path, region_ids: list[str]) -> dict[str, str]:
    """Page titles: 静海区 jinghai · 地区报告."""
    from pipeline.report import queries

    if not Path(db_path).is_file():
        return {}
    with queries.connect(db_path) as con:
        names = queries.regions_with_figures(con).set_index("region_id")["name"].to_dict()
    return {r: f"{names[r]} {r} · 地区报告" for r in region_ids if r in names}


def overview_job(db_path: Path) -> Job:
    return Job("overview", config.notebooks_dir() / "overview.ipynb", {"db_path": str(db_path)},
               title="总览 overview")


def render_regions(region_ids: list[str], db_path: Path | None = None, reports_dir: Path | None = None,
                   peers: list[str] | None = None, period: str = "", workers: int = WORKERS) -> list[Path]:
    """Render REPORTS/<slug>.html for each region (no ingest); returns the HTML files written."""
    db_path = Path(db_path or config.db_path())
    titles = region_titles(db_path, region_ids)
    jobs = [region_job(r, db_path, peers, period, titles.get(r)) for r in region_ids]
    return render_jobs(jobs, reports_dir, workers)


def render_jobs(jobs: list[Job], reports_dir: Path | None = None, workers: int = WORKERS) -> list[Path]:
    """Run the jobs, `workers` papermill processes at a time; a failed job is retried once.

    A job that fails twice leaves REPORTS/<slug>.error.txt (and no HTML); the others go on.
    """
    reports_dir = Path(reports_dir or config.reports_dir())
    reports_dir.mkdir(parents=True, exist_ok=True)
    if not jobs:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(jobs)))) as pool:
        results = list(pool.map(lambda job: _render_one(job, reports_dir), jobs))
    return [p for p in results if p is not None]


def _render_one(job: Job, reports_dir: Path) -> Path | None:
    out_nb = reports_dir / f"{job.slug}.ipynb"
    out_html = reports_dir / f"{job.slug}.html"
    error_file = reports_dir / f"{job.slug}.error.txt"
    for attempt in (1, 2):
        error = _execute(job, out_nb)
        if error is None:
            break
        print(f"report {job.slug}: attempt {attempt} failed: {error.strip().splitlines()[-1] if error.strip() else 'unknown error'}",
              file=sys.stderr)
        if "PapermillExecutionError" in error:  # an error in a cell: running it again gives the same error
            break
    if error is not None:
        out_html.unlink(missing_ok=True)
        error_file.write_text(error, encoding="utf-8")
        print(f"report {job.slug}: FAILED, see {error_file} and {out_nb}", file=sys.stderr)
        return None
    error_file.unlink(missing_ok=True)
    to_html(out_nb, out_html, job.title)
    return out_html


def _execute(job: Job, out_nb: Path) -> str | None:
    """Execute the notebook in its own papermill process; None on success, else the error output."""
    cmd = [sys.executable, "-m", "papermill", str(job.notebook), str(out_nb),
           "-y", json.dumps(job.parameters, ensure_ascii=False),
           "--kernel", KERNEL, "--start-timeout", str(START_TIMEOUT),
           "--execution-timeout", str(CELL_TIMEOUT), "--no-progress-bar"]
    env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1", "MPLBACKEND": "Agg"}
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=RUN_TIMEOUT, env=env)
    except subprocess.TimeoutExpired:
        return f"papermill did not finish within {RUN_TIMEOUT} s"
    if proc.returncode != 0:
        return proc.stderr[-4000:] or f"papermill exited with status {proc.returncode}"
    return None


# The lab template without its CDN scripts (require.js, MathJax, mermaid) and its notebook CSS
# (the fragments carry their own style): the report needs no JavaScript, and a Content-Security-Policy forbidding scripts guards against any that slips in.
TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'">
{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block notebook_css -%}
<style>body {max-width: 1200px; margin: 0 auto; padding: 1em 2em; font-family: "Noto Sans CJK SC", "Noto Sans SC",
"PingFang SC", "Microsoft YaHei", sans-serif} .jp-OutputArea-output {overflow-x: auto}</style>
{%- endblock notebook_css -%}
"""


def to_html(notebook: Path, out_html: Path, title: str) -> Path:
    """Executed notebook -> one self-contained HTML file without code cells or prompts."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4)
    exporter = HTMLExporter(extra_loaders=[DictLoader({"report.html.j2": TEMPLATE})],
                            template_file="report.html.j2", exclude_input=True,
                            exclude_input_prompt=True, exclude_output_prompt=True, language_code="zh")
    # the template escapes the title
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    out_html.write_text(body, encoding="utf-8")
    return out_html
