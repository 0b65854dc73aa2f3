"""The ingest stage on real seed documents plus the files a real RAW folder ends up holding:
empty, binary, re-encoded (GBK, Big5, UTF-16), garbled (mojibake), not Chinese, truncated, one
with a <script> tag, a PDF, a .docx and a broken link."""
from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import pytest

from pipeline.extract import extract_text
from pipeline.ingest import run_ingest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))


def _reencoded(seed: Path, encoding: str, label: str) -> tuple[bytes, str]:
    # A header line keeps the copy from being the same text as its seed (which would make it a duplicate).
    text = f"{label}副本\n" + seed.read_text(encoding="utf-8")
    data = text.encode(encoding, errors="ignore")  # Big5 lacks a few characters of the inline pinyin
    return data, data.decode(encoding)


def build_corpus(folder: Path) -> dict[str, dict]:
    """Write the test corpus; returns doc_id -> what the store must say about it."""
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
        expected[seed.stem] = {"status": "ok", "text": seed.read_text(encoding="utf-8")}
    (folder / "empty.txt").write_bytes(b"")
    expected["empty"] = {"status": "empty"}
    (folder / "random.bin").write_bytes(random.Random(5).randbytes(4096))
    expected["random"] = {"status": "failed"}
    for name, seed, enc, label in [("gbk_copy", SEEDS[1], "gbk", "GBK"), ("big5_copy", SEEDS[2], "big5", "Big5"),
                                   ("utf16_copy", SEEDS[3], "utf-16", "UTF-16")]:
        data, text = _reencoded(seed, enc, label)
        (folder / f"{name}.txt").write_bytes(data)
        expected[name] = {"status": "ok", "text": text, "encoding": enc}
    # mojibake: a Chinese text once decoded with a Western code page and saved again as UTF-8
    for name, seed, enc, label in [("moji_utf8", SEEDS[0], "utf-8", "UTF-8乱码"), ("moji_gbk", SEEDS[2], "gbk", "GBK乱码")]:
        data, text = _reencoded(seed, enc, label)
        (folder / f"{name}.txt").write_text(data.decode("latin-1"), encoding="utf-8")
        expected[name] = {"status": "ok", "text": text, "reason": "mojibake repaired"}
    (folder / "english.txt").write_text("Annual report 2023: 15 cases, 3 people.\n", encoding="utf-8")
    expected["english"] = {"status": "ok", "reason": "no Chinese text"}
    cut = SEEDS[4].read_bytes()
    cut = cut[: len(cut) // 2]
    while (cut[-1] & 0xC0) == 0x80 or cut[-1] < 0x80:  # end inside a multi-byte character
        cut = cut[:-1]
    (folder / "truncated.txt").write_bytes(cut)
    expected["truncated"] = {"status": "ok", "reason": "truncated"}
    script = "<script>alert('x')</script>\n" + SEEDS[0].read_text(encoding="utf-8")[:400]
    (folder / "script.txt").write_text(script, encoding="utf-8")
    expected["script"] = {"status": "ok"}
    # documents in formats this pipeline does not read: failed, with what to do about them
    (folder / "minutes.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    expected["minutes"] = {"status": "failed", "reason": "a PDF file"}
    with zipfile.ZipFile(folder / "summary.docx", "w") as z:
        z.writestr("word/document.xml", "<w:document><w:t>共查处问题12起</w:t></w:document>")
    expected["summary"] = {"status": "failed", "reason": "a ZIP container"}
    # a link whose target was moved away: recorded as failed, not skipped
    (folder / "moved.txt").symlink_to(folder / "gone" / "moved.txt")
    expected["moved"] = {"status": "failed", "reason": "broken link"}
    return expected


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    base = tmp_path_factory.mktemp("ingest")
    expected = build_corpus(base / "raw")
    db = base / "processed" / "figures.duckdb"
    summary = run_ingest(base / "raw", db, executor="serial", progress=False)
    return base, expected, db, summary


def test_every_file_gets_a_documents_row_with_the_right_status(ingested):
    _, expected, db, summary = ingested
    with duckdb.connect(str(db), read_only=True) as con:
        rows = {r[0]: r[1:] for r in con.execute("SELECT doc_id, status, reason, encoding FROM documents").fetchall()}
    assert set(rows) == set(expected)
    for doc_id, want in expected.items():
        status, reason, encoding = rows[doc_id]
        assert status == want["status"], (doc_id, status, reason)
        if status in ("empty", "failed"):
            assert reason, doc_id
        if "reason" in want:
            assert want["reason"] in (reason or ""), (doc_id, reason)
    assert summary["docs_total"] == len(expected) and summary["docs_new"] == len(expected)


def test_reencoded_files_have_their_figures(ingested):
    _, expected, db, _ = ingested
    with duckdb.connect(str(db), read_only=True) as con:
        for name in ("gbk_copy", "big5_copy", "utf16_copy", "moji_utf8", "moji_gbk"):
            got = con.execute('SELECT start, "end", value, unit, metric FROM figures WHERE doc_id = ? ORDER BY start',
                              [name]).fetchall()
            want = sorted((f["start"], f["end"], f["value"], f["unit"], f["metric"])
                          for f in extract_text(name, expected[name]["text"]))
            assert want, name
            assert got == want, name
            if "encoding" not in expected[name]:
                continue
            enc = con.execute("SELECT encoding FROM documents WHERE doc_id = ?", [name]).fetchone()[0]
            assert enc.replace("_", "-").lower().startswith(expected[name]["encoding"][:4]) or (
                expected[name]["encoding"] == "gbk" and "gb" in enc), (name, enc)


def test_cli_exit_status_zero_and_second_run_reads_nothing(ingested, tmp_path):
    base, expected, db, _ = ingested
    env = {**os.environ, "RAW": str(base / "raw"), "PROCESSED": str(db.parent)}
    out = subprocess.run([sys.executable, "-m", "pipeline", "ingest", "--no-progress"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert f"{len(expected)} unchanged" in out.stdout and "read 0 " in out.stdout, out.stdout
    assert (db.parent / "parquet" / "figures.parquet").exists()


def _ingested_seeds(tmp_path: Path, n: int) -> tuple[Path, Path]:
    """A RAW folder with the first n seeds, ingested once into a new store: (raw, db)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in SEEDS[:n]:
        shutil.copy(seed, raw / seed.name)
    db = tmp_path / "p" / "figures.duckdb"
    run_ingest(raw, db, executor="serial", progress=False)
    return raw, db


def test_changed_removed_and_duplicate_files(tmp_path):
    raw, db = _ingested_seeds(tmp_path, 3)
    # a copy under another name is a duplicate; its figures are not counted twice
    shutil.copy(SEEDS[0], raw / "zz_copy.txt")
    # a changed file has its figures replaced; a removed file's figures leave the reporting tables
    shortened = SEEDS[1].read_text(encoding="utf-8")[:2500]
    (raw / SEEDS[1].name).write_text(shortened, encoding="utf-8")
    (raw / SEEDS[2].name).unlink()
    s = run_ingest(raw, db, executor="serial", progress=False)
    assert (s["docs_new"], s["docs_changed"], s["docs_unchanged"], s["docs_removed"], s["extracted"]) == (1, 1, 1, 1, 2)
    with duckdb.connect(str(db), read_only=True) as con:
        status = dict(con.execute("SELECT doc_id, status || coalesce(':' || duplicate_of, '') FROM documents").fetchall())
        assert status["zz_copy"] == f"duplicate:{SEEDS[0].stem}"
        assert status[SEEDS[2].stem] == "removed"
        per_doc = dict(con.execute("SELECT doc_id, count(*) FROM figures GROUP BY 1").fetchall())
        assert "zz_copy" not in per_doc and SEEDS[2].stem not in per_doc
        want = len(extract_text(SEEDS[1].stem, shortened))
        assert 0 < want < len(extract_text(SEEDS[1].stem, SEEDS[1].read_text(encoding="utf-8")))
        assert per_doc[SEEDS[1].stem] == want
        n_docs = con.execute("SELECT n_documents FROM facts WHERE doc_id = ? LIMIT 1", [SEEDS[0].stem]).fetchone()[0]
        assert n_docs == 2
    # the original disappears: the duplicate takes over without being read again
    (raw / SEEDS[0].name).unlink()
    s = run_ingest(raw, db, executor="serial", progress=False)
    assert s["extracted"] == 0 and s["docs_removed"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status FROM documents WHERE doc_id = 'zz_copy'").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM figures WHERE doc_id = 'zz_copy'").fetchone()[0] > 0


def test_sidecar_gives_date_url_and_period(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.txt").write_text("今年以来，全市共查处问题71起，给予党纪政务处分68人。", encoding="utf-8")
    (raw / "page.txt.meta.json").write_text(
        '{"url": "https://example.org/a.html", "published": "2022-09-08", "source": "某市纪委"}', encoding="utf-8")
    db = tmp_path / "p" / "figures.duckdb"
    s = run_ingest(raw, db, executor="serial", progress=False)
    assert s["docs_total"] == 1  # the sidecar is metadata, not a document
    with duckdb.connect(str(db), read_only=True) as con:
        doc = con.execute("SELECT published::VARCHAR, url, source FROM documents").fetchone()
        assert doc == ("2022-09-08", "https://example.org/a.html", "某市纪委")
        periods = {r[0] for r in con.execute("SELECT period FROM figures").fetchall()}
        assert periods == {"2022-01/2022-09"}


def test_cli_on_a_dask_scheduler_gives_the_serial_figures(ingested, tmp_path):
    distributed = pytest.importorskip("distributed")
    _, _, serial_db, _ = ingested
    raw = tmp_path / "raw"
    raw.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, raw / seed.name)
    env = {**os.environ, "RAW": str(raw), "PROCESSED": str(tmp_path / "p")}
    query = ('SELECT figure_id, value, unit, qualifier, metric, region_id, period FROM figures '
             'WHERE doc_id IN (SELECT unnest(?)) ORDER BY figure_id')
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        out = subprocess.run([sys.executable, "-m", "pipeline", "ingest", "--no-progress", "--executor", "dask",
                              "--scheduler", cluster.scheduler_address], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=180)
        worked_there = cluster.scheduler.transition_counter  # the extraction ran on this cluster
    assert out.returncode == 0, out.stderr
    assert worked_there > 0
    assert f"read {len(SEEDS)} " in out.stdout, out.stdout
    ids = [s.stem for s in SEEDS]
    with duckdb.connect(str(tmp_path / "p" / "figures.duckdb"), read_only=True) as con:
        got = con.execute(query, [ids]).fetchall()
    with duckdb.connect(str(serial_db), read_only=True) as con:
        want = con.execute(query, [ids]).fetchall()
    assert want and got == want


def test_worker_processes_give_the_serial_store_and_a_small_run_stays_in_one_process(ingested, tmp_path):
    base, _, serial_db, serial = ingested
    assert serial["read_by"] == "this process"
    db = tmp_path / "p" / "figures.duckdb"
    parallel = run_ingest(base / "raw", db, workers=2, progress=False)  # asked for: used however small
    assert parallel["read_by"] == "2 worker processes"
    default = run_ingest(base / "raw", tmp_path / "q" / "figures.duckdb", progress=False)
    assert default["read_by"] == "this process"  # a few files: starting workers would cost more
    queries = ["SELECT doc_id, status, reason, encoding, sha256, duplicate_of FROM documents ORDER BY doc_id",
               "SELECT figure_id, value, unit, qualifier, metric, region_id, period FROM figures ORDER BY figure_id"]
    for query in queries:
        with duckdb.connect(str(db), read_only=True) as con:
            got = con.execute(query).fetchall()
        with duckdb.connect(str(serial_db), read_only=True) as con:
            want = con.execute(query).fetchall()
        assert want and got == want, query


def test_cli_scheduler_without_dask_is_refused(tmp_path):
    out = subprocess.run([sys.executable, "-m", "pipeline", "ingest", "--no-progress", "--scheduler", "tcp://127.0.0.1:1"],
                         cwd=ROOT, env={**os.environ, "RAW": str(tmp_path), "PROCESSED": str(tmp_path / "p")},
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2 and "--executor dask" in out.stderr


def test_parquet_exports_hold_the_tables(ingested):
    import pyarrow.parquet as pq

    from pipeline.store.schema import EXPORTED

    _, _, db, _ = ingested
    with duckdb.connect(str(db), read_only=True) as con:
        for table in EXPORTED:
            exported = pq.read_table(db.parent / "parquet" / f"{table}.parquet")
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
            assert exported.column_names == columns, table
            if table != "runs":  # a run that changed nothing records itself but does not export again
                assert exported.num_rows == con.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
        figures = pq.read_table(db.parent / "parquet" / "figures.parquet")
        assert figures.num_rows > 100 and str(figures.schema.field("region_path").type).startswith("list")
        want = sorted(con.execute("SELECT figure_id, value FROM figures").fetchall())
        assert sorted(zip(figures.column("figure_id").to_pylist(), figures.column("value").to_pylist())) == want
    assert not list((db.parent / "parquet").glob(".*.tmp"))  # no temporary file left behind


def test_saved_pages_twice_duplicates_marked_and_nothing_extracted_again(ccdi_dir, tmp_path):
    """The 100 saved pages: 13 articles saved under two names are duplicates, counted once; an
    unchanged corpus costs no extraction the second time."""
    db = tmp_path / "p" / "figures.duckdb"
    first = run_ingest(raw_dir=ccdi_dir, db_path=db, workers=2, progress=False)  # worker processes
    second = run_ingest(raw_dir=ccdi_dir, db_path=db, workers=2, progress=False)
    assert first["docs_total"] == 100 and first["extracted"] == 100
    assert first["docs_duplicate"] == 13 and first["docs_failed"] == 0
    assert second["extracted"] == 0 and second["docs_unchanged"] == 100
    with duckdb.connect(str(db), read_only=True) as con:
        dup_figures = con.execute("""SELECT count(*) FROM figures f JOIN documents d USING (doc_id)
                                     WHERE d.status = 'duplicate'""").fetchone()[0]
        marked = con.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]
    assert dup_figures == 0 and marked == 13


def test_documents_of_another_extractor_version_are_read_again(tmp_path, monkeypatch):
    """A store written by older rules is brought up to date: every document is extracted again."""
    import pipeline.extract as extract

    raw, db = _ingested_seeds(tmp_path, 2)
    assert run_ingest(raw, db, executor="serial", progress=False)["extracted"] == 0
    monkeypatch.setattr(extract, "EXTRACTOR_VERSION", extract.EXTRACTOR_VERSION + "-edited")
    again = run_ingest(raw, db, executor="serial", progress=False)
    assert again["extracted"] == 2
    with duckdb.connect(str(db), read_only=True) as con:
        versions = {v for (v,) in con.execute("SELECT DISTINCT extractor_version FROM documents").fetchall()}
    assert versions == {extract.EXTRACTOR_VERSION}


def test_an_edit_of_a_rule_file_changes_the_extractor_version(tmp_path, monkeypatch):
    """Triggers, domain words and region markers are edited without code: the version follows them."""
    import pipeline.extract as extract

    copies = []
    for path in extract.RULE_FILES:
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    monkeypatch.setattr(extract, "RULE_FILES", tuple(copies))
    before = extract._rules_digest()
    assert extract.EXTRACTOR_VERSION.endswith(before)
    userdict = tmp_path / "userdict.txt"
    userdict.write_text(userdict.read_text(encoding="utf-8") + "问题线索台账 5 n\n", encoding="utf-8")
    assert extract._rules_digest() != before
