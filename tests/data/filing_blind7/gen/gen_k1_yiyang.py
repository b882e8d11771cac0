"""k1_yiyang.html — 益阳市人社局 site page (UTF-8, TRS-style editor div), open round.

New shapes: age given ONLY as a birth-date cutoff (1971年1月1日以后出生, no 周岁 figure); team rule with
含领办人 AND a share (其中技师及以上人员占比不低于30%); 申报表 with a NESTED <table> for the member list;
materials as a TABLE 序号|材料名称|份数|备注 with a conditional row (仅企业), a 公示 row and 系统上传
(no e-mail accepted).
"""

from common import cond, field, out, profile, write_key

FNAME = "k1_yiyang.html"
PROG = "益阳市技能大师工作室"
TITLE = "关于组织申报2026年度益阳市技能大师工作室的通知"
FORM_TITLE = "2026年度益阳市技能大师工作室申报表"
HONOURS = [
    "中华技能大奖",
    "全国技术能手",
    "湖南省技术能手",
    "湖南工匠",
    "益阳市技术能手",
    "益阳工匠",
]

P = "　　"  # full-width paragraph indent


def para(s, cls=None):
    c = f' class="{cls}"' if cls else ""
    return f'<p{c} style="text-indent:2em;">{s}</p>' if not cls else f"<p{c}>{s}</p>"


materials = [
    ("1", FORM_TITLE, "一式三份", "见附件，依托单位及区县（市）人社局签署意见并加盖公章"),
    (
        "2",
        "领办人身份证、职业技能等级证书、荣誉证书复印件",
        "各一份",
        "复印件加盖依托单位公章，原件备查",
    ),
    ("3", "团队成员职业技能等级证书复印件", "一份", "复印件加盖依托单位公章"),
    ("4", "依托单位营业执照或办学许可证复印件", "一份", "复印件加盖依托单位公章"),
    ("5", "工作室场地照片及主要设备清单", "一份", "照片不少于4张"),
    ("6", "近两年职工技能培训开展情况说明", "一份", "仅依托单位为企业的提供，加盖依托单位公章"),
    ("7", "单位内部公示情况说明", "一份", "注明公示时间、范围和结果，加盖依托单位公章"),
]


def materials_table():
    rows = [
        '<tr><th width="8%">序号</th><th width="42%">材料名称</th><th width="14%">份数</th><th>备注</th></tr>'
    ]
    for r in materials:
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>")
    return (
        '<table class="cltable" border="1" cellspacing="0" cellpadding="4" width="100%">\n'
        + "\n".join(rows)
        + "\n</table>"
    )


def boxes(opts):
    return "&nbsp;&nbsp;".join("□" + o for o in opts)


