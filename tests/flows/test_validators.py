"""Validators: what users type → normalised slot values, and helpful Chinese errors."""

from __future__ import annotations

import datetime as dt

import pytest

from flows.validators import (
    VALIDATORS,
    FieldError,
    id_birth_date,
    id_check_char,
    id_sex,
    skill_level_rank,
)

TODAY = dt.date(2024, 9, 1)
CTX = {"today": TODAY}


def v(name: str, raw: str, **context):
    return VALIDATORS[name](raw, {**CTX, **context})


def make_id(body17: str) -> str:
    return body17 + id_check_char(body17)


MAN_1975 = make_id("32058519750312001")  # 17th digit 1 → 男
WOMAN_1975 = make_id("32058519750312002")  # 17th digit 2 → 女


def test_registry_names():
    expected = {
        "text",
        "name",
        "id_number",
        "mobile",
        "landline",
        "phone",
        "email",
        "year_month",
        "date",
        "year",
        "choice",
        "multi_choice",
        "sex",
        "ethnicity",
        "political_status",
        "education",
        "skill_level",
        "integer",
        "area_m2",
        "amount_yuan",
        "yes_no",
        "percent",
        "retirement_category",
    }
    assert expected <= set(VALIDATORS)


def test_field_error_is_value_error_with_message():
    with pytest.raises(ValueError) as info:
        v("mobile", "123")
    assert isinstance(info.value, FieldError)
    assert "11位" in info.value.message


# --- text and names ---


def test_text_strips_and_limits():
    assert v("text", "  你好 ") == "你好"
    with pytest.raises(FieldError, match="不能为空"):
        v("text", "   ")
    with pytest.raises(FieldError, match="10字以内"):
        v("text", "一" * 11, max_len=10)


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("张三", "张三"),
        (" 欧阳 修 ", "欧阳修"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),
        ("John  Smith", "John Smith"),
    ],
)
def test_name_ok(raw, out):
    assert v("name", raw) == out


@pytest.mark.parametrize("raw", ["张", "张3", "a", "一" * 21])
def test_name_rejected(raw):
    with pytest.raises(FieldError, match="姓名"):
        v("name", raw)


# --- ID numbers ---


def test_id_number_valid_with_spaces_and_lowercase_x():
    body = "11010519491231002"
    full = make_id(body)
    assert v("id_number", f"{full[:6]} {full[6:14]} {full[14:]}") == full
    x_body = next(b for b in (f"3205851975031200{i}" for i in range(10)) if id_check_char(b) == "X")
    assert v("id_number", (x_body + "x")) == x_body + "X"


def test_id_helpers():
    assert id_birth_date(MAN_1975) == dt.date(1975, 3, 12)
    assert id_sex(MAN_1975) == "男" and id_sex(WOMAN_1975) == "女"


@pytest.mark.parametrize(
    ("raw", "msg"),
    [
        ("32058519750312", "18位"),
        ("320585197503120", "15位"),
        ("99058519750312001X", "省份"),
        (make_id("32058519750230001"), "出生日期不存在"),
        (make_id("32058520300101001"), "不合理"),
    ],
)
def test_id_number_rejected(raw, msg):
    with pytest.raises(FieldError, match=msg):
        v("id_number", raw)


def test_id_number_bad_checksum():
    wrong = MAN_1975[:17] + ("0" if MAN_1975[17] != "0" else "1")
    with pytest.raises(FieldError, match="校验位"):
        v("id_number", wrong)


def test_id_number_consistency_with_birth_date_and_sex():
    assert v("id_number", MAN_1975, birth_date="1975-03", sex="男") == MAN_1975
    assert v("id_number", MAN_1975, birth_date=dt.date(1975, 3, 12)) == MAN_1975
    with pytest.raises(FieldError) as info:
        v("id_number", MAN_1975, birth_date="1976-05")
    assert info.value.message.startswith(
        "身份证号中的出生日期是1975年3月，与您填写的出生年月1976年5月不一致"
    )
    with pytest.raises(FieldError, match="性别为男.*“女”"):
        v("id_number", MAN_1975, sex="女")


# --- phones and e-mail ---


@pytest.mark.parametrize(
    "raw", ["13812345678", "+86 138-1234-5678", "138 1234 5678", "008613812345678"]
)
def test_mobile(raw):
    assert v("mobile", raw) == "13812345678"


@pytest.mark.parametrize("raw", ["1381234567", "23812345678", "0512-53542494"])
def test_mobile_rejected(raw):
    with pytest.raises(FieldError, match="手机号"):
        v("mobile", raw)


@pytest.mark.parametrize(
    ("raw", "ctx", "out"),
    [
        ("0512-53542494", {}, "0512-53542494"),
        ("(0512)5354 2494", {}, "0512-53542494"),
        ("53542494", {"area_code": "0512"}, "0512-53542494"),
        ("0751-8605683", {}, "0751-8605683"),
        ("010-12345678", {}, "010-12345678"),
    ],
)
def test_landline(raw, ctx, out):
    assert v("landline", raw, **ctx) == out


