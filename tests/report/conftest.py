"""The seed corpus plus one hostile document, ingested and validated once per session, and the
reports rendered from it with papermill (jinghai through the `report` stage's CLI)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from types import SimpleNamespace

import pytest

from tests.conftest import ROOT, SEEDS

# A document whose text, title and URL try to run script in the report.
HOSTILE_NAME = "005_script.txt"
HOSTILE_TEXT = ('天津市河北区纪委监委通报<script>document.title="XSS"</script>\n'
                '今年以来，天津市河北区纪委监委受理信访举报<script>document.title="XSS"</script>27件，'
                '查处问题9起，给予党纪政务处分<b onmouseover="alert(1)">5人</b>。\n')
HOSTILE_META = {"title": '<script>document.title="XSS"</script>河北区通报', "url": "javascript:alert(1)",
                "published": "2024-01-15", "source": "<i>test</i>"}


def cli_env(store) -> dict:
    return {**os.environ, "RAW": str(store.raw), "PROCESSED": str(store.db.parent),
            "REPORTS": str(store.reports), "GX_ANALYTICS_ENABLED": "false", "MPLBACKEND": "Agg"}


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    from pipeline.ingest import run_ingest
    from pipeline.validate import run_validation

    base = tmp_path_factory.mktemp("report_store")
    raw, processed, reports = base / "raw", base / "processed", base / "reports"
    raw.mkdir()
    for path in SEEDS:
        shutil.copy(path, raw / path.name)
    (raw / HOSTILE_NAME).write_text(HOSTILE_TEXT, encoding="utf-8")
    (raw / (HOSTILE_NAME + ".meta.json")).write_text(json.dumps(HOSTILE_META, ensure_ascii=False), encoding="utf-8")
    db = processed / "figures.duckdb"
    run_ingest(raw, db, executor="serial", progress=False)
    run_validation(db, reports)
    return SimpleNamespace(raw=raw, db=db, reports=reports)


@pytest.fixture(scope="session")
def hostile_region(seed_store) -> str:
    """The region the hostile document's figures were attributed to."""
    from pipeline.report import queries

    with queries.connect(seed_store.db) as con:
        rows = con.execute("select distinct region_id from figures where doc_id = '005_script'").fetchall()
    assert len(rows) == 1, f"the hostile document should give figures of one region, got {rows}"
    return rows[0][0]


@pytest.fixture(scope="session")
def rendered(seed_store, hostile_region):
    """jinghai via `python -m pipeline report 靜海區 --skip-ingest`; the hostile region and the
    overview via render_jobs (two papermill processes); then the index."""
    from pipeline.report import render, render_all

    proc = subprocess.run([sys.executable, "-m", "pipeline", "report", "靜海區", "--skip-ingest"],
                          capture_output=True, text=True, env=cli_env(seed_store), cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    title = render.region_titles(seed_store.db, [hostile_region])[hostile_region]
    jobs = [render.region_job(hostile_region, seed_store.db, title=title), render.overview_job(seed_store.db)]
    written = render.render_jobs(jobs, seed_store.reports)
    assert len(written) == 2, list(seed_store.reports.glob("*.error.txt"))
    index = render_all.render_index(seed_store.db, seed_store.reports)
    return SimpleNamespace(cli=proc, jinghai=seed_store.reports / "jinghai.html",
                           hostile=seed_store.reports / f"{hostile_region}.html",
                           overview=seed_store.reports / "overview.html", index=index)
