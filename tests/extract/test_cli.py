"""`python -m pipeline extract`: figures on stdout, every file it could not use named on stderr."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def _extract(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "extract", *map(str, args)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_a_seed_an_empty_file_and_a_missing_one(seed_paths, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    done = _extract("--jsonl", seed_paths[0], empty, missing)
    assert done.returncode == 0  # one file was read
    figures = [json.loads(line) for line in done.stdout.splitlines()]
    assert figures and {f["doc"] for f in figures} == {seed_paths[0].stem}
    err = done.stderr.splitlines()
    assert f"{empty}: no text" in err
    assert any(line.startswith(f"{missing}: skipped:") for line in err)
    assert err[-1] == f"extract: 3 files, {len(figures)} figures; 1 skipped"


def test_nothing_readable_exits_1(tmp_path):
    done = _extract(tmp_path / "missing.txt")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines()[-1] == "extract: 1 file, 0 figures; 1 skipped"
