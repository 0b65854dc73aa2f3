"""`python -m pipeline setup`: one-off preparation after installation (run by `make setup`).

Builds jieba's dictionary cache once, and checks that the CJK font for charts is installed.
"""
from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    from pipeline.extract.metrics import word_bounds

    word_bounds("查处问题71起")  # builds the jieba cache in the per-user cache directory
    try:
        from pipeline.report.fonts import cjk_font_path

        print(f"CJK font: {cjk_font_path()}")
    except ImportError:
        pass
    print("setup done")
    return 0
