"""Attribution of figures to regions on the real seed documents (data/raw) and a few sentences."""
from __future__ import annotations

import re

import pytest

from pipeline.extract import read_document
from pipeline.extract.normalize import normalize
from pipeline.regions import NATIONAL, UNKNOWN, attribute_figures
from pipeline.regions.attribute import find_sub_county, lexicon, scan
from tests.conftest import SEEDS, TEST_DATA


def _seed(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return normalize(read_document(path).text).text


def region_at(text: str, anchor: str, title: str | None = None):
    """The region of the figure that starts at the first digit of `anchor` in the text."""
    at = text.find(anchor)
    assert at >= 0, anchor
    digit = re.search(r"\d|[一二两三四五六七八九十]", anchor)
    return attribute_figures(text, [at + digit.start()], title=title)[0]


@pytest.fixture(scope="module")
def seeds():
    return {p: _seed(p) for p in ("000", "001", "002", "003", "004")}


@pytest.mark.parametrize("doc, anchor, slug, path", [
    # 静海县 (renamed 2015) in a document about 天津市 is today's 静海区, not cpca's 重庆 guess
    ("000", "受理各类举报13件", "jinghai", ("天津市", "静海区")),
    ("000", "纠正涉及农村“三资”问题40多个", "jinghai", ("天津市", "静海区")),
    # document scope: 全市 / 该市 mean the city the document is about
    ("000", "全市3790个村", "tianjin", ("天津市",)),
    ("000", "组建了340人", "tianjin", ("天津市",)),
    # 在全国率先 is a ranking, not a nationwide figure
    ("000", "在7个行政执法机关", "tianjin", ("天津市",)),
    # interview: each answer belongs to the speaker's district, even where the answer names none
    ("001", "对34人进行追责问责", "tianjin-hebei", ("天津市", "河北区")),
    ("001", "给予党纪政务处分68人", "jinghai", ("天津市", "静海区")),
    ("001", "已为44名", "jinghai", ("天津市", "静海区")),
    ("001", "确定24个村", "wuqing", ("天津市", "武清区")),
    ("001", "梳理出28名", "tianjin-hebei", ("天津市", "河北区", "新开河街道")),
    ("001", "记者对话3位", "tianjin", ("天津市",)),
    # sub-county units named in a document about a district hang beneath it
    ("002", "涉及2300万元", "liwan", ("广东省", "广州市", "荔湾区", "岭南街道")),
    ("002", "通报批评15人", "liwan", ("广东省", "广州市", "荔湾区", "沙面街道")),
    ("002", "累计交易金额130万元", "liwan", ("广东省", "广州市", "荔湾区", "东沙街道")),
    ("002", "的16项负面清单", "liwan", ("广东省", "广州市", "荔湾区")),
    # 新津县 (renamed 2020) is today's 新津区
    ("003", "公开栏41张", "xinjin", ("四川省", "成都市", "新津区")),
    ("003", "走访村民238名", "chengdu-pujiang", ("四川省", "成都市", "蒲江县", "朝阳湖镇")),
    # 全市 inside a paragraph about a county-level city means that city
    ("003", "全市19个重点整治社区", "dujiangyan", ("四川省", "成都市", "都江堰市")),
    ("003", "目前全市33个社区", "dujiangyan", ("四川省", "成都市", "都江堰市")),
    # paragraph carry-over: 温江区... 。寿安镇... keeps 温江区
    ("003", "手册1500份", "wenjiang", ("四川省", "成都市", "温江区", "寿安镇")),
    ("003", "意见建议1324件", "chengdu", ("四川省", "成都市")),
    ("003", "全市确定66个试点单位", "chengdu", ("四川省", "成都市")),
    # 召开县委 is not 开县 (重庆); 肇源县 is the document's county
    ("004", "明确34项具体工作任务", "daqing-zhaoyuan", ("黑龙江省", "大庆市", "肇源县")),
    ("004", "同比下降50%", "daqing-zhaoyuan", ("黑龙江省", "大庆市", "肇源县")),
])
def test_seed_figures(seeds, doc, anchor, slug, path):
    r = region_at(seeds[doc], anchor)
    assert (r.id, r.path) == (slug, path)


def test_every_figure_of_a_county_report_stays_in_the_county(seeds):
    text = seeds["004"]
    positions = [m.start() for m in re.finditer(r"\d+", text)]
    assert {r.id for r in attribute_figures(text, positions)} == {"daqing-zhaoyuan"}


def test_hebei_district_is_not_hebei_province(seeds):
    regions = attribute_figures(seeds["001"], [m.start() for m in re.finditer(r"\d+", seeds["001"])])
    assert "hebeisheng" not in {r.id for r in regions}
    assert "tianjin-hebei" in {r.id for r in regions}


@pytest.mark.parametrize("text, slug", [
    ("北京市纪委监委通报。\n朝阳区查处问题5起。", "beijing-chaoyang"),
    ("长春市纪委监委通报。\n朝阳区查处问题5起。", "changchun-chaoyang"),
    ("江苏省南京市纪委监委通报。\n鼓楼区查处问题5起。", "nanjing-gulou"),
    ("福州市纪委监委通报。\n鼓楼区查处问题5起。", "fuzhou-gulou"),
    ("通报如下。\n鼓楼区查处问题5起。", "unknown"),  # no context: no silent default
    # a former name shared with a division of today (广州市东山区, merged into 越秀区 in 2005)
    ("广州市纪委监委通报。\n东山区查处问题5起。", "yuexiu"),
    ("鹤岗市纪委监委通报。\n东山区查处问题5起。", "hegang-dongshan"),
    # a county before it became a district
    ("通报如下。\n赣榆县纪委查处问题5起。", "ganyu"),
    ("海口市纪委通报。\n海南市县两级纪委查处问题5起。", "hainansheng"),  # the province, not 乌海市海南区
    # the city right before the shared name decides, in the title too
    ("北京市朝阳区纪委监委通报\n今年以来，区纪委监委共立案5起。", "beijing-chaoyang"),
    ("长春市朝阳区纪委监委通报\n吉林省纪委监委指导全区查处问题5起。", "changchun-chaoyang"),
])
def test_a_name_shared_by_several_cities_is_resolved_by_context(text, slug):
    assert region_at(text, "5起").id == slug


@pytest.mark.parametrize("text, anchor, slug", [
    ("当月，全国共查处违反中央八项规定精神问题5434起，处理8185人。", "5434起", "national"),
    ("中央纪委国家监委公开通报10起典型问题。\n浙江省委原常委、杭州市委原书记周江勇违规收受礼金。"
     "2013年至2021年，周江勇先后收受礼金共计56万元；多次在北京接受宴请。", "56万元", "hangzhou"),
    ("中央纪委国家监委公开通报10起典型问题。\n原中国银行业监督管理委员会副主席蔡鄂生违规收受礼金。"
     "2013年至2021年，蔡鄂生先后收受礼金折合共计123.46万元；多次接受私营企业主在北京安排的宴请。",
     "123.46万元", "national"),
    ("静海区纪委监委查处问题7起。根据中央纪委部署，全区共处分12人。", "12人", "jinghai"),
    ("四川省纪委监委通报。\n中央和国家机关工委通报，今年以来中央和国家机关共查处问题57起。", "57起", "national"),
    # the provinces, regions and municipalities together are the whole country
    ("督促河南省严处虞城县违法占地案件，对62名人员作出处理；向25个省（区、市）交办问题线索，共追责问责746名责任人。",
     "746名", "national"),
    ("督促河南省严处虞城县违法占地案件，对62名人员作出处理。", "62名", "shangqiu-yucheng"),
    ("四川省纪委监委通报。\n各省区市纪委监委共查处问题1 200起。", "1 200起", "national"),
    # a company of the central state opening a clause is the country's, unless a branch's place follows
    ("中央纪委国家监委通报。\n辽宁省政协原副主席孙远良收受礼品；中国联合网络通信集团有限公司原副总经理李国华收受礼金263万余元。",
     "263万余元", "national"),
    ("中央纪委国家监委通报。\n海南省三亚市原副市长蓝文全收受礼品。\n中国人民财产保险股份有限公司原副总裁沈东收受礼金21.7万元。",
     "21.7万元", "national"),
    ("中央纪委国家监委通报。\n中国农业银行广东省分行原行长张某收受礼金30万元。", "30万元", "guangdong"),
])
def test_nationwide_figures(text, anchor, slug):
    assert region_at(text, anchor).id == slug


@pytest.mark.parametrize("text, anchor, slug", [
    # 在 X …期间 says where it happened, not whose figure it is
    ("四川省雅安市名山区卫生健康局副局长李江等4人，在新疆乌鲁木齐市参加培训班期间，接受旅游安排，报销费用共计3万元。",
     "3万元", "yaan-mingshan"),
    ("在新疆乌鲁木齐市，全市共查处问题12起。", "12起", "xinjiang-wulumuqi"),
    # going there, even at the start of a clause, and the places listed after it
    ("中央纪委国家监委公开通报。\n江苏省张家港市某村多名村干部借集体活动之名，赴泰州市、盐城市等地公款旅游，套取集体资金15960元。",
     "15960元", "zhangjiagang"),
    ("河南省纪委监委开展专项整治，派出检查组深入商丘市、漯河市等地下沉监督，督促立行立改22个。", "22个", "henansheng"),
    # partners of the subject are not its scope
    ("天津市河北区纪委监委2023年工作总结\n同时，区纪委监委协同河东区、红桥区开展交叉检查，共查处违规吃喝问题8起。",
     "8起", "tianjin-hebei"),
    ("天津市河北区纪委监委2023年工作总结\n区纪委监委会同红桥区纪委监委开展联合检查，发现问题12个。", "12个", "tianjin-hebei"),
    # ... nor a model it learns from, nor the recipient of what it hands over
    ("天津市静海区纪委监委2023年工作情况\n该区借鉴浙江经验，立案18件。", "18件", "jinghai"),
    ("天津市静海区纪委监委2023年工作情况\n学习江苏省昆山市做法，全区公示事项120项。", "120项", "jinghai"),
    ("天津市静海区纪委监委2023年工作情况\n全区向西青区纪委监委移交问题线索3件。", "3件", "jinghai"),
    ("天津市纪委监委2023年工作情况\n市委巡察组向静海区反馈问题52个。", "52个", "jinghai"),
    # a quotation that opens its paragraph belongs to the region named as it closes
    ("中央纪委国家监委公开通报。\n“巡察以来已偿还债务500余万元。”江苏省徐州市贾汪区纪委监委以巡促改。",
     "500余万元", "jiawang"),
    ("中央纪委国家监委公开通报。\n“每桌饭菜350元左右……”陕西省淳化县秦庄村红白理事会会长说。", "350元", "chunhua"),
    # ... but not a quotation that closed before the figure, nor one whose speaker is no region
    ("中央纪委国家监委公开通报。\n“要严查。”他说，每桌饭菜350元左右。陕西省淳化县也是如此。", "350元", "national"),
    ("中央纪委国家监委公开通报。\n“每桌饭菜350元左右。”一位干部说，淳化县也是如此。", "350元", "national"),
    # a date or a word of time may stand before the speaker's name, and a division named later in
    # that sentence is more specific
    ("中央纪委国家监委公开通报。\n“我们公司已召开董事会8次。”近日，云南省麻栗坡县纪委监委开展监督检查时，负责人介绍道。",
     "8次", "malipo"),
    ("中央纪委国家监委公开通报。\n“7月电费支出7930元……”2022年12月12日，山东省莒县长岭镇村民体验了“码上监督”。",
     "7930元", "juxian"),
    ("中央纪委国家监委公开通报。\n“徐林军贪污公款138万余元……”4月12日，安徽省纪委监委通报六安市霍邱县某公司原法定代表人徐林军贪污案。",
     "138万余元", "huoqiu"),
    # ... but no name in the next paragraph
    ("中央纪委国家监委公开通报。\n“每桌饭菜350元左右。”\n2022年12月，陕西省淳化县开展整治。", "350元", "national"),
    # 市纪委监委 in such a quotation is the speaker's
    ("江西省纪委监委通报。\n“今年，市纪委监委组成32个明察暗访组。”抚州市纪委监委有关负责人介绍。", "32个",
     "jiangxi-fuzhou"),
])
def test_places_visited_and_quotations(text, anchor, slug):
    assert region_at(text, anchor).id == slug


@pytest.mark.parametrize("text, anchor, path", [
    # a town or street right after a reference word (该区, 我县) is one of that county's
    ("成都市青白江区纪委监委通报。\n该区大弯街道纪工委发现问题21个，已整改18个。", "18个",
     ("四川省", "成都市", "青白江区", "大弯街道")),
    ("云南省牟定县纪委监委推动该县共和镇开展清理整顿，全镇共清理重复挂牌120块。", "120块",
     ("云南省", "楚雄彝族自治州", "牟定县", "共和镇")),
    ("天津市静海区纪委监委通报。\n全区乡镇纪委共立案23件。", "23件", ("天津市", "静海区")),
    # a report of a county-level city renamed after the code table was made: its towns and 我市
    ("宁乡市纪委监委工作总结\n我市共立案238件。灰汤镇纪委督促整改问题46个。\n市纪委监委赴浏阳市学习，交流经验10余条。",
     "46个", ("湖南省", "长沙市", "宁乡市", "灰汤镇")),
    ("宁乡市纪委监委工作总结\n我市共立案238件。灰汤镇纪委督促整改问题46个。\n市纪委监委赴浏阳市学习，交流经验10余条。",
     "238件", ("湖南省", "长沙市", "宁乡市")),
    # 在 opening a clause is not part of the town's name; a 小镇 is a project, not a town
    ("浙江省义乌市纪委监委工作总结\n在佛堂镇，镇纪委督促整改问题32个。", "32个", ("浙江省", "金华市", "义乌市", "佛堂镇")),
    ("河北省邯郸市肥乡区纪委监委\n对辣椒小镇建设等3个重点项目开展专项监督。", "3个", ("河北省", "邯郸市", "肥乡区")),
    # a town whose name ends in 市; 城市 before 镇 is no town
    ("昆山市纪委监委工作总结\n其中，千灯镇查处问题7起，周市镇查处问题5起。", "5起",
     ("江苏省", "苏州市", "昆山市", "周市镇")),
    ("静海区纪委监委\n城市镇域建设中查处问题2起。", "2起", ("天津市", "静海区")),
    # a subdistrict named after a city lies in the district the report is about, not in that city
    ("广州市越秀区纪委监委\n北京街纪工委对涉及1800万元资金的12个项目开展监督。", "12个",
     ("广东省", "广州市", "越秀区", "北京街道")),
    # 全区 after its city was named: the district the report is about
    ("北京市朝阳区纪委区监委通报\n在北京市纪委监委的指导下，全区纠正问题312个。", "312个", ("北京市", "朝阳区")),
    # a verb before a town is not part of its name (共有乌镇 is no town), nor are 街巷, 步行街, 古镇
    ("桐乡市纪委监委\n全市共有乌镇、濮院等11个镇完成全覆盖。", "11个", ("浙江省", "嘉兴市", "桐乡市")),
    ("桐乡市纪委监委\n深入老街巷开展走访，发现问题5个。", "5个", ("浙江省", "嘉兴市", "桐乡市")),
    ("桐乡市纪委监委\n步行街商户反映问题5件。", "5件", ("浙江省", "嘉兴市", "桐乡市")),
    ("嘉善县纪委监委\n本地人在西塘古镇经营了两家饭店。", "两家", ("浙江省", "嘉兴市", "嘉善县")),
    # words that begin with 乡 (乡科级, 乡亲, 乡贤) do not end a town's name
    ("楚雄市纪委监委\n从被反映人的职级来看，反映乡科级干部117件。", "117件", ("云南省", "楚雄彝族自治州", "楚雄市")),
    ("楚雄市纪委监委\n走访群众，联系乡贤32名。", "32名", ("云南省", "楚雄彝族自治州", "楚雄市")),
    ("桐乡市纪委监委\n其中，梧桐街道立案12件。", "12件", ("浙江省", "嘉兴市", "桐乡市", "梧桐街道")),
    # towns listed and counted together: their county
    ("桐乡市纪委监委\n共有濮院镇、石门镇等5个镇立案12件。", "12件", ("浙江省", "嘉兴市", "桐乡市")),
    ("桐乡市纪委监委\n梧桐街道和凤鸣街道共立案20件。", "20件", ("浙江省", "嘉兴市", "桐乡市")),
    ("桐乡市纪委监委\n梧桐街道、凤鸣街道分别立案12件、8件。", "8件", ("浙江省", "嘉兴市", "桐乡市", "凤鸣街道")),
])
def test_towns_after_a_reference_word(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # 该县 opening a paragraph: the county the paragraphs before it were about
    ("河北省张家口市纪委监委\n张北县纪委监委今年共立案86件。\n该县还开展警示教育12场次。", "12场次",
     ("河北省", "张家口市", "张北县")),
    ("河北省张家口市纪委监委\n张北县纪委监委今年共立案86件。\n该市还开展警示教育12场次。", "12场次",
     ("河北省", "张家口市")),
    # 全县 is not an anaphor: in a city's report it stays the document's scope
    ("河北省张家口市纪委监委\n张北县纪委监委今年共立案86件。\n全县开展警示教育12场次。", "12场次",
     ("河北省", "张家口市")),
    # 当地 is the place named last, in its paragraph or the ones before
    ("中央纪委国家监委通报\n“我自觉遵守新规定……”四川省乐山市马边彝族自治县三溪村村委会特别会议现场。\n"
     "近年来，当地纪委监委开展23项问题专项治理。", "23项", ("四川省", "乐山市", "马边彝族自治县")),
    ("天津市纪委监委\n静海区纪委监委深入基层。当地群众反映问题12件。", "12件", ("天津市", "静海区")),
    ("中央纪委国家监委通报\n当地纪委监委开展23项问题专项治理。", "23项", ("全国",)),
    # a count of the provinces is the country's, whatever the clause before it named
    ("河南省纪委监委\n督促严处虞城县案件；向25个省（区、市）纪委监委集中督办交办66件问题线索。", "25个", ("全国",)),
    ("天津市纪委监委\n静海区查处问题12起，涉及5个省份的供应商。", "5个", ("天津市", "静海区")),
    # 全国 in a comparison between a division and 该市 does not hide the division
    ("中央纪委国家监委通报。\n河南省商丘市是全国20个粮食产量超百亿斤的地级市之一。专项整治以来，该市纪委监委严肃查办案件，"
     "给予党纪政务处分196人。", "196人", ("河南省", "商丘市")),
])
def test_a_reference_word_after_a_paragraph_about_a_county(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # in a national report, a paragraph about 这6名干部 or 被通报的11名领导干部 is about the people of
    # the paragraphs before, and their place; another paragraph is not
    ("中央纪委国家监委通报。\n湖南省纪委监委严肃查处了湘西州11名领导干部违反中央八项规定精神问题。\n"
     "然而被通报的11名领导干部却邀约聚餐饮酒，其中一起聚餐由私营企业主支付餐费1900元。", "1900元",
     ("湖南省", "湘西土家族苗族自治州")),
    ("中央纪委国家监委通报。\n湖南省纪委监委严肃查处了湘西州11名领导干部违反中央八项规定精神问题。\n"
     "一些党员干部邀约聚餐饮酒，其中一起聚餐由私营企业主支付餐费1900元。", "1900元", ("全国",)),
])
def test_a_paragraph_about_the_people_of_the_paragraphs_before(text, anchor, path):
    assert region_at(text, anchor, title=text.splitlines()[0]).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # a county-level city that is a district today (双城市, 萧山市): 全市 in a report that calls it
    # a city is that city, not the prefecture above the district
    ("双城市纪委创新监督方式\n今年，全市共立案37件。", "37件", ("黑龙江省", "哈尔滨市", "双城区")),
    ("萧山市纪委\n市纪委全年处分党员干部41人。", "41人", ("浙江省", "杭州市", "萧山区")),
    # named as the district it is today, 全市 is the prefecture
    ("哈尔滨市双城区纪委监委\n今年，全市共立案37件。", "37件", ("黑龙江省", "哈尔滨市")),
    # a prefecture named by its former kind (毕节地区): 全区 is the prefecture, as before
    ("毕节地区纪委\n全区共立案120件。", "120件", ("贵州省", "毕节市")),
])
def test_a_reference_word_in_a_report_that_names_its_region_by_an_earlier_kind(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, slug", [
    # autonomous units by their usual abbreviation: short name + 州/县/旗
    ("黔东南州查处群众身边腐败问题873个。", "873个", "qiandongnan"),
    ("恩施州纪委监委立案112件。", "112件", "hubei-enshi"),
    ("大理州立案40件，大理市立案4件。", "40件", "yunnan-dali"),
    ("大理州立案40件，大理市立案4件。", "4件", "dali-dali"),
    ("长阳县纪委监委立案12件。", "12件", "changyang"),
    ("鄂温克旗纪委监委立案3件。", "3件", "ewenkezu"),
    ("海南州立案5件。", "5件", "qinghai-hainan"),
    # 河南县 is a county of 黄南州, but not in 河南县域 or 河南县级
    ("河南县域经济发展中查处问题3起。", "3起", "unknown"),
])
def test_autonomous_units_by_their_abbreviation(text, anchor, slug):
    assert region_at(text, anchor).id == slug


