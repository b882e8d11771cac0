"""The place a notice applies to, resolved against the national division table."""

from __future__ import annotations

from knowledge.models import Place
from knowledge.parse.place import notice_place


def place(
    title: str,
    issuers: list[str] | None = None,
    signature: list[str] | None = None,
    body: str = "",
    doc: str = "",
    codes: list[str] | None = None,
    source: str = "n",
) -> Place:
    return notice_place(title, issuers or [], signature or [], body, doc, codes or [], source)


def test_prefecture_city_from_the_title() -> None:
    p = place("关于开展2025年度盐城市技能大师工作室申报认定工作的通知")
    assert (p.name, p.level, p.province, p.area_code) == ("盐城市", "city", "江苏省", "0515")


def test_district_carries_its_city() -> None:
    p = place("关于开展2024年度贵阳市白云区技能大师工作室申报的通知")
    assert (p.name, p.city, p.province, p.level) == ("贵阳市白云区", "贵阳市", "贵州省", "county")


def test_ambiguous_district_read_by_the_issuer_or_the_phones() -> None:
    by_issuer = place(
        "关于开展2024年白云区区级技能大师工作室认定工作的通知",
        signature=["广州市白云区人力资源和社会保障局"],
    )
    assert by_issuer.city == "广州市"
    by_phone = place("关于开展2024年白云区技能大师工作室认定工作的通知", codes=["0851", "0851"])
    assert by_phone.city == "贵阳市"


def test_gulou_district_by_the_city_named_in_the_body() -> None:
    p = place(
        "关于开展2025年鼓楼区技能大师工作室申报工作的通知",
        body="地址：福州市鼓楼区北环中路168号。",
        doc="鼓人社〔2025〕9号",
    )
    assert p.name == "福州市鼓楼区"


def test_issuer_wins_over_a_higher_programme_in_the_title() -> None:
    p = place(
        "台州市人力资源和社会保障局关于做好2025年浙江省技能大师工作室推荐和台州市技能大师工作室申报工作的通知",
        issuers=["台州市人力资源和社会保障局"],
    )
    assert (p.name, p.level) == ("台州市", "city")


def test_province_autonomous_prefecture_and_county_level_city() -> None:
    assert (
        place(
            "关于开展2025年省级技能大师工作室申报工作的通知", issuers=["安徽省人力资源和社会保障厅"]
        ).level
        == "province"
    )
    enshi = place("关于开展2025年度恩施州州级技能大师工作室申报工作的通知")
    assert enshi.name == "恩施土家族苗族自治州" and "恩施州" in enshi.aliases
    kunshan = place("关于开展2025年昆山市技能大师工作室申报的通知")
    assert (kunshan.name, kunshan.city) == ("昆山市", "苏州市")


def test_municipality_district() -> None:
    p = place(
        "关于开展2025年度朝阳区技能大师工作室申报工作的通知",
        issuers=["北京市朝阳区人力资源和社会保障局"],
    )
    assert (p.name, p.province, p.level) == ("北京市朝阳区", "北京市", "county")


def test_ministry_notice_is_national() -> None:
    p = place(
        "关于做好2025年国家级技能大师工作室建设项目申报工作的通知",
        issuers=["人力资源社会保障部办公厅"],
    )
    assert p.level == "national" and p.name == "全国"


def test_unknown_places_are_never_merged() -> None:
    a = place("关于开展技能大师工作室申报工作的通知", source="notice_a")
    b = place("关于开展技能大师工作室申报工作的通知", source="notice_b")
    assert a.level == b.level == "" and a.name != b.name


def test_a_place_outside_the_table_keeps_its_written_name() -> None:
    p = place("关于开展2025年青川市技能大师工作室申报的通知", codes=["0839"])
    assert (p.name, p.level, p.area_code) == ("青川市", "", "0839")
