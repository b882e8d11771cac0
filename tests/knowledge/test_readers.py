"""Reading notice files as government sites publish them (:mod:`knowledge.readers`).

Web pages under ``tests/data/readers/`` are whole pages as 人社局/政府 sites serve them:
top bar, banner, menu, breadcrumb, 发布时间/来源/浏览次数 bar, 【大 中 小】, share and
print links, previous/next notices, related lists and an ICP footer around the notice.
``rsj_gbk.html`` and ``word_paste_gbk_nocharset.html`` are GBK bytes (edit their UTF-8
source and convert with ``iconv -f utf-8 -t gbk``); the PDFs come from
``tests/data/readers/make_pdfs.py``. Every test checks what a reader of the output
notices: body lines kept in order, chrome gone, characters decoded right.
"""

from __future__ import annotations

import io
import random
import threading
import time
import zipfile
from pathlib import Path

import pytest

from knowledge import readers
from knowledge.readers import SUPPORTED, DocumentReadError, read_document

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
NOTICE = Path(__file__).resolve().parents[1] / "data" / "notices" / "qingchuan_2025.txt"
MB = 1024 * 1024

# Page chrome no page may leak (the other notices' titles are checked per page).
CHROME = [
    "当前位置",
    "位置：",
    "首页",
    "设为首页",
    "加入收藏",
    "发布时间",
    "发布日期",
    "来源：",
    "浏览次数",
    "阅读次数",
    "阅读量",
    "大 中 小",
    "字号",
    "字体",
    "【",
    "】",
    "分享",
    "微信",
    "打印",
    "关闭",
    "返回顶部",
    "上一篇",
    "下一篇",
    "上一条",
    "下一条",
    "相关文章",
    "热点信息",
    "友情链接",
    "ICP备",
    "网站标识码",
    "公网安备",
    "版权所有",
    "扫一扫",
    "邮编：628000",
    "政府网站找错",
    "欢迎访问",
    "fj1.doc",
]


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def assert_in_order(text: str, expected: list[str]) -> None:
    """Every expected line is a whole line of ``text``, in this order."""
    lines = lines_of(text)
    positions = []
    for line in expected:
        assert line in lines, f"missing line {line!r} in:\n{text}"
        positions.append(lines.index(line))
    assert positions == sorted(positions), f"lines out of order in:\n{text}"


def assert_no_chrome(text: str, extra: list[str]) -> None:
    for chrome in CHROME + extra:
        assert chrome not in text, f"chrome {chrome!r} left in:\n{text}"


# ------------------------------------------------------------------ web pages


RSJ_GBK = [
    "关于开展2025年度技能大师工作室申报工作的通知",
    "青人社发〔2025〕7号",
    "各县（区）人力资源和社会保障局，市级有关部门，各有关企业、院校：",
    "为充分发挥高技能领军人才在技术攻关、技艺传承和带徒育人中的示范引领作用，根据《青川市技能大师"
    "工作室建设管理办法》（青人社规〔2023〕3号）有关规定，经研究，决定开展2025年度青川市技能大师"
    "工作室申报工作。现将有关事项通知如下：",
    "一、申报条件",
    "（一）领办人应具有高级技师职业资格（职业技能等级），年龄不超过50周岁；",
    "（二）工作室团队成员不少于4人；",
    "（三）已挂牌运行满1年。",
    "二、补助标准",
    "经认定的工作室按以下标准给予一次性建设补助：",
    "工作室类别\t补助金额（万元）\t备注",
    "市级技能大师工作室\t3\t一次性拨付",
    "市级优秀技能大师工作室\t5\t",
    "三、申报时间",
    "申报截止时间为2025年4月30日17:00，逾期不予受理。",
    "四、联系方式",
    "联系人：王堃",
    "电话：0839-1234567",
    "邮箱：jnds@qcrsj.example.cn",
    "附件：1.青川市技能大师工作室申报表",
    "2.青川市技能大师工作室团队成员情况表",
    "青川市人力资源和社会保障局",
    "2025年3月12日",
    "（此件公开发布）",
]