@pytest.mark.parametrize("text, anchor, slug", [
    # the production and construction corps is a unit of its own beside 新疆维吾尔自治区
    ("新疆生产建设兵团纪委监委立案审查调查案件512件。", "512件", "bingtuan"),
    ("新疆生产建设兵团纪委监委通报。\n兵团纪委监委处分498人。", "498人", "bingtuan"),
    ("新疆维吾尔自治区纪委监委立案审查调查案件512件。", "512件", "xinjiangweiwuerzizhiqu"),
    # 龙华区 is a district of 深圳市 (since 2017) and of 海口市: the document decides
    ("深圳市纪委监委\n龙华区纪委监委查处问题56个。", "56个", "shenzhen-longhua"),
    ("海口市纪委监委\n龙华区纪委监委查处问题56个。", "56个", "haikou-longhua"),
    ("龙华区纪委监委查处问题56个。", "56个", "unknown"),
    ("各地抽调力量开展“大兵团作战”，查处问题56起。", "56起", "unknown"),
    # a state-level new area is its administering division's, even in a national bulletin
    ("中央纪委国家监委通报。\n兰州新区纪工委查处问题12起。", "12起", "lanzhou"),
    ("中央纪委国家监委通报。\n重庆两江新区纪检监察工委立案85件。", "85件", "chongqing"),
    ("中央纪委国家监委通报。\n青岛西海岸新区查处问题23起。", "23起", "huangdao"),
    # zones that are the same land as a division: their commission's figures are the division's
    ("河南省济源示范区纪工委监工委\n全区共查处群众身边腐败问题89起。", "89起", "jiyuan"),
    ("杨凌示范区纪工委监察工委\n全区共立案35件。", "35件", "yangling"),
    ("平潭综合实验区纪委监委通报\n实验区今年共查处问题21起。", "21起", "pingtan"),
])
def test_divisions_the_code_table_lacks(text, anchor, slug):
    assert region_at(text, anchor).id == slug


