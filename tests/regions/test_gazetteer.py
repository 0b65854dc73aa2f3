"""The gazetteer and REGION= queries: slugs, renames, traditional input, ambiguity."""
from __future__ import annotations

import pytest

from pipeline.regions import NATIONAL
from pipeline.regions.gazetteer import AmbiguousRegion, UnknownRegion, gazetteer, region_rows, resolve_query, suggest


@pytest.mark.parametrize("query", ["jinghai", "JingHai", "静海", "静海区", "靜海區", "靜海", "静海县", "天津市静海区", "天津静海"])
def test_every_spelling_of_jinghai_lands_on_one_region(query):
    r = resolve_query(query)
    assert (r.id, r.path, r.level, r.adcode) == ("jinghai", ("天津市", "静海区"), "county", "120118")


@pytest.mark.parametrize("query, slug, path", [
    ("新津县", "xinjin", ("四川省", "成都市", "新津区")),  # renamed in 2020, after the code table was made
    ("新津區", "xinjin", ("四川省", "成都市", "新津区")),
    ("郫县", "pidu", ("四川省", "成都市", "郫都区")),
    ("密云县", "miyun", ("北京市", "密云区")),
    # divisions merged into others or renamed before the code table was made
    ("崇文区", "dongcheng", ("北京市", "东城区")),
    ("闸北区", "shanghai-jingan", ("上海市", "静安区")),
    ("塘沽区", "tianjin-binhai", ("天津市", "滨海新区")),
    ("襄樊市", "hubei-xiangyang", ("湖北省", "襄阳市")),
    ("芳村区", "liwan", ("广东省", "广州市", "荔湾区")),
    ("顺德市", "shunde", ("广东省", "佛山市", "顺德区")),
    ("绍兴县", "keqiao", ("浙江省", "绍兴市", "柯桥区")),
    ("上虞市", "shangyu", ("浙江省", "绍兴市", "上虞区")),
    ("望城县", "wangcheng", ("湖南省", "长沙市", "望城区")),
    ("徐水县", "xushui", ("河北省", "保定市", "徐水区")),
    ("普兰店市", "pulandian", ("辽宁省", "大连市", "普兰店区")),
    ("双城市", "shuangcheng", ("黑龙江省", "哈尔滨市", "双城区")),
    ("澄海市", "chenghai", ("广东省", "汕头市", "澄海区")),
    ("胶南市", "huangdao", ("山东省", "青岛市", "黄岛区")),
    # a division under the kind it had before, where the name stayed
    ("赣榆县", "ganyu", ("江苏省", "连云港市", "赣榆区")),
    ("电白县", "dianbai", ("广东省", "茂名市", "电白区")),
    ("毕节地区", "bijie", ("贵州省", "毕节市")),
    ("新建县", "xinjian", ("江西省", "南昌市", "新建区")),
    ("肇源县", "daqing-zhaoyuan", ("黑龙江省", "大庆市", "肇源县")),
    ("tianjin-hebei", "tianjin-hebei", ("天津市", "河北区")),
    ("河北区", "tianjin-hebei", ("天津市", "河北区")),
    ("河北省", "hebeisheng", ("河北省",)),
    ("北京朝阳", "beijing-chaoyang", ("北京市", "朝阳区")),
    ("荔湾区", "liwan", ("广东省", "广州市", "荔湾区")),
    ("全国", "national", ("全国",)),
    ("national", "national", ("全国",)),
    ("兵团", "bingtuan", ("新疆生产建设兵团",)),
    ("新疆生产建设兵团", "bingtuan", ("新疆生产建设兵团",)),
    # autonomous units by their usual abbreviation
    ("黔东南州", "qiandongnan", ("贵州省", "黔东南苗族侗族自治州")),
    ("長陽縣", "changyang", ("湖北省", "宜昌市", "长阳土家族自治县")),
    ("鄂温克旗", "ewenkezu", ("内蒙古自治区", "呼伦贝尔市", "鄂温克族自治旗")),
    # renamed and new divisions the code table lacks; a slug may name the divisions above it
    ("叙州区", "yibin-xuzhou", ("四川省", "宜宾市", "叙州区")),
    ("宜宾县", "yibin-xuzhou", ("四川省", "宜宾市", "叙州区")),
    ("sichuan-yibin", "yibin", ("四川省", "宜宾市")),
    ("盘县", "panzhou", ("贵州省", "六盘水市", "盘州市")),
    ("莱芜市", "laiwu", ("山东省", "济南市", "莱芜区")),
    ("钢城区", "gangcheng", ("山东省", "济南市", "钢城区")),
    ("深圳龙华", "shenzhen-longhua", ("广东省", "深圳市", "龙华区")),
    ("光明区", "guangming", ("广东省", "深圳市", "光明区")),
    ("雄安新区", "xiongan", ("河北省", "雄安新区")),
    ("tianjin-jinghai", "jinghai", ("天津市", "静海区")),
    # counties that became cities or districts, merged districts, units moved to another city
    ("宁乡市", "ningxiang", ("湖南省", "长沙市", "宁乡市")),
    ("宁乡县", "ningxiang", ("湖南省", "长沙市", "宁乡市")),
    ("神木市", "shenmu", ("陕西省", "榆林市", "神木市")),
    ("港闸区", "chongchuan", ("江苏省", "南通市", "崇川区")),
    ("滦县", "luanzhou", ("河北省", "唐山市", "滦州市")),
    ("公主岭市", "gongzhuling", ("吉林省", "长春市", "公主岭市")),
    ("嘉黎县", "jiali", ("西藏自治区", "那曲市", "嘉黎县")),
    ("平城区", "pingcheng", ("山西省", "大同市", "平城区")),
    ("龙港市", "wenzhou-longgang", ("浙江省", "温州市", "龙港市")),
    ("临平区", "linping", ("浙江省", "杭州市", "临平区")),
    # place names read otherwise than the everyday reading of their characters
    ("minhang", "minhang", ("上海市", "闵行区")),
    ("漯河", "luohe", ("河南省", "漯河市")),
    ("上海长宁", "shanghai-changning", ("上海市", "长宁区")),
    ("什邡市", "shifang", ("四川省", "德阳市", "什邡市")),
    ("单县", "shanxian", ("山东省", "菏泽市", "单县")),
    ("长子县", "zhangzi", ("山西省", "长治市", "长子县")),
    ("栖霞市", "yantai-qixia", ("山东省", "烟台市", "栖霞市")),
    ("康巴什", "kangbashi", ("内蒙古自治区", "鄂尔多斯市", "康巴什区")),
    ("民乐县", "minle", ("甘肃省", "张掖市", "民乐县")),
    ("龙圩区", "longxu", ("广西壮族自治区", "梧州市", "龙圩区")),
    # 万柏林区 is 万柏林 with 区, not 万柏 with 林区 (神农架林区)
    ("万柏林", "wanbailin", ("山西省", "太原市", "万柏林区")),
    ("神农架", "shennongjia", ("湖北省", "神农架林区")),
    # a state-level new area answers to the division that administers it
    ("兰州新区", "lanzhou", ("甘肃省", "兰州市")),
    ("江北新区", "jiangsu-nanjing", ("江苏省", "南京市")),
])
def test_resolve_query(query, slug, path):
    r = resolve_query(query)
    assert (r.id, r.path) == (slug, path)


