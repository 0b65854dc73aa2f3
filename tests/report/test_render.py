"""The `report` stage's errors and the record a failed render leaves."""
from __future__ import annotations

import subprocess
import sys

from pipeline.report import render
from tests.conftest import ROOT
from tests.report.conftest import cli_env


def test_unknown_region_exits_2_with_a_message(seed_store):
    proc = subprocess.run([sys.executable, "-m", "pipeline", "report", "不存在的地方", "--skip-ingest"],
                          capture_output=True, text=True, env=cli_env(seed_store), cwd=ROOT, timeout=120)
    assert proc.returncode == 2
    assert "不存在的地方" in proc.stderr


def test_failed_render_leaves_an_error_file_and_no_html(seed_store, tmp_path):
    written = render.render_regions(["no-such-region"], seed_store.db, tmp_path)
    assert written == []
    assert not (tmp_path / "no-such-region.html").exists()
    error = (tmp_path / "no-such-region.error.txt").read_text(encoding="utf-8")
    assert "no-such-region" in error and "PapermillExecutionError" in error
