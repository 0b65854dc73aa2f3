"""`nightly`: the incremental rebuild a scheduler runs.

In: RAW, the store, the expectation suites. Out: the store brought up to date (ingest), validated
(when documents or suites changed), the reports of the regions whose figures changed re-rendered
with the index, a `runs` row, and a log file PROCESSED/logs/nightly-<time>.log. Holds the store's
lock for the whole run: a second nightly started meanwhile exits at once (status 75).

Exit status (one line on stderr says why when it is not 0):
  0 all good · 1 a critical expectation failed · 2 configuration problem (no RAW, bad suite)
  3 files failed to read in this run · 4 a report failed to render · 70 unexpected error
  75 another run holds the lock; nothing was done
"""
from __future__ import annotations

import sys
import time
import traceback
import uuid
from datetime import datetime
from pathlib import Path

from pipeline import config

EXIT_OK, EXIT_CRITICAL, EXIT_CONFIG, EXIT_FAILED_DOCS, EXIT_RENDER, EXIT_BUG, EXIT_BUSY = 0, 1, 2, 3, 4, 70, 75


def add_arguments(parser) -> None:
    parser.add_argument("--wait", type=float, default=0.0,
                        help="seconds to wait if another run holds the store (default 0: exit with status 75)")
    parser.add_argument("--skip-reports", action="store_true", help="ingest and validate only")
    parser.add_argument("--workers", type=int, default=None, help="extraction worker processes")


def run(args) -> int:
    result = run_nightly(wait=args.wait, render=not args.skip_reports, workers=args.workers)
    return result["exit_code"]