@pytest.mark.parametrize("query, expected", [
    ("hebei", {"hebeisheng", "tianjin-hebei"}),
    ("河北", {"hebeisheng", "tianjin-hebei"}),
    ("朝阳区", {"beijing-chaoyang", "changchun-chaoyang"}),
    ("changzhou", {"jiangsu-changzhou", "wuzhou-changzhou"}),  # 常州市, 梧州市长洲区
])
def test_ambiguous_queries_list_the_slugs_to_type(query, expected):
    with pytest.raises(AmbiguousRegion) as e:
        resolve_query(query)
    assert {r.id for r in e.value.candidates} == expected
    for slug in expected:
        assert resolve_query(slug).id == slug  # each candidate slug is itself unambiguous


def test_gulou_names_four_cities():
    with pytest.raises(AmbiguousRegion) as e:
        resolve_query("gulou")
    assert {r.path[-2] for r in e.value.candidates} >= {"南京市", "福州市", "徐州市", "开封市"}
    assert "nanjing-gulou" in str(e.value)


def test_unknown_query_suggests_close_names_known_ones_first():
    with pytest.raises(UnknownRegion) as e:
        resolve_query("jinhai")
    assert "jinghai" in [r.id for r in e.value.suggestions]
    assert suggest("jinhai", known={"jinghai"})[0].id == "jinghai"
    with pytest.raises(UnknownRegion):
        resolve_query("   ")


def test_slugs_are_unique_and_rows_are_complete():
    rows = region_rows()
    ids = [r["region_id"] for r in rows]
    assert len(ids) == len(set(ids)) > 3000
    by_id = {r["region_id"]: r for r in rows}
    assert by_id["national"]["level"] == "national"
    assert by_id["jinghai"] == {"region_id": "jinghai", "name": "静海区", "short_name": "静海", "level": "county",
                                "parent_id": "tianjin", "path": ["天津市", "静海区"], "adcode": "120118",
                                "pinyin": "jinghai"}
    assert by_id["tianjin"]["level"] == "province" and by_id["tianjin"]["parent_id"] == "national"
    assert by_id["guangxi"]["short_name"] == "广西"
    # every division hangs from one that exists; placeholders of the code table are gone
    for r in rows:
        assert r["region_id"] == "national" or r["parent_id"] in by_id
        assert r["name"] not in ("市辖区", "县", "省直辖县级行政区划")
    # a county directly under its province (仙桃市, 省直辖县级行政区划)
    assert resolve_query("仙桃市").path == ("湖北省", "仙桃市")


def test_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()
    assert gazetteer().regions["national"] is NATIONAL


@pytest.mark.parametrize("query", ["中山县", "朝阳地区", "城县", "新城市"])
def test_a_former_kind_is_not_guessed_for_a_shared_name_or_an_ordinary_word(query):
    with pytest.raises(UnknownRegion):
        resolve_query(query)
