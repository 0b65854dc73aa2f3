"""`python -m pipeline extract FILE... [--jsonl]`: figures of files, printed."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FIELDS = ["doc", "start", "end", "value", "unit", "qualifier", "metric", "region_path", "region_id", "sentence"]


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="text or HTML files")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per figure (the figure contract)")


def run(args: argparse.Namespace) -> int:
    from pipeline.extract import DecodeError, doc_id_for, extract_text, read_document

    failed = figures = 0
    for path in args.files:
        try:
            decoded = read_document(path)
        except (OSError, DecodeError) as e:
            print(f"{path}: skipped: {e}", file=sys.stderr)
            failed += 1
            continue
        if not decoded.text.strip():
            print(f"{path}: no text", file=sys.stderr)
        for fig in extract_text(doc_id_for(path), decoded.text, title=decoded.title, site=decoded.site):
            figures += 1
            if args.jsonl:
                print(json.dumps({k: fig[k] for k in FIELDS}, ensure_ascii=False))
            else:
                region = "/".join(fig["region_path"]) or "?"
                print(f"{fig['doc']}\t{fig['start']}-{fig['end']}\t{fig['value']}\t{fig['unit']}\t"
                      f"{fig['qualifier']}\t{fig['metric']}\t{region}\t{' '.join(fig['sentence'][:60].split())}")
    n = len(args.files)
    print(f"extract: {n} file{'s' * (n != 1)}, {figures} figure{'s' * (figures != 1)}; {failed} skipped",
          file=sys.stderr)
    return 1 if failed and failed == len(args.files) else 0
