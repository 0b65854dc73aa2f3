"""Loading plain per-document results into the store and deriving the reporting tables.

In: an open connection (from `write_session`) and the `documents` and `mentions` rows that ingest
workers send as Arrow tables (`documents_table`, `figures_table`). Out: `documents` and `mentions` updated; then `resolve_duplicates`,
`rebuild_reporting` derive `figures` (valid figures of 'ok' documents), `regions`, `metrics`.
Only this module writes those tables, from the single writer process.
"""
from __future__ import annotations

from datetime import datetime

from pipeline.store.schema import FIGURE_FIELDS, arrow_schema

DOC_FIELDS = ["doc_id", "path", "sha256", "size_bytes", "encoding", "format", "title", "published", "url",
              "source", "chars", "status", "reason", "duplicate_of", "extractor_version", "ingested_at",
              "text_sha256", "meta_sha256", "figures"]


def known_documents(con) -> dict[str, dict]:
    """doc_id -> what decides whether a file must be read again.

    `retry` marks documents whose extraction crashed: a code fault, not a property of the
    file, so they are read again on the next run even when nothing else changed.
    """
    rows = con.execute("""SELECT doc_id, path, sha256, meta_sha256, extractor_version, status,
                                 status = 'failed' AND coalesce(reason, '') LIKE 'extraction error%'
                          FROM documents""").fetchall()
    return {r[0]: {"path": r[1], "sha256": r[2], "meta_sha256": r[3], "extractor_version": r[4], "status": r[5],
                   "retry": bool(r[6])} for r in rows}


def rows_table(table: str, fields: list[str], rows: list[dict]):
    """Rows (dicts) of a store table as an Arrow table, typed from the table's DDL (worker
    processes build theirs without a DuckDB connection)."""
    import pyarrow as pa

    return pa.table({f: [r.get(f) for r in rows] for f in fields}, schema=arrow_schema(table, fields))


def documents_table(docs: list[dict]):
    return rows_table("documents", DOC_FIELDS, docs)


def figures_table(figures: list[dict]):
    return rows_table("mentions", FIGURE_FIELDS, figures)


def write_documents(con, documents, figures, known: set[str] | dict | None = None) -> None:
    """Upsert `documents` rows and replace their mentions, both given as Arrow tables
    (`documents_table`, `figures_table`), as the worker processes send them. A document's
    figures must have distinct figure_ids (`ingest.process_file` keeps the first of a span).

    `known`: the doc_ids the store already holds, if the caller has them; only those need their
    old rows deleted (each delete scans `mentions`, which on a first run would make loading
    quadratic in the corpus).
    """
    if not documents.num_rows:
        return
    ids = [d for d in documents.column("doc_id").to_pylist() if known is None or d in known]
    if ids:
        con.execute("DELETE FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids])
        con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT unnest(?))", [ids])
    con.register("_docs", documents)
    con.execute(f"INSERT INTO documents ({', '.join(DOC_FIELDS)}) SELECT {', '.join(DOC_FIELDS)} FROM _docs")
    con.unregister("_docs")
    if figures.num_rows:
        con.register("_figs", figures)
        cols = ", ".join(f'"{c}"' for c in FIGURE_FIELDS)
        con.execute(f"INSERT INTO mentions ({cols}) SELECT {cols} FROM _figs")
        con.unregister("_figs")


def mark_removed(con, doc_ids: list[str]) -> None:
    if not doc_ids:
        return
    con.execute("""UPDATE documents SET status = 'removed', reason = 'file no longer under RAW',
                   duplicate_of = NULL, figures = 0, ingested_at = ? WHERE doc_id IN (SELECT unnest(?))""",
                [datetime.now(), doc_ids])
    con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT unnest(?))", [doc_ids])


def resolve_duplicates(con) -> None:
    """Documents with the same normalised text: the first doc_id is 'ok', the others 'duplicate'."""
    con.execute("""
        UPDATE documents AS d SET
            status = CASE WHEN g.first = d.doc_id THEN 'ok' ELSE 'duplicate' END,
            duplicate_of = CASE WHEN g.first = d.doc_id THEN NULL ELSE g.first END,
            reason = CASE WHEN g.first = d.doc_id THEN
                              CASE WHEN d.status = 'duplicate' THEN NULL ELSE d.reason END
                          ELSE 'same text as ' || g.first END
        FROM (SELECT text_sha256, min(doc_id) AS first FROM documents
              WHERE status IN ('ok', 'duplicate') AND text_sha256 IS NOT NULL GROUP BY 1) g
        WHERE d.text_sha256 = g.text_sha256 AND d.status IN ('ok', 'duplicate')
    """)


