"""The DuckDB store: schema, safe writes, loading, derived tables and Parquet exports.

Knows DuckDB and nothing of Chinese text. Writers go through `write_session` (a lock plus an
atomically replaced copy of the file); readers use `read_connection`. The schema is in
`schema.py` and described table by table in the README ("Store schema").
"""
from __future__ import annotations

from pipeline.store.session import StoreBusy, lock, read_connection, write_session

__all__ = ["StoreBusy", "lock", "read_connection", "write_session"]
