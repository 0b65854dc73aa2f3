"""The DuckDB schema of the store: DDL for every table and view, applied idempotently.

In: an open DuckDB connection. Out: the tables exist (created or extended with new columns).
Reports read `documents`, `figures`, `facts`, `regions`, `metrics`; `mentions` is the store's
own cache of every extracted figure (duplicates included) so unchanged files are never
re-extracted and a duplicate can take over when its original disappears.
"""
from __future__ import annotations

FIGURE_COLUMNS = """
    figure_id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    start INTEGER,
    "end" INTEGER,
    value DOUBLE,
    unit VARCHAR,
    qualifier VARCHAR,
    metric VARCHAR,
    region_id VARCHAR,
    region_path VARCHAR[],
    sentence VARCHAR,
    sentence_start INTEGER,
    sentence_end INTEGER,
    period VARCHAR
"""
# the figure columns in table order, for INSERT ... SELECT between figure-shaped tables
FIGURE_FIELDS = ["figure_id", "doc_id", "start", "end", "value", "unit", "qualifier", "metric",
                 "region_id", "region_path", "sentence", "sentence_start", "sentence_end", "period"]

TABLES = {
    "documents": """
        doc_id VARCHAR PRIMARY KEY,
        path VARCHAR,
        sha256 VARCHAR,
        size_bytes BIGINT,
        encoding VARCHAR,
        format VARCHAR,
        title VARCHAR,
        published DATE,
        url VARCHAR,
        source VARCHAR,
        chars INTEGER,
        status VARCHAR,
        reason VARCHAR,
        duplicate_of VARCHAR,
        extractor_version VARCHAR,
        ingested_at TIMESTAMP,
        text_sha256 VARCHAR,
        meta_sha256 VARCHAR,
        figures INTEGER
    """,
    "mentions": FIGURE_COLUMNS,
    "figures": FIGURE_COLUMNS,
    "rejected": FIGURE_COLUMNS.replace("PRIMARY KEY", "") + """,
        expectation VARCHAR,
        details VARCHAR,
        rejected_at TIMESTAMP
    """,
    "regions": """
        region_id VARCHAR PRIMARY KEY,
        name VARCHAR,
        short_name VARCHAR,
        level VARCHAR,
        parent_id VARCHAR,
        path VARCHAR[],
        adcode VARCHAR,
        pinyin VARCHAR,
        figures INTEGER
    """,
    "metrics": """
        metric_id VARCHAR PRIMARY KEY,
        zh VARCHAR,
        en VARCHAR,
        description VARCHAR
    """,
    "runs": """
        run_id VARCHAR PRIMARY KEY,
        kind VARCHAR,
        started_at TIMESTAMP,
        ended_at TIMESTAMP,
        status VARCHAR,
        docs_new INTEGER,
        docs_changed INTEGER,
        docs_unchanged INTEGER,
        docs_duplicate INTEGER,
        docs_failed INTEGER,
        docs_removed INTEGER,
        figures INTEGER,
        rejected INTEGER,
        reports_rendered INTEGER,
        message VARCHAR,
        seconds DOUBLE,
        suites_sha256 VARCHAR,
        log_path VARCHAR
    """,
}

# A figure stated several times in one document counts once; duplicate documents carry no
# figures of their own (their status is 'duplicate'), so n_documents says how many copies exist.
FACTS_VIEW = """
CREATE OR REPLACE VIEW facts AS
SELECT
    min_by(f.figure_id, f.start) AS fact_id,
    f.doc_id,
    f.metric, f.region_id, f.value, f.unit, f.qualifier,
    min_by(f.region_path, f.start) AS region_path,
    min_by(f.period, f.start) AS period,
    count(*) AS n_mentions,
    1 + coalesce(any_value(dup.n), 0) AS n_documents,
    min(f.start) AS start,
    min_by(f."end", f.start) AS "end",
    min_by(f.sentence, f.start) AS sentence,
    any_value(d.published) AS published
FROM figures f
JOIN documents d USING (doc_id)
LEFT JOIN (SELECT duplicate_of AS doc_id, count(*) AS n FROM documents
           WHERE status = 'duplicate' GROUP BY 1) dup USING (doc_id)
GROUP BY f.doc_id, f.metric, f.region_id, f.value, f.unit, f.qualifier
"""

EXPORTED = ["documents", "figures", "facts", "regions", "metrics", "rejected", "runs"]


def _columns(ddl: str) -> list[tuple[str, str]]:
    cols = []
    for line in ddl.strip().split(",\n"):
        parts = line.strip().split(None, 1)
        if parts:
            cols.append((parts[0], parts[1].replace("PRIMARY KEY", "").replace("NOT NULL", "").strip()))
    return cols


def arrow_schema(table: str, fields: list[str] | None = None):
    """The pyarrow schema of a table (or of `fields` of it), from its DDL: worker processes build
    their rows as Arrow with it, without a DuckDB connection."""
    import pyarrow as pa

    types = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
             "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"), "VARCHAR[]": pa.list_(pa.string())}
    cols = {name.strip('"'): types[typ] for name, typ in _columns(TABLES[table])}
    return pa.schema([(f, cols[f]) for f in (fields or cols)])


def ensure_schema(con) -> None:
    """Create missing tables, add columns introduced since the file was made, (re)create views."""
    for table, ddl in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({ddl})")
        have = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
        for name, typ in _columns(ddl):
            if name.strip('"') not in have:
                con.execute(f"ALTER TABLE {table} ADD COLUMN {name} {typ}")
    con.execute(FACTS_VIEW)