def test_landline_without_area_code_asks_for_it():
    with pytest.raises(FieldError, match="区号"):
        v("landline", "53542494")


def test_phone_either():
    assert v("phone", "138-1234-5678") == "13812345678"
    assert v("phone", "88990719", area_code="0577") == "0577-88990719"
    with pytest.raises(FieldError, match="手机号.*固定电话"):
        v("phone", "12345")


def test_email():
    assert v("email", " tczjkb＠163.COM ") == "tczjkb@163.com"
    with pytest.raises(FieldError, match="邮箱"):
        v("email", "tczjkb163.com")


# --- dates ---


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("1975年3月", "1975-03"),
        ("1975.03", "1975-03"),
        ("1975-3", "1975-03"),
        ("1975/03", "1975-03"),
        ("75年3月", "1975-03"),
        ("一九七五年三月", "1975-03"),
        ("一九七五年十二月", "1975-12"),
        ("197503", "1975-03"),
        ("1975年3月12日", "1975-03"),
        ("05年3月", "2005-03"),
        ("我是1980年11月出生的", "1980-11"),
    ],
)
def test_year_month(raw, out):
    assert v("year_month", raw) == out


@pytest.mark.parametrize(
    ("raw", "msg"),
    [
        ("1975年13月", "1到12之间"),
        ("2030年1月", "还没有到"),
        ("1975", "补充月份"),
        ("去年", "1975年3月"),
    ],
)
def test_year_month_rejected(raw, msg):
    with pytest.raises(FieldError, match=msg):
        v("year_month", raw)


def test_year_month_future_allowed_on_request():
    assert v("year_month", "2030-01", allow_future=True) == "2030-01"


@pytest.mark.parametrize(
    "raw",
    ["2024年8月20日", "2024-8-20", "2024/08/20", "2024.8.20", "20240820", "二〇二四年八月二十日"],
)
def test_date(raw):
    assert v("date", raw) == dt.date(2024, 8, 20)


@pytest.mark.parametrize(
    ("raw", "msg"),
    [
        ("2023年2月30日", "不存在"),
        ("2024-13-01", "1到12"),
        ("2025-01-01", "还没有到"),
        ("八月", "格式"),
    ],
)
def test_date_rejected(raw, msg):
    with pytest.raises(FieldError, match=msg):
        v("date", raw)


def test_year():
    assert v("year", "2024") == 2024
    assert v("year", "二〇二四年") == 2024
    with pytest.raises(FieldError, match="四位年份"):
        v("year", "24")
    with pytest.raises(FieldError, match="1900到2029"):
        v("year", "1850")


# --- numbers ---


@pytest.mark.parametrize(
    ("raw", "out"), [("5", 5), ("5人", 5), ("五人", 5), ("五", 5), ("十二个", 12)]
)
def test_integer(raw, out):
    assert v("integer", raw) == out


def test_integer_bounds_and_garbage():
    with pytest.raises(FieldError, match="0到10之间"):
        v("integer", "12", min=0, max=10)
    with pytest.raises(FieldError, match="整数"):
        v("integer", "很多")
    with pytest.raises(FieldError, match="整数"):
        v("integer", "2.5")


@pytest.mark.parametrize("raw", ["120", "120平方米", "120㎡", "120 m²", "一百二十平米", "约120平"])
def test_area(raw):
    assert v("area_m2", raw) == 120.0


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("2万元", 20000),
        ("20000元", 20000),
        ("两万", 20000),
        ("2.5万", 25000),
        ("1万5千元", 15000),
        ("20,000", 20000),
    ],
)
def test_amount(raw, out):
    assert v("amount_yuan", raw) == out


def test_percent():
    assert v("percent", "30%") == 30.0
    assert v("percent", "百分之二十九") == 29.0
    with pytest.raises(FieldError, match="百分比"):
        v("percent", "130")


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("是", True),
        ("有", True),
        ("对", True),
        ("Y", True),
        ("是的", True),
        ("否", False),
        ("没有", False),
        ("不是", False),
        ("n", False),
        ("无", False),
    ],
)
def test_yes_no(raw, out):
    assert v("yes_no", raw) is out


def test_yes_no_rejected():
    with pytest.raises(FieldError, match="是.*否"):
        v("yes_no", "也许")


# --- choices ---

HOSTS = {"options": ["企业", "职业院校", "其他"]}


@pytest.mark.parametrize(
    ("raw", "out"),
    [("2", "职业院校"), ("企业", "企业"), ("院校", "职业院校"), ("职业院校吧", "职业院校")],
)
def test_choice(raw, out):
    assert v("choice", raw, **HOSTS) == out


