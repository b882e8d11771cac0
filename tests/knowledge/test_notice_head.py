"""Normalisation, title and 文号 by evidence, inline headings, genre: the head of a notice."""

from __future__ import annotations

import pytest

from knowledge.normalize import normalize_notice, restore_script
from knowledge.parse.genre import judge_genre
from knowledge.parse.head import doc_number_near, find_title, strip_chrome
from knowledge.parse.meta import programmes_in_title
from knowledge.parse.numbering import split_inline_headings

# -- normalisation -----------------------------------------------------------------------


def test_full_width_digits_and_letters_fold_but_chinese_punctuation_stays() -> None:
    out = normalize_notice("２０２５年４月３０日前，报送ＰＤＦ版。").text
    assert out == "2025年4月30日前，报送PDF版。"


def test_traditional_is_parsed_simplified_and_quoted_in_its_own_script() -> None:
    n = normalize_notice("綿陽市人力資源和社會保障局\n聯繫電話：0816-2318647")
    assert n.text.splitlines()[0] == "绵阳市人力资源和社会保障局"
    assert n.traditional
    assert restore_script("绵阳市人力资源和社会保障局", n.original) == "綿陽市人力資源和社會保障局"


def test_simplified_notice_has_no_script_map() -> None:
    n = normalize_notice("关于开展技能大师工作室申报的通知")
    assert n.original == {} and not n.traditional


def test_lines_are_kept_one_to_one() -> None:
    source = "标题\n\n二〇二五年三月十二日\r\n特優(yōu)技师。。"
    out = normalize_notice(source).text
    assert out.split("\n") == ["标题", "", "2025年3月12日", "特优技师。"]


def test_pinyin_gloss_needs_a_tone_mark() -> None:
    assert normalize_notice("特優(yōu)").text == "特优"
    assert normalize_notice("电子版(pdf)").text == "电子版(pdf)"


# -- title ---------------------------------------------------------------------------------


def _title(lines: list[str]) -> str:
    span = find_title(lines)
    assert span is not None
    return span.title


def test_title_after_breadcrumb_issuer_and_doc_number() -> None:
    lines = [
        "当前位置：首页 > 通知公告",
        "贵阳市人力资源和社会保障局",
        "筑人社通〔2024〕3号",
        "关于开展2024年度贵阳市技能大师工作室",
        "申报工作的通知",
        "各区（市、县）人力资源和社会保障局：",
        "为加强高技能人才队伍建设，现将有关事项通知如下。",
    ]
    assert _title(lines) == "关于开展2024年度贵阳市技能大师工作室申报工作的通知"


def test_title_with_issuer_prefix_and_label() -> None:
    assert (
        _title(["标题：安徽省人力资源和社会保障厅关于开展2025年技能大师工作室申报的通知", "正文。"])
        == "安徽省人力资源和社会保障厅关于开展2025年技能大师工作室申报的通知"
    )


def test_news_headline_is_the_title_not_a_related_link() -> None:
    lines = [
        "永川区启动2025年度区级技能大师工作室申报工作",
        "近日，永川区人力资源和社会保障局印发通知，启动今年区级技能大师工作室申报工作，申报截止4月30日。",
        "相关链接：",
        "· 重庆市人力资源和社会保障局关于做好2025年技能人才评价工作的通知",
    ]
    assert _title(lines) == "永川区启动2025年度区级技能大师工作室申报工作"


def test_chrome_run_onto_the_title_line_is_cut() -> None:
    line = "关于开展2024年白云区技能大师工作室认定工作的通知发布时间：2024-09-05 10:12 来源：区人社局 浏览次数：862"
    assert strip_chrome(line) == "关于开展2024年白云区技能大师工作室认定工作的通知"
    assert strip_chrome("发布时间：2024-09-05 来源：区人社局") == ""
    assert strip_chrome("索引号：011/2025-01 文号：恩施州人社发〔2025〕9号") != ""


