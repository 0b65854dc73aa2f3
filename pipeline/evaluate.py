"""`python -m pipeline eval --gold FILE [DOCS...]`: the project's measuring stick.

In: a gold file (JSON lines: doc, value, qualifier, metric, region, and either start/end offsets
or an `anchor` text with "match": "anchor" for pages) and the documents it annotates. Out: figure
precision/recall/F1, core-metric precision/recall/F1, region and qualifier accuracy, and with
`--errors N` the misses, spurious figures and mislabels. Analysts can annotate their own documents
in the same format and point this at them.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

SUB_COUNTY = re.compile(r"(街道|街|镇|鎮|乡|鄉|村|社区|社區|经济联社)$")
SUFFIX = re.compile(r"(特别行政区|自治区|自治州|自治县|新区|省|市|区|县|盟|旗)$")


def region_key(path) -> str:
    """Regions compare at county level or above, without administrative suffixes."""
    if isinstance(path, str):
        path = [p for p in re.split(r"[/>|,]", path) if p]
    path = [p.strip() for p in (path or []) if p and p.strip()]
    while path and SUB_COUNTY.search(path[-1]):
        path = path[:-1]
    path = [p for p in path if p not in ("市辖区", "县", "省直辖县级行政区划")]
    return SUFFIX.sub("", path[-1]) if path else ""


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def _same_value(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _matches(g: dict, p: dict) -> bool:
    if p.get("doc") != g["doc"] or not _same_value(p.get("value"), g["value"]):
        return False
    if g.get("match") == "anchor":
        return _squash(g["anchor"]) in _squash(p.get("sentence"))
    try:
        s, e = int(p["start"]), int(p["end"])
    except (KeyError, TypeError, ValueError):
        return False
    return s < g["end"] and g["start"] < max(e, s + 1)


def score(gold: list[dict], pred: list[dict]) -> tuple[dict, dict]:
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p.get("doc") in docs]
    used: set[int] = set()
    pairs, missed = [], []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and _matches(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            pairs.append((g, pred[hit]))
    optional = {id(p) for g, p in pairs if g.get("optional")}
    required = [(g, p) for g, p in pairs if not g.get("optional")]
    n_gold = sum(1 for g in gold if not g.get("optional"))
    n_pred = len(pred) - len(optional)

    def region_ok(g, p):
        want = {region_key(g["region"])} | {region_key(r) for r in g.get("alt_regions", [])}
        return region_key(p.get("region_path") or p.get("region")) in want

    def metric_ok(g, p):
        return p.get("metric") in {g["metric"], *g.get("alt_metrics", [])}

    def f1(p, r):
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    tp = len(required)
    core_gold = [g for g in gold if not g.get("optional") and g["metric"] != "other"]
    core_pred = [p for p in pred if id(p) not in optional and p.get("metric") not in (None, "", "other")]
    core_tp = sum(1 for g, p in required if g["metric"] != "other" and metric_ok(g, p) and region_ok(g, p))
    fp_, fr_ = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    cp_, cr_ = (core_tp / len(core_pred) if core_pred else 0.0), (core_tp / len(core_gold) if core_gold else 0.0)
    result = {
        "gold": n_gold, "predicted": n_pred, "matched": tp,
        "figure_precision": round(fp_, 4), "figure_recall": round(fr_, 4), "figure_f1": round(f1(fp_, fr_), 4),
        "region_accuracy": round(sum(region_ok(g, p) for g, p in required) / tp, 4) if tp else 0.0,
        "qualifier_accuracy": round(sum((p.get("qualifier") or "exact") == g["qualifier"] for g, p in required) / tp, 4) if tp else 0.0,
        "core_gold": len(core_gold), "core_predicted": len(core_pred), "core_correct": core_tp,
        "core_precision": round(cp_, 4), "core_recall": round(cr_, 4), "core_f1": round(f1(cp_, cr_), 4),
    }
    errors = {
        "missed": [(g["doc"], g["anchor"], g["value"]) for g in missed if not g.get("optional")],
        "spurious": [(p.get("doc"), p.get("value"), (p.get("sentence") or "")[:60])
                     for i, p in enumerate(pred) if i not in used],
        "wrong_region": [(g["doc"], g["anchor"], "/".join(g["region"]), "/".join(p.get("region_path") or []))
                         for g, p in required if not region_ok(g, p)],
        "wrong_metric": [(g["doc"], g["anchor"], g["metric"], p.get("metric")) for g, p in required
                         if (g["metric"] != "other" or p.get("metric") not in (None, "", "other")) and not metric_ok(g, p)],
        "wrong_qualifier": [(g["doc"], g["anchor"], g["qualifier"], p.get("qualifier"))
                            for g, p in required if (p.get("qualifier") or "exact") != g["qualifier"]],
    }
    return result, errors


def load_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise SystemExit(f"{path}:{n}: not JSON: {e}") from e
    return rows


def extract_files(paths: list[Path]) -> list[dict]:
    from pipeline.extract import DecodeError, doc_id_for, extract_text, read_document

    figures = []
    for path in paths:
        try:
            decoded = read_document(path)
        except (OSError, DecodeError) as e:
            print(f"{path}: skipped: {e}", file=sys.stderr)
            continue
        figures.extend(extract_text(doc_id_for(path), decoded.text, title=decoded.title, site=decoded.site))
    return figures


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", type=Path, required=True, help="gold figures, JSON lines")
    p.add_argument("docs", nargs="*", type=Path, metavar="DOC",
                   help="documents to extract (default: files under RAW whose name is in the gold)")
    p.add_argument("--pred", type=Path, help="score these extracted figures (JSON lines) instead of extracting")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="list up to N errors of each kind")
    p.add_argument("--json", action="store_true", help="print the scores as one JSON object")


def run(args: argparse.Namespace) -> int:
    from pipeline import config
    from pipeline.extract import doc_id_for

    gold = load_jsonl(args.gold)
    if args.pred:
        pred = load_jsonl(args.pred)
    else:
        wanted = {g["doc"] for g in gold}
        docs = args.docs or sorted(p for p in config.raw_dir().rglob("*") if p.is_file() and doc_id_for(p) in wanted)
        if not docs:
            print(f"error: none of the gold's documents found (looked in {config.raw_dir()})", file=sys.stderr)
            return 2
        pred = extract_files(docs)
    result, errors = score(gold, pred)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        for k, v in result.items():
            print(f"{k:20s} {v}")
    if args.errors:
        for kind, items in errors.items():
            print(f"\n{kind} ({len(items)}):")
            for item in items[: args.errors]:
                print("  ", *item)
    return 0