def test_national_region_is_the_spec_row():
    assert (NATIONAL.id, NATIONAL.path) == ("national", ("全国",))
    assert attribute_figures("没有地名的一段话，共5起。", [11]) == [UNKNOWN]
    assert attribute_figures("静海区查处问题5起。", []) == []


def test_traditional_text_after_normalisation():
    text = normalize("靜海區紀委監委嚴肅查處問題71起。").text
    assert region_at(text, "71起").id == "jinghai"


def test_title_decides_the_document_region():
    text = "全市共查处问题9起。"
    assert region_at(text, "9起", title="成都市纪委监委工作通报").id == "chengdu"


PROVINCIAL_PAGE = """<html><head><meta charset="utf-8">
<title>2024年1-9月全省纪检监察机关监督检查审查调查情况_河南省纪委监委</title></head>
<body><div class="nav">首页 | 要闻 | 通知公告</div><div class="article">
<h1>2024年1-9月全省纪检监察机关监督检查审查调查情况</h1>
<p>2024年1-9月，全省纪检监察机关共接收信访举报8.6万件次，处置问题线索5.1万件。</p>
<p>其中，处分省管干部56人，处分县处级干部892人。</p>
<p>郑州市纪委监委立案1,203件。</p></div></body></html>"""


def test_a_page_that_names_no_region_is_its_publishers(tmp_path):
    """全省 in a page of 河南省纪委监委's site that never names its province: the publisher's."""
    from pipeline.extract import extract_text

    page = tmp_path / "page.html"
    page.write_text(PROVINCIAL_PAGE, encoding="utf-8")
    doc = read_document(page)
    assert doc.site == "河南省纪委监委"
    regions = {f["value"]: f["region_id"] for f in extract_text("d", doc.text, doc.title, doc.site)}
    # the text's own regions come first: 郑州市 is named, and the document is then about it
    assert regions[1203] == "zhengzhou"
    page.write_text(PROVINCIAL_PAGE.replace("<p>郑州市纪委监委立案1,203件。</p>", ""), encoding="utf-8")
    doc = read_document(page)
    regions = {f["value"]: f["region_id"] for f in extract_text("d", doc.text, doc.title, doc.site)}
    assert regions == {86000: "henansheng", 51000: "henansheng", 56: "henansheng", 892: "henansheng"}
    assert {f["region_id"] for f in extract_text("d", doc.text, doc.title)} == {"unknown"}


