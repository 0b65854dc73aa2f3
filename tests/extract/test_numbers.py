"""The number grammar as a specification: text -> (value, unit, qualifier), and non-figures."""
from __future__ import annotations

import pytest

from pipeline.extract import extract_text

# (text, expected figures as (value, unit, qualifier)) -- one figure per case unless listed
CASES = [
    # separators and large units
    ("编印作品集共15 000冊", [(15000, "册", "exact")]),
    ("下发倡议书1 000份", [(1000, "份", "exact")]),
    ("涉及金額6 600萬元", [(66000000, "元", "exact")]),
    ("累计交易金额130万元", [(1300000, "元", "exact")]),
    ("受益群众1.3万人", [(13000, "人", "exact")]),
    # goods received or measured: boxes, tables of a banquet, kilograms
    ("先后收受礼金共计3万元和高档白酒43箱", [(30000, "元", "exact"), (43, "箱", "exact")]),
    ("实际却置办酒席60桌", [(60, "桌", "exact")]),
    ("收受月饼12盒", [(12, "盒", "exact")]),
    ("人均粮食产量达到483.5公斤", [(483.5, "公斤", "exact")]),
    ("参与“一桌餐”等违规吃喝", []),
    ("全国共查处问题18.3万起", [(183000, "起", "exact")]),
    ("处分15.7万人", [(157000, "人", "exact")]),
    ("折合共计123.46万元", [(1234600, "元", "exact")]),
    ("违规挪用购粮款达7亿余元", [(700000000, "元", "more_than")]),
    ("将公款1.1亿余元挪用给他人", [(110000000, "元", "more_than")]),
    # a currency named before the number: its 元 is that currency's
    ("收受人民币2万元、港币3万元", [(20000, "元", "exact"), (30000, "港元", "exact")]),
    ("收受美金现金5000元", [(5000, "美元", "exact")]),
    ("收到举报1,324件", [(1324, "件", "exact")]),
    ("查处问题１２起", [(12, "起", "exact")]),
    ("通报批评１５人。", [(15, "人", "exact")]),
    # qualifiers
    ("平均每天办理服务事项7000多件", [(7000, "件", "more_than")]),
    ("公示了180余名社区干部", [(180, "名", "more_than")]),
    ("修订权力操作规范30余项", [(30, "项", "more_than")]),
    ("有90%以上实行了会计委托代理制", [(90, "%", "more_than")]),
    ("每月至少进行3次以上明察暗访", [(3, "次", "more_than")]),
    ("参与群众近10万余人", [(100000, "人", "approx")]),
    ("纠正问题40多个", [(40, "个", "more_than")]),
    ("问题线索或反映2.02万余件次", [(20200, "件次", "more_than")]),
    ("折合共计263万余元", [(2630000, "元", "more_than")]),
    ("约3000公里", [(3000, "公里", "approx")]),
    ("折合人民币约合1.2万元", [(12000, "元", "approx")]),
    ("涉及金额约合人民币120万元", [(1200000, "元", "approx")]),  # the currency after the qualifier
    ("超过人民币500万元", [(5000000, "元", "more_than")]),
    ("大概3000人参加", [(3000, "人", "approx")]),
    ("党员干部近1600人次参加", [(1600, "人次", "approx")]),
    ("参训人员超过500人", [(500, "人", "more_than")]),
    ("逾200名干部参加", [(200, "名", "more_than")]),
    ("处理人数不到20人", [(20, "人", "less_than")]),
    ("不足10个", [(10, "个", "less_than")]),
    ("涉案金额50万元左右", [(500000, "元", "approx")]),
    ("涉及30人以下", [(30, "人", "less_than")]),
    # units written unusually
    ("誡勉談話6人(次)", [(6, "人次", "exact")]),
    ("告诫18人（次）", [(18, "人次", "exact")]),
    ("开展活动54场次", [(54, "场次", "exact")]),
    ("检查单位213个次", [(213, "个次", "exact")]),
    ("督促整改问题136项次", [(136, "项次", "exact")]),
    ("开展了三轮次全覆盖式明察暗访", [(3, "轮次", "exact")]),
    ("增幅不低于20%", [(20, "%", "more_than")]),
    ("篇幅不超过5000字", [(5000, "字", "less_than")]),
    ("位列问题的前两位", []),
    # a composed Chinese numeral (hundreds, or with 余/多) counts whatever its unit; a policy name does not
    ("共收到群众来信二百余封", [(200, "封", "more_than")]),
    ("发放宣传册一千二百份", [(1200, "份", "exact")]),
    ("制定二十多项制度", [(20, "项", "more_than")]),
    ("出台二十条措施", []),
    ("坚持三个代表", []),
    # several figures
    ("查处案件49件52人", [(49, "件", "exact"), (52, "人", "exact")]),
    ("立案3起,处分党员干部3人", [(3, "起", "exact"), (3, "人", "exact")]),
    ("查处问题13件、处理22人", [(13, "件", "exact"), (22, "人", "exact")]),
    # Chinese numerals
    ("对两名校长给予党内警告处分", [(2, "名", "exact")]),
    ("對兩名教師給予通報批評", [(2, "名", "exact")]),
    ("公开通报十起典型问题", [(10, "起", "exact")]),
    ("短短六百余字", [(600, "字", "more_than")]),
    ("并处罚金人民币三十五万元", [(350000, "元", "exact")]),
    # a higher part before the number, when the lower part says its place
    ("涉案金额1亿2000万元", [(120000000, "元", "exact")]),
    ("涉案金额一亿二千万元", [(120000000, "元", "exact")]),
    ("收受礼金3万5千元", [(35000, "元", "exact")]),
    ("参与群众1万2000人", [(12000, "人", "exact")]),
    ("五万三千人", [(53000, "人", "exact")]),
    ("5万3人", []),
    # 千 after digits; a bare 百/千/万 with 余 or 多; not a vague 数十, 上百
    ("查处3千余件", [(3000, "件", "more_than")]),
    ("全区共有村级组织2百余个", [(200, "个", "more_than")]),
    ("追缴资金2百万元，收受礼金1万2百元", [(2000000, "元", "exact"), (10200, "元", "exact")]),
    # a number in several parts, each with its place: never its last part alone
    ("处分人数达1千2百余人", [(1200, "人", "more_than")]),
    # (5千3百)万: the 万 scales both parts
    ("已追回资金5千3百万元，挽回损失1亿5千3百万元", [(53000000, "元", "exact"), (153000000, "元", "exact")]),
    ("收受礼金1万2千5百元", [(12500, "元", "exact")]),
    ("处置问题线索近4千件", [(4000, "件", "approx")]),
    ("共处分百余人，立案千余件，处理万余人", [(100, "人", "more_than"), (1000, "件", "more_than"), (10000, "人", "more_than")]),
    # a bare magnitude after a qualifier: 逾百人, 近千名, 近万元, 超千万元, 不足百人
    ("處分黨員幹部逾百人", [(100, "人", "more_than")]),
    ("近千名群众参加", [(1000, "名", "approx")]),
    ("挽回经济损失近万元", [(10000, "元", "approx")]),
    ("挽回经济损失近亿元，涉案金额逾亿元", [(100000000, "元", "approx"), (100000000, "元", "more_than")]),
    ("单位：亿元", []),
    ("单位：万元", []),  # 万 alone is no number
    ("涉案金额超千万元", [(10000000, "元", "more_than")]),
    ("不足百人的单位", [(100, "人", "less_than")]),
    ("近百年来", []),
    ("数十名干部，上百起问题", []),
    ("查处问题上百起，处理干部数十人", []),
    # numerals the grammar does not read: no figure rather than the tail of the number
    ("共计查处问题贰拾三起", []),
    # 廿, 卅: twenty and thirty in one character; 五成八: 58%, not 8 people; 多个: several
    ("查处问题廿三起", [(23, "起", "exact")]),
    ("四十四人立案检查，卅一人正处在立案审查阶段", [(44, "人", "exact"), (31, "人", "exact")]),
    ("其中五成八人正接受组织调查", [(58, "%", "exact")]),
    ("办公室当场查获108万元多个信封", [(1080000, "元", "exact")]),
    ("共收缴3万元多", [(30000, "元", "more_than")]),
    # a time limit in working days; a shared document's size; a button that unfolds the rest
    ("在20个法定工作日内即可办成", []),
    ("报告.docx\n  • 约3.99千字\n  • 约 8页\n  • 2025-04-10发布", []),
    ("展开剩余63%监管漏洞成为资金流失的温床", []),
    ("步行2千米", []),
    # a range is not one figure
    ("每个检查组3至5人", []),
    ("处5000元以上2万元以下罚款", []),  # a range by its lower and upper bound
    ("约谈20余名至30名干部", []),
    ("共有3、4名干部受到处分", []),  # three or four
    ("二、12名干部受到处分", [(12, "名", "exact")]),  # a list marker, then a figure
    ("查处问题100起以上，涉及10人以上", [(100, "起", "more_than"), (10, "人", "more_than")]),
    ("罚款金额从5000元到2万元不等，每起处理3人至5人", []),  # a unit on each bound
    ("共查处问题5起，到年底全部整改", [(5, "起", "exact")]),
    ("各选取1至2个部门作为试点", []),
    ("三至五人", []),
    ("增长30%—40%", []),
    ("由12件降至5件", [(12, "件", "exact"), (5, "件", "exact")]),
    ("至少3人受到处分", [(3, "人", "more_than")]),
    ("每组最多3人", [(3, "人", "less_than")]),
    # digits after a comma that are no group of three
    ("共计处分党员干部1,2345人", []),
    ("共处分1,234人", [(1234, "人", "exact")]),
    ("多杰先等四人违规吃喝", [(4, "人", "exact")]),
    # percentages and changes
    ("85%的村实行了重大事项全民表决制度", [(85, "%", "exact")]),
    ("信访总量同比下降50%", [(-50, "%", "exact")]),
    # a qualifier before the words of a change qualifies its percentage
    ("各项非生产性费用支出约下降4%", [(-4, "%", "approx")]),
    ("信访举报总量同比大约下降了三成", [(-30, "%", "approx")]),
    # the words of a fall make it negative, however it is worded
    ("信访举报总量同比下降幅度达到20%", [(-20, "%", "exact")]),
    ("信访举报总量下降率为15%，上升率为4%", [(-15, "%", "exact"), (4, "%", "exact")]),
    ("全年信访举报突破3000件次", [(3000, "件次", "more_than")]),
    ("已惩处超过 720 万人", [(7200000, "人", "more_than")]),
    ("信访举报总量同比降幅达15.2%，检举控告类减幅为8.6%", [(-15.2, "%", "exact"), (-8.6, "%", "exact")]),
    ("信访举报量增幅为3.1%", [(3.1, "%", "exact")]),
    ("信访举报量同比减少12.5%", [(-12.5, "%", "exact")]),
    ("受理量同比上升8%", [(8, "%", "exact")]),
    ("占比达到74.3%", [(74.3, "%", "exact")]),
    ("信访量同比下降6.4个百分点", [(-6.4, "百分点", "exact")]),
    ("覆盖率达百分之九十", [(90, "%", "exact")]),
    ("覆盖率达百分之九十以上", [(90, "%", "more_than")]),
    ("信访举报量同比上升百分之十二点五", [(12.5, "%", "exact")]),  # 点: a decimal point, digit by digit
    ("追回资金二点三亿元", [(230000000, "元", "exact")]),  # not 三亿元
    ("共处分十二点五万人", [(125000, "人", "exact")]),
    ("下午三点三十分召开会议", []),
    # two numerals side by side say a range (one or two, three to five), not 12 or 35
    ("查处问题一两起", []),
    ("处理三五人", []),
    ("处理两三名干部", []),
    # 5个亿: said the way speech says it, hundreds of millions of yuan (not 5 个)
    ("该案涉案金额高达5个亿", [(500000000, "元", "exact")]),
    ("造成国有资产损失2个多亿元", [(200000000, "元", "more_than")]),
    ("信访总量下降百分之二十三点零七", [(-23.07, "%", "exact")]),
    ("百分之十二点十", []),  # no digit after 点: no number
    # tenths: 九成 is 90%, when 成 ends the word
    ("全市九成以上的村建立了村务监督委员会", [(90, "%", "more_than")]),
    ("约9成的村实行了公开制度", [(90, "%", "approx")]),
    ("信访举报量同比下降两成", [(-20, "%", "exact")]),
    ("重复访、越级访分别下降31%和42%", [(-31, "%", "exact"), (-42, "%", "exact")]),
    ("信访量下降12%、检举控告类上升8%", [(-12, "%", "exact"), (8, "%", "exact")]),
    ("两成以上行政村实现村务公开", [(20, "%", "more_than")]),
    ("西北地区收获过一成", [(10, "%", "more_than")]),
    ("近三成干部主动交代问题，逾六成村完成整改", [(30, "%", "approx"), (60, "%", "more_than")]),
    ("一成不变地执行", []),
    ("九成新的办公设备", []),
    ("这八成是误会", []),
    ("十九成员单位参加", []),
    # not figures: years, dates, ordinals, list markers
    ("2018年以来，荔湾区立足于新形势", []),
    ("2022年9月19日发布", []),
    ("这是连续第107个月公布月报数据", []),
    ("第一，加强领导", []),
    ("一是明确主体，建立责任分工体系", []),
    ("- 3 一線故事丨精準研判", []),
    ("用时6个月完成整改", []),
    # slogans and names of schemes
    ("严格落实“三重一大”事项集体决策制度", []),
    ("“一站四中心”为民服务模式", []),
    ("建立督查“四风”抓落实的“1234”模式", []),
    ("深刻领悟‘两个确立’的决定性意义", []),
    ("坚持一户一议、一事一议", []),
    ("突出部署、推进、落实三个重要环节", []),
    ("作为一名基层纪检监察干部", []),
    ("查处一起违规吃喝案例", []),
    ("传导到每一名纪检监察干部", []),
    # hotlines, phones, registrations, URLs, titles
    ("开设“8890”免费服务热线", []),
    ("建立与12345政务服务便民热线的衔接机制", []),
    ("欢迎致电话4000-400-918咨询", []),
    ("川公网安备 51019002000745号", []),
    ("http://www.example.com/a/2019/15个", []),
    ("《党员干部不能做的150件事》等警示教育读本", []),
    # a figure after a label and a colon is one; a time, or a page's counters, are not
    ("立案数：125件；处分人数：98人", [(125, "件", "exact"), (98, "人", "exact")]),
    ("会议时间：10:30，参会12人", [(12, "人", "exact")]),
    ("浏览次数：1234次", []),
    ("本文共3 256字，预计阅读时间8分钟", []),  # the article's own length
    ("已有0人发表了评论", []),  # the page's comment box
    ("图为上海市定西路1家餐厅，示意照。", []),  # a photo's caption
    ("落实市委十五条实施意见和区委32条实施办法", []),  # sets of rules named by their articles
    ("出台整改措施12条", [(12, "条", "exact")]),
    ("全县共查处问题12起。图为县纪委监委干部在12个村开展走访。", [(12, "起", "exact")]),
    ("网友评论：12条评论", []),
    ("评论 0人参与，0条评论", []),
    ("已有0人参与，点击查看更多精彩评论", []),
    ("共有300人参与评议", [(300, "人", "exact")]),
    # 背后, 目前: words of place or time before a count, not a rank (前三名)
    ("背后56名干部受到处理", [(56, "名", "exact")]),
    ("综合考评位列全市前3名", []),
    # qualifiers with 了, a bound denied, a change after 比
    ("处理的更是超过了883万人", [(8830000, "人", "more_than")]),
    ("各周均未超过10起", [(10, "起", "less_than")]),
    ("信访举报量环比降3%", [(-3, "%", "exact")]),
    ("乡科级是大头，约达119人", [(119, "人", "approx")]),
    ("大操大办也多达13起", [(13, "起", "exact")]),  # as many as: the number itself
    ("要求其所摆宴席不得超过5桌", [(5, "桌", "less_than")]),
    ("撰写心得体会2万余字", [(20000, "字", "more_than")]),
    # one space between the digits and what follows them (typeset text), but not digits spaced out
    ("共处理 15 000 人，涉及金额 6 600 万元", [(15000, "人", "exact"), (66000000, "元", "exact")]),
    ("查处问题 7000 多件", [(7000, "件", "more_than")]),
    ("信访举报量同比下降 12.5 %", [(-12.5, "%", "exact")]),
    ("查处问题 1 2 3 起", []),
    ("第 3 条规定", []),
    ("用时 6 个月完成整改", []),
    ("会议历时2个半小时", []),
    ("共 3 页 上一页 下一页", []),
    ("相关附件（2个）", []),
    ("上一篇：全市召开警示教育大会 下一篇：关于6起问题的通报", []),
    ("查处问题5起\n相关阅读：通报3起典型问题", [(5, "起", "exact")]),
    # a list of links under its label: each title ends with its page's date
    ("查处问题5起。\n相关链接：\n区纪委监委通报3起典型问题（2024-01-15）\n召开2个专题会 2023/12/08",
     [(5, "起", "exact")]),
    ("全市立案56件（截至2024-06-30）", [(56, "件", "exact")]),
    # a heading on a line of its own, and titles that open with their dates
    ("查处问题5起。\n相关新闻\n- 2017-03-08甘肃省纪委集体约谈20名派驻机构负责人\n- 2017-03-08兰州约谈辖区30家企业",
     [(5, "起", "exact")]),
    # a numeral inside a division's name
    ("新疆生产建设兵团第六师副师长、五家渠市副市长", []),
    ("三明市三元区纪委监委共查处问题12起", [(12, "起", "exact")]),
    ("五家单位被通报", [(5, "家", "exact")]),
    ("昌平区北七家镇党委被问责，三家村集体资产被清查", []),  # a town or a village named by its households
    ("本篇文章610字，读完约2分钟", []),
    ("廉政瞭望 2019年20期", []),  # the issue of a periodical
    ("召开专题会议2期", [(2, "期", "exact")]),
    # positional digits are not read, nor is the last of them alone
    ("厅局级干部三七○四人", []),
    # 二人 as "the two of them", and as a count of the two named
    ("随后，二人虚构承包合同。经二人努力，项目落地。", []),
    ("村支书张某、村主任李某，二人分别受到党内严重警告处分", [(2, "人", "exact")]),
    ("若相波、龙扎西二人受到党内警告处分", [(2, "人", "exact")]),
    ("县委常委会4次、五人小组会5次专门研究", [(4, "次", "exact"), (5, "次", "exact")]),  # the name of a body
    # other measures of area, volume and trees
    ("涉及土地32872.84公顷，补种乔木68万余株，活立木蓄积量102.9立方米",
     [(32872.84, "公顷", "exact"), (680000, "株", "more_than"), (102.9, "立方米", "exact")]),
    # 人民币 after a number is yuan; a currency may stand between 约 and its number
    ("全年追缴违纪款项12.5亿人民币", [(1250000000, "元", "exact")]),
    ("折合约港币300万元", [(3000000, "港元", "approx")]),
    # 约 before 占 qualifies the share; 至少有 and 及以下 are qualifiers too
    ("退缴款约占总额的40%", [(40, "%", "approx")]),
    ("全省至少有12名干部主动投案", [(12, "名", "more_than")]),
    ("涉案金额在50万元及以下的案件", [(500000, "元", "less_than")]),
    # a range that ends with 不满, and the readers of the page
    ("受贿数额在五万元以上不满二十万元的，依法处理", []),
    ("目前已有 1024 人阅读了此文章", []),
    # 个人 counts people unless it begins a word; 辆次 is a unit of its own
    ("会上点名批评了10个人", [(10, "人", "exact")]),
    ("建成3个人防工程", [(3, "个", "exact")]),
    ("平均每天检查机动车74.9万辆次", [(749000, "辆次", "exact")]),
]


def _figures(text: str) -> list[tuple]:
    return [(f["value"], f["unit"], f["qualifier"]) for f in extract_text("case", text)]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_number_grammar(text, expected):
    assert _figures(text) == expected


def test_whole_values_are_integers():
    # 1.1 * 10**8 is 110000000.00000001 in floating point; the store and reports show 110000000
    values = [v for v, _, _ in _figures("挪用公款1.1亿余元，收受礼金4.3万元，占比12.5%")]
    assert values == [110000000, 43000, 12.5]
    assert [type(v) for v in values] == [int, int, float]


def test_at_least_sixty_cases():
    assert len(CASES) >= 60


def test_title_number_excluded_but_count_after_it_kept():
    text = "高新区发放《从政提醒——党员干部不能做的150件事》等警示教育读本200余套"
    assert _figures(text) == [(200, "套", "more_than")]