def form_table():
    members = [
        "<tr><td>序号</td><td>姓名</td><td>性别</td><td>出生年月</td><td>职业技能等级</td><td>工作岗位</td></tr>"
    ]
    for i in range(1, 9):
        members.append(f"<tr><td>{i}</td>" + "<td>&nbsp;</td>" * 5 + "</tr>")
    nested = (
        '<table class="inner" border="1" cellspacing="0" cellpadding="2" width="100%">'
        + "".join(members)
        + "</table>"
    )
    E = "<td>&nbsp;</td>"
    rows = [
        '<tr><td>工作室名称</td><td colspan="5">&nbsp;</td></tr>',
        f"<tr><td>领办人姓名</td>{E}<td>性别</td>{E}<td>出生日期</td>{E}</tr>",
        f'<tr><td>身份证号码</td><td colspan="3">&nbsp;</td><td>民族</td>{E}</tr>',
        f"<tr><td>职业（工种）</td>{E}<td>职业技能等级</td>{E}<td>发证日期</td>{E}</tr>",
        '<tr><td>手机号码</td><td colspan="2">&nbsp;</td><td>电子邮箱</td><td colspan="2">&nbsp;</td></tr>',
        f'<tr><td>获得荣誉</td><td colspan="5">{boxes(HONOURS)}</td></tr>',
        f'<tr><td>依托单位名称</td><td colspan="3">&nbsp;</td><td>统一社会信用代码</td>{E}</tr>',
        f'<tr><td>单位类型</td><td colspan="5">{boxes(["企业", "技工院校", "职业院校"])}</td></tr>',
        f"<tr><td>工作室面积（平方米）</td>{E}<td>团队人数（含领办人）</td>{E}<td>其中技师及以上人数</td>{E}</tr>",
        f'<tr><td colspan="3">是否已被认定为省级及以上技能大师工作室</td><td colspan="3">{boxes(["是", "否"])}</td></tr>',
        f'<tr><td>团队成员名单（含领办人）</td><td colspan="5">{nested}</td></tr>',
        '<tr><td>领办人技能专长及主要业绩<br/>（800字以内）</td><td colspan="5" height="160">&nbsp;</td></tr>',
        '<tr><td>工作室建设目标</td><td colspan="5" height="120">&nbsp;</td></tr>',
        '<tr><td colspan="6" align="right">领办人签名：&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;年&nbsp;&nbsp;月&nbsp;&nbsp;日</td></tr>',
        '<tr><td colspan="2" height="90">依托单位意见（盖章）<br/><br/>年&nbsp;&nbsp;月&nbsp;&nbsp;日</td>'
        '<td colspan="2">区县（市）人社局意见（盖章）<br/><br/>年&nbsp;&nbsp;月&nbsp;&nbsp;日</td>'
        '<td colspan="2">市人社局意见（盖章）<br/><br/>年&nbsp;&nbsp;月&nbsp;&nbsp;日</td></tr>',
    ]
    return (
        '<table class="sbb" border="1" cellspacing="0" cellpadding="4" width="100%">\n'
        + "\n".join(rows)
        + "\n</table>"
    )


body = [
    para(
        "各区县（市）人力资源和社会保障局，益阳高新区、大通湖区社会事务局，市直有关单位：", "addr"
    ),
    para(
        "为深入实施技能强市战略，充分发挥高技能人才在技术攻关、技艺传承和带徒传技中的示范引领作用，根据"
        "《益阳市技能大师工作室建设管理办法》有关规定，现就组织申报2026年度益阳市技能大师工作室有关事项通知如下："
    ),
    para("<strong>一、申报数量和支持标准</strong>"),
    para(
        "2026年度全市认定市级技能大师工作室不超过10个。对认定的工作室，由市财政给予一次性建设补助6万元，"
        "专项用于工作室设备购置、带徒传技、技术攻关和技能交流等。工作室认定有效期为3年。"
    ),
    para("<strong>二、申报条件</strong>"),
    para("（一）领办人条件"),
    para("1.1971年1月1日以后出生。"),
    para("2.具有技师及以上职业资格或职业技能等级。"),
    para("3.获得下列荣誉之一：" + "、".join(HONOURS) + "。"),
    para("4.已被认定为国家级、省级技能大师工作室领办人的，不再申报。"),
    para("（二）团队条件"),
    para("工作室团队成员（含领办人）不少于8人，其中技师及以上人员占比不低于30%。"),
    para("（三）依托单位条件"),
    para(
        "1.依托单位为在益阳市行政区域内依法登记注册的企业、技工院校或职业院校；党政机关、事业单位（技工院校、"
        "职业院校除外）不作为依托单位。"
    ),
    para("2.工作室场地面积不少于100平方米，具备开展技术攻关和带徒传技的设备设施。"),
    para("<strong>三、申报程序</strong>"),
    para("（一）单位公示。申报单位须将申报人员和申报材料在本单位内部公示，公示期不少于5个工作日。"),
    para(
        "（二）网上申报。公示无异议的，申报单位于2026年12月11日前登录“益阳市人社局网上办事大厅”"
        "（http://wsbs.yysrsjj.cn），进入“技能大师工作室申报”栏目填报信息，并上传申报材料PDF扫描件。"
    ),
    para(
        "（三）报送纸质材料。网上申报完成后，申报单位于2026年12月11日前将纸质材料报送所在区县（市）人社局；"
        "市直单位直接报送市人社局职业能力建设科（益阳市赫山区金银山路199号市民服务中心8楼812室）。"
    ),
    para(
        "（四）审核推荐。各区县（市）人社局于2026年12月18日前完成初审，将推荐名单和纸质材料报市人社局。"
    ),
    para("（五）评审认定。市人社局于2027年1月组织专家评审，评审结果在市人社局网站公示7个工作日。"),
    para("<strong>四、申报材料</strong>"),
    para("申报单位按下表准备申报材料："),
    materials_table(),
    para(
        "纸质材料用A4纸单面打印，按上表顺序装订成册，不需胶装。上表所列材料的PDF扫描件须通过网上办事大厅上传，"
        "不接受电子邮件报送。"
    ),
    para("<strong>五、联系方式</strong>"),
    para(
        "市人社局职业能力建设科，联系人：龚晓岚，联系电话：0737-4218653（工作日上午8:30-12:00，下午14:30-17:30）。"
    ),
    para("附件：" + FORM_TITLE),
    '<p style="text-align:right;">益阳市人力资源和社会保障局</p>',
    '<p style="text-align:right;">2026年11月17日</p>',
    '<p class="fj" style="text-align:left;"><strong>附件</strong></p>',
    f'<p style="text-align:center;font-size:18px;"><strong>{FORM_TITLE}</strong></p>',
    '<p style="text-align:left;">申报单位（盖章）：&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;填报日期：&nbsp;&nbsp;&nbsp;&nbsp;年&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;日</p>',
    form_table(),
    '<p style="text-align:left;">注：团队成员名单不够填写的可另附页。</p>',
]