# -- 文号 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("太原市人力资源和社会保障局太原市财政局并人社发〔2025〕9号", "并人社发〔2025〕9号"),
        ("发文字号：宁人社发〔2025〕12号  成文日期：2025年3月1日", "宁人社发〔2025〕12号"),
        ("人社部发〔2025〕5号", "人社部发〔2025〕5号"),
        ("（喀地人社发〔2025〕58号 此件公开发布）", "喀地人社发〔2025〕58号"),
    ],
)
def test_doc_number_anywhere_on_a_head_line(line: str, number: str) -> None:
    assert doc_number_near([line]) == number


def test_a_cited_doc_number_is_not_the_notices_own() -> None:
    assert (
        doc_number_near(["根据《江苏省技能大师工作室管理办法》（苏人社发〔2019〕88号）精神，"])
        == ""
    )


# -- inline numbering ----------------------------------------------------------------------


def test_inline_headings_are_split_and_numbers_in_text_are_not() -> None:
    text = (
        "为做好申报工作，现将有关事项通知如下。一、申报范围 本市各类企业均可申报，统一、规范管理。"
        "二、申报条件（一）基本条件。领办人年龄不超过55周岁，补助1.5万元。（二）业绩条件。"
        "1.获得市级以上技术能手；2.取得技师以上职业资格。三、申报时间 请于2025年4月30日前报送。"
    )
    pieces = [s for _, s in split_inline_headings([(7, text)])]
    assert [p[:6] for p in pieces] == [
        "为做好申报工",
        "一、申报范围",
        "二、申报条件",
        "（一）基本条",
        "（二）业绩条",
        "1.获得市级",
        "2.取得技师",
        "三、申报时间",
    ]
    assert all(n == 7 for n, _ in split_inline_headings([(7, text)]))


def test_out_of_sequence_labels_stay_in_the_text() -> None:
    text = "这是一段很长的说明文字，其中提到第（二）项和三、四个单位的情况，也提到2.5万元的经费安排，不应被拆开。"
    assert split_inline_headings([(1, text)]) == [(1, text)]


# -- genre -----------------------------------------------------------------------------------


def test_a_call_is_accepted_without_numbering() -> None:
    body = (
        "近日，市人社局启动2025年度技能大师工作室申报工作。申报人须具有技师以上职业资格，年龄不超过55周岁。"
        "申报单位请于2025年4月30日前报送申报材料。联系电话：0851-1234567。"
    )
    assert judge_genre("我市启动2025年度技能大师工作室申报工作", body).is_call


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (
            "关于2025年度技能大师工作室拟认定名单的公示",
            "经单位申报、专家评审，拟认定以下10个工作室，现予以公示。公示期为2025年6月1日至6月7日。联系电话：0851-1234567。",
        ),
        (
            "关于2024年度技能大师工作室考核结果的通报",
            "经考核，以下工作室考核结果为优秀，予以通报表扬。",
        ),
        ("关于做好2025年度企业职工养老保险待遇调整的通知", "各单位请于5月30日前报送材料。"),
    ],
)
def test_documents_that_are_not_calls_are_rejected_with_a_reason(title: str, body: str) -> None:
    verdict = judge_genre(title, body)
    assert not verdict.is_call and verdict.reason


# -- programmes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "programmes"),
    [
        (
            "关于开展2025年度南湖区技能大师工作室和乡村工匠工作室申报工作的通知",
            ["技能大师工作室", "乡村工匠工作室"],
        ),
        (
            "关于开展2021年无锡市技能大师工作室、无锡市企业首席技师推荐评定工作的通知",
            ["技能大师工作室", "企业首席技师"],
        ),
        ("关于开展2025年绵阳市首席技师工作室申报评选工作的通知", ["首席技师工作室"]),
        (
            "关于组织开展2025年省级劳模和工匠人才创新工作室申报工作的通知",
            ["劳模和工匠人才创新工作室"],
        ),
        ("我市启动2025年度申报工作", ["技能大师工作室"]),
    ],
)
def test_programmes_from_the_title(title: str, programmes: list[str]) -> None:
    assert programmes_in_title(title) == programmes
