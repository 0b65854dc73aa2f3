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


# A page with a table of districts: each row's figures belong to the row's district and are named
# by their column's heading, as if the row were written out.
TABLE_PAGE = """<html><head><title>各区查处情况_天津市纪委监委</title></head><body>
<div class="nav">首页 | 工作动态 | 联系我们</div>
<h1>天津市纪委监委通报1至6月各区查处违反中央八项规定精神问题情况</h1>
<div class="content">
<p>1至6月，全市共查处违反中央八项规定精神问题356起，处理482人。各区情况如下：</p>
<table>
<tr><td>序号</td><td>地区</td><td>查处问题（起）</td><td>处理人数（人）</td></tr>
<tr><td>1</td><td>静海区</td><td>23</td><td>31</td></tr>
<tr><td>2</td><td>河北区</td><td>18</td><td>25</td></tr>
<tr><td>3</td><td>武清区</td><td>27</td><td>36</td></tr>
</table>
<p>市纪委监委将持续加大查处力度。</p>
</div></body></html>"""

# A page laid out in a grid of tables: the grid is no data and is left to the page reader.
GRID_PAGE = """<html><head><title>工作动态</title></head><body>
<table width="100%"><tr><td><div>首页 工作动态</div></td></tr>
<tr><td><table><tr><td><h1>静海区纪委监委聚焦群众身边问题</h1>
<p>今年以来，静海区纪委监委共查处群众身边腐败和作风问题56起，处理78人。</p>
<p>区纪委监委将持续深化整治，推动全面从严治党向基层延伸。</p></td></tr></table></td></tr></table>
</body></html>"""


def _read_page(html: str) -> tuple[str, dict]:
    """A page's text and its figures, (value, unit) -> (metric, region_id)."""
    page = decode_file(html.encode("utf-8"), ".html")
    figures = {(f["value"], f["unit"]): (f["metric"], f["region_id"]) for f in extract_text("t", page.text, page.title)}
    return page.text, figures


def test_a_table_row_is_read_as_a_sentence_about_its_region():
    text, figures = _read_page(TABLE_PAGE)
    assert "静海区，查处问题23起，处理人数31人。" in text
    assert figures[(23, "起")] == ("cases_investigated", "jinghai")
    assert figures[(31, "人")] == ("people_held_accountable", "jinghai")
    assert figures[(25, "人")] == ("people_held_accountable", "tianjin-hebei")
    assert figures[(27, "起")] == ("cases_investigated", "wuqing")
    assert figures[(356, "起")] == ("cases_investigated", "tianjin")
    assert not any(v in (1, 2, 3) for v, _ in figures)  # the row numbers


def test_a_heading_that_counts_in_a_measure_word_gives_its_cells_that_unit():
    text, figures = _read_page(TABLE_PAGE.replace("处理人数（人）", "处理人数").replace("查处问题（起）", "立案数"))
    assert "静海区，立案数23，处理人数31人。" in text
    assert figures[(31, "人")] == ("people_held_accountable", "jinghai")
    assert not any(v == 23 for v, _ in figures)  # 立案数 names no measure word: no unit, no figure


def test_a_table_whose_rows_are_measures_and_columns_places():
    transposed = TABLE_PAGE.split("<table>")[0] + """<table>
<tr><td>项目</td><td>静海区</td><td>武清区</td></tr>
<tr><td>查处问题（起）</td><td>23</td><td>27</td></tr>
<tr><td>处理人数</td><td>31</td><td>36</td></tr>
</table></div></body></html>"""
    text, figures = _read_page(transposed)
    assert "查处问题：静海区23起，武清区27起。" in text
    assert figures[(23, "起")] == ("cases_investigated", "jinghai")
    assert figures[(27, "起")] == ("cases_investigated", "wuqing")
    assert figures[(36, "人")] == ("people_held_accountable", "wuqing")


def test_a_page_laid_out_in_tables_keeps_its_text():
    page = decode_file(GRID_PAGE.encode("utf-8"), ".html")
    figures = {(f["value"], f["unit"]): f["metric"] for f in extract_text("g", page.text, page.title)}
    assert figures == {(56, "起"): "cases_investigated", (78, "人"): "people_held_accountable"}


# Bulletins merge cells: a category over the rows of its kinds, a heading over its sub-headings.
MERGED_TABLE_PAGE = """<html><head><title>汇总情况_中央纪委国家监委网站</title></head><body>
<h1>2024年6月全国查处违反中央八项规定精神问题汇总情况</h1>
<div class="content">
<p>2024年6月，全国共查处违反中央八项规定精神问题21203起。</p>
<table>
<tr><td colspan="2" rowspan="2">类别</td><td rowspan="2">查处问题（起）</td><td colspan="2">处理人数（人）</td></tr>
<tr><td>合计</td><td>其中党纪政务处分</td></tr>
<tr><td rowspan="2">享乐主义、奢靡之风</td><td>违规收送名贵特产和礼品礼金</td><td>4825</td><td>6521</td><td>5012</td></tr>
<tr><td>违规吃喝</td><td>2301</td><td>3207</td><td>2454</td></tr>
<tr><td colspan="2">合计</td><td>21203</td><td>30184</td><td>19947</td></tr>
</table>
</div></body></html>"""


def test_a_table_with_merged_cells_is_read_as_if_each_cell_stood_in_every_place_it_covers():
    text, figures = _read_page(MERGED_TABLE_PAGE)
    assert "享乐主义、奢靡之风，违规吃喝，查处问题2301起，处理人数合计3207人，处理人数其中党纪政务处分2454人。" in text
    assert "合计，查处问题21203起，处理人数合计30184人，处理人数其中党纪政务处分19947人。" in text
    assert figures[(4825, "起")] == ("cases_investigated", "national")
    assert figures[(6521, "人")] == ("people_held_accountable", "national")
    assert figures[(2454, "人")] == ("people_disciplined", "national")
    assert figures[(19947, "人")] == ("people_disciplined", "national")


def test_a_table_of_unequal_rows_is_left_to_the_page_reader():
    uneven = MERGED_TABLE_PAGE.replace('<td rowspan="2">享乐主义、奢靡之风</td>', "<td>享乐主义、奢靡之风</td>")
    text, _ = _read_page(uneven)
    assert "违规吃喝，查处问题" not in text
