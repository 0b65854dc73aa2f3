"""Shared fixtures: the seed corpus shipped in data/raw and the gold shipped in tests/data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
TEST_DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared"
CCDI = SHARED / "corpus" / "ccdi"

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    assert len(SEEDS) == 5, "the five seed documents must be in data/raw"
    return SEEDS


@pytest.fixture(scope="session")
def ccdi_dir() -> Path:
    if not CCDI.is_dir():
        pytest.skip("the saved ccdi pages are not available on this machine")
    return CCDI