def test_full_rsj_page_in_gbk_is_exactly_the_notice() -> None:
    """A GB2312-declared page (with the GBK-only 堃) → title, every body line, the table
    as tab rows, link-only 附件 lines, issuer and date; nothing from the page around."""
    assert (DATA / "rsj_gbk.html").read_bytes().count("堃".encode("gbk")) == 1
    text = read_document(DATA / "rsj_gbk.html")
    assert lines_of(text) == RSJ_GBK
    assert_no_chrome(text, ["关于公布2024年度", "第一季度职业技能等级认定", "最低工资", "机构概况"])


PAGES = {
    "gov_table_layout.html": (
        # old CMS: the whole page is layout tables; title only in <title> and a <td>;
        # the body is <br>-separated text with a data table inside it
        [
            "关于公布2025年第一批青川市技能大师工作室名单的通知",
            "青人社函〔2025〕8号",
            "各县（区）人社局，市级有关单位：",
            "各依托单位要加强对工作室的管理，于2025年6月30日前报送三年建设计划。",
            "序号\t工作室名称\t依托单位\t领办人",
            "1\t青川市张明数控车工技能大师工作室\t青川机床有限公司\t张明",
            "2\t青川市李华茶艺技能大师工作室\t青川市职业技术学院\t李华",
            "联系人：刘洋，电话：0839-1234568。",
            "附件：2025年第一批青川市技能大师工作室名单",
            "青川市人力资源和社会保障局",
            "2025年4月2日",
        ],
        ["清明节", "春季招聘月", "走进青川", "政务公开", "府前街", "今天是"],
    ),
    "word_paste_gbk_nocharset.html": (
        # GBK bytes with no charset declared; Word-pasted MsoNormal spans; title only in
        # a <div class="article-tit">; merged cells (rowspan/colspan) in the table
        [
            "关于开展2024年度技能大师工作室绩效考核的通知",
            "各乡镇人民政府，县级有关部门，各技能大师工作室依托单位：",
            "为加强技能大师工作室建设管理，根据《青川市技能大师工作室建设管理办法》，决定对全县"
            "2024年度技能大师工作室开展绩效考核。有关事项通知如下：",
            "二、考核内容及分值",
            "考核项目\t分值",
            "\t基础分\t加分",
            "带徒传技\t40\t10",
            "技艺传承\t30",
            "各依托单位于2025年1月31日前将自评报告报送县人社局职业能力建设股。",
            "联系人：赵喆",
            "联系电话：0839-7654321",
            "特此通知。",
            "附件：2024年度技能大师工作室绩效考核自评表",
            "青川县人力资源和社会保障局",
            "2025年1月8日",
        ],
        ["春风行动", "技能提升补贴的公示", "新华路", "信息公开", "二维码"],
    ),
    "flat_static_page.html": (
        # no article container: menu, title and paragraphs are siblings; the body has
        # its own 主办单位/承办单位 lines that must survive
        [
            "关于举办2025年青川市职业技能大赛的通知",
            "各县（区）人力资源和社会保障局，各有关企业、院校：",
            "主办单位：青川市人力资源和社会保障局",
            "承办单位：青川市就业服务中心",
            "参赛选手于2025年5月31日前通过所在单位向承办单位报名。",
            "联系人：陈静　电话：0839-1234569",
            "附件：2025年青川市职业技能大赛报名表",
            "青川市就业服务中心",
            "2025年5月6日",
        ],
        ["中心概况", "培训鉴定", "春风行动", "人民路90号", "第一批青川市技能大师工作室名单"],
    ),
    "signature_outside_body.html": (
        # the issuers and date sit in a <div> after the body <div>; the <h3> title is
        # broken with <br>
        [
            "关于技能大师工作室补助资金拨付有关事项的通知",
            "各县（区）人社局、财政局，各技能大师工作室依托单位：",
            "三、补助资金使用情况纳入年度考核，考核不合格的收回补助资金。",
            "联系电话：0839-1234570",
            "青川市人力资源和社会保障局",
            "青川市财政局",
            "2025年6月18日",
        ],
        ["作者", "职业能力建设科", "没有了", "政务公开", "办事服务"],
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_keeps_body_and_drops_chrome(name: str) -> None:
    kept, dropped = PAGES[name]
    text = read_document(DATA / name)
    assert lines_of(text)[0] == kept[0], "the title comes first"
    assert_in_order(text, kept)
    assert_no_chrome(text, dropped)
    assert text.count(kept[0]) == 1, "title not repeated"


def test_signature_block_after_body_is_the_last_lines() -> None:
    text = read_document(DATA / "signature_outside_body.html")
    assert lines_of(text)[-3:] == ["青川市人力资源和社会保障局", "青川市财政局", "2025年6月18日"]


def test_htm_page_declaring_gbk_but_sent_as_utf8(tmp_path: Path) -> None:
    page = (DATA / "flat_static_page.html").read_text(encoding="utf-8")
    page = page.replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
    )
    path = tmp_path / "notice.htm"
    path.write_bytes(page.encode("utf-8"))
    text = read_document(path)
    assert "关于举办2025年青川市职业技能大赛的通知" in lines_of(text)
    assert "联系人：陈静　电话：0839-1234569" in lines_of(text)


def test_big5_page_stays_traditional(tmp_path: Path) -> None:
    """Big5 is decoded, not converted: 繁→简 belongs to the normaliser."""
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=big5'>"
        "<title>關於開展技能大師工作室申報工作的通知</title></head><body>"
        "<div class='nav'><a href='/'>首頁</a><a href='/a'>通知公告</a><a href='/b'>政策法規</a></div>"
        "<div id='zoom'><p>各有關單位：</p><p>現將技能大師工作室申報有關事項通知如下，請於九月三十日前報送。</p>"
        "<p>聯絡電話：02-12345678</p></div></body></html>"
    )
    path = tmp_path / "big5.html"
    path.write_bytes(page.encode("big5"))
    assert lines_of(read_document(path)) == [
        "關於開展技能大師工作室申報工作的通知",
        "各有關單位：",
        "現將技能大師工作室申報有關事項通知如下，請於九月三十日前報送。",
        "聯絡電話：02-12345678",
    ]


