"""The development gold as a threshold: the extractor must stay above the targets."""
from __future__ import annotations

import pytest

from pipeline.evaluate import extract_files, load_jsonl, score
from tests.conftest import TEST_DATA


@pytest.fixture(scope="module")
def seed_scores(seed_paths):
    return score(load_jsonl(TEST_DATA / "seeds.jsonl"), extract_files(seed_paths))


def test_seed_figures(seed_scores):
    result, errors = seed_scores
    assert result["figure_f1"] >= 0.98, errors["missed"][:5] + errors["spurious"][:5]
    assert result["qualifier_accuracy"] >= 0.98, errors["wrong_qualifier"][:5]


def test_seed_core_metrics_and_regions(seed_scores):
    result, errors = seed_scores
    assert result["region_accuracy"] >= 0.97, errors["wrong_region"][:5]
    assert result["core_f1"] >= 0.95, errors["wrong_metric"][:5]


@pytest.mark.parametrize("gold_file", ["ccdi_dev.jsonl", "ccdi_extra.jsonl"])
def test_ccdi_pages(gold_file):
    """Annotated pages of national and provincial bulletins and commentary, shipped in tests/data/ccdi."""
    gold = load_jsonl(TEST_DATA / gold_file)
    pages = [TEST_DATA / "ccdi" / f"{d}.html" for d in sorted({g["doc"] for g in gold})]
    result, errors = score(gold, extract_files(pages))
    assert result["figure_f1"] >= 0.95, errors["missed"][:5] + errors["spurious"][:5]
    assert result["region_accuracy"] >= 0.95, errors["wrong_region"][:5]
    assert result["core_f1"] >= 0.9, errors["wrong_metric"][:5] + errors["wrong_region"][:5]
