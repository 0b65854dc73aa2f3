"""The per-user caches that make worker start-up fast give the same results as no cache.

Each case runs in fresh Python processes with its own XDG_CACHE_HOME: a cold start that builds
the cache, a warm start that reads it, and a start from a damaged cache file.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

GAZETTEER = """
import hashlib, json
from pipeline.regions.gazetteer import region_rows
print(hashlib.sha256(json.dumps(region_rows(), ensure_ascii=False).encode()).hexdigest())
"""
JIEBA = """
import json
from pipeline.extract.metrics import _jieba
tk = _jieba()
print(json.dumps([tk.total, len(tk.FREQ), tk.lcut("静海区纪委监委给予党纪政务处分68人，立案审查调查71起", HMM=False)],
                 ensure_ascii=False))
"""


def _run(code: str, cache: Path) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_gazetteer_readings_cache(tmp_path):
    cold = _run(GAZETTEER, tmp_path)
    files = list((tmp_path / "jiwei-figures").glob("gazetteer-readings-*.json"))
    assert len(files) == 1
    assert _run(GAZETTEER, tmp_path) == cold  # read from the cache
    assert list((tmp_path / "jiwei-figures").glob("gazetteer-readings-*.json")) == files  # same key: same file
    files[0].write_text("{not json", encoding="utf-8")
    assert _run(GAZETTEER, tmp_path) == cold  # a damaged cache is rebuilt, not trusted
    assert json.loads(files[0].read_text(encoding="utf-8"))["slugs"]


def test_jieba_prefix_cache(tmp_path):
    cold = json.loads(_run(JIEBA, tmp_path))
    pickles = list((tmp_path / "jiwei-figures").glob("jieba-prefix-*.pickle"))
    assert len(pickles) == 1
    assert json.loads(_run(JIEBA, tmp_path)) == cold
    pickles[0].write_bytes(b"truncated")
    assert json.loads(_run(JIEBA, tmp_path)) == cold
    total, entries, words = cold
    assert entries > 300_000 and "".join(words) == "静海区纪委监委给予党纪政务处分68人，立案审查调查71起"