def test_choice_synonym_and_fuzzy():
    assert v("choice", "学校", synonyms={"学校": "职业院校"}, **HOSTS) == "职业院校"
    assert v("choice", "职业学院", **HOSTS) == "职业院校"


def test_choice_unknown_lists_options():
    with pytest.raises(FieldError) as info:
        v("choice", "政府", **HOSTS)
    assert "1. 企业" in info.value.message and "3. 其他" in info.value.message


def test_choice_ambiguous_names_candidates():
    with pytest.raises(FieldError, match="多个选项.*硕士研究生"):
        v("choice", "研究生", options=["博士研究生", "硕士研究生"])


def test_multi_choice():
    opts = {"options": ["创新创优", "技术攻关", "科技成果转化"]}
    assert v("multi_choice", "技术攻关、创新创优", **opts) == ["创新创优", "技术攻关"]
    assert v("multi_choice", "1 3", **opts) == ["创新创优", "科技成果转化"]
    assert v("multi_choice", "以上都没有", **opts) == []
    with pytest.raises(FieldError):
        v("multi_choice", "唱歌", **opts)
    assert v("multi_choice", "技术攻关，五一劳动奖章", allow_other=True, **opts) == [
        "技术攻关",
        "五一劳动奖章",
    ]


@pytest.mark.parametrize(
    ("raw", "out"), [("男", "男"), ("女士", "女"), ("male", "男"), ("F", "女"), ("男的", "男")]
)
def test_sex(raw, out):
    assert v("sex", raw) == out


def test_ethnicity():
    assert v("ethnicity", "汉") == "汉族"
    assert v("ethnicity", "维族") == "维吾尔族"
    assert v("ethnicity", "土家") == "土家族"
    with pytest.raises(FieldError, match="民族"):
        v("ethnicity", "火星族")


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("党员", "中共党员"),
        ("中共党员", "中共党员"),
        ("预备党员", "中共预备党员"),
        ("团员", "共青团员"),
        ("九三学社", "民主党派"),
        ("群众", "群众"),
        ("3", "共青团员"),
    ],
)
def test_political_status(raw, out):
    assert v("political_status", raw) == out


@pytest.mark.parametrize(
    ("raw", "out"),
    [
        ("本科", "大学本科"),
        ("大专", "大学专科"),
        ("硕士", "硕士研究生"),
        ("博士", "博士研究生"),
        ("技校", "中专/中技"),
        ("小学", "初中及以下"),
    ],
)
def test_education(raw, out):
    assert v("education", raw) == out


def test_education_graduate_asks_which_unless_offered():
    with pytest.raises(FieldError, match="博士研究生还是硕士研究生"):
        v("education", "研究生")
    assert v("education", "研究生", options=["研究生", "大学本科"]) == "研究生"


@pytest.mark.parametrize(
    ("raw", "out", "rank"),
    [
        ("二级", "二级/技师", 2),
        ("国家二级", "二级/技师", 2),
        ("二级/技师", "二级/技师", 2),
        ("技师", "二级/技师", 2),
        ("高级技师(一级)", "一级/高级技师", 1),
        ("高级技师", "一级/高级技师", 1),
        ("三级/高级工", "三级/高级工", 3),
        ("高级工", "三级/高级工", 3),
        ("四级", "四级/中级工", 4),
        ("初级工", "五级/初级工", 5),
        ("2", "二级/技师", 2),
        ("无", "无", 6),
    ],
)
def test_skill_level(raw, out, rank):
    assert v("skill_level", raw) == out
    assert skill_level_rank(raw) == rank


@pytest.mark.parametrize(
    ("raw", "msg"),
    [
        ("高级", "高级工（三级）还是高级技师"),
        ("高级工程师", "不是职称"),
        ("二级高级技师", "对不上"),
        ("很厉害", "技能等级"),
    ],
)
def test_skill_level_rejected(raw, msg):
    with pytest.raises(FieldError, match=msg):
        v("skill_level", raw)


def test_retirement_category():
    assert v("retirement_category", "干部") == "cadre"
    assert v("retirement_category", "工人（原50周岁退休）") == "worker"
    assert v("retirement_category", "2") == "cadre"
    with pytest.raises(FieldError, match="工人"):
        v("retirement_category", "不知道")


@pytest.mark.parametrize("raw", ["李强 45 技师 参与攻关5项", "2018年9月"])
def test_a_sentence_with_two_numbers_is_asked_again_not_glued(raw):
    """ "李强 45 技师 参与攻关5项" is not 455: the field is asked again, naming the numbers."""
    with pytest.raises(ValueError, match="个数字"):
        VALIDATORS["integer"](raw, {"min": 0, "max": 100000})


@pytest.mark.parametrize(
    ("raw", "value"), [("我们一共6人", 6), ("团队有6个人", 6), ("两万", 20000)]
)
def test_one_number_in_words_is_read(raw, value):
    assert VALIDATORS["integer"](raw, {"min": 0, "max": 100000}) == value