def test_scripts_styles_and_hidden_text_are_not_read(tmp_path: Path) -> None:
    page = (
        "<html><head><style>.a{content:'样式文字'}</style></head><body><div id='zoom'>"
        "<p>关于开展技能大师工作室申报工作的通知</p><script>var x='脚本文字';</script>"
        "<p style='display:none'>隐藏文字</p><!-- 注释文字 --><p>各有关单位：请按时申报。</p>"
        "</div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert lines_of(read_document(path)) == [
        "关于开展技能大师工作室申报工作的通知",
        "各有关单位：请按时申报。",
    ]


def test_info_disclosure_box_gives_the_doc_number_and_download_widget_goes(tmp_path: Path) -> None:
    """政府信息公开 pages put the 文号 only in the 索引号/文号 box above the body; the
    site's 附件下载 widget repeats the body's 附件 line as file links."""
    page = (
        "<html><head><meta charset='utf-8'><title>关于开展技能大师工作室申报工作的通知_恩施州人社局</title></head>"
        "<body><div class='nav'><a href='/'>首页</a><a href='/a'>信息公开</a><a href='/b'>通知公告</a></div>"
        "<div class='article'><h1>关于开展技能大师工作室申报工作的通知</h1>"
        "<table class='meta-tb'><tr><td>索 引 号：011043208/2025-01452</td>"
        "<td>文　　号：恩施州人社发〔2025〕9号</td><td>发布机构：州人社局</td></tr></table>"
        "<div id='zoom'><p>各县市人力资源和社会保障局：</p><p>现将申报工作有关事项通知如下，请于2025年4月30日前报送。</p>"
        "<p>附件：1.申报表</p><p>恩施土家族苗族自治州人力资源和社会保障局</p><p>2025年3月27日</p>"
        "<p>附件下载：<a href='/u/1.docx'>附件1.申报表.docx</a></p></div></div></body></html>"
    )
    path = tmp_path / "xxgk.html"
    path.write_text(page, encoding="utf-8")
    assert lines_of(read_document(path)) == [
        "关于开展技能大师工作室申报工作的通知",
        "恩施州人社发〔2025〕9号",
        "各县市人力资源和社会保障局：",
        "现将申报工作有关事项通知如下，请于2025年4月30日前报送。",
        "附件：1.申报表",
        "恩施土家族苗族自治州人力资源和社会保障局",
        "2025年3月27日",
    ]


def test_page_without_notice_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "frames.html"
    path.write_text(
        "<html><body><iframe src='/content.html'></iframe></body></html>", encoding="utf-8"
    )
    with pytest.raises(DocumentReadError, match="没有找到通知正文"):
        read_document(path)


