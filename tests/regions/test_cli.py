"""`python -m pipeline regions`: the stage as a user runs it."""
from __future__ import annotations

import pytest

from pipeline.cli import main


@pytest.mark.parametrize("query", ["静海县", "靜海區", "静海", "jinghai"])
def test_resolves_to_jinghai(query, capsys):
    assert main(["regions", query]) == 0
    assert capsys.readouterr().out.split("\t")[:3] == ["jinghai", "静海区", "天津市/静海区"]


def test_ambiguous_query_fails_and_names_the_candidates(capsys):
    assert main(["regions", "hebei"]) == 2
    err = capsys.readouterr().err
    assert "河北省" in err and "河北区" in err and "tianjin-hebei" in err and "hebeisheng" in err


def test_unknown_query_suggests(capsys):
    assert main(["regions", "jinhai"]) == 1
    assert "jinghai" in capsys.readouterr().err


def test_list(capsys):
    assert main(["regions", "--list", "--level", "province"]) == 0
    lines = capsys.readouterr().out.splitlines()
    # 34 provinces, regions and municipalities, and the production and construction corps
    assert len(lines) == 35 and any(line.startswith("hebeisheng\t河北省") for line in lines)
    assert any(line.startswith("bingtuan\t新疆生产建设兵团") for line in lines)
