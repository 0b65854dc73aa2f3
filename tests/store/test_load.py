"""Rows built in worker processes as Arrow load into a real DuckDB store unchanged."""
from __future__ import annotations

from datetime import date, datetime

import duckdb

from pipeline.store.load import DOC_FIELDS, documents_table, figures_table, write_documents
from pipeline.store.schema import FIGURE_FIELDS, ensure_schema

DOC = {"doc_id": "d1", "path": "/raw/d1.txt", "sha256": "ab" * 32, "size_bytes": 9876, "encoding": "gb18030",
       "format": "text", "title": "静海区纪委监委通报", "published": date(2019, 3, 1), "url": None, "source": None,
       "chars": 1234, "status": "ok", "reason": None, "duplicate_of": None, "extractor_version": "2",
       "ingested_at": datetime(2026, 1, 2, 3, 4, 5, 678000), "text_sha256": "cd" * 32, "meta_sha256": None,
       "figures": 1}
FIG = {"figure_id": "d1:10:12", "doc_id": "d1", "start": 10, "end": 12, "value": 71.0, "unit": "起",
       "qualifier": "exact", "metric": "cases_investigated", "region_id": "jinghai",
       "region_path": ["天津市", "静海区"], "sentence": "查处问题71起。", "sentence_start": 5, "sentence_end": 14,
       "period": "2019"}


def test_arrow_rows_round_trip_through_duckdb(tmp_path):
    docs, figs = documents_table([DOC]), figures_table([FIG])
    assert docs.column_names == DOC_FIELDS and figs.column_names == FIGURE_FIELDS
    with duckdb.connect(str(tmp_path / "s.duckdb")) as con:
        ensure_schema(con)
        write_documents(con, docs, figs)
        got_doc = dict(zip(DOC_FIELDS, con.execute(f"SELECT {', '.join(DOC_FIELDS)} FROM documents").fetchone()))
        cols = ", ".join(f'"{c}"' for c in FIGURE_FIELDS)
        got_fig = dict(zip(FIGURE_FIELDS, con.execute(f"SELECT {cols} FROM mentions").fetchone()))
    assert got_doc == DOC
    assert got_fig == FIG


def test_reloading_a_document_replaces_its_rows(tmp_path):
    with duckdb.connect(str(tmp_path / "s.duckdb")) as con:
        ensure_schema(con)
        write_documents(con, documents_table([DOC]), figures_table([FIG]))
        changed = {**FIG, "figure_id": "d1:20:22", "start": 20, "end": 22, "value": 68.0}
        write_documents(con, documents_table([{**DOC, "figures": 1}]), figures_table([changed]), known={"d1"})
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        assert con.execute("SELECT figure_id, value FROM mentions").fetchall() == [("d1:20:22", 68.0)]