# ------------------------------------------------------------------ .txt


TEXT = NOTICE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"],
)
def test_txt_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_document(path) == TEXT


def test_txt_gbk_only_and_gb18030_four_byte_characters(tmp_path: Path) -> None:
    """Names with GBK-only (堃, 喆) and GB18030 four-byte (䶮, 𠀾) characters survive."""
    text = (
        "关于开展技能大师工作室申报工作的通知\n联系人：王堃、赵喆、刘䶮、李𠀾\n电话：0839-1234567\n"
    )
    path = tmp_path / "gb.txt"
    path.write_bytes(text.encode("gb18030"))
    assert read_document(path) == text


def test_txt_big5_stays_traditional(tmp_path: Path) -> None:
    text = "關於開展技能大師工作室申報工作的通知\n各有關單位：請於九月三十日前報送申報材料。\n"
    path = tmp_path / "big5.txt"
    path.write_bytes(text.encode("big5"))
    assert read_document(path) == text


@pytest.mark.parametrize(
    "content",
    [random.Random(3).randbytes(8192), b"\x89PNG\r\n\x1a\n" + random.Random(4).randbytes(4096)],
    ids=["random", "png"],
)
def test_undecodable_txt_is_refused_in_chinese(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentReadError) as info:
        read_document(path)
    assert info.value.path == path
    assert "编码无法识别" in info.value.reason
    assert "garbage.txt" in str(info.value)


def test_html_page_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved_page.txt"
    path.write_bytes((DATA / "rsj_gbk.html").read_bytes())
    assert lines_of(read_document(path)) == RSJ_GBK


def test_html_tagged_txt_keeps_its_lines_without_the_markup(tmp_path: Path) -> None:
    text = (
        "<p>关于开展2025年度技能大师工作室申报工作的通知</p>\n"
        "<p>各有关单位：</p>\n<p>申报截止时间为2025年4月30日。</p>\n"
        "<div>联系人：王堃<br>电话：0839-1234567</div>\n"
        "<table><tr><td>类别</td><td>金额</td></tr><tr><td>市级</td><td>3万元</td></tr></table>\n"
    )
    path = tmp_path / "tagged.txt"
    path.write_bytes(text.encode("gbk"))
    assert lines_of(read_document(path)) == [
        "关于开展2025年度技能大师工作室申报工作的通知",
        "各有关单位：",
        "申报截止时间为2025年4月30日。",
        "联系人：王堃",
        "电话：0839-1234567",
        "类别\t金额",
        "市级\t3万元",
    ]


def test_txt_mentioning_a_tag_stays_plain_text(tmp_path: Path) -> None:
    text = TEXT + "\n注：网页版请勿粘贴 <br> 等标记。\n"
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    assert read_document(path) == text


# ------------------------------------------------------------------ .docx


def build_docx(path: Path) -> Path:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("关于开展2025年度技能大师工作室申报工作的通知")
    document.add_paragraph("附件1")
    table = document.add_table(rows=4, cols=4)
    for (row, col), value in {
        (0, 0): "姓名",
        (0, 1): "王堃",
        (0, 2): "性别",
        (0, 3): "男",
        (1, 0): "工作单位",
        (2, 1): "年份",
        (2, 2): "项目",
        (2, 3): "是",
        (3, 1): "2024",
        (3, 2): "数控改造",
        (3, 3): "是",
    }.items():
        table.cell(row, col).text = value
    table.cell(1, 1).merge(table.cell(1, 3)).text = "青川机床有限公司"
    table.cell(2, 0).merge(table.cell(3, 0)).text = "主要业绩"
    nested = table.cell(3, 2).add_table(rows=2, cols=2)
    for (row, col), value in {
        (0, 0): "专利名称",
        (0, 1): "专利号",
        (1, 0): "一种数控夹具",
        (1, 1): "ZL2024100000001",
    }.items():
        nested.cell(row, col).text = value
    layout = document.add_table(rows=1, cols=1)  # a one-cell box around the signature
    layout.cell(0, 0).text = "青川市人力资源和社会保障局"
    layout.cell(0, 0).add_paragraph("2025年3月12日")
    namespaces = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>（此件公开发布）</w:t></w:r></w:p></w:txbxContent>"
    text_box = parse_xml(  # a Word text box: a DrawingML copy and its VML fallback
        f"<w:p {namespaces}><w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>"
        f"<wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp>"
        f"</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f"<v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r></w:p>"
    )
    body = document.element.body
    body.insert(len(body) - 1, text_box)  # before the closing sectPr
    document.save(str(path))
    return path


