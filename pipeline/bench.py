"""`python -m pipeline bench`: throughput of the pipeline against a naive jieba pipeline.

In: the documents under RAW (and `--corpus DIR`), copied round-robin into a temporary corpus of
`-n` documents with distinct ids. Out: printed figures, for each run on the same corpus:
documents/s, MB/s of decoded text end to end, MB/s of extraction alone per process, peak RSS of
the run's processes, and the scores of both extractors on the development gold.

The runs, each in a fresh process so that its memory and start-up are its own:
- naive: the reference a first version would write. Normalise, segment the whole text with jieba
  (same dictionary, same mode), then apply the same figure grammar and rules, taking word
  boundaries from that segmentation. One process.
- pipeline, 1 process and `--workers` processes: `read_document` + `extract_text` through the
  executor seam (`pipeline.executor.run_many`); it finds candidate figures with regular
  expressions first and segments only the clause fragments around them.
- ingest, 1 process and `--workers` processes: the ingest into an empty store (cold).
- paired: up to 200 of the documents, each extracted by both in one process, in turns. Its ratio
  of CPU time does not move with the machine's speed, which the runs above, one after the
  other, are exposed to; it also checks that both give the same figures. It also times the naive
  reference in jieba's default mode (HMM on), which is slower still.
"""
from __future__ import annotations

import argparse
import codecs
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

SUFFIXES = (".txt", ".html", ".htm", ".shtml")
DEFAULT_DOCS = 2000


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("-n", "--docs", type=int, default=DEFAULT_DOCS, metavar="N",
                   help=f"documents in the benchmark corpus (default {DEFAULT_DOCS})")
    p.add_argument("--corpus", type=Path, action="append", default=[], metavar="DIR",
                   help="more source documents besides RAW (repeatable), e.g. ../shared/corpus/ccdi")
    p.add_argument("--workers", type=int, default=2, help="processes of the parallel run (default 2)")
    p.add_argument("--pairs", type=int, default=3, metavar="K",
                   help="pairs of pipeline runs (1 process, then --workers) that the scaling is taken "
                        "from, one after the other; the median is reported (default 3)")
    p.add_argument("--executor", choices=("processes", "dask"), default="processes",
                   help="executor of the parallel run (default processes)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a LocalCluster)")
    p.add_argument("--gold", type=Path, action="append", metavar="FILE",
                   help="gold figures to score both extractors on (default tests/data/seeds.jsonl "
                        "and tests/data/ccdi_dev.jsonl, for their documents among the sources)")
    p.add_argument("--workdir", type=Path, help="where to write the corpus and stores (default: a temp dir)")


# --- the corpus --------------------------------------------------------------------------------