class _Log:
    """Lines to stdout and to the run's log file."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.fh = open(path, "a", encoding="utf-8")

    def __call__(self, msg: str) -> None:
        line = f"{datetime.now():%Y-%m-%d %H:%M:%S} {msg}"
        print(line, flush=True)
        self.fh.write(line + "\n")
        self.fh.flush()

    def close(self) -> None:
        self.fh.close()


def _fingerprints(db_path: Path) -> dict[str, str]:
    from pipeline.store import load, read_connection

    if not db_path.exists():
        return {}
    with read_connection(db_path) as con:
        return load.region_fingerprints(con)


def _last_suites_hash(db_path: Path) -> str | None:
    from pipeline.store import read_connection

    with read_connection(db_path) as con:
        row = con.execute("""SELECT suites_sha256 FROM runs WHERE kind IN ('validate', 'nightly')
                             AND suites_sha256 IS NOT NULL ORDER BY ended_at DESC LIMIT 1""").fetchone()
    return row[0] if row else None


def run_nightly(raw_dir=None, db_path=None, reports_dir=None, wait: float = 0.0, render: bool = True,
                workers: int | None = None) -> dict:
    """One nightly run; returns a dict with exit_code, reason, timings and what was rendered."""
    from pipeline import ingest, validate
    from pipeline.store import StoreBusy, load, lock, write_session

    t0 = time.perf_counter()
    started = datetime.now()
    run_id = uuid.uuid4().hex[:12]
    raw_dir = Path(raw_dir) if raw_dir else config.raw_dir()
    db_path = Path(db_path) if db_path else config.db_path()
    reports_dir = Path(reports_dir) if reports_dir else config.reports_dir()
    log = _Log(db_path.parent / "logs" / f"nightly-{started:%Y%m%d-%H%M%S}-{run_id}.log")
    out = {"run_id": run_id, "exit_code": EXIT_OK, "reason": None, "log": str(log.path), "rendered": [],
           "regions_rendered": [], "ingest": None, "validation": None}
    row = {"run_id": run_id, "kind": "nightly", "started_at": started, "status": "ok", "reports_rendered": 0,
           "log_path": str(log.path)}

    def fail(code: int, reason: str) -> None:
        if out["exit_code"] == EXIT_OK:  # the first problem is the one reported
            out["exit_code"], out["reason"] = code, reason

    log(f"nightly {run_id}: RAW={raw_dir} store={db_path} REPORTS={reports_dir}")
    try:
        with lock(db_path, wait=wait, what=f"nightly {run_id}"):
            try:
                before = _fingerprints(db_path)
                s = ingest.run_ingest(raw_dir, db_path, workers=workers, progress=False, record_run=False)
                out["ingest"] = s
                log(ingest.format_summary(s))
                row.update({k: s[k] for k in ("docs_new", "docs_changed", "docs_unchanged", "docs_removed",
                                              "figures", "rejected")},
                           docs_duplicate=s["docs_duplicate"], docs_failed=s["failed_now"])
                if s["failed_now"]:
                    fail(EXIT_FAILED_DOCS, f"{s['failed_now']} file(s) could not be read; see the documents table (status 'failed')")
                suites_hash = validate.suites_sha256()
                if s["extracted"] or s["docs_removed"] or _last_suites_hash(db_path) != suites_hash:
                    v = validate.run_validation(db_path, reports_dir, record_run=False)
                    out["validation"] = v
                    log(validate.format_summary(v))
                    row.update(rejected=v["rejected_total"], figures=v["figures"])
                    if not v["ok"]:
                        fail(EXIT_CRITICAL, "critical expectations failed: " + "; ".join(v["critical_failures"]))
                else:
                    log("validate: skipped (no document and no expectation suite changed)")
                row["suites_sha256"] = suites_hash
                after = _fingerprints(db_path)
                changed = sorted(r for r in set(before) | set(after) if before.get(r) != after.get(r))
                out["regions_changed"] = changed
                if render:
                    _render(db_path, reports_dir, changed, log, out, fail)
                row["reports_rendered"] = len(out["rendered"])
            except (FileNotFoundError, validate.SuiteError) as e:
                fail(EXIT_CONFIG, str(e))
            except Exception as e:
                log(traceback.format_exc())
                fail(EXIT_BUG, f"unexpected error: {type(e).__name__}: {e}")
            row.update(ended_at=datetime.now(), seconds=time.perf_counter() - t0, message=out["reason"],
                       status="ok" if out["exit_code"] == EXIT_OK else "failed")
            try:
                with write_session(db_path, what=f"nightly {run_id}") as con:
                    load.record_run(con, row)
            except Exception as e:
                log(f"could not record the run: {type(e).__name__}: {e}")
    except StoreBusy as e:
        fail(EXIT_BUSY, f"not started: {e}")
    out["seconds"] = time.perf_counter() - t0
    if out["exit_code"] == EXIT_OK:
        log(f"nightly {run_id}: ok in {out['seconds']:.2f}s; {len(out['rendered'])} report files rendered")
    else:
        log(f"nightly {run_id}: exit {out['exit_code']} in {out['seconds']:.2f}s: {out['reason']}")
        print(f"nightly: {out['reason']} (exit {out['exit_code']}, log {log.path})", file=sys.stderr)
    log.close()
    return out


def _render(db_path: Path, reports_dir: Path, changed: list[str], log, out: dict, fail) -> None:
    """Re-render the reports of the changed regions that have figures, and the index."""
    from pipeline.report.render import render_regions
    from pipeline.report.render_all import regions_to_render, render_index

    with_figures = set(regions_to_render(db_path))
    todo = [r for r in changed if r in with_figures]
    for gone in sorted(set(changed) - with_figures):
        # a region left without figures keeps no stale report
        for suffix in (".html", ".ipynb"):
            stale = reports_dir / f"{gone}{suffix}"
            if stale.exists():
                stale.unlink()
                log(f"report {gone}: removed (the region has no figures any more)")
    index_missing = not (reports_dir / "index.html").exists()
    if not todo and not changed and not index_missing:
        log("reports: nothing to re-render")
        return
    t = time.perf_counter()
    paths = render_regions(todo, db_path, reports_dir) if todo else []
    out["rendered"].extend(str(p) for p in paths)
    out["regions_rendered"] = todo
    failed = sorted(set(todo) - {Path(p).stem for p in paths})
    index = render_index(db_path, reports_dir)
    out["rendered"].append(str(index))
    log(f"reports: {len(paths)}/{len(todo)} region reports + index in {time.perf_counter() - t:.1f}s"
        + (f" ({', '.join(todo[:12])}{' ...' if len(todo) > 12 else ''})" if todo else ""))
    if failed:
        fail(EXIT_RENDER, f"report(s) failed to render: {', '.join(failed)} (see REPORTS/<slug>.error.txt)")
