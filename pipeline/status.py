"""`status`: the last pipeline runs from the `runs` table (read-only).

In: the store. Out: one line per run, newest first: when, kind, status, seconds, documents
new/changed/removed/failed, figures, rejected, reports rendered, and the message if any.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline import config


def add_arguments(parser) -> None:
    parser.add_argument("-n", "--last", type=int, default=10, help="how many runs (default 10)")
    parser.add_argument("--db", type=Path, default=None, help="DuckDB file (default: PROCESSED/figures.duckdb)")


def last_runs(db_path: Path | None = None, n: int = 10) -> list[dict]:
    from pipeline.store import read_connection

    with read_connection(Path(db_path) if db_path else config.db_path()) as con:
        cur = con.execute("""SELECT run_id, kind, started_at, status, seconds, docs_new, docs_changed, docs_removed,
                                    docs_failed, figures, rejected, reports_rendered, message, log_path
                             FROM runs ORDER BY started_at DESC LIMIT ?""", [n])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def run(args) -> int:
    try:
        runs = last_runs(args.db, args.last)
    except FileNotFoundError as e:
        print(f"status: {e}", file=sys.stderr)
        return 2
    if not runs:
        print("no runs recorded yet")
        return 0
    print(f"{'started':19}  {'kind':8} {'status':6} {'secs':>6}  {'new':>4} {'chg':>4} {'rm':>3} {'fail':>4}"
          f"  {'figures':>7} {'rejected':>8} {'reports':>7}  message")
    for r in runs:
        def n(k, r=r):
            return "-" if r[k] is None else str(r[k])
        secs = f"{r['seconds']:.1f}" if r["seconds"] is not None else "-"
        print(f"{r['started_at']:%Y-%m-%d %H:%M:%S}  {r['kind'] or '-':8} {r['status'] or '-':6} {secs:>6}  "
              f"{n('docs_new'):>4} {n('docs_changed'):>4} {n('docs_removed'):>3} {n('docs_failed'):>4}  "
              f"{n('figures'):>7} {n('rejected'):>8} {n('reports_rendered'):>7}  {r['message'] or ''}")
    return 0
