"""Decoding: mojibake of UTF-8 text read as GBK is read back, and a real text is left alone."""
from __future__ import annotations

import json

import pytest

from pipeline.extract import extract_text
from pipeline.extract.decode import decode_file, repair_mojibake
from tests.conftest import SEEDS, TEST_DATA


def _read_as_gbk(text: str) -> bytes:
    """What a crawler saves when it decodes a UTF-8 page as GBK: every byte the GBK decoder cannot
    pair is lost as U+FFFD."""
    return text.encode("utf-8").decode("gbk", errors="replace").encode("utf-8")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_utf8_read_as_gbk_is_read_back(seed):
    original = seed.read_text(encoding="utf-8")
    decoded = decode_file(_read_as_gbk(original), ".txt")
    assert "mojibake repaired (UTF-8 decoded as GBK)" in decoded.notes
    # every lost byte is put back, so offsets are those of the original ...
    assert len(decoded.text) == len(original) and "\ufffd" not in decoded.text
    # ... and nearly every character is the original's (a lost byte is a guess from its context)
    same = sum(a == b for a, b in zip(decoded.text, original)) / len(original)
    assert same >= 0.95, same


def test_figures_of_repaired_seeds_match_the_gold():
    gold = [json.loads(line) for line in (TEST_DATA / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    found = set()
    for seed in SEEDS:
        decoded = decode_file(_read_as_gbk(seed.read_text(encoding="utf-8")), ".txt")
        found |= {(f["doc"], f["start"], f["value"]) for f in extract_text(seed.stem, decoded.text)}
    recall = sum((g["doc"], g["start"], g["value"]) in found for g in gold) / len(gold)
    assert recall >= 0.85, recall


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_a_real_text_is_not_repaired(seed):
    text = seed.read_text(encoding="utf-8")
    assert repair_mojibake(text) == (text, None)