def source_files(dirs: list[Path]) -> list[Path]:
    files = []
    for d in dirs:
        files.extend(sorted(p for p in d.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
    return files


def _tag(k: int) -> str:
    """Copy number as letters (no digits, so the tag can never be read as a figure)."""
    s = ""
    while True:
        k, r = divmod(k, 26)
        s = chr(ord("a") + r) + s
        if k == 0:
            return s
        k -= 1


def _marker_codec(data: bytes, encoding: str) -> str:
    """Codec for bytes appended to a file in `encoding` (no second byte-order mark)."""
    enc = codecs.lookup(encoding).name
    if enc == "utf-8-sig":
        return "utf-8"
    if enc in ("utf-16", "utf-32"):
        le = data.startswith(codecs.BOM_UTF32_LE if enc == "utf-32" else codecs.BOM_UTF16_LE)
        return f"{enc}-{'le' if le else 'be'}"
    return enc


def _with_marker(data: bytes, fmt: str, codec: str, tag: str) -> bytes:
    """The source's bytes with a copy tag in its text, so that no two copies are duplicates."""
    if fmt == "html":
        marker = f" (copy {tag})".encode(codec)
        at = data.rfind("</p>".encode(codec))
        return data[:at] + marker + data[at:] if at >= 0 else data + f"<p>copy {tag}</p>".encode(codec)
    return data + f"\n\ncopy {tag}\n".encode(codec)


def build_corpus(sources: list[Path], n: int, out: Path) -> dict:
    """Write n copies of the sources (round-robin) to `out`, one file at a time."""
    from pipeline.extract import DecodeError, doc_id_for, read_document
    from pipeline.extract.decode import decode_bytes

    info = []  # per source: (path, format, codec, text bytes); the sources, not the corpus
    for path in sources:
        data = path.read_bytes()
        try:
            decoded = read_document(path)
            _, encoding, _ = decode_bytes(data)
            codec = _marker_codec(data, encoding)
        except (DecodeError, LookupError) as e:
            # unreadable sources are the ingest's test data, not throughput material
            print(f"{path}: not used: {e}", file=sys.stderr)
            continue
        info.append((path, decoded.format, codec, len(decoded.text.encode("utf-8"))))
    if not info:
        raise SystemExit("error: no readable source documents")
    out.mkdir(parents=True, exist_ok=True)
    text_bytes = 0
    for k in range(n):
        path, fmt, codec, size = info[k % len(info)]
        tag = _tag(k)
        name = f"{doc_id_for(path)}-{tag}{path.suffix}"
        (out / name).write_bytes(_with_marker(path.read_bytes(), fmt, codec, tag))
        text_bytes += size
    return {"docs": n, "sources": len(info), "text_bytes": text_bytes}


def iter_corpus(corpus: Path) -> Iterator[str]:
    with os.scandir(corpus) as it:
        for entry in it:
            if entry.is_file():
                yield entry.path


# --- per-document tasks (run in worker processes) ------------------------------------------------

WARM_UP = "天津市静海区纪委监委2019年查处问题13起，处理15人，同比下降5%。"


_INIT_SECONDS: list[float] = []


def fast_init() -> None:
    """Load jieba, OpenCC and the gazetteer once per worker (per-document times are then steady)."""
    t0 = time.perf_counter()
    from pipeline.extract import extract_text

    extract_text("warm-up", WARM_UP)
    _INIT_SECONDS.append(time.perf_counter() - t0)


def extract_task(path: str) -> tuple:
    """(doc, error, figures, text bytes, decode CPU s, extract CPU s) of one document, by whichever
    extractor this process was set up for (`fast_init` or `naive_init`)."""
    from pipeline.extract import DecodeError, doc_id_for, extract_text, read_document

    # CPU time of this process: other load on the machine does not count against the extractor
    p = Path(path)
    t0 = time.process_time()
    try:
        decoded = read_document(p)
    except (OSError, DecodeError) as e:
        return (doc_id_for(p), str(e), 0, 0, time.process_time() - t0, 0.0)
    t1 = time.process_time()
    figures = extract_text(doc_id_for(p), decoded.text, title=decoded.title, site=decoded.site)
    t2 = time.process_time()
    return (doc_id_for(p), None, len(figures), len(decoded.text.encode("utf-8")), t1 - t0, t2 - t1)


class _WholeTextSegmentation:
    """Turns `extract_text` into the naive reference, in the process that runs it.

    normalise -> jieba over the whole text -> word boundaries of any fragment of it are read off
    that one segmentation instead of segmenting the fragment. The figure grammar and every rule
    stay the pipeline's own, so both differ only in how much text goes through jieba.

    `hmm`: jieba's default mode, which guesses words missing from the dictionary with its HMM
    (about half as fast). The pipeline and the naive run use the dictionary only; the paired run
    also times this mode, the one a first version would get from `jieba.lcut(text)`.
    """

    def __init__(self, hmm: bool = False):
        from bisect import bisect_left, bisect_right

        import pipeline.extract as extract
        from pipeline.extract import metrics

        self._bisect = bisect_left, bisect_right
        self._modules = extract, metrics
        self._originals = extract.normalize, extract.classify, metrics.word_bounds
        self._tk = metrics._jieba()
        self.hmm = hmm
        self.text, self.bounds, self.hint, self.fallbacks = "", [], None, 0
        self.install()

    def install(self) -> None:
        extract, metrics = self._modules
        extract.normalize, extract.classify, metrics.word_bounds = self.normalize, self.classify, self.word_bounds

    def remove(self) -> None:
        """Back to the pipeline's own functions (the paired run switches between both)."""
        extract, metrics = self._modules
        extract.normalize, extract.classify, metrics.word_bounds = self._originals

    def normalize(self, original):
        norm = self._originals[0](original)
        pos, bounds = 0, [0]
        for tok in self._tk.lcut(norm.text, HMM=self.hmm):
            pos += len(tok)
            bounds.append(pos)
        self.text, self.bounds = norm.text, bounds
        return norm

    def classify(self, text, q, clause_start, clause_end, *rest, **kwargs):
        self.hint = (q.match_start, q.match_end, clause_start, clause_end)
        return self._originals[1](text, q, clause_start, clause_end, *rest, **kwargs)

    def _window(self, start: int, end: int) -> set[int]:
        lo, hi = self._bisect[0](self.bounds, start), self._bisect[1](self.bounds, end)
        return {b - start for b in self.bounds[lo:hi]} | {0, end - start}

    def word_bounds(self, s: str) -> set[int]:
        """Boundaries of fragment s of the current text, as the whole-text segmentation has them.

        Fragments stand next to the figure being classified: right after it, further right in its
        clause (what follows 进行 in 对3起…进行通报; taken where it occurs once there), or ending
        before it (the nearest such occurrence is taken)."""
        q_start, q_end, clause_start, clause_end = self.hint
        text = self.text
        if text.startswith(s, q_end):
            return self._window(q_end, q_end + len(s))
        if text.endswith(s, 0, q_start):
            return self._window(q_start - len(s), q_start)
        start = text.find(s, q_end, clause_end)
        if start >= 0 and text.find(s, start + 1, clause_end) < 0:
            return self._window(start, start + len(s))
        start = text.rfind(s, 0, q_start)
        if start >= 0:
            return self._window(start, start + len(s))
        # the clause with the figure cut out (percentages look on both sides)
        if s == text[clause_start:q_start] + text[q_end:clause_end]:
            cut = q_start - clause_start
            return self._window(clause_start, q_start) | {cut + b for b in self._window(q_end, clause_end)}
        self.fallbacks += 1
        pos, bounds = 0, {0, len(s)}
        for tok in self._tk.cut(s, HMM=self.hmm):
            pos += len(tok)
            bounds.add(pos)
        return bounds


_NAIVE: _WholeTextSegmentation | None = None


def naive_init() -> None:
    global _NAIVE
    if _NAIVE is None:
        from pipeline.extract import extract_text

        _NAIVE = _WholeTextSegmentation()
        extract_text("warm-up", WARM_UP)


PAIRED_DOCS = 200  # documents of the corpus that the paired run extracts with both


def _run_paired(spec: dict) -> dict:
    """The extractors on the same documents in one process, document by document and in turns
    (each goes first in turn): a machine that slows down or speeds up during the run slows all
    alike, so their ratios of CPU time hold. Also checks that the naive reference and the pipeline
    give the same figures for every document. Besides those two it times the naive reference in
    jieba's default mode (`naive_hmm`, see `_WholeTextSegmentation`)."""
    from pipeline.extract import DecodeError, doc_id_for, extract_text, read_document

    paths = sorted(iter_corpus(Path(spec["corpus"])))
    step = max(1, len(paths) // PAIRED_DOCS)
    fast_init()
    naive_init()
    kinds = ("naive", "pipeline", "naive_hmm")
    out = {"docs": 0, "same": 0, "text_bytes": 0, **{f"{kind}_s": 0.0 for kind in kinds}}
    for k, path in enumerate(paths[::step][:PAIRED_DOCS]):
        try:
            decoded = read_document(Path(path))
        except (OSError, DecodeError):
            continue
        got = {}
        for kind in kinds[k % 3:] + kinds[:k % 3]:
            (_NAIVE.remove if kind == "pipeline" else _NAIVE.install)()
            _NAIVE.hmm = kind == "naive_hmm"
            t0 = time.process_time()
            got[kind] = extract_text(doc_id_for(Path(path)), decoded.text, title=decoded.title, site=decoded.site)
            out[f"{kind}_s"] += time.process_time() - t0
        _NAIVE.remove()
        _NAIVE.hmm = False
        out["docs"] += 1
        out["same"] += got["naive"] == got["pipeline"]
        out["text_bytes"] += len(decoded.text.encode("utf-8"))
    return out


# --- one run, in its own process ----------------------------------------------------------------

def _run_extract(spec: dict) -> dict:
    from pipeline.executor import run_many

    init = naive_init if spec["kind"] == "naive" else fast_init
    out = {"docs": 0, "failed": 0, "figures": 0, "text_bytes": 0, "decode_s": 0.0, "extract_s": 0.0}
    t0 = time.perf_counter()
    for _doc, error, n_fig, n_bytes, dec_s, ext_s in run_many(
            extract_task, iter_corpus(Path(spec["corpus"])), executor=spec["executor"], workers=spec["workers"],
            scheduler=spec.get("scheduler"), initializer=init):
        out["docs"] += 1
        out["failed"] += error is not None
        out["figures"] += n_fig
        out["text_bytes"] += n_bytes
        out["decode_s"] += dec_s
        out["extract_s"] += ext_s
    out["seconds"] = time.perf_counter() - t0
    out["init_s"] = sum(_INIT_SECONDS)  # this process's start-up, when it ran the documents itself
    out["path"] = "read_document + extract_text"
    return out


def _run_ingest(spec: dict) -> dict:
    import duckdb

    from pipeline.ingest import run_ingest

    db = Path(spec["db"])
    kwargs = {"executor": spec["executor"], "workers": spec["workers"], "progress": False}
    if spec.get("scheduler"):
        kwargs["scheduler"] = spec["scheduler"]
    t0 = time.perf_counter()
    run_ingest(raw_dir=Path(spec["corpus"]), db_path=db, **kwargs)
    seconds = time.perf_counter() - t0
    with duckdb.connect(str(db), read_only=True) as con:
        docs, failed = con.execute("select count(*), count(*) filter (where status = 'failed') from documents").fetchone()
        figures = con.execute("select count(*) from figures").fetchone()[0]
    return {"docs": docs, "failed": failed, "figures": figures, "seconds": seconds, "path": "pipeline.ingest.run_ingest"}


def _gold_predictions(kind: str, paths: list[str]) -> list[dict]:
    from pipeline.extract import DecodeError, doc_id_for, extract_text, read_document

    (naive_init if kind == "naive" else fast_init)()
    figures = []
    for path in paths:
        try:
            decoded = read_document(Path(path))
        except (OSError, DecodeError):
            continue
        figures.extend(extract_text(doc_id_for(Path(path)), decoded.text, title=decoded.title, site=decoded.site))
    return figures


def _phase_main(spec: dict, conn) -> None:
    import resource

    try:
        if spec["kind"] == "ingest":
            result = _run_ingest(spec)
        elif spec["kind"] == "paired":
            result = _run_paired(spec)
        else:
            result = _run_extract(spec)
        if spec.get("gold_paths"):
            result["gold_figures"] = _gold_predictions(spec["kind"], spec["gold_paths"])
        if spec["kind"] == "naive" and _NAIVE is not None:
            result["fallbacks"] = _NAIVE.fallbacks
        result["maxrss_self"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        conn.send(("ok", result))
    except BaseException as e:  # the parent prints it; a benchmark run must say why it failed
        import traceback

        conn.send(("error", f"{type(e).__name__}: {e}\n{traceback.format_exc()}"))
    finally:
        conn.close()


def _statm_rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:  # the process has just ended
        return 0


def _children(pid: int) -> list[int] | None:
    """Child pids from /proc/PID/task/*/children; None where the kernel does not provide it."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    out = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out.extend(int(c) for c in f.read().split())
        except FileNotFoundError:
            return None
        except OSError:
            continue
    return out


def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc.

    The tree is walked down from `root`: a sample reads a few files, not every process's, so
    that sampling takes next to no CPU from the run it measures (the machine may have no core to
    spare). Where the kernel lists no children, every process is looked at instead."""
    total, todo, seen = 0, [root], set()
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        children = _children(pid)
        if children is None:
            return _tree_rss_scan(root)
        total += _statm_rss(pid)
        todo.extend(children)
    return total


def _tree_rss_scan(root: int) -> int:
    parent_of, rss = {}, {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                stat = f.read()
            with open(f"/proc/{name}/statm") as f:
                pages = int(f.read().split()[1])
        except OSError:
            continue
        pid = int(name)
        parent_of[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        rss[pid] = pages * os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid in rss:
        p, seen = pid, 0
        while p and seen < 64:
            if p == root:
                total += rss[pid]
                break
            p, seen = parent_of.get(p, 0), seen + 1
    return total


def run_phase(spec: dict) -> dict:
    """Run one benchmark run in a fresh process; sample its process tree's memory meanwhile."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_phase_main, args=(spec, send))
    proc.start()
    send.close()
    peak, stop = [0], threading.Event()
    has_proc = os.path.isdir("/proc/self")

    def sample():
        while not stop.wait(0.05):
            peak[0] = max(peak[0], _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if has_proc:
        sampler.start()
    try:
        status, result = recv.recv()
    except EOFError:
        status, result = "error", f"the benchmark process died (exit code {proc.exitcode})"
    stop.set()
    proc.join()
    if has_proc:
        sampler.join()
    if status != "ok":
        raise RuntimeError(result)
    result["peak_rss"] = max(peak[0], result.pop("maxrss_self"))
    return result


# --- the command ----------------------------------------------------------------------------------

def _load_gold(files: list[Path], sources: list[Path]) -> tuple[list[dict], list[str]]:
    from pipeline.evaluate import load_jsonl
    from pipeline.extract import doc_id_for

    by_id = {doc_id_for(p): p for p in sources}
    gold = [g for f in files if f.is_file() for g in load_jsonl(f) if g["doc"] in by_id]
    return gold, sorted({str(by_id[g["doc"]]) for g in gold})


def _mb(n: float) -> float:
    return n / 1e6


def run(args: argparse.Namespace) -> int:
    from pipeline import config
    from pipeline.evaluate import score
    from pipeline.executor import default_workers

    if args.docs < 1 or args.workers < 1 or args.pairs < 1:
        print("error: -n, --workers and --pairs must be at least 1", file=sys.stderr)
        return 2
    dirs = [config.raw_dir(), *args.corpus]
    missing = [str(d) for d in dirs if not d.is_dir()]
    if missing:
        print(f"error: not a directory: {', '.join(missing)}", file=sys.stderr)
        return 2
    sources = source_files(dirs)
    gold_files = args.gold or [config.PROJ_ROOT / "tests" / "data" / "seeds.jsonl",
                               config.PROJ_ROOT / "tests" / "data" / "ccdi_dev.jsonl"]
    gold, gold_paths = _load_gold(gold_files, sources)

    with tempfile.TemporaryDirectory(prefix="jiwei-bench-", dir=args.workdir) as tmp:
        corpus_dir = Path(tmp) / "corpus"
        t0 = time.perf_counter()
        corpus = build_corpus(sources, args.docs, corpus_dir)
        print(f"corpus: {corpus['docs']} documents from {corpus['sources']} sources in "
              f"{', '.join(map(str, dirs))}; {_mb(corpus['text_bytes']):.1f} MB of text; "
              f"written in {time.perf_counter() - t0:.1f} s")
        base = {"corpus": str(corpus_dir), "gold_paths": gold_paths}
        runs = [
            ("naive, 1 process", {**base, "kind": "naive", "executor": "serial", "workers": 1}),
            ("pipeline, 1 process", {**base, "kind": "extract", "executor": "serial", "workers": 1}),
            ("ingest, 1 process", {**base, "kind": "ingest", "executor": "serial", "workers": 1,
                                   "db": f"{tmp}/ingest1.duckdb", "gold_paths": []}),
        ]
        if args.workers > 1:
            runs.append((f"pipeline, {args.workers} processes",
                         {**base, "kind": "extract", "executor": args.executor, "workers": args.workers,
                          "scheduler": args.scheduler, "gold_paths": []}))
            runs.append((f"ingest, {args.workers} processes",
                         {**base, "kind": "ingest", "executor": args.executor, "workers": args.workers,
                          "scheduler": args.scheduler, "db": f"{tmp}/ingest{args.workers}.duckdb",
                          "gold_paths": []}))
        results = {}
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{'run':28s} {'docs':>6s} {'figures':>8s} {'seconds':>8s} {'docs/s':>8s} {'MB/s':>7s} "
              f"{'extract MB/CPU-s':>17s} {'peak RSS MB':>12s}")
        for label, spec in runs:
            r = run_phase(spec)
            results[label] = r
            mb = _mb(r.get("text_bytes") or corpus["text_bytes"])
            r["mbps"] = mb / r["seconds"]
            r["extract_mbps"] = mb / r["extract_s"] if r.get("extract_s") else None
            ext = f"{r['extract_mbps']:.2f}" if r["extract_mbps"] else "-"
            print(f"{label:28s} {r['docs']:6d} {r['figures']:8d} {r['seconds']:8.2f} {r['docs'] / r['seconds']:8.1f} "
                  f"{r['mbps']:7.2f} {ext:>17s} {r['peak_rss'] / 2**20:12.1f}")
            if r["failed"]:
                print(f"  ({r['failed']} documents failed to decode)")
        paired = run_phase({"corpus": str(corpus_dir), "kind": "paired"})
        scalings = []  # wall-clock ratios of N processes over 1, each from two runs one after the other
        if args.workers > 1:
            one, many = "pipeline, 1 process", f"pipeline, {args.workers} processes"
            specs = dict(runs)
            scalings.append(results[one]["seconds"] / results[many]["seconds"])
            for _ in range(args.pairs - 1):
                t_one = run_phase({**specs[one], "gold_paths": []})["seconds"]
                scalings.append(t_one / run_phase(specs[many])["seconds"])

    naive, fast1 = results["naive, 1 process"], results["pipeline, 1 process"]
    cores = default_workers()  # the cores this process may use
    end_load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {cores} cores; load average {load:.1f} before, {end_load:.1f} after "
          f"(wall-clock figures include other work on the machine; CPU-s figures do not)")
    print(f"speed-up over naive, 1 process: extraction {fast1['extract_mbps'] / naive['extract_mbps']:.1f}x "
          f"(MB per CPU-s), end to end {fast1['mbps'] / naive['mbps']:.1f}x (MB/s)")
    if paired["docs"]:
        print(f"paired, in one process: {paired['docs']} of the documents, each extracted by each extractor in turn: "
              f"naive {_mb(paired['text_bytes']) / paired['naive_s']:.2f}, pipeline "
              f"{_mb(paired['text_bytes']) / paired['pipeline_s']:.2f} MB/CPU-s: "
              f"{paired['naive_s'] / paired['pipeline_s']:.1f}x; same figures for {paired['same']} of {paired['docs']}")
        print(f"  the naive reference in jieba's default mode (HMM on, as jieba.lcut(text)): "
              f"{_mb(paired['text_bytes']) / paired['naive_hmm_s']:.2f} MB/CPU-s; the pipeline is "
              f"{paired['naive_hmm_s'] / paired['pipeline_s']:.1f}x that")
    if fast1.get("init_s"):
        print(f"start-up of a process (imports, jieba's dictionary, the gazetteer): {fast1['init_s']:.2f} s, "
              f"{100 * fast1['init_s'] / fast1['seconds']:.0f}% of the 1-process run; every worker pays it too")
    if args.workers > 1:
        print(f"scaling, {args.workers} processes ({args.executor}) over 1: {statistics.median(scalings):.2f}x, "
              f"the median of {len(scalings)} pair{'s' if len(scalings) > 1 else ''} of runs "
              f"({', '.join(f'{x:.2f}x' for x in scalings)})")
        i1, i2 = results["ingest, 1 process"], results[f"ingest, {args.workers} processes"]
        print(f"ingest scaling, {args.workers} processes over 1: {i1['seconds'] / i2['seconds']:.2f}x")
    if naive.get("fallbacks"):
        print(f"note: naive reference segmented {naive['fallbacks']} fragments on their own")
    if gold:
        n_docs = len({g['doc'] for g in gold})
        print(f"score on the development gold ({n_docs} documents, {len(gold)} gold figures):")
        for label, r in (("naive", naive), ("pipeline", fast1)):
            s, _ = score(gold, r["gold_figures"])
            print(f"  {label:9s} figure P {s['figure_precision']:.3f} R {s['figure_recall']:.3f} "
                  f"F1 {s['figure_f1']:.3f}   core metric F1 {s['core_f1']:.3f}   "
                  f"region accuracy {s['region_accuracy']:.3f}")
    else:
        print("score: no gold documents among the sources")
    return 0