def test_docx_paragraphs_tables_nested_tables_and_text_boxes(tmp_path: Path) -> None:
    text = read_document(build_docx(tmp_path / "notice.docx"))
    assert [line for line in lines_of(text) if line] == [
        "关于开展2025年度技能大师工作室申报工作的通知",
        "附件1",
        "姓名\t王堃\t性别\t男",
        "工作单位\t青川机床有限公司",  # a horizontally merged cell once
        "主要业绩\t年份\t项目\t是",
        "\t2024\t数控改造\t是",  # a vertically merged cell not repeated; equal cells kept
        "专利名称\t专利号",  # the table nested in a cell, after its row
        "一种数控夹具\tZL2024100000001",
        "青川市人力资源和社会保障局",  # a one-cell layout table reads as paragraphs
        "2025年3月12日",
        "（此件公开发布）",  # text box read once, not twice
    ]


def zip_bomb(path: Path, inflated: int = 300 * MB) -> Path:
    """A real .docx plus one member of ``inflated`` zeros (a ~1 MB file)."""
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("关于开展技能大师工作室申报工作的通知")
    document.save(buffer)
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as bomb,
    ):
        for item in source.infolist():
            bomb.writestr(item, source.read(item))
        with bomb.open("word/media/image1.png", "w", force_zip64=True) as member:
            chunk = bytes(MB)
            for _ in range(inflated // MB):
                member.write(chunk)
    return path


def test_zip_bomb_docx_is_refused_fast(tmp_path: Path) -> None:
    path = zip_bomb(tmp_path / "bomb.docx")
    assert path.stat().st_size < 5 * MB
    started = time.monotonic()
    with pytest.raises(DocumentReadError) as info:
        read_document(path)
    assert time.monotonic() - started < 5
    assert "压缩炸弹" in info.value.reason and "bomb.docx" in str(info.value)


def test_old_word_doc_renamed_docx_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    with pytest.raises(DocumentReadError, match=r"旧版 Word（\.doc）"):
        read_document(path)


def test_zip_that_is_not_word_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "不是 Word 文档")
    with pytest.raises(DocumentReadError, match="缺少正文"):
        read_document(path)


# ------------------------------------------------------------------ .pdf


PDF_LINES = [
    "青川市人力资源和社会保障局文件",
    "青人社发〔2025〕9号",
    "关于开展2025年度技能大师工作室复核工作的通知",
    "各县（区）人力资源和社会保障局，市级有关部门：",
    "为加强技能大师工作室动态管理，决定开展2025年度复核工作。",
    "一、复核对象",
    # a bare number inside the page is text, not a page number; the wrapped sentence
    # it sits in is joined again
    "2022年及以前认定的市级技能大师工作室，共计3个批次。",
    "二、复核内容",
    "（一）工作室场地、设备和经费保障情况；",
    "（二）带徒传技、技术攻关和技艺传承成效。",
    "三、时间安排",
    "各依托单位于2025年8月15日前报送自查报告。",
    "四、联系方式",
    "联系人：孙悦　电话：0839-1234571",
    "附件：技能大师工作室复核自查表",
    "青川市人力资源和社会保障局",
    "2025年7月1日",
]


@pytest.mark.parametrize("name", ["notice_dash_numbers.pdf", "notice_page_of.pdf"])
def test_pdf_without_running_headers_and_page_numbers(name: str) -> None:
    """ "— 2 —" / "第 2 页 共 3 页" / "2/3" and the header repeated on every page go; the
    red-head line and the 文号 on page 1 stay."""
    assert lines_of(read_document(DATA / name)) == PDF_LINES


def test_scanned_pdf_is_refused_with_reason() -> None:
    with pytest.raises(DocumentReadError, match="扫描件"):
        read_document(DATA / "scanned.pdf")


