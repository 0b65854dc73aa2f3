"""Queries on the seed store and the pure helpers that shape what a reader sees."""
from __future__ import annotations

import pandas as pd
import pytest

from pipeline.report import html as h
from pipeline.report import queries

DISPLAY = [
    # value, unit, qualifier, text around the figure, shown as
    (7000, "件", "more_than", "共7000多件", "7000多件"),
    (180, "名", "more_than", "180余名社区干部", "180余名"),
    (180, "名", "more_than", "180餘名", "180余名"),
    (100, "件", "more_than", "100件以上", "100件以上"),
    (85, "%", "more_than", "85%以上的村", "85%以上"),
    (50, "人", "more_than", "逾50人", "逾50人"),
    (30, "人", "approx", "约30人", "约30人"),
    (30, "人", "approx", "30人左右", "30人左右"),
    (10, "人", "less_than", "不足10人", "不足10人"),
    (10, "人", "less_than", "", "不到10人"),
    (71, "起", "exact", "查处问题71起", "71起"),
    (66000000, "元", "exact", "6 600萬元", "6600万元"),
    (23000000, "元", "more_than", "2300多万元", "2300多万元"),
    (-50, "%", "exact", "下降50%", "-50%"),
    (1.5, "%", "exact", "", "1.5%"),
]


@pytest.mark.parametrize("value,unit,qualifier,surface,shown", DISPLAY)
def test_display_value_keeps_the_qualifier(value, unit, qualifier, surface, shown):
    assert queries.display_value(value, unit, qualifier, surface) == shown


def test_highlight_escapes_around_the_mark():
    assert h.highlight("a<b>71起", 4, 6) == "a&lt;b&gt;<mark>71</mark>起"
    assert h.highlight("<i>", 0, 99) == "&lt;i&gt;"  # offsets outside the sentence: no mark


def test_safe_url_only_allows_http():
    assert h.safe_url("https://www.ccdi.gov.cn/a.html") == "https://www.ccdi.gov.cn/a.html"
    assert h.safe_url("javascript:alert(1)") is None
    assert h.safe_url(" JavaScript:alert(1)") is None


def test_period_caveats():
    df = pd.DataFrame({"region_id": ["a", "b"], "doc_id": ["d1", "d2"], "period": ["2020", "2021"],
                       "published": [None, None]})
    notes = queries.period_caveats(df)
    assert any("different periods (2020, 2021)" in n for n in notes)
    same = df.assign(doc_id="d1", period="2021")
    assert queries.period_caveats(same) == []


def test_default_peers_are_tianjin_districts(seed_store):
    with queries.connect(seed_store.db) as con:
        peers = queries.peer_ids(con, "jinghai")
        names = queries.comparison(con, ["jinghai", *peers]).drop_duplicates("region_id")["name"].tolist()
        explicit = queries.peer_ids(con, "jinghai", ["武清区", "jinghai"])
    assert {"武清区", "河北区"} <= set(names)
    assert "jinghai" not in peers
    assert explicit == ["wuqing"]


def test_headline_of_jinghai(seed_store):
    with queries.connect(seed_store.db) as con:
        head = queries.headline(con, "jinghai").set_index("metric")["display"].to_dict()
        info = queries.region_info(con, "jinghai")
        assert queries.find_region(con, "靜海區") == "jinghai"
        with pytest.raises(LookupError):
            queries.find_region(con, "不存在")
    assert head["cases_investigated"] == "71起"
    assert head["people_disciplined"] == "68人"
    assert head["reports_received"] == "13件"
    assert info["name"] == "静海区" and info["path"] == ["天津市", "静海区"] and info["pinyin"]
