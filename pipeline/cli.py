"""`python -m pipeline <stage>`: one subcommand per stage.

Each stage module defines `add_arguments(parser)` and `run(args) -> int` and keeps its heavy
imports inside functions, so `--help` is instant.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

# (command, module, one-line help) in pipeline order
STAGES = [
    ("extract", "pipeline.extract.cli", "extract figures from files and print them (JSON lines with --jsonl)"),
    ("ingest", "pipeline.ingest", "read every file under RAW into the DuckDB store (incremental)"),
    ("validate", "pipeline.validate", "run the great-expectations suites; failing rows go to `rejected`"),
    ("report", "pipeline.report.render", "ingest, validate and render REPORTS/<slug>.html for one region"),
    ("reports", "pipeline.report.render_all", "render every region with figures and REPORTS/index.html"),
    ("nightly", "pipeline.nightly", "incremental rebuild with a lock, a run record and a log file"),
    ("status", "pipeline.status", "print the last pipeline runs"),
    ("regions", "pipeline.regions.cli", "resolve a region name as typed (静海, 靜海區, jinghai) or list regions"),
    ("eval", "pipeline.evaluate", "score extracted figures against a gold file"),
    ("bench", "pipeline.bench", "throughput benchmark against a naive jieba pipeline"),
    ("setup", "pipeline.setup_env", "prepare caches and fonts after installation"),
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Figures from Chinese discipline-inspection reports: extract -> DuckDB -> validate -> reports.",
        epilog="Paths come from RAW, PROCESSED and REPORTS in the environment (defaults: data/raw, "
        "data/processed, reports). Example: python -m pipeline report 静海",
    )
    sub = parser.add_subparsers(dest="command", metavar="STAGE")
    for name, module, help_text in STAGES:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(_module=module)
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise
            p.set_defaults(_missing=True)
            continue
        mod.add_arguments(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("MPLBACKEND", "Agg")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    if getattr(args, "_missing", False):
        print(f"error: stage '{args.command}' is not available in this version", file=sys.stderr)
        return 2
    mod = importlib.import_module(args._module)
    try:
        return int(mod.run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
