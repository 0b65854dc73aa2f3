"""The benchmark: its corpus builder, its naive reference, and the command on a tiny corpus."""
from __future__ import annotations

import codecs
import os
import re
import subprocess
import sys
from pathlib import Path

from pipeline.bench import build_corpus, run_phase
from pipeline.extract import doc_id_for, extract_text, read_document

ROOT = Path(__file__).resolve().parents[1]


def test_corpus_copies_have_distinct_ids_and_texts_in_every_encoding(tmp_path, seed_paths):
    src = tmp_path / "src"
    src.mkdir()
    text = "静海区纪委监委查处问题13起，处理15人。\n"
    (src / "gbk.txt").write_bytes(text.encode("gb18030"))
    (src / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (src / "page.html").write_bytes(f"<html><body><article><p>{text}</p></article></body></html>".encode())
    sources = [*sorted(src.iterdir()), seed_paths[0]]
    info = build_corpus(sources, 9, tmp_path / "corpus")
    files = sorted((tmp_path / "corpus").iterdir())
    assert info["docs"] == 9 and len(files) == 9
    assert len({doc_id_for(f) for f in files}) == 9
    decoded = [read_document(f) for f in files]
    assert len({d.text for d in decoded}) == 9  # no copy is a duplicate of another
    for f, d in zip(files, decoded):
        if f.suffix == ".txt" and not f.name.startswith(doc_id_for(seed_paths[0])):
            assert d.text.startswith(text) and re.search(r"copy [a-z]+\s*$", d.text)


def test_naive_reference_finds_the_same_figures(tmp_path, seed_paths):
    """Same grammar and rules, whole-text segmentation: the same figures, metric aside."""
    corpus = tmp_path / "corpus"
    build_corpus(seed_paths, 5, corpus)
    result = run_phase({"kind": "naive", "executor": "serial", "workers": 1, "corpus": str(corpus),
                        "gold_paths": [str(p) for p in seed_paths]})
    assert result["docs"] == 5 and result["failed"] == 0 and result["peak_rss"] > 10 * 2**20

    def key(f):
        return (f["doc"], f["start"], f["end"], f["value"], f["unit"], f["qualifier"])

    pipeline = [f for p in seed_paths for f in extract_text(doc_id_for(p), read_document(p).text)]
    assert sorted(map(key, result["gold_figures"])) == sorted(map(key, pipeline))
    assert result["figures"] == len(pipeline)
    assert result.get("fallbacks", 0) == 0


def test_bench_command_prints_every_figure(tmp_path):
    env = {**os.environ, "RAW": str(ROOT / "data" / "raw"), "PROCESSED": str(tmp_path / "p")}
    out = subprocess.run([sys.executable, "-m", "pipeline", "bench", "-n", "10", "--workers", "2", "--pairs", "2",
                          "--workdir", str(tmp_path)],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    for field in ("docs/s", "MB/s", "extract MB/CPU-s", "peak RSS MB", "speed-up over naive",
                  "scaling, 2 processes", "score on the development gold"):
        assert field in text, field
    rows = {m.group(1): m.groups()[1:] for m in re.finditer(
        r"^(naive, 1 process|pipeline, 1 process|pipeline, 2 processes)\s+(\d+)\s+(\d+)\s", text, re.M)}
    assert set(rows) == {"naive, 1 process", "pipeline, 1 process", "pipeline, 2 processes"}
    assert {docs for docs, _ in rows.values()} == {"10"}
    assert len({figs for _, figs in rows.values()}) == 1  # same documents, same figures
    paired = re.search(r"^paired, in one process: (\d+) of the documents.*x; same figures for (\d+) of (\d+)$",
                       text, re.M)
    assert paired, text
    assert paired.groups() == ("10", "10", "10")  # both extractors agree on every document
    assert re.search(r"^  the naive reference in jieba's default mode \(HMM on, as jieba.lcut\(text\)\): "
                     r"[\d.]+ MB/CPU-s; the pipeline is [\d.]+x that$", text, re.M), text
    assert re.search(r"^scaling, 2 processes \(processes\) over 1: [\d.]+x, the median of 2 pairs of runs "
                     r"\([\d.]+x, [\d.]+x\)$", text, re.M), text
    scores = re.findall(r"^\s+(naive|pipeline)\s+figure P ([\d.]+) R ([\d.]+) F1 ([\d.]+)", text, re.M)
    assert [s[0] for s in scores] == ["naive", "pipeline"]
    assert not list(tmp_path.glob("jiwei-bench-*"))  # the temporary corpus is removed


def test_tree_rss_counts_the_memory_of_child_processes():
    from pipeline.bench import _tree_rss, _tree_rss_scan

    if not Path("/proc/self/statm").exists():
        import pytest

        pytest.skip("no /proc on this system")
    code = "import sys, time; x = bytearray(80_000_000); x[::4096] = b'x' * len(x[::4096]); print(1, flush=True); time.sleep(30)"
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "1"  # its memory is touched
        own = _tree_rss(os.getpid())
        assert own - _tree_rss(child.pid) > 0  # this process counts too
        assert _tree_rss(child.pid) > 80_000_000
        assert abs(own - _tree_rss_scan(os.getpid())) < 20_000_000  # both ways agree
    finally:
        child.kill()
        child.wait()