def test_ccdi_bulletin():
    doc = read_document(TEST_DATA / "ccdi" / "t20220905_215850.html")
    text = normalize(doc.text).text
    assert region_at(text, "32万元", doc.title).id == "national"
    assert region_at(text, "21.1万元", doc.title).id == "licang"
    assert region_at(text, "94.13万元", doc.title).id == "guangxi"


def test_full_name_counts_once_and_district_commission_is_the_district():
    """云南省昆明市官渡区 is one mention of the district; 区纪委监委 is that district's commission."""
    from pipeline.extract import extract_text

    text = ("今年以来，云南省昆明市官渡区纪委监委全区共查处问题86起。\n"
            "其中，矣六街道纪工委查处问题12起。区纪委监委发出纪检监察建议书9份。\n"
            "全市纪检监察机关共立案1200件。")
    regions = {f["value"]: f["region_id"] for f in extract_text("d", text)}
    assert regions[86] == regions[12] == regions[9] != regions[1200]
    assert [f["region_path"] for f in extract_text("d", text) if f["value"] == 1200][0] == ["云南省", "昆明市"]


@pytest.mark.parametrize("text, expected", [
    ("中央纪委国家监委通报。\n从各省份看，北京、上海、广东分别查处问题120起、98起、156起。",
     {120: "beijing", 98: "shanghai", 156: "guangdong"}),
    # full names count as one item, and every list after 分别 is read the same way
    ("中央纪委国家监委通报。\n湖南省长沙市、衡阳市纪委监委分别立案56件、38件，处分48人和31人。",
     {56: "hunan-changsha", 38: "hunan-hengyang", 48: "hunan-changsha", 31: "hunan-hengyang"}),
    # numbers with a thousands comma make the same list
    ("中央纪委国家监委通报。\n浙江、江苏、广东分别查处问题4,021起、3,877起和5,102起。",
     {4021: "zhejiang", 3877: "jiangsu", 5102: "guangdong"}),
    # a figure outside the list keeps the usual rule
    ("中央纪委国家监委通报。\n北京、上海两地分别查处问题120起、98起，全国共查处问题3,900起。",
     {120: "beijing", 98: "shanghai", 3900: "national"}),
    # a list of another length cannot be paired: no region rather than the last one named
    ("中央纪委国家监委通报。\n北京、上海、广东分别查处问题120起、98起。", {120: "unknown", 98: "unknown"}),
    ("中央纪委国家监委通报。\n北京、上海分别查处问题120起。", {120: "unknown"}),
    # ... nor a figure in a later clause, which keeps the usual rule
    ("天津市纪委监委通报。\n静海区、武清区分别召开警示教育大会，全年查处问题120起。", {120: "wuqing"}),
    # short names of cities in a list are places, of the province the report is about
    ("四川省纪委监委通报。\n一季度，全省共查处问题486起。成都、绵阳、南充分别查处问题89起、56起、48起。",
     {486: "sichuan", 89: "chengdu", 56: "mianyang", 48: "nanchong"}),
])
def test_regions_listed_before_respectively(text, expected):
    from pipeline.extract import extract_text

    assert {f["value"]: f["region_id"] for f in extract_text("case", text)} == expected


