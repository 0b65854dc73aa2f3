"""The rendered jinghai report: the figures the analysts need, each with its highlighted sentence,
the peer chart, no code, and document text that cannot run."""
from __future__ import annotations

import base64

import pytest
from bs4 import BeautifulSoup

from pipeline.report import queries

REQUIRED = [("cases_investigated", 71, "71起"), ("people_disciplined", 68, "68人"),
            ("reports_received", 13, "13件")]


@pytest.fixture(scope="module")
def jinghai_html(rendered) -> str:
    return rendered.jinghai.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def jinghai(jinghai_html) -> BeautifulSoup:
    return BeautifulSoup(jinghai_html, "html.parser")


def test_cli_prints_where_the_report_is(rendered):
    assert f"report: {rendered.jinghai}" in rendered.cli.stdout


def test_name_pinyin_and_path(jinghai):
    assert jinghai.h1.get_text(" ", strip=True).startswith("静海区 jinghai")
    assert "天津市 › 静海区" in jinghai.get_text()
    assert jinghai.title.get_text() == "静海区 jinghai · 地区报告"


@pytest.mark.parametrize("metric,value,shown", REQUIRED)
def test_required_figure_with_its_highlighted_sentence(jinghai, seed_store, metric, value, shown):
    with queries.connect(seed_store.db) as con:
        ev = queries.evidence(con, "jinghai")
    rows = ev[(ev["metric"] == metric) & (ev["value"] == value)]
    assert len(rows) >= 1, f"no {metric}={value} for jinghai in the store"
    r = rows.iloc[0]
    marked = [m for m in jinghai.find_all("mark") if m.get_text() == str(value)]
    assert any(m.parent.get_text() == r.sentence for m in marked), "sentence with the figure highlighted"
    row = next(m.find_parent("tr") for m in marked if m.parent.get_text() == r.sentence)
    assert row.find("a")["href"] == f"#doc-{r.doc_id}"  # links to its document
    assert jinghai.find(id=f"doc-{r.doc_id}") is not None
    tiles = [t.get_text() for t in jinghai.select("div.tile div.v")]
    assert shown in tiles


def test_figures_come_from_both_documents(jinghai):
    assert jinghai.find(id="doc-000_7e6b2fc9877cc10e") and jinghai.find(id="doc-001_76ca2599addbaf3f")


def test_qualifier_is_shown(jinghai):
    assert "40多个" in [t.get_text() for t in jinghai.select("div.tile div.v")]


def test_peer_chart_compares_with_tianjin_districts(jinghai):
    charts = [i for i in jinghai.find_all("img") if i["src"].startswith("data:image/png;base64,")]
    assert len(charts) == 1, "one embedded peer chart"
    assert all(name in charts[0]["alt"] for name in ("静海区", "武清区", "河北区"))
    assert base64.b64decode(charts[0]["src"].split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def test_no_code_cells_and_no_scripts(jinghai_html, jinghai):
    for marker in ("jp-InputArea", "jp-InputPrompt", "highlight-ipynb", "q.connect(", "from pipeline"):
        assert marker not in jinghai_html, marker
    assert jinghai.find("script") is None
    text = jinghai.get_text()
    assert "Per 100,000 residents: not shown" in text
    assert "数据质量 · Data quality" in text and "state no period" in text


def test_document_text_is_escaped(rendered):
    page = BeautifulSoup(rendered.hostile.read_text(encoding="utf-8"), "html.parser")
    assert page.find("script") is None
    assert not [t for t in page.find_all(True) if any(a.lower().startswith("on") for a in t.attrs)]
    sentences = [m.parent.get_text() for m in page.find_all("mark")]
    assert any('<script>document.title="XSS"</script>27件' in s for s in sentences)  # shown as text
    assert '<script>document.title="XSS"</script>河北区通报' in page.get_text()  # the title, as text
    assert not page.select('a[href^="javascript"]') and "javascript:alert(1)" in page.get_text()


def test_index_links_reports_and_summarises(rendered):
    page = BeautifulSoup(rendered.index.read_text(encoding="utf-8"), "html.parser")
    links = {a.get_text(): a["href"] for a in page.find_all("a")}
    assert links["静海区"] == "jinghai.html" and "overview.html" in links.values()
    assert "71起" in page.get_text() and "(not rendered)" in page.get_text()
    assert page.find("script") is None
