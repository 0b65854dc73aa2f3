"""`ingest`: every file under RAW -> `documents`, `mentions`, `figures`, `regions`, `metrics` in DuckDB.

In: the files under RAW (text or HTML, any folder depth; `<file>.meta.json` sidecars give url,
title, published date and source). Out: the store at PROCESSED/figures.duckdb (replaced
atomically), Parquet exports in PROCESSED/parquet/, a summary dict and a `runs` row.

Incremental: a file is read again only when its bytes (sha256), its sidecar or the extractor
version changed; otherwise it costs one hash. Each file gets a `documents` row whatever happens
to it (ok, empty, duplicate, failed, removed) with the reason. Extraction runs in worker
processes, or on a Dask cluster (`--executor dask --scheduler ADDRESS`), through
`pipeline.executor.run_many`; this process is the single writer. It streams the results into
DuckDB in batches and keeps only the file list (paths and hashes) for the whole corpus, so its
memory does not grow with the corpus.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import uuid
from datetime import date, datetime
from pathlib import Path

from pipeline import config

SIDECAR = ".meta.json"
FLUSH_EVERY = 200  # documents per write batch: bounded memory on big corpora
TASK_FILES = 16  # files per worker task (at most); each task's rows come back as two Arrow tables
# Below this many bytes to read, and with no worker count asked for, the files are read in this
# process: starting worker processes (about 0.7 s here) costs as much as two cores save on about
# 4 MB of reports or pages.
SERIAL_BELOW_BYTES = 4_000_000


def add_arguments(parser) -> None:
    parser.add_argument("--raw", type=Path, default=None, help="folder to read (default: RAW or data/raw)")
    parser.add_argument("--db", type=Path, default=None, help="DuckDB file (default: PROCESSED/figures.duckdb)")
    parser.add_argument("--executor", choices=["processes", "serial", "dask"], default="processes")
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes (default: all cores, or this process alone when there "
                             "are under 4 MB of files to read)")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="Dask scheduler address, e.g. tcp://host:8786 (with --executor dask; "
                             "default: a local cluster of --workers processes)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument("--wait", type=float, default=600.0,
                        help="seconds to wait for another run holding the store (default 600)")


def run(args) -> int:
    from pipeline.store import StoreBusy

    if args.scheduler and args.executor != "dask":
        print("ingest: --scheduler is the address of a Dask cluster: use it with --executor dask", file=sys.stderr)
        return 2
    try:
        summary = run_ingest(args.raw, args.db, executor=args.executor, workers=args.workers,
                             progress=not args.no_progress, wait=args.wait, scheduler=args.scheduler)
    except StoreBusy as e:
        print(f"ingest: {e}", file=sys.stderr)
        return 75
    except FileNotFoundError as e:
        print(f"ingest: {e}", file=sys.stderr)
        return 2
    print(format_summary(summary))
    return 0


def format_summary(s: dict) -> str:
    read = (f"read {s['extracted']} ({s['read_by']}, {s['docs_per_second']:.1f} docs/s)"
            if s["extracted"] else "read 0 (nothing new)")
    return (f"ingest: {s['docs_total']} files in {s['seconds']:.2f}s: {s['docs_new']} new, {s['docs_changed']} changed, "
            f"{s['docs_unchanged']} unchanged, {s['docs_removed']} removed; {read}; in store: {s['docs_ok']} ok, "
            f"{s['docs_duplicate']} duplicate, {s['docs_empty']} empty, {s['docs_failed']} failed; "
            f"{s['figures']} figures, {s['rejected']} rejected -> {s['db_path']}")


# ---------------------------------------------------------------- scanning (main process)

def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _read_sidecar(path: Path) -> tuple[dict, str | None, str | None]:
    """(metadata, sha256 of the sidecar, problem) for `<file>.meta.json`, if there is one."""
    side = path.with_name(path.name + SIDECAR)
    if not side.is_file():
        return {}, None, None
    try:
        data = side.read_bytes()
    except OSError as e:
        return {}, None, f"sidecar {side.name} ignored: {e.strerror or e}"
    digest = hashlib.sha256(data).hexdigest()
    try:
        meta = json.loads(data.decode("utf-8-sig"))
        if not isinstance(meta, dict):
            raise ValueError("not a JSON object")
    except (ValueError, UnicodeDecodeError) as e:
        return {}, digest, f"sidecar {side.name} ignored: {e}"
    return {k: meta.get(k) for k in ("url", "title", "published", "source")}, digest, None


def scan(raw_dir: Path) -> list[dict]:
    """Every document file under raw_dir (hidden files and sidecars are not documents)."""
    from pipeline.extract import doc_id_for

    if not raw_dir.is_dir():
        raise FileNotFoundError(f"RAW folder {raw_dir} does not exist")
    items, seen = [], set()
    for root, dirs, files in os.walk(raw_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith(SIDECAR):
                continue
            path = Path(root) / name
            broken = path.is_symlink() and not path.exists()
            if not broken and not path.is_file():
                continue  # a socket or a device, not a document
            doc_id = doc_id_for(path)
            if doc_id in seen:  # same stem twice (a.txt and a.html, or in two folders): keep both
                doc_id = str(path.relative_to(raw_dir))
            seen.add(doc_id)
            item = {"doc_id": doc_id, "path": str(path), "sha256": None, "size_bytes": None,
                    "meta": {}, "meta_sha256": None, "meta_problem": None, "error": None}
            if broken:  # recorded as failed, not skipped: every file under RAW has its row
                item["error"] = f"broken link: {os.readlink(path)} does not exist"
            else:
                try:
                    item.update(sha256=_sha256(path), size_bytes=path.stat().st_size)
                except OSError as e:
                    item["error"] = f"cannot read the file: {e.strerror or e}"
                item["meta"], item["meta_sha256"], item["meta_problem"] = _read_sidecar(path)
            items.append(item)
    return items


# ---------------------------------------------------------------- per-file work (worker processes)

def _parse_date(value) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def process_file(item: dict) -> dict:
    """Read, decode and extract one file. Returns plain data; never raises for a bad file."""
    from pipeline.extract import EXTRACTOR_VERSION, DecodeError, extract_normalized, read_document
    from pipeline.extract.decode import CJK, MAX_BYTES
    from pipeline.extract.normalize import normalize
    from pipeline.store.period import period_for

    meta = item.get("meta") or {}
    doc = {"doc_id": item["doc_id"], "path": item["path"], "sha256": item["sha256"], "size_bytes": item["size_bytes"],
           "extractor_version": EXTRACTOR_VERSION, "ingested_at": datetime.now(), "meta_sha256": item.get("meta_sha256"),
           "url": meta.get("url"), "title": meta.get("title"), "source": meta.get("source"), "figures": 0}
    notes = [item["meta_problem"]] if item.get("meta_problem") else []
    figures: list[dict] = []

    def done(status: str, reason: str | None = None) -> dict:
        all_notes = ([reason] if reason else []) + notes
        doc.update(status=status, reason="; ".join(all_notes) or None)
        return {"document": doc, "figures": figures}

    if item.get("error"):
        return done("failed", item["error"])
    if item["size_bytes"] == 0:
        return done("empty", "empty file (0 bytes)")
    if item["size_bytes"] > MAX_BYTES:
        return done("failed", f"file too large ({item['size_bytes']} bytes > {MAX_BYTES})")
    try:
        decoded = read_document(Path(item["path"]))
    except DecodeError as e:
        return done("failed", str(e))
    except Exception as e:  # an unexpected decoder error is this file's problem, not the run's
        return done("failed", f"decode error: {type(e).__name__}: {e}")
    notes.extend(decoded.notes)
    published = _parse_date(meta.get("published")) or _parse_date(decoded.published)
    if meta.get("published") and not _parse_date(meta.get("published")):
        notes.append(f"sidecar date {meta.get('published')!r} not understood")
    doc.update(encoding=decoded.encoding, format=decoded.format, chars=len(decoded.text),
               title=doc["title"] or decoded.title, url=doc["url"] or decoded.url, published=published)
    if not doc["source"] and doc["url"]:
        from urllib.parse import urlparse

        doc["source"] = urlparse(doc["url"]).netloc or None
    if not decoded.text.strip():
        return done("empty", "no text after decoding" if decoded.format == "text" else "no main text found in the page")
    if not CJK.search(decoded.text):
        notes.append("no Chinese text: no figures can be read")
    # Duplicates are the same article under another name: compare the normalised text.
    try:
        norm = normalize(decoded.text)
        flat = "".join(norm.text.split())
        doc["text_sha256"] = hashlib.sha256(flat.encode("utf-8")).hexdigest()
        found = extract_normalized(item["doc_id"], norm, title=doc["title"], site=decoded.site)
    except Exception as e:
        return done("failed", f"extraction error: {type(e).__name__}: {e}")
    seen = set()
    for f in found:
        figure_id = f"{item['doc_id']}:{f['start']}:{f['end']}"
        if figure_id in seen:  # a figure span found twice in one document is one mention
            continue
        seen.add(figure_id)
        sentence_offset = f["start"] - f["sentence_start"] if f.get("sentence_start") is not None else None
        figures.append({
            "figure_id": figure_id, "doc_id": item["doc_id"],
            "start": f["start"], "end": f["end"], "value": f["value"], "unit": f["unit"],
            "qualifier": f["qualifier"], "metric": f["metric"], "region_id": f["region_id"],
            "region_path": list(f["region_path"] or []), "sentence": f["sentence"],
            "sentence_start": f.get("sentence_start"), "sentence_end": f.get("sentence_end"),
            "period": period_for(f["sentence"], sentence_offset, published),
        })
    doc["figures"] = len(figures)
    return done("ok")


def process_files(items: list[dict]) -> dict:
    """`process_file` over a few files, their rows as Arrow tables: what a worker sends back."""
    from pipeline.store.load import documents_table, figures_table

    results = [process_file(item) for item in items]
    return {"documents": documents_table([r["document"] for r in results]),
            "figures": figures_table([f for r in results for f in r["figures"]])}


# ---------------------------------------------------------------- the run (single writer)

def _region_rows() -> list[dict] | None:
    from pipeline.regions import region_rows

    try:
        return list(region_rows())
    except Exception as e:  # the regions table then comes from the figures alone
        print(f"ingest: region gazetteer unavailable ({type(e).__name__}: {e}); regions derived from figures",
              file=sys.stderr)
        return None


def _current(old: dict | None, item: dict, version: str) -> bool:
    """Does the store hold this file as it is now, read by this extractor version?"""
    return (old is not None and old["status"] != "removed" and not old["retry"]
            and (old["sha256"], old["meta_sha256"], old["extractor_version"])
            == (item["sha256"], item["meta_sha256"], version))


def _store_counts(con) -> dict:
    """What the store holds: documents by status, figures, rejected figures."""
    counts = dict(con.execute("SELECT status, count(*) FROM documents GROUP BY 1").fetchall())
    return {"docs_ok": counts.get("ok", 0), "docs_duplicate": counts.get("duplicate", 0),
            "docs_empty": counts.get("empty", 0), "docs_failed": counts.get("failed", 0),
            "figures": con.execute("SELECT count(*) FROM figures").fetchone()[0],
            "rejected": con.execute("SELECT count(*) FROM rejected").fetchone()[0]}


def _nothing_to_do(db_path: Path, items: list[dict], version: str) -> dict | None:
    """The summary of a run that would change nothing (read-only check), or None if there is work."""
    from pipeline.store import load, read_connection

    with read_connection(db_path) as con:
        known = load.known_documents(con)
        present = {it["doc_id"] for it in items}
        if not all(_current(known.get(it["doc_id"]), it, version) and known[it["doc_id"]]["path"] == it["path"]
                   for it in items):
            return None
        if any(d not in present and old["status"] != "removed" for d, old in known.items()):
            return None
        return {"docs_total": len(items), "docs_new": 0, "docs_changed": 0, "docs_unchanged": len(items),
                "docs_removed": 0, "extracted": 0, "failed_now": 0, "changed_doc_ids": [], **_store_counts(con)}


def run_ingest(raw_dir=None, db_path=None, executor="processes", workers=None, progress=True,
               wait: float = 600.0, record_run: bool = True, scheduler: str | None = None) -> dict:
    """Bring the store up to date with raw_dir; returns the summary counts.

    `scheduler` is a Dask scheduler address for `executor="dask"` (None: a local cluster).
    """
    from pipeline.executor import default_workers, run_many
    from pipeline.extract import EXTRACTOR_VERSION
    from pipeline.extract.metrics import metric_table
    from pipeline.store import lock, write_session
    from pipeline.store import load

    t0 = time.perf_counter()
    started = datetime.now()
    raw_dir = Path(raw_dir) if raw_dir else config.raw_dir()
    db_path = Path(db_path) if db_path else config.db_path()
    with lock(db_path, wait=wait, what="ingest"):
        items = scan(raw_dir)
        if not record_run and db_path.exists():
            quiet = _nothing_to_do(db_path, items, EXTRACTOR_VERSION)
            if quiet is not None:
                quiet.update(run_id=None, db_path=str(db_path), raw_dir=str(raw_dir),
                             seconds=time.perf_counter() - t0, docs_per_second=0.0)
                return quiet
        with write_session(db_path, what="ingest") as con:
            known = load.known_documents(con)
            new, changed, unchanged, todo = [], [], [], []
            for it in items:
                old = known.get(it["doc_id"])
                if old is None or old["status"] == "removed":
                    new.append(it["doc_id"])
                elif not _current(old, it, EXTRACTOR_VERSION):
                    changed.append(it["doc_id"])
                else:
                    unchanged.append(it)
                    continue
                todo.append(it)
            present = {it["doc_id"] for it in items}
            removed = [d for d, old in known.items() if d not in present and old["status"] != "removed"]
            # an unchanged file that moved keeps its figures; only the path is updated
            moved = [(it["path"], it["doc_id"]) for it in unchanged if known[it["doc_id"]]["path"] != it["path"]]
            if moved:
                con.executemany("UPDATE documents SET path = ? WHERE doc_id = ?", moved)

            failed_now = 0
            read_by = None
            if todo:
                bar = None
                if progress:
                    from tqdm import tqdm

                    bar = tqdm(total=len(todo), unit="doc", desc="ingest", file=sys.stderr, dynamic_ncols=True)
                import pyarrow as pa

                # biggest files first so one large file does not finish alone at the end
                todo.sort(key=lambda it: -(it["size_bytes"] or 0))
                if executor == "processes" and workers is None \
                        and sum(it["size_bytes"] or 0 for it in todo) < SERIAL_BELOW_BYTES:
                    executor = "serial"
                read_by = ("this process" if executor == "serial" or (executor == "processes" and workers == 1)
                           else f"{workers or default_workers()} worker processes" if executor == "processes"
                           else "a Dask cluster")
                # small tasks on a small run, so that every worker gets some
                size = max(1, min(TASK_FILES, len(todo) // (4 * (workers or default_workers()))))
                tasks = [todo[i:i + size] for i in range(0, len(todo), size)]
                docs, figs = [], []

                def flush() -> None:
                    if docs:
                        load.write_documents(con, pa.concat_tables(docs), pa.concat_tables(figs), known)
                        docs.clear()
                        figs.clear()

                for result in run_many(process_files, tasks, executor=executor, workers=workers,
                                       scheduler=scheduler, chunksize=1):
                    docs.append(result["documents"])
                    figs.append(result["figures"])
                    statuses = result["documents"].column("status").to_pylist()
                    failed_now += statuses.count("failed")
                    if bar is not None:
                        bar.update(len(statuses))
                        bar.set_postfix_str(result["documents"].column("doc_id")[-1].as_py()[-24:], refresh=False)
                    if sum(t.num_rows for t in docs) >= FLUSH_EVERY:
                        flush()
                flush()
                if bar is not None:
                    bar.close()
            load.mark_removed(con, removed)
            if todo or removed:
                load.resolve_duplicates(con)
                load.rebuild_reporting(con, [it["doc_id"] for it in todo] + removed, _region_rows(), metric_table())
            elif not con.execute("SELECT count(*) FROM metrics").fetchone()[0]:
                load.rebuild_reporting(con, [], _region_rows(), metric_table())
            seconds = time.perf_counter() - t0
            summary = {
                "run_id": uuid.uuid4().hex[:12], "db_path": str(db_path), "raw_dir": str(raw_dir),
                "docs_total": len(items), "docs_new": len(new), "docs_changed": len(changed),
                "docs_unchanged": len(unchanged), "docs_removed": len(removed), "extracted": len(todo),
                "failed_now": failed_now, **_store_counts(con),
                "changed_doc_ids": sorted(new + changed + removed), "read_by": read_by,
            }
            if record_run:
                load.record_run(con, {**summary, "kind": "ingest", "started_at": started, "ended_at": datetime.now(),
                                      "status": "ok", "message": None, "seconds": seconds})
        if todo or removed or not (db_path.parent / "parquet" / "figures.parquet").exists():
            from pipeline.store import read_connection

            with read_connection(db_path) as rcon:
                load.export_parquet(rcon, db_path.parent / "parquet")
    summary["seconds"] = time.perf_counter() - t0
    summary["docs_per_second"] = len(todo) / summary["seconds"] if todo else 0.0
    return summary