@pytest.mark.parametrize("text, expected", [
    ("天津市纪委监委通报。\n市纪委监委通报了静海区、武清区等地的7起典型问题。", {7: "tianjin"}),
    ("湖南省纪委监委通报。\n长沙市、株洲市等地查处问题15起。", {15: "hunan"}),
    # places of several provinces: the whole country in a national report
    ("中央纪委国家监委通报。\n江苏、浙江等地通报了8起典型问题。", {8: "national"}),
    # one place and 等地 names that place's figures as before
    ("天津市纪委监委通报。\n静海区等地查处问题3起。", {3: "jinghai"}),
    # places that act together: a joint total
    ("天津市纪委监委通报。\n静海区和武清区共查处问题41起。", {41: "tianjin"}),
    ("天津市纪委监委通报。\n静海区、武清区两区共立案23件。", {23: "tianjin"}),
    ("天津市纪委监委通报。\n静海区与武清区联合开展检查，发现问题12个。", {12: "tianjin"}),
    ("天津市纪委监委通报。\n静海区共查处问题41起。", {41: "jinghai"}),
    # places counted together (三市, 两区): a figure of all of them, or of each
    ("山东省纪委监委通报。\n济南、青岛、烟台三市立案数均超过500件。", {500: "shandong"}),
    ("天津市纪委监委通报。\n静海区、武清区两区纪委监委立案20件。", {20: "tianjin"}),
    # places whose commissions act together, and 全市 after them
    ("河北省纪委监委通报。\n河北省衡水市、邢台市纪委监委与税务机关建立信息互通机制，调取全市各级党政机关发票信息1784条。",
     {1784: "hebeisheng"}),
    ("天津市纪委监委通报。\n静海区、武清区纪委监委立案20件。", {20: "tianjin"}),
    # the place of the first of the cases a commission made public is not the scope of their count
    ("中央纪委国家监委通报。\n山西省纪委监委曾公开通报大同市地方储备粮管理中心原主任杨斌等3起典型案例。", {3: "shanxi"}),
    ("天津市纪委监委通报。\n市纪委监委通报了静海区某局原局长张某等5起典型问题。", {5: "tianjin"}),
    ("天津市纪委监委通报。\n市纪委监委通报了静海区3起典型问题。", {3: "jinghai"}),
    # ... unless 分别 pairs them with their own figures
    ("天津市纪委监委通报。\n静海区、武清区两区分别立案12件、8件。", {12: "jinghai", 8: "wuqing"}),
    ("天津市纪委监委通报。\n静海区、武清区两区纪委监委分别立案12件、8件。", {12: "jinghai", 8: "wuqing"}),
    ("天津市纪委监委通报。\n静海区、武清区纪委监委分别立案12件、8件。", {12: "jinghai", 8: "wuqing"}),
])
def test_places_listed_before_and_others_share_their_figures(text, expected):
    from pipeline.extract import extract_text

    assert {f["value"]: f["region_id"] for f in extract_text("case", text)} == expected


def test_a_title_in_traditional_characters_decides_like_one_in_simplified():
    from pipeline.extract import extract_text

    figures = extract_text("case", "全區共立案23件，處分19人。", title="廈門市思明區紀(jì)委監(jiān)委工作綜述")
    assert {f["region_id"] for f in figures} == {"siming"}


def test_a_publisher_named_in_traditional_characters_places_a_text_that_names_no_region():
    from pipeline.extract import extract_text

    figures = extract_text("case", "全省共立案5起，處分7人。", site="河南省紀委監委")
    assert {f["region_path"][0] for f in figures} == {"河南省"}


