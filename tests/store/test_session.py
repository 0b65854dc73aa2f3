"""Crash safety and the lock: a killed ingest leaves the previous database readable, and a
second writer waits or stops with a clear message."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from pipeline.ingest import run_ingest
from pipeline.store import lock

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


def _env(raw: Path, processed: Path) -> dict:
    return {**os.environ, "RAW": str(raw), "PROCESSED": str(processed)}


def test_sigkill_mid_ingest_leaves_previous_database(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, raw / seed.name)
    db = processed / "figures.duckdb"
    before = run_ingest(raw, db, executor="serial", progress=False)
    # many new distinct documents so the second run is still extracting when it is killed
    for i in range(60):
        seed = SEEDS[i % len(SEEDS)]
        (raw / f"copy_{i:03d}.txt").write_text(f"副本{i}\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "ingest", "--no-progress", "--executor", "serial"],
                            cwd=ROOT, env=_env(raw, processed), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(processed.glob(".figures.duckdb.*.tmp")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.5)  # well inside the extraction of 60 documents
    assert proc.poll() is None, "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == before["docs_total"]
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] == before["figures"]
    after = run_ingest(raw, db, executor="serial", progress=False)  # the next run recovers and finishes
    assert after["docs_new"] == 60 and not list(processed.glob(".figures.duckdb.*.tmp"))


def test_second_writer_waits_or_stops_with_a_message(tmp_path):
    raw, processed = tmp_path / "raw", tmp_path / "processed"
    raw.mkdir()
    shutil.copy(SEEDS[0], raw / SEEDS[0].name)
    db = processed / "figures.duckdb"
    with lock(db, what="test holder"):
        out = subprocess.run([sys.executable, "-m", "pipeline", "ingest", "--no-progress", "--wait", "0"],
                             cwd=ROOT, env=_env(raw, processed), capture_output=True, text=True, timeout=60)
        assert out.returncode == 75
        assert "another pipeline run holds" in out.stderr and "test holder" in out.stderr
        assert not db.exists()
        waiting = subprocess.Popen([sys.executable, "-m", "pipeline", "ingest", "--no-progress", "--wait", "60"],
                                   cwd=ROOT, env=_env(raw, processed), stdout=subprocess.PIPE, text=True)
        time.sleep(1.5)
        assert waiting.poll() is None  # still waiting for the lock
    stdout, _ = waiting.communicate(timeout=60)
    assert waiting.returncode == 0 and "waiting for another pipeline run" in stdout
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status FROM documents").fetchone()[0] == "ok"