def test_pdf_with_too_many_pages_is_refused_fast(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(readers.PDF_MAX_PAGES + 50):
        writer.add_blank_page(width=595, height=842)
    path = tmp_path / "huge.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    started = time.monotonic()
    with pytest.raises(DocumentReadError, match=f"共 {readers.PDF_MAX_PAGES + 50} 页"):
        read_document(path)
    assert time.monotonic() - started < 5


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(DATA / "notice_page_of.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(DocumentReadError, match="加密"):
        read_document(path)


def test_pdf_that_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(5).randbytes(2048))
    with pytest.raises(DocumentReadError) as info:
        read_document(path)
    assert "broken.pdf" in str(info.value)


@pytest.mark.parametrize(
    "numbers",
    [
        ["- 1 -", "- 2 -", "- 3 -"],
        ["—1—", "—2—", "—3—"],
        ["第 1 页 共 3 页", "第 2 页 共 3 页", "第 3 页 共 3 页"],
        ["共3页 第1页", "共3页 第2页", "共3页 第3页"],
        ["1/3", "2/3", "3/3"],
        ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"],
        ["1", "2", "3"],
    ],
)
def test_page_number_formats(numbers: list[str]) -> None:
    """Page numbers go in every common format, and so does a header on every page; a
    bare number inside a page (a table cell, a count) stays."""
    parts = "甲乙丙"
    pages = [
        ["青川市技能大师工作室复核指南", f"{part}部分第一行", "12", f"{part}部分末行", number]
        for part, number in zip(parts, numbers, strict=True)
    ]
    assert readers._drop_running_lines(pages) == [
        [f"{part}部分第一行", "12", f"{part}部分末行"] for part in parts
    ]


def test_running_lines_with_page_number_inside() -> None:
    footer = "青川市人力资源和社会保障局办公室　2025年7月1日印发"
    pages = [
        [f"青人社发〔2025〕9号　第{n}页", f"正文{part}", footer]
        for n, part in zip((1, 2, 3), "甲乙丙", strict=True)
    ]
    assert readers._drop_running_lines(pages) == [[f"正文{part}"] for part in "甲乙丙"]


def test_two_line_header_above_page_number_and_table_rows_at_page_foot() -> None:
    """As a 省厅 PDF prints it: 文号 and issuer above "— n —" on later pages; the 序号
    column of an attached table ends page 2, and its numbers are not page numbers."""
    pages = [
        [
            "— 1 —",
            "安徽省人力资源和社会保障厅文件",
            "皖人社秘〔2025〕58号",
            "关于组织开展申报工作的通知",
            "正文",
        ],
        [
            "皖人社秘〔2025〕58号",
            "安徽省人力资源和社会保障厅",
            "— 2 —",
            "附件2",
            "序号",
            "1",
            "2",
            "3",
        ],
        [
            "皖人社秘〔2025〕58号",
            "安徽省人力资源和社会保障厅",
            "— 3 —",
            "4",
            "5",
            "安徽省人力资源和社会保障厅",
        ],
    ]
    assert readers._drop_running_lines(pages) == [
        [
            "安徽省人力资源和社会保障厅文件",
            "皖人社秘〔2025〕58号",
            "关于组织开展申报工作的通知",
            "正文",
        ],
        ["附件2", "序号", "1", "2", "3"],
        ["4", "5", "安徽省人力资源和社会保障厅"],
    ]


def test_single_page_keeps_its_first_line() -> None:
    page = [["青川市技能大师工作室复核指南", "正文", "— 1 —"]]
    assert readers._drop_running_lines(page) == [["青川市技能大师工作室复核指南", "正文"]]


# ------------------------------------------------------------------ limits


@pytest.mark.parametrize(
    ("name", "size"),
    [("big.txt", 50 * MB), ("big.html", 21 * MB), ("big.pdf", 51 * MB), ("big.docx", 51 * MB)],
)
def test_oversized_file_is_refused_without_reading(tmp_path: Path, name: str, size: int) -> None:
    path = tmp_path / name
    with path.open("wb") as fh:  # sparse: nothing is written
        fh.truncate(size)
    started = time.monotonic()
    with pytest.raises(DocumentReadError) as info:
        read_document(path)
    assert time.monotonic() - started < 5
    assert "文件过大" in info.value.reason and name in str(info.value)


def test_slow_reader_does_not_hang_ingest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def stuck(path: Path, deadline: object) -> str:
        release.wait(30)
        return "never"

    monkeypatch.setattr(readers, "READ_TIMEOUT_S", 0.3)
    monkeypatch.setattr(readers, "_read_txt", stuck)
    path = tmp_path / "slow.txt"
    path.write_text(TEXT, encoding="utf-8")
    started = time.monotonic()
    try:
        with pytest.raises(DocumentReadError, match="读取超时") as info:
            read_document(path)
    finally:
        release.set()
    assert time.monotonic() - started < 2
    assert "slow.txt" in str(info.value)


def test_reader_checks_its_deadline(tmp_path: Path) -> None:
    """A reader past its deadline stops itself at its next page, paragraph or element,
    so an abandoned reader thread does not run on."""
    path = tmp_path / "notice.html"
    path.write_bytes((DATA / "rsj_gbk.html").read_bytes())
    deadline = readers._Deadline(0.0)
    with pytest.raises(DocumentReadError, match="读取超时"):
        readers._read_html(path, deadline)


def test_public_api() -> None:
    assert SUPPORTED == (".txt", ".docx", ".html", ".htm", ".pdf")
    error = DocumentReadError(Path("x/通知.txt"), "文件不存在")
    assert (error.path, error.reason, str(error)) == (
        Path("x/通知.txt"),
        "文件不存在",
        "通知.txt: 文件不存在",
    )


def test_plain_text_with_tagged_table_cells_keeps_every_line(tmp_path: Path) -> None:
    """A .txt notice whose attachment table cells carry <p> tags is still read line by
    line: the body is not flattened into one paragraph."""
    text = (
        "关于做好2024年度技能大师工作室申报工作的通知\n\n一、申报条件\n"
        "领办人年龄不超过55周岁。\n二、联系方式\n联系电话：0717-6251384\n"
        + "".join(f"<p>栏目{i}</p>\t<p></p>\t<p>内容{i}</p>\n" for i in range(8))
    )
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    lines = [ln for ln in lines_of(read_document(path)) if ln]
    assert lines[:5] == [
        "关于做好2024年度技能大师工作室申报工作的通知",
        "一、申报条件",
        "领办人年龄不超过55周岁。",
        "二、联系方式",
        "联系电话：0717-6251384",
    ]
    assert lines[5] == "栏目0\t\t内容0"


def test_doc_number_in_a_th_td_box_is_kept_even_when_the_body_cites_others(tmp_path: Path) -> None:
    page = (
        "<html><head><title>关于开展技能大师工作室申报工作的通知</title></head><body>"
        "<div class='nav'><a href='/'>首页</a></div>"
        "<table class='info'><tr><th>发文字号</th><td>浦人社〔2025〕47号</td><th>发布日期</th>"
        "<td>2025-05-14</td></tr></table>"
        "<div class='article'><h1>关于开展技能大师工作室申报工作的通知</h1>"
        "<p>各有关单位：</p><p>根据《上海市技能大师工作室建设管理办法》（沪人社规〔2023〕12号），"
        "现开展2025年技能大师工作室申报工作，申报截止2025年6月30日，联系电话021-12345678。</p>"
        "<p>一、申报条件</p><p>领办人具有高级技师职业资格，年龄不超过55周岁，团队成员不少于5人。</p>"
        "</div></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    lines = lines_of(read_document(path))
    assert "浦人社〔2025〕47号" in lines[:3]


async def test_a_parser_bug_on_one_file_is_reported_and_the_others_are_ingested(
    tmp_path, monkeypatch
):
    import knowledge.base as base
    from knowledge.store import NoticeStore

    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    seed = next((Path(__file__).resolve().parents[2] / "knowledge" / "notices").glob("000_*.txt"))
    good.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    bad.write_text("关于开展技能大师工作室申报工作的通知\n", encoding="utf-8")
    real = base.parse_notice

    def parse(text: str, source: str):
        if source == "bad.txt":
            raise AttributeError("'NoneType' object has no attribute 'strip'")
        return real(text, source)

    monkeypatch.setattr(base, "parse_notice", parse)
    async with NoticeStore(tmp_path / "kb.db") as store:
        results = await base.ingest_files(store, [bad, good])
    assert (
        results[0].status == "error"
        and "bad.txt" in results[0].message
        and "程序错误" in results[0].message
    )
    assert results[1].status == "added"