@pytest.mark.parametrize("text, anchor, path", [
    # a place a ranking is taken in is no scope, and no vote for the document's place
    ("邳州市纪委始终把控减越级访作为重点工作。去年，全市到中央纪委上访9批11人次，位居徐州市第五，其中业务内5件。\n"
     "年内先后3次召开信访工作调度会。", "5件", ("江苏省", "徐州市", "邳州市")),
    ("邳州市纪委始终把控减越级访作为重点工作。去年，全市到中央纪委上访9批11人次，位居徐州市第五，其中业务内5件。\n"
     "年内先后3次召开信访工作调度会。", "3次", ("江苏省", "徐州市", "邳州市")),
    # a place named only where something happened still tells whose report it is
    ("这是在维西县委书记办公会上的一幕。\n今年以来，共移交问题线索32个。", "32个", ("云南省", "迪庆藏族自治州", "维西傈僳族自治县")),
    # a list of places a sentence before was about: the division that holds them all
    ("邳州市纪委监委\n去年铁富镇、碾庄镇因越级访较多，被取消评选资格。对发生越级访的12个镇街进行通报批评。", "12个",
     ("江苏省", "徐州市", "邳州市")),
    ("邳州市纪委监委\n去年铁富镇查处问题5起。", "5起", ("江苏省", "徐州市", "邳州市", "铁富镇")),
    ("邳州市纪委监委\n明确各镇街党委书记为第一责任人，全年约谈12人。", "12人", ("江苏省", "徐州市", "邳州市")),
    # districts named by words for parts of any town count only in a text about their city
    ("凤凰县纪委监委\n推进老城区改造，查处问题5起。", "5起", ("湖南省", "湘西土家族苗族自治州", "凤凰县")),
    ("凤凰县纪委监委\n新城区建设中查处问题5起。", "5起", ("湖南省", "湘西土家族苗族自治州", "凤凰县")),
    ("凤凰县纪委监委\n在市中区域查处问题5起。", "5起", ("湖南省", "湘西土家族苗族自治州", "凤凰县")),
    ("凤凰县纪委监委\n新增城区道路临时停车位130余个。", "130余个", ("湖南省", "湘西土家族苗族自治州", "凤凰县")),
    ("洛阳市纪委监委\n老城区查处问题5起。", "5起", ("河南省", "洛阳市", "老城区")),
    ("西安市纪委监委\n新城区纪委监委查处问题5起。", "5起", ("陕西省", "西安市", "新城区")),
    # ethnic townships, and townships named after a village
    ("凌云县纪委监委\n玉洪瑶族乡岩细村罗某违规领取集体资金11166元。", "11166元",
     ("广西壮族自治区", "百色市", "凌云县", "玉洪瑶族乡")),
    ("大同市纪委监委\n在浑源县，下韩村乡花疃村原党支部书记贪污53万余元。", "53万余元", ("山西省", "大同市", "浑源县", "下韩村乡")),
    # a community's supervision committee (社区监委) is no district's commission
    ("来宾市纪委监委\n兴宾区河西街道纪工委探索社区监委片区化管理，将街道10个社区划分为3个片区。", "3个片区",
     ("广西壮族自治区", "来宾市", "兴宾区", "河西街道")),
    # 县区纪委 are the commissions of several counties and districts
    ("固原市纪委监委\n全市乡镇纪委初核问题线索138件，占县区纪委初核问题线索数的27%。", "27%", ("宁夏回族自治区", "固原市")),
    # a place a report leaves unnamed: the division above the places of its kind in context
    ("XX市辖5个县区。原州区乡镇纪委初核47件、泾源县乡镇纪委初核13件；XX县乡镇纪委初核31件。", "31件",
     ("宁夏回族自治区", "固原市")),
    ("XX市辖5个县区。原州区乡镇纪委初核47件、泾源县乡镇纪委初核13件；XX县乡镇纪委初核31件。", "5个",
     ("宁夏回族自治区", "固原市")),
    # figures that open a paragraph, then whose they are
    ("颍东区纪委监委\n“上半年，共受理信访举报案件6件，立案2件……”这是颍东区枣庄镇纪委书记在述职会上晒出的成绩单。", "2件",
     ("安徽省", "阜阳市", "颍东区", "枣庄镇")),
    ("河南日报\n集中整治14个村居，查处党员干部78人，党纪政务处分44人……这是西华县纪委监委亮出的成绩单。", "44人",
     ("河南省", "周口市", "西华县")),
])
def test_places_a_report_ranks_lists_or_leaves_unnamed(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # 该镇 is the town named last in the paragraph, even a town visited
    ("湖北省纪委监委\n去年9月，省纪委督导组到公安县南平镇检查时发现，全省启动监督检查以来，该镇7个核查专班有5个存在问题。",
     "7个", ("湖北省", "荆州市", "公安县", "南平镇")),
    # 该县 after a place visited is that place
    ("湖北省纪委监委\n省纪委督导组到公安县检查时发现，该县12个核查专班存在问题。", "12个", ("湖北省", "荆州市", "公安县")),
    # a quotation that is its paragraph, and the next one opens with whose results they are
    ("“目前共发现问题线索85件，已立案8件，给予党纪政务处分7人……”\n这是湖北省荆门市开展专项治理取得的成果。", "7人",
     ("湖北省", "荆门市")),
    # the speaker of an opening quotation may be named after 在
    ("福建：乡镇纪委履职记\n“上半年，乡纪委受理群众的初信初访件4件，立案1件。”近日，在福建省建宁县客坊乡，乡纪委书记介绍。",
     "1件", ("福建省", "三明市", "建宁县", "客坊乡")),
    # a town named alone lies in the county the paragraph before named
    ("湖南省纪委监委\n2018年1月12日，在江华瑶族自治县桥头铺违纪资金返还会现场，村民收到清退的10500元补助款。\n"
     "2015年7月，桥头铺镇上刘家塘村低保户实施了危房改造，县里下拨补助资金16500元。", "16500元",
     ("湖南省", "永州市", "江华瑶族自治县", "桥头铺镇")),
    # the lines that name a page's source and its place on the site are not what it is about;
    # a city named whole (昆明全市) after its short name is that city
    ("所在位置：首页 > 巡访31省区市\n来源：中央纪委监察部网站\n88个贫困县，云南省山地面积达94%，在全国省会城市中绝无仅有。\n"
     "2017年省级财政投入专项扶贫资金46亿元。昆明全市累计投入扶贫资金38.08亿元。\n云南省纪委认真落实中央纪委会议精神。",
     "46亿元", ("云南省",)),
    ("所在位置：首页 > 巡访31省区市\n来源：中央纪委监察部网站\n88个贫困县，云南省山地面积达94%，在全国省会城市中绝无仅有。\n"
     "2017年省级财政投入专项扶贫资金46亿元。昆明全市累计投入扶贫资金38.08亿元。\n云南省纪委认真落实中央纪委会议精神。",
     "38.08亿元", ("云南省", "昆明市")),
    # a paragraph votes once for each name it writes: a case that names its district seven
    # times does not make the city's notice the district's
    ("现将典型案例通报如下：\n1、硚口区环保局违规发放津贴补贴问题。硚口区环保局违规发放津贴补贴13.9万余元。硚口区纪委给予局长处分；"
     "硚口区环保局给予出纳警告处分。\n2、市公路处关山治超站套取资金发放工作补助问题，共计40400元。\n"
     "3、新洲区园林绿化所超标准发放年终奖金问题。", "40400元", ("湖北省", "武汉市")),
])
def test_places_named_around_quotations_towns_and_page_furniture(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # 财政部门, 公安部门: departments of any level, not the ministries
    ("沅江市纪委监委\n今年8月，市纪委监委联合市财政部门成立专项督查组，针对14个镇开展排查。", "14个", ("湖南省", "益阳市", "沅江市")),
    # a count of the central units is the country's
    ("新疆生产建设兵团纪委监委\n新疆生产建设兵团、66个中央和国家机关共查处问题1.2万起。", "66个", ("全国",)),
    # a paper named after a place is not what the report is about
    ("浙江日报刊发鄞州区经验\n鄞州区探索推行“三清单”运行法。\n鄞州区纪委区监委开发出智慧监管平台。\n"
     "目前平台已覆盖所有村，录入近36万条村民信息。", "36万条", ("浙江省", "宁波市", "鄞州区")),
    # a town named alone takes the county of the paragraphs before only where its own paragraph
    # has named no place yet
    ("典型案例通报\n案例三：陕西省安康市白河县某局违规发放补贴5万元。\n"
     "案例四：江苏省无锡市无锡新区鸿山街道80余名干部花费38万余元。", "38万余元", ("江苏省", "无锡市")),
])
def test_departments_central_units_papers_and_towns_of_earlier_paragraphs(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # a name in brackets is an aside: it scopes the figures inside them, not those after them
    ("中央纪委国家监委通报\n7省（市）共问责1048人，其中省部级干部3人（甘肃祁连山生态环境破坏问题），厅级干部159人。",
     "159人", ("全国",)),
    ("新疆维吾尔自治区纪委监委通报\n新疆（含兵团）146人（兵团34人），其中厅级干部28人。", "146人", ("新疆维吾尔自治区",)),
    ("新疆维吾尔自治区纪委监委通报\n新疆（含兵团）146人（兵团34人），其中厅级干部28人。", "34人", ("新疆生产建设兵团",)),
    # ... and a list of places may end in one before 等
    ("生态环境部通报\n督察组对吉林、浙江、新疆（含新疆生产建设兵团）等8省（区）开展督察，移交89个问题。", "89个", ("全国",)),
    # what a report builds on (在省纪委提出的…基础上) scopes the figures inside that frame only
    ("济宁市纪委监委开展专题调研。\n在省纪委监委提出的5个方面20项整治重点基础上，结合实际着力纠治“躺平”等6种行为。",
     "6种", ("山东省", "济宁市")),
    ("济宁市纪委监委开展专题调研。\n在省纪委监委提出的5个方面20项整治重点基础上，结合实际着力纠治“躺平”等6种行为。",
     "5个", ("山东省",)),
    # a list of nested places shares its figure; places side by side may hold it each
    ("吕梁市纪委监委通报\n对存在失职失责问题的吕梁市、离石区、城北街道党委政府及有关部门的39名公职人员进行问责。",
     "39名", ("山西省", "吕梁市")),
    ("广东省纪委监委通报\n广州市、深圳市各追回2人。", "2人", ("广东省", "深圳市")),
    ("清流县纪委监委\n确定以龙津镇、嵩溪镇等3个乡镇为切入口，对140个项目开展监督。", "140个", ("福建省", "三明市", "清流县")),
    # a place left out, a venue and a document's title cast no vote for the report's place
    ("中央纪委通报\n全国30省份（除西藏）共通报174起案件。", "174起", ("全国",)),
    ("中管官员落马统计\n在北京国家体育馆举行了一场演出。\n仅中管官员已有39位落马。", "39位", ("全国",)),
    ("省委第八巡视组对我区进行了巡视。\n依据《十八届中央纪委向十九大的工作报告》，立案17件。", "17件", ()),
    # a report that calls its place 我省 is a province's, though it names its cities more often
    ("中央环保督察组对我省开展督察。\n省委、省政府研究决定，对106名责任人进行问责。\n"
     "赣州市整顿领导小组违规批准投产，给予赣州市政府原副市长行政记过处分。\n给予信丰县环保局副局长警告处分。",
     "106名", ("江西省",)),
    # 和 after a bracket joins two people; the supreme procuratorate's figures are the country's
    ("浦城县纪委通报：张三（分管后勤工作）和县林业局副局长李四被立案审查，对其他参与吃请的13人进行诫勉谈话。",
     "13人", ("福建省", "南平市", "浦城县")),
    ("洛宁县纪委监委\n昨天最高检的工作报告里提到，批捕涉恶犯罪嫌疑人62202人。", "62202人", ("全国",)),
    # the list of all provinces ends with the corps; 中纪委 is the central commission
    ("中央纪委国家监委通报\n全国31个省（区、市）和新疆生产建设兵团纪检监察机关共查处问题1.2万起。", "1.2万起", ("全国",)),
    ("中央巡视工作领导小组通报\n各省、自治区、直辖市和新疆生产建设兵团党委已巡视3738个地区单位。", "3738个", ("全国",)),
    ("中纪委公布巡视清单\n29所中管高校自揭家丑，上海交通大学等高校整改问题。\n中纪委网站共通报128名被查处的高校领导干部。",
     "128名", ("全国",)),
    # a school named after a place scopes its own figures but casts no vote for the report's place
    ("中纪委网站通报高校领导干部\n北京师范大学某学院原院长王某违规收受礼品礼金8.6万元。\n全国共通报128名高校领导干部。",
     "128名", ("全国",)),
    ("中纪委网站通报高校领导干部\n北京师范大学某学院原院长王某违规收受礼品礼金8.6万元。\n全国共通报128名高校领导干部。",
     "8.6万元", ("北京市",)),
    # a place inside a document's title votes for the text that cites it; a national body does not
    ("县纪委监委通报\n根据《新化县村级工程建设项目管理办法》，查处违规问题2起。", "2起", ("湖南省", "娄底市", "新化县")),
    ("中央纪委国家监委\n中央纪委国家监委发布《十八届中央纪委向十九大的工作报告》。\n浦城县纪委全年立案17件。",
     "17件", ("福建省", "南平市", "浦城县")),
])
def test_asides_frames_nested_lists_and_places_that_cast_no_vote(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # a city's short name glued to the word before it gives way to the name one character on
    ("内地各省开始抓捕粮食贪腐,全国共有千人落网,其中山东堪称重灾区,已有675人受到处分。", "675人", ("山东省",)),
    # 我市 in a text that names no city is the writer's own place, not the country named before
    ("检察干警违纪违法情况\n据统计,全国2003年查处违纪违法的检察干警424人。①我市2003年共立案查处检察干警40人。",
     "40人", ()),
    ("检察干警违纪违法情况\n据统计,全国2003年查处违纪违法的检察干警424人。①我市2003年共立案查处检察干警40人。",
     "424人", ("全国",)),
    # a national body named as the source of a policy is neither a scope nor a vote
    ("XX市派驻纪检组分析报告\n为深入贯彻落实党中央、国务院关于加强医疗保障基金监管的重要决策部署,全市查处案件450余起。",
     "450余起", ()),
    ("驻省教育厅纪检监察组\n为贯彻落实中央纪委三次全会精神,驻省教育厅纪检监察组全年受理信访举报464件。", "464件", ()),
    ("山西省委、省政府认真贯彻落实党中央、国务院关于统计工作的决策部署,对应县案件中17名责任人进行了处分处理。",
     "17名", ("山西省",)),
    # national administrations; 全国通用 is no scope
    ("福建省云霄县统计造假\n国家统计局近期点名曝光了近三年执法检查中发现的8起违法案件。", "8起", ("全国",)),
    ("成都市纪委\n条码是全国通用“身份证”。市纪委受理群众信访举报3678件。", "3678件", ("四川省", "成都市")),
    # a district named like a common word, right after its city
    ("攀枝花市东区银江镇阿署达村,该村涉及32人的非法套取国家征地补偿款窝案浮出水面。", "32人", ("四川省", "攀枝花市", "东区", "银江镇")),
    # each place of a list of cases made public is the place of one case, not of the count
    ("省纪委、监察厅向全省通报六安市裕安区物价局检查组执行公务时午间饮酒,并导致流血斗殴事件等6起典型案件。",
     "6起", ("安徽省",)),
])
def test_policy_sources_unnamed_cities_and_lists_of_cases(text, anchor, path):
    assert region_at(text, anchor).path == path


