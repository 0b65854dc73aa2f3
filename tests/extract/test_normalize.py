"""Offsets always point into the original text, through pinyin removal and t2s conversion."""
from __future__ import annotations

from pipeline.extract import extract_text
from pipeline.extract.normalize import normalize, wrap_breaks


def test_pinyin_and_traditional_removed_with_offset_map():
    original = "武清區紀(jì)委監(jiān)委共查處問題13件、處理22人"
    norm = normalize(original)
    assert norm.text == "武清区纪委监委共查处问题13件、处理22人"
    i = norm.text.index("13")
    s, e = norm.span(i, i + 2)
    assert original[s:e] == "13"


def test_parentheses_that_are_not_pinyin_are_kept():
    assert normalize("建立ERP(企业资源管理计划)信息系统").text == "建立ERP(企业资源管理计划)信息系统"
    assert normalize("诫勉谈话6人(次)").text == "诫勉谈话6人(次)"


def test_seed_offsets_read_as_the_figure(seed_paths):
    """In the traditional seed with inline pinyin, every span in the original reads as its number."""
    path = next(p for p in seed_paths if p.name.startswith("001_"))
    original = path.read_text(encoding="utf-8")
    figures = extract_text(path.stem, original)
    assert len(figures) >= 15
    for f in figures:
        surface = original[f["start"]:f["end"]]
        assert surface.strip(), f
        digits = "".join(ch for ch in surface if ch.isdigit())
        if digits:
            assert float(digits) == f["value"] or f["value"] % 10000 == 0 or f["value"] < 0, (surface, f)
        assert surface in f["sentence"]
    by_value = {f["value"]: f for f in figures}
    assert original[by_value[71]["start"]:by_value[71]["end"]] == "71"
    assert "處分68人" in by_value[68]["sentence"]


def test_full_width_digits_and_mojibake():
    original = "共受理举报１３件，查实８件。??己朔秶ㄈh21個黨群機關"
    figures = extract_text("x", original)
    assert [f["value"] for f in figures] == [13, 8, 21]
    assert original[figures[0]["start"]:figures[0]["end"]] == "１３"


def test_a_sentence_stops_at_its_line_break():
    # a garbled mark opening the next line (?谑屑o委 for 海口市纪委) ends the run of final marks
    original = "目前,该市还有1600多宗存量违法建筑,打违工作是一場持久戰(zhàn)。\n?谑屑o委負責人表示,"
    (figure,) = extract_text("x", original)
    assert figure["value"] == 1600
    assert figure["sentence"] == "目前,该市还有1600多宗存量违法建筑,打违工作是一場持久戰(zhàn)。"
    assert original[figure["sentence_start"]:figure["sentence_end"]] == figure["sentence"]


def test_the_variant_of_shaanxi_in_hong_kong_papers():
    (figure,) = extract_text("x", "陜西共查處黨員干部違規操辦婚喪喜慶事宜問題420起。")
    assert (figure["value"], figure["metric"], figure["region_path"]) == (420, "cases_investigated", ["陕西省"])


WRAPPED = """XX 市派驻纪检组关于集中整治医疗保障基金
管理领域违纪违法案件的分析报告
一、基本情况概述
医疗保障基金是人民群众的健康福祉所系,其安全运行是维
护社会稳定、促进社会公平的重要基石。自 2024 年 1 月至 2025
年 3 月,我组联合市医疗保障局开展集中整治专项行动,全市共
核查定点医药机构 2100 余家次,查处医保基金管理类违纪违法
案件 450 余起,追回医保基金 8700 余万元,处以行政罚款及违约
金 1.2 亿元。移送公安机关骗保犯罪线索 30 余条,处理相关责
任人 260 余名。
"""


def test_a_text_wrapped_at_a_fixed_width_is_read_across_its_line_breaks(seed_paths):
    figures = {f["value"]: f for f in extract_text("x", WRAPPED)}
    assert figures[450]["metric"] == "cases_investigated"  # 查处 on the line before
    assert figures[87000000]["unit"] == "元"
    assert figures[260]["metric"] == "people_held_accountable"
    for f in figures.values():
        assert WRAPPED[f["start"]:f["end"]].replace(" ", "").rstrip("余") in (
            "2100", "450", "8700余万", "8700", "1.2亿", "30", "260"), WRAPPED[f["start"]:f["end"]]
        assert WRAPPED[f["sentence_start"]:f["sentence_end"]] == f["sentence"]
    # a heading keeps its break, and so do the lines of the seeds, each a paragraph
    assert "一、基本情况概述\n" in normalize(WRAPPED).text
    for path in seed_paths:
        assert wrap_breaks(path.read_text(encoding="utf-8")) == [], path.name


def test_names_of_places_keep_the_characters_t2s_would_change():
    assert normalize("吉林省乾安縣紀委查处问题5起，乾县纪委处分3人，乾淨").text == "吉林省乾安县纪委查处问题5起,乾县纪委处分3人,干净"
    (figure,) = extract_text("x", "吉林省乾安县纪委查处问题5起。")
    assert figure["region_path"] == ["吉林省", "松原市", "乾安县"]


def test_every_name_of_the_gazetteer_survives_normalisation():
    from pipeline.regions.gazetteer import gazetteer

    g = gazetteer()
    names = set(g.by_name) | set(g.by_short) | set(g.by_old_name)
    assert [n for n in sorted(names) if normalize(n).text != n] == []
