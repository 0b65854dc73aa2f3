"""The nightly rebuild: a lock against overlapping runs, and re-rendering only what changed."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from pipeline.nightly import run_nightly
from pipeline.status import last_runs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


def _env(tmp: Path) -> dict:
    return {**os.environ, "RAW": str(tmp / "raw"), "PROCESSED": str(tmp / "processed"), "REPORTS": str(tmp / "reports")}


def test_two_nightlies_at_once_one_runs_the_other_exits_clearly(tmp_path):
    (tmp_path / "raw").mkdir()
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / "raw" / seed.name)
    cmd = [sys.executable, "-m", "pipeline", "nightly", "--skip-reports"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=180) for p in procs]
    codes = sorted(p.returncode for p in procs)
    assert codes == [0, 75], outs
    busy = outs[[p.returncode for p in procs].index(75)]
    assert "another pipeline run holds" in busy[1] and "not started" in busy[1]
    db = tmp_path / "processed" / "figures.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:  # intact: readable and complete
        assert con.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0] == len(SEEDS)
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] > 0
    runs = last_runs(db)
    assert [r["kind"] for r in runs] == ["nightly"] and runs[0]["status"] == "ok" and runs[0]["docs_new"] == len(SEEDS)
    assert Path(runs[0]["log_path"]).is_file()
    # nothing changed: the next nightly reads nothing, skips validation and is quick
    t = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    took = time.perf_counter() - t
    print(f"no-change nightly on the seed corpus: {took:.2f}s")
    assert out.returncode == 0 and "validate: skipped" in out.stdout, out.stdout + out.stderr
    assert took < 3


def _snapshot(reports: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in reports.iterdir() if p.is_file()}


def test_adding_a_file_rerenders_only_its_regions_and_the_index(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in (SEEDS[0], SEEDS[2]):  # 静海/天津 and 荔湾
        shutil.copy(seed, raw / seed.name)
    db, reports = tmp_path / "processed" / "figures.duckdb", tmp_path / "reports"
    first = run_nightly(raw, db, reports)
    assert first["exit_code"] == 0, first["reason"]
    before = _snapshot(reports)
    assert {"index.html", "liwan.html", "jinghai.html"} <= set(before)
    (raw / "dayi_2022.txt").write_text("今年以来，大邑县纪委监委查处问题12起，给予党纪政务处分9人。\n", encoding="utf-8")
    second = run_nightly(raw, db, reports)
    assert second["exit_code"] == 0, second["reason"]
    with duckdb.connect(str(db), read_only=True) as con:
        touched = {r[0] for r in con.execute("SELECT DISTINCT region_id FROM figures WHERE doc_id = 'dayi_2022'").fetchall()}
    assert touched == {"dayi"}
    after = _snapshot(reports)
    changed = {n for n in after if before.get(n) != after[n]}
    assert changed == {"dayi.html", "dayi.ipynb", "index.html"}, changed
    assert second["regions_rendered"] == ["dayi"]