PAGE = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="益阳市人力资源和社会保障局">
<meta name="SiteIDCode" content="4309000017">
<meta name="ColumnName" content="通知公告">
<meta name="ArticleTitle" content="{TITLE}">
<meta name="PubDate" content="2026-11-18 09:42">
<meta name="ContentSource" content="职业能力建设科">
<title>{TITLE}_通知公告_益阳市人力资源和社会保障局</title>
<link rel="stylesheet" href="/images/2021/css/common.css">
<style>
body{{font-family:"Microsoft YaHei",SimSun;margin:0;color:#333}}
.topbar{{background:#f2f2f2;font-size:12px;padding:4px 20px}}
.banner{{background:#0b5fa5;color:#fff;padding:18px 20px}}
.nav a{{color:#fff;margin:0 14px}}
.TRS_Editor p{{line-height:2;font-size:16px;margin:0}}
.sbb td,.cltable td,.cltable th{{border:1px solid #000;font-size:14px}}
</style>
<script type="text/javascript">var _pubDate = "2026-11-18"; function doZoom(s){{document.getElementById("zoom").style.fontSize=s+"px";}}</script>
</head>
<body>
<div class="topbar">今天是：<span id="today"></span>&nbsp;|&nbsp;<a href="#">无障碍浏览</a>&nbsp;|&nbsp;<a href="#">长者模式</a>&nbsp;|&nbsp;<a href="#">手机版</a></div>
<div class="banner"><h1>益阳市人力资源和社会保障局</h1>
<form class="search" action="/search"><input type="text" name="q" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>
<div class="nav"><a href="/">首页</a><a href="/jggk/">机构概况</a><a href="/zwgk/">政务公开</a><a href="/tzgg/">通知公告</a><a href="/zcfg/">政策法规</a><a href="/bsfw/">办事服务</a><a href="/hdjl/">互动交流</a></div>
<div class="crumb">您的位置：<a href="/">首页</a>&nbsp;&raquo;&nbsp;<a href="/zwgk/">信息公开</a>&nbsp;&raquo;&nbsp;<a href="/tzgg/">通知公告</a></div>
<div class="article">
<h2 class="title">{TITLE}</h2>
<div class="info">文号：益人社发〔2026〕71号&nbsp;&nbsp;发布机构：益阳市人力资源和社会保障局&nbsp;&nbsp;发布日期：2026-11-18&nbsp;&nbsp;阅读量：<span id="hits">1376</span>&nbsp;&nbsp;【字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div class="TRS_Editor" id="zoom">
{chr(10).join(body)}
</div>
<div class="fjxz">附件下载：<a href="/u/cms/rsj/202611/18094213abcd.docx">{FORM_TITLE}.docx</a></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="tools"><a href="javascript:window.print()">【打印此页】</a>&nbsp;<a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="prevnext">
<p>上一篇：<a href="/tzgg/20261112.html">关于2026年度益阳市高技能人才培训基地拟认定名单的公示（公示期：2026年11月12日至11月18日）</a></p>
<p>下一篇：<a href="/tzgg/20261120.html">关于开展2027年度职业技能等级认定机构备案工作的通知</a></p>
</div>
</div>
<div class="related"><h3>相关链接</h3><ul><li><a href="#">湖南省人力资源和社会保障厅</a></li><li><a href="#">益阳市人民政府</a></li></ul></div>
<div class="footer">
<p>主办单位：益阳市人力资源和社会保障局&nbsp;&nbsp;承办：益阳市人社信息中心</p>
<p>地址：益阳市赫山区金银山路199号市民服务中心&nbsp;&nbsp;邮编：413099</p>
<p><a href="#">湘ICP备19032718号-2</a>&nbsp;&nbsp;湘公网安备 43090302000516号&nbsp;&nbsp;网站标识码：4309000017</p>
<p>&copy; 益阳市人力资源和社会保障局 版权所有&nbsp;&nbsp;&gt;&gt;&nbsp;网站地图</p>
</div>
</body>
</html>
"""

with open(out(FNAME), "w", encoding="utf-8", newline="\n") as fh:
    fh.write(PAGE)

# ------------------------------------------------------------------ key
fmt_tail = "A4纸单面打印，按上表顺序装订成册；PDF扫描件通过网上办事大厅上传"
key = {
    "closed": False,
    "deadline": "2026-12-11",
    "programmes": [PROG],
    "conditions": [
        cond("age_max", {"born_on_or_after": "1971-01-01"}, "1971年1月1日以后出生"),
        cond("level", "技师", "具有技师及以上职业资格或职业技能等级"),
        cond(
            "honour",
            {"mode": "closed", "list": HONOURS},
            "获得下列荣誉之一：" + "、".join(HONOURS),
        ),
        cond(
            "other",
            "已被认定为国家级、省级技能大师工作室领办人的不再申报",
            "已被认定为国家级、省级技能大师工作室领办人的，不再申报",
        ),
        cond(
            "team_min",
            {"min": 8, "share": {"level": "技师", "min_percent": 30}},
            "工作室团队成员（含领办人）不少于8人，其中技师及以上人员占比不低于30%",
            includes_leader=True,
        ),
        cond(
            "unit_type",
            {
                "admitted": ["企业", "技工院校", "职业院校"],
                "excluded": ["党政机关", "事业单位（技工院校、职业院校除外）"],
            },
            "依托单位为在益阳市行政区域内依法登记注册的企业、技工院校或职业院校；党政机关、事业单位（技工院校、"
            "职业院校除外）不作为依托单位",
        ),
        cond("area", 100, "工作室场地面积不少于100平方米"),
    ],
    "forms": [
        {
            "attachment": "附件",
            "title": FORM_TITLE,
            "fields": [
                field("工作室名称", "text"),
                field("领办人姓名", "name"),
                field("性别", "text"),
                field("出生日期", "date"),
                field("身份证号码", "id_number"),
                field("民族", "text"),
                field("职业（工种）", "text"),
                field("职业技能等级", "text"),
                field("发证日期", "date"),
                field("手机号码", "mobile"),
                field("电子邮箱", "email"),
                field("获得荣誉", "multi_choice", options=HONOURS),
                field("依托单位名称", "text"),
                field("统一社会信用代码", "text"),
                field("单位类型", "choice", options=["企业", "技工院校", "职业院校"]),
                field("工作室面积（平方米）", "number"),
                field("团队人数（含领办人）", "number"),
                field("其中技师及以上人数", "number"),
                field("是否已被认定为省级及以上技能大师工作室", "choice", options=["是", "否"]),
                field(
                    "团队成员名单（含领办人）",
                    "repeated_group",
                    columns=["序号", "姓名", "性别", "出生年月", "职业技能等级", "工作岗位"],
                ),
                field("领办人技能专长及主要业绩", "long_text"),
                field("工作室建设目标", "long_text"),
            ],
            "signature_cells": [
                "申报单位（盖章）",
                "领办人签名",
                "依托单位意见（盖章）",
                "区县（市）人社局意见（盖章）",
                "市人社局意见（盖章）",
            ],
        }
    ],
    "outline": None,
    "checklist": [
        {
            "item": FORM_TITLE,
            "copies": 3,
            "stamp": True,
            "format": "附件，一式三份，依托单位及区县（市）人社局签署意见并加盖公章；" + fmt_tail,
        },
        {
            "item": "领办人身份证、职业技能等级证书、荣誉证书复印件",
            "copies": 1,
            "stamp": True,
            "format": "各一份，复印件加盖依托单位公章，原件备查；" + fmt_tail,
        },
        {
            "item": "团队成员职业技能等级证书复印件",
            "copies": 1,
            "stamp": True,
            "format": "一份，复印件加盖依托单位公章；" + fmt_tail,
        },
        {
            "item": "依托单位营业执照或办学许可证复印件",
            "copies": 1,
            "stamp": True,
            "format": "一份，复印件加盖依托单位公章；" + fmt_tail,
        },
        {
            "item": "工作室场地照片及主要设备清单",
            "copies": 1,
            "stamp": False,
            "format": "一份，照片不少于4张；" + fmt_tail,
        },
        {
            "item": "近两年职工技能培训开展情况说明",
            "copies": 1,
            "stamp": True,
            "format": "仅依托单位为企业的提供；一份，加盖依托单位公章；" + fmt_tail,
        },
        {
            "item": "单位内部公示情况说明",
            "copies": 1,
            "stamp": True,
            "format": "一份，注明公示时间、范围和结果（本单位内部公示不少于5个工作日），加盖依托单位公章；"
            + fmt_tail,
        },
    ],
    "profiles": [
        profile(
            PROG,
            "我是七四年的，在桃江县一家做竹木家具的民营企业当木工，高级技师，前年评上了益阳工匠。工做室连我在内9个人，"
            "除了我还有3个技师。车间里隔了120平米出来给工作室。没评过省级国家级的工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            area="✅",
        ),
        profile(
            PROG,
            "本人今年55岁，在安化县一家国有黑茶企业，评茶员高级技师，2019年获得湖南省技术能手。团队一共12个人（包括我），"
            "技师以上的有5个（也包括我）。制茶车间300平方米。工作室没有被认定过省级的。",
            age_max="❔",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            area="✅",
        ),
        profile(
            PROG,
            "1975年3月出生，在益阳高新区一家民营电机厂当维修电工，技师，2023年评的益阳市技术能手。工作室连我一共10个人，"
            "除我以外只有1个技师，其他都是高级工。场地150平。没评过工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="❌",
            unit_type="✅",
            area="✅",
        ),
        profile(
            PROG,
            "我1971年1月生的，在沅江市一所公办技工学校当焊接老师，焊工高级技师，拿过全国技术能手。团队连我在内10人，"
            "其中技师及以上3人（含我本人）。实训场地正好100平方米。学校没有省级工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            area="✅",
        ),
        profile(
            PROG,
            "我1970年12月出生，在赫山区一家民营工程机械企业干装配钳工，高级技师，2021年获评全国技术能手。"
            "工作室除我以外还有9个人，其中4个是技师。场地180平方米，没评过省级。",
            age_max="❌",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="✅",
            area="✅",
        ),
        profile(
            PROG,
            "我们是市里的一家公立医院（事业单位），我是医学装备科的医疗设备维修工，高级技师，1980年生，益阳市技术能手。"
            "想用医院名义申报，团队除我外还有7个人，其中3个技师。维修工作间110平方米。没评过工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="✅",
            unit_type="❌",
            area="✅",
        ),
        profile(
            PROG,
            "八二年出生，在赫山区开了家汽修企业（民营的），汽车维修工技师，益阳市技术能手。工作室连我在内11个人，"
            "大部分是高级工，有几个技师我得回去数数。场地200平方。没有评过工作室。",
            age_max="✅",
            level="✅",
            honour="✅",
            other="✅",
            team_min="❔",
            unit_type="✅",
            area="✅",
        ),
    ],
}
write_key(FNAME, key)
print("wrote", FNAME)
