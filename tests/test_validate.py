"""great-expectations validation on a real store built from the seed documents."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline import config
from pipeline.ingest import run_ingest
from pipeline.validate import SUITES, SuiteError, load_suites, run_validation

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


def test_every_expectation_in_the_json_files_is_loaded():
    suites = load_suites()
    for name in SUITES:
        raw = json.loads((config.expectations_dir() / f"{name}.json").read_text(encoding="utf-8"))
        assert len(suites[name].expectations) == len(raw["expectations"]) > 0, name
        assert [e.meta["name"] for e in suites[name].expectations] == [e["meta"]["name"] for e in raw["expectations"]]


def test_an_invalid_expectation_is_reported_not_dropped(tmp_path):
    for name in SUITES:
        shutil.copy(config.expectations_dir() / f"{name}.json", tmp_path)
    raw = json.loads((tmp_path / "figures.json").read_text(encoding="utf-8"))
    raw["expectations"].append({"type": "expect_column_values_to_be_sensible", "kwargs": {"column": "value"},
                                "meta": {"name": "made_up"}})
    (tmp_path / "figures.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SuiteError, match="made_up"):
        load_suites(tmp_path)


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory):
    base = tmp_path_factory.mktemp("validate")
    raw = base / "raw"
    raw.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, raw / seed.name)
    db = base / "processed" / "figures.duckdb"
    run_ingest(raw, db, executor="serial", progress=False)
    return base, db


def _plant(db: Path, **fields) -> str:
    """Copy a real figure to a new span (one character longer) with some fields changed; returns its id."""
    with duckdb.connect(str(db)) as con:
        doc, start, end = con.execute("""SELECT doc_id, start, "end" FROM figures WHERE "end" + 1 < sentence_end
                                         ORDER BY figure_id LIMIT 1""").fetchone()
        fid = f"{doc}:{start}:{end + 1}"
        sets = ", ".join(f"{k} = ?" for k in fields)
        con.execute("""INSERT INTO figures SELECT * REPLACE (? AS figure_id, "end" + 1 AS "end") FROM figures
                       WHERE doc_id = ? AND start = ? AND "end" = ?""", [fid, doc, start, end])
        con.execute(f"UPDATE figures SET {sets} WHERE figure_id = ?", [*fields.values(), fid])
    return fid


def test_planted_coverage_180_lands_in_rejected(seeded_store, tmp_path):
    base, seeded = seeded_store
    db = tmp_path / "figures.duckdb"
    shutil.copy(seeded, db)
    n_before = duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM figures").fetchone()[0]
    fid = _plant(db, metric="coverage_pct", unit="%", value=180.0)
    summary = run_validation(db, tmp_path / "reports")
    assert summary["ok"], summary["critical_failures"]  # a bad row is set aside, the run goes on
    with duckdb.connect(str(db), read_only=True) as con:
        exp, details = con.execute("SELECT expectation, details FROM rejected WHERE figure_id = ?", [fid]).fetchone()
        assert exp == "coverage_pct_within_0_100" and "180" in details
        assert con.execute("SELECT count(*) FROM figures WHERE figure_id = ?", [fid]).fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM figures").fetchone()[0] + summary["rejected"] == n_before + 1
    assert (tmp_path / "reports" / "data_docs" / "index.html").exists()


def test_critical_failure_exits_non_zero(seeded_store, tmp_path):
    base, seeded = seeded_store
    processed = tmp_path / "processed"
    processed.mkdir()
    db = processed / "figures.duckdb"
    shutil.copy(seeded, db)
    fid = _plant(db, region_id="atlantis")
    env = {**os.environ, "PROCESSED": str(processed), "REPORTS": str(tmp_path / "reports")}
    out = subprocess.run([sys.executable, "-m", "pipeline", "validate"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "region_id_in_regions" in out.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT expectation FROM rejected WHERE figure_id = ?", [fid]).fetchone()[0] == "region_id_in_regions"
