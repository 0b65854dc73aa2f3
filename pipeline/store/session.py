"""Safe access to the DuckDB file: one writer at a time, and a crash never leaves half a database.

`lock(db_path)` takes an exclusive `fcntl.flock` on `<db>.lock` (re-entrant within a process);
a second process waits up to `wait` seconds, then raises `StoreBusy` with who holds it.
`write_session(db_path)` copies the current database to a temporary file in the same folder,
yields a connection to the copy, and on success atomically `os.replace`s the original with it;
if the process dies on the way, the original file is untouched. `read_connection` opens read-only.

`write_session` opens DuckDB with `SETTINGS`: a bounded buffer pool (larger work spills to a
temporary folder) so the memory of a run does not grow with the size of the store;
`limited(con)` applies the same bounds to another connection for one piece of work.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

# DuckDB's defaults take 80% of RAM and every core; the store is written by one process on a
# small machine, next to extraction workers, so its memory is capped and its threads few.
SETTINGS = {
    "memory_limit": "256MB",
    "threads": min(2, os.cpu_count() or 1),
}

_held: dict[str, int] = {}  # lock path -> depth, so nested stages of one run do not deadlock


class StoreBusy(RuntimeError):
    """Another process holds the store's lock."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@contextmanager
def lock(db_path: Path, wait: float = 600.0, what: str = "run"):
    path = lock_path(Path(db_path))
    key = str(path)
    if _held.get(key):
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(0.0, wait)
        announced = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _holder(fd)
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"another pipeline run holds {path} ({holder}); try again when it ends") from None
                if not announced:
                    print(f"waiting for another pipeline run to finish ({holder}) ...", flush=True)
                    announced = True
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} {what} since {datetime.now().isoformat(timespec='seconds')}\n".encode(), 0)
        _held[key] = 1
        try:
            yield
        finally:
            _held.pop(key, None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    try:
        return os.pread(fd, 200, 0).decode(errors="replace").strip() or "unknown process"
    except OSError:
        return "unknown process"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def write_session(db_path: Path, wait: float = 600.0, what: str = "run"):
    """Yield a connection to a private copy of the store; publish it atomically on success."""
    import duckdb

    from pipeline.store.schema import ensure_schema

    db_path = Path(db_path)
    with lock(db_path, wait=wait, what=what):
        db_path.parent.mkdir(parents=True, exist_ok=True)
        # Leftovers of a killed run: we hold the lock, so nobody else is writing them.
        for stale in db_path.parent.glob(f".{db_path.name}.*.tmp*"):
            _remove(stale)
        tmp = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
        spill = Path(f"{tmp}.spill")  # DuckDB's overflow when a statement outgrows memory_limit
        if db_path.exists():
            shutil.copyfile(db_path, tmp)
        con = duckdb.connect(str(tmp), config={**SETTINGS, "temp_directory": str(spill)})
        try:
            ensure_schema(con)
            yield con
            con.execute("CHECKPOINT")
            con.close()
        except BaseException:
            con.close()
            for leftover in (tmp, Path(f"{tmp}.wal"), spill):
                _remove(leftover)
            raise
        _remove(spill)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, db_path)
        _fsync_dir(db_path.parent)


def read_connection(db_path: Path):
    """A read-only connection; raises FileNotFoundError with a hint when there is no store yet."""
    import duckdb

    db_path = Path(db_path)
    if not db_path.exists():
        raise FileNotFoundError(f"no store at {db_path}: run `make ingest` first")
    # default configuration: DuckDB refuses a second connection to a file opened with another one
    return duckdb.connect(str(db_path), read_only=True)


@contextmanager
def limited(con):
    """`SETTINGS` on `con` for the duration of the block, its own settings back afterwards."""
    before = {k: con.execute("SELECT current_setting(?)", [k]).fetchone()[0] for k in SETTINGS}
    try:
        for k, v in SETTINGS.items():
            con.execute(f"SET {k} = '{v}'")
        yield con
    finally:
        for k, v in before.items():
            con.execute(f"SET {k} = '{v}'")


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