def rebuild_reporting(con, touched: list[str], region_rows: list[dict] | None, metric_rows: list[dict]) -> None:
    """Derive `figures`, `regions`, `metrics` and per-document figure counts.

    `touched` are documents re-read or removed in this run: their earlier rejections no longer
    apply (validation judges their new figures again). Rejections of untouched documents stand.
    """
    con.execute("""DELETE FROM rejected WHERE doc_id IN (SELECT unnest(?))
                   OR doc_id NOT IN (SELECT doc_id FROM documents WHERE status = 'ok')""", [touched])
    cols = ", ".join(f'm."{c}"' for c in FIGURE_FIELDS)
    con.execute("DELETE FROM figures")
    con.execute(f"""
        INSERT INTO figures SELECT {cols} FROM mentions m JOIN documents d USING (doc_id)
        WHERE d.status = 'ok' AND m.figure_id NOT IN (SELECT figure_id FROM rejected)""")
    con.execute("""UPDATE documents d SET figures = coalesce(c.n, 0)
                   FROM (SELECT doc_id, count(*) n FROM mentions GROUP BY 1) c
                   WHERE d.doc_id = c.doc_id AND d.figures IS DISTINCT FROM c.n""")
    load_metrics(con, metric_rows)
    load_regions(con, region_rows)


def load_metrics(con, rows: list[dict]) -> None:
    con.execute("DELETE FROM metrics")
    values = [[r["metric_id"], r["zh"], r["en"], r["description"]] for r in rows]
    values.append(["other", "其他", "Other", "a figure outside the core metrics"])
    # one statement: DuckDB's executemany runs a statement per row
    con.execute("INSERT INTO metrics VALUES " + ", ".join(["(?, ?, ?, ?)"] * len(values)),
                [v for row in values for v in row])


def load_regions(con, rows: list[dict] | None) -> None:
    """Regions from the gazetteer (`rows`), plus any region a figure names that it lacks."""
    con.execute("DELETE FROM regions")
    if rows:
        tbl = rows_table("regions", ["region_id", "name", "short_name", "level", "parent_id", "path", "adcode", "pinyin"],
                         rows)
        con.register("_regions", tbl)
        con.execute("""INSERT INTO regions (region_id, name, short_name, level, parent_id, path, adcode, pinyin)
                       SELECT DISTINCT ON (region_id) * FROM _regions WHERE region_id IS NOT NULL""")
        con.unregister("_regions")
    # Fallback for ids the gazetteer does not list: derived from the figures that carry them.
    con.execute("""
        INSERT INTO regions (region_id, name, short_name, level, parent_id, path)
        SELECT region_id, coalesce(path[-1], region_id), coalesce(path[-1], region_id),
               CASE WHEN region_id = 'national' THEN 'national' ELSE 'unknown' END, NULL, path
        FROM (SELECT region_id, min_by(region_path, len(region_path)) AS path FROM mentions
              WHERE region_id IS NOT NULL GROUP BY 1)
        WHERE region_id NOT IN (SELECT region_id FROM regions)""")
    con.execute("UPDATE regions SET figures = (SELECT count(*) FROM figures f WHERE f.region_id = regions.region_id)")


def region_fingerprints(con) -> dict[str, str]:
    """region_id -> a digest of its figures; two snapshots differ exactly where a report's input changed."""
    rows = con.execute("""
        SELECT region_id, count(*)::VARCHAR || ':' ||
               sum(hash(figure_id, value, unit, qualifier, metric, period, sentence) % 1000000007)::VARCHAR
        FROM figures GROUP BY 1""").fetchall()
    return {r[0]: r[1] for r in rows}


def record_run(con, row: dict) -> None:
    fields = ["run_id", "kind", "started_at", "ended_at", "status", "docs_new", "docs_changed", "docs_unchanged",
              "docs_duplicate", "docs_failed", "docs_removed", "figures", "rejected", "reports_rendered",
              "message", "seconds", "suites_sha256", "log_path"]
    con.execute(f"INSERT OR REPLACE INTO runs ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
                [row.get(f) for f in fields])


def export_parquet(con, out_dir) -> list:
    """Write every reporting table to `out_dir/<table>.parquet`, each replaced atomically.

    DuckDB's COPY streams each table to the file in row groups, so memory does not grow with
    the table (a whole-table Arrow copy would).
    """
    import os
    from pathlib import Path

    from pipeline.store.schema import EXPORTED
    from pipeline.store.session import limited

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with limited(con):
        for table in EXPORTED:
            target = out_dir / f"{table}.parquet"
            tmp = out_dir / f".{table}.parquet.{os.getpid()}.tmp"
            quoted = str(tmp).replace("'", "''")
            con.execute(f"COPY (SELECT * FROM {table}) TO '{quoted}' (FORMAT parquet, COMPRESSION zstd)")
            os.replace(tmp, target)
            written.append(target)
    return written
