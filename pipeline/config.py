"""Every path the pipeline reads or writes, in one place.

Each can be overridden from the environment (RAW, PROCESSED, REPORTS, EXPECTATIONS), which is
also how the Makefile passes its variables: `RAW=/elsewhere make report REGION=jinghai`.
"""
from __future__ import annotations

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]


def _path(env: str, default: Path) -> Path:
    value = os.environ.get(env)
    return Path(value).expanduser().resolve() if value else default


def raw_dir() -> Path:
    return _path("RAW", PROJ_ROOT / "data" / "raw")


def processed_dir() -> Path:
    return _path("PROCESSED", PROJ_ROOT / "data" / "processed")


def reports_dir() -> Path:
    return _path("REPORTS", PROJ_ROOT / "reports")


def expectations_dir() -> Path:
    return _path("EXPECTATIONS", PROJ_ROOT / "expectations")


def notebooks_dir() -> Path:
    return PROJ_ROOT / "notebooks"


def db_path() -> Path:
    return processed_dir() / "figures.duckdb"


def logs_dir() -> Path:
    return processed_dir() / "logs"


def cache_dir() -> Path:
    """Per-user cache of derived data (jieba's dictionary, the gazetteer's readings): safe to delete."""
    import tempfile

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "jiwei-figures"
    try:
        path.mkdir(parents=True, exist_ok=True)
        return path
    except OSError:
        return Path(tempfile.gettempdir())


def write_cache_file(path: Path, data: bytes, older: str) -> None:
    """Write a file of the per-user cache atomically and delete its older versions (the other
    files matching the glob `older`). A cache that cannot be written only costs time later."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
            f.write(data)
        os.replace(tmp, path)
        for stale in path.parent.glob(older):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        tmp.unlink(missing_ok=True)