NATIONAL_REPORT_WITH_AN_OFFICE = (
    "中纪委通报称，2012年各级纪检监察机关共立案155144件，处分160718人。\n"
    "其中给予党纪处分134464人。\n"
    "评论称，无官不贪。2011年2月，广东茂名市委书记罗荫国因腐败落马。罗荫国称，把茂名官场的人都算上。")


@pytest.mark.parametrize("text, anchor, path", [
    # an office named in the body casts a quarter of a vote: a national report stays national
    (NATIONAL_REPORT_WITH_AN_OFFICE, "134464人", ("全国",)),
    # ... but the office in the title of a notice of its holder's case is the notice's place
    ("云南省昆明市官渡区政协原主席李某某被开除党籍\n云南省纪委监委消息。\n经查，李某某收受财物折合人民币3680万余元。",
     "3680万", ("云南省", "昆明市", "官渡区")),
    # where a paper or an agency files from is no scope
    ("香港文汇报讯 据新华社报道，中纪委通报，各地共立案查办贪污贿赂案件1.1万件。", "1.1万件", ("全国",)),
    ("香港，1月10日（路透社）- 最高反腐败监督机构周五表示，已对官员提起超过4000起纪律案件。", "4000起", ()),
    # the country as the whole a share is taken of
    ("内蒙古2019年原煤产量就达10.35亿吨，占全国产量的27.6%。", "27.6%", ("内蒙古自治区",)),
    ("天津市纪委监委\n全市立案1200件。静海区立案数占全市的7.1%。", "7.1%", ("天津市", "静海区")),
    # a national body that praised the local work
    ("平江县纪委监委\n推行考核制度，被中纪委专题推介；信访总量较去年下降29%。", "29%", ("湖南省", "岳阳市", "平江县")),
    # cadres the centre manages, of a named province
    ("中央纪委国家监委立案查处的内蒙古自治区5名中管干部中，有4人所涉腐败问题与煤炭相关。", "4人", ("内蒙古自治区",)),
    # the sections of a page
    ("中国台湾网  >   新闻中心  >   时政新闻\n2015年初，江山市纪委发现市商务局套取单位工作经费34590元。",
     "34590元", ("浙江省", "衢州市", "江山市")),
    # a central company
    ("国家电网9轮巡视67个二级单位党组织\n追责问责3993人次。国网上海电力检修公司整改问题5个。", "3993人次", ("全国",)),
    # an autonomous county by its short name and its kind
    ("务川自治县纪委县监委严肃查处。全县因应对疫情防控不力被问责160人。", "160人",
     ("贵州省", "遵义市", "务川仡佬族苗族自治县")),
])
def test_offices_datelines_shares_and_central_bodies(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # words of time and of quantity before 镇/乡 are no towns, nor are 镇乡 (towns and townships)
    ("浦江县岩头镇纪委书记说，今年镇里对5名干部停职1人、诫勉谈话4人。", "4人", ("浙江省", "金华市", "浦江县", "岩头镇")),
    ("迁安市纪委。以前乡党委、政府都没有明确的规定，原计划修建6000平方米。", "6000平方米", ("河北省", "唐山市", "迁安市")),
    ("台安县纪委深入部分镇村，督促整改问题15个。", "15个", ("辽宁省", "鞍山市", "台安县")),
    ("迁安市组织公安、消防、城管和镇乡(街道)等共同参与，成立26个普查登记工作组。", "26个", ("河北省", "唐山市", "迁安市")),
    # 全市 in a rank among the city's places is no scope
    ("邯郸市巡察工作推进会。\n邯山区纪委监委在全市率先配备了乡镇巡察专员专干30人。", "30人", ("河北省", "邯郸市", "邯山区")),
    # 该乡 after the paragraph that named the township, past the county's commission
    ("铜仁市松桃自治县石梁乡纪委干部在红石村开展监督检查。\n乡纪委将问题线索向县纪委监委报告，县纪委监委启动片区协作机制，"
     "最终，该乡5个村的5名党员干部受到相应处理。", "5名", ("贵州省", "铜仁市", "松桃苗族自治县", "石梁乡")),
    # a short city name right after its province's name
    ("广西南宁海关群体性腐败案中，有18名处级干部被追责。\n据中纪委公布的数据，海关系统共查处案件12起。",
     "18名", ("广西壮族自治区", "南宁市")),
    # 全国最大 is a rank; a list of places' bodies and a count of them; the other divisions
    ("凉山彝族自治州是全国最大的彝族聚居区，有重点县11个。", "11个", ("四川省", "凉山彝族自治州")),
    ("区纪委对大兴区青云店镇党委、昌平区北七家镇党委2个党组织进行问责。", "2个", ("北京市",)),
    ("长寿区监察委员会首个挂牌，其他37个区县随后完成挂牌。", "37个", ("重庆市",)),
])
def test_towns_ranks_and_short_names_after_their_province(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # a commission that leads or agrees is the one above the report's own place
    ("经报市委和镇江市监委同意，市监委主任在丹阳市人大常委会会议上作报告。\n市监委共查处问题346起。"
     "\n在镇江市纪委监委和市委的坚强领导下，市监委将持续整治。", "346起", ("江苏省", "镇江市", "丹阳市")),
    # one of the places counted, not the scope of the count
    ("全国人大常委会听取报告。\n包括北京在内，此轮已有9个省级监委向同级人大常委会报告专项工作。", "9个", ("全国",)),
    # a provincial commission whose software a city's commission used
    ("湖北省推开试点。\n潜江市纪委在整理数据的基础上，运用省纪委开发的软件比对，发现问题线索5万余条。",
     "5万余条", ("湖北省", "潜江市")),
    # 提到 is no going to the place after it
    ("中央纪委国家监委通报整治成效，其中提到常州市组织集中整治，29家单位上交“烟卡”273张。", "273张", ("江苏省", "常州市")),
    # 其中 is one word: no 中纪委 in 其中纪委, no 中原 in 其中原县长
    ("沅江市纪委监委开展专项整治，出动人员59人次，其中纪委监委22人次。", "22人次", ("湖南省", "益阳市", "沅江市")),
    ("盘州市发生煤矿事故，其中原县长被责令引咎辞职，撤职6人。", "6人", ("贵州省", "六盘水市", "盘州市")),
    # all the cities and counties of a province, after a sentence about one city's counties
    ("山东省审计发现问题。\n50个县包括德城区、乐陵市、临邑县等。审计后各市县积极整改，已取消调整391户家庭的保障资格。",
     "391户", ("山东省",)),
    # the old ministry of supervision is national
    ("此前监察部组织力量进行重点督办，给予46名责任人员党纪政纪处分。", "46名", ("全国",)),
    # no towns made of a committee, of a kind of unit, of 据 or of 辖区
    ("潜江市老新镇党委书记说，镇委镇政府出台了规定。此次查出本村3名党员违规。", "3名", ("湖北省", "潜江市", "老新镇")),
    ("子洲县纪委以“一卡通”系统和镇(办)自查中存在问题的补贴户数为基数，随机抽取100户。", "100户",
     ("陕西省", "榆林市", "子洲县")),
    ("嘉善县纪委监委开展监督。”据罗星街道纪委负责人介绍，收集意见建议50余条。", "50余条",
     ("浙江省", "嘉兴市", "嘉善县", "罗星街道")),
    ("沅江市公安局在辖区西街、安定西路等重点路口共出动人员59人次。", "59人次", ("湖南省", "益阳市", "沅江市")),
    # 会同 after a body is the verb, not 会同县
    ("互助土族自治县纪委监委会同县公安局开展夜查，共出动人员59人次。", "59人次", ("青海省", "海东市", "互助土族自治县")),
    # a county's report that draws a lesson from 我省 and speaks of 全县
    ("深刻汲取我省6名领导干部严重违纪问题教训，互助土族自治县紧盯重要节点。\n成立全县查处违规吃喝领导小组，下设2个工作专班。",
     "2个", ("青海省", "海东市", "互助土族自治县")),
    # a site's name over the page is its publisher, not its title
    ("广元市人民政府\n您当前的位置：首页>>利州区开展清卡行动>>详情\n发布机构 利州区政府\n利州区开展清卡行动\n"
     "共发现问题9个，清退资金8.6万元。", "9个", ("四川省", "广元市", "利州区")),
])
def test_superior_bodies_places_counted_and_words_that_are_no_places(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, anchor, path", [
    # a county's short name in the title, of a county the text names in full
    ("杭州富阳：对国企子公司开展延伸巡察\n在杭州市富阳区国企子公司巡察反馈会上，交通集团进行了整改汇报。\n"
     "根据区委统一部署，富阳计划分三年完成对全区所有国企子公司的延伸巡察。两年来，已完成3轮20家国企子公司延伸巡察，发现问题656个。",
     "656个", ("浙江省", "杭州市", "富阳区")),
    ("陕西岚皋查改治一体发力\n一场退费会，近日在陕西省岚皋县四季镇木竹村召开。\n"
     "县纪委监委督促全县99家村卫生室开展自查。", "99家", ("陕西省", "安康市", "岚皋县")),
    # a two-character county after 是 or 向; not 唐县 of 唐县镇, a town of 随县
    ("作为产粮大县，为确保粮仓万无一失贡献力量是浚县义不容辞的责任。\n全县共排查粮库12家，发现问题30条。",
     "30条", ("河南省", "鹤壁市", "浚县")),
    ("随县商务行政执法大队向唐县镇大桥街一居民下达处罚决定书，并拆除了2台加油机。", "2台", ("湖北省", "随州市", "随县")),
    # 地级以上市纪委: the commissions of several cities, no city of the report
    ("广东省纪委调整机构。东莞市纪委增设纪检监察室。\n同时，全省各地级以上市纪委监察局按照增设1至2个纪检监察室，"
     "市、县两级纪检监察机关办案人数分别达到60%和70%以上的目标推进。", "60%", ("广东省",)),
    # a speaker's figures, not those of the towns visited after the quotation
    ("云南省文山州教育体育局开展整治。\n“我们对州属学校开展了全覆盖监督检查，发现并反馈了12个问题。”"
     "该州纪委监委驻州教体局纪检监察组负责人表示，此外纪检监察组还深入广南县珠琳镇、珠街镇、坝美镇等乡镇查看。",
     "12个", ("云南省", "文山壮族苗族自治州")),
    # the heading of one case of a list scopes its paragraphs
    ("教育部通报5起教育乱收费问题\n\n4.黑龙江省哈尔滨师范大学附属中学补课乱收费问题\n\n"
     "经调查核实，哈尔滨师范大学附属中学违规组织学生补课，共收取836名学生补课费共计37.6万元。", "37.6万元", ("黑龙江省", "哈尔滨市")),
    # a clause opening with 在 after a space
    ("全国惠农补贴问题专项整治情况通报\n惠农补贴发放环节多，全国各地查处问题1200起。 在四川凉山州宁南县，一名村组长冒领12万元。",
     "12万元", ("四川省", "凉山彝族自治州", "宁南县")),
    # the place of the office of one of the people counted, when another is named before it
    ("福州市对闽侯县政协原主席陈乐森等12名违规接受宴请的公职人员作出严肃处理。", "12名", ("福建省", "福州市")),
    ("近日天津市津南区委原书记吕福春等2人被开除党籍。", "2人", ("天津市", "津南区")),
    # 仅在X opens a topic; 村账乡代管 names no township
    ("连云港市纪委监委通报。\n仅在赣榆区，近3年涉镇村工程信访举报高达103件。", "103件", ("江苏省", "连云港市", "赣榆区")),
    ("永州市冷水滩区纪委监委通报。\n该乡财政所将村级资金转到村账乡代管中心列支4次，共计46万元。", "46万元",
     ("湖南省", "永州市", "冷水滩区")),
])
def test_short_county_titles_headings_offices_and_places_visited(text, anchor, path):
    assert region_at(text, anchor).path == path


@pytest.mark.parametrize("text, towns", [
    ("比布俄黑在任补洛乡泰机乃村支部书记期间", ["补洛乡"]),  # 在任 is a word
    ("张三时任城关镇党委书记", ["城关镇"]),
    ("列为首批153家示范镇之一", []),  # a measure word after a number begins no name
    ("确定以龙津镇、嵩溪镇等3个乡镇为切入口", ["龙津镇", "嵩溪镇"]),
])
def test_town_names_after_words_of_office_and_numbers(text, towns):
    lex = lexicon()
    assert [m.text for m in find_sub_county(text, scan(text, lex), lex.not_place_names)] == towns
