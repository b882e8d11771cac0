"""What a finished filing hands back: filled forms, the personalised checklist and the
申办报告 outline (.docx), plus the checklist and the self-check report as message text.

Files are written to ``<files_dir>/users/<safe session key>/<notice id>/``. Materials are
the notice's ``facts.materials`` for the programme filed; an item with a condition
(``校企合作协议书`` only ``企业与院校联合办``) is resolved from the forms filled (the
镇江 评估考核表 only when that form was filled) or from the applicant's yes/no answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.messages import OutgoingFile
from flows.documents import (
    ChecklistItem,
    ChecklistMeta,
    render_checklist_docx,
    render_form_docx,
    render_report_outline_docx,
    studio_name,
)
from flows.eligibility import DEFAULT_PROGRAMME as STUDIO
from flows.eligibility import EligibilityReport, Verdict, programmes
from flows.spec import FormKind, FormSpec
from flows.specs import get_spec, report_headings, specs_for_notice
from flows.specs.generic import OUTLINE_WORDS, outline_from
from knowledge.eligibility import last_deadline
from knowledge.models import DeadlineStatus, Material, Notice, SubmissionRule
from knowledge.parse.contacts import EMAIL
from knowledge.requirements import material_note, submission_requirements

MARKS = {Verdict.MET: "✅ 符合", Verdict.NOT_MET: "❌ 不符合", Verdict.UNKNOWN: "❔ 待确认"}
VERDICT_TEXT = {Verdict.MET: "符合", Verdict.NOT_MET: "不符合", Verdict.UNKNOWN: "暂无法判断"}
NUMERIC = frozenset({"integer", "year", "area_m2", "amount_yuan", "percent"})
"""Validators whose answer is a number: a typed number is the answer, not option N."""
_NOT_JOINT = ("其他", "行业协会", "高技能公共实训基地")


def programme_of(spec: FormSpec, notice: Notice) -> str:
    """The programme a form belongs to: the notice's programme its title names
    (``无锡市企业首席技师申报表`` → ``企业首席技师``), else the notice's first programme."""
    names = list(dict.fromkeys(programmes(notice) + notice.meta.programmes)) or [STUDIO]
    return next((p for p in names if p in spec.title), names[0])


def safe_key(key: str) -> str:
    """A session key usable as a directory name: ``"telegram:42"`` → ``"telegram_42"``."""
    return re.sub(r"[^\w-]", "_", key)


def _spec_for(material: Material, specs: list[FormSpec]) -> FormSpec | None:
    name = material.name  # may carry a tail of its clause: "…申报表（附件1"
    return next(
        (s for s in specs if name.startswith(s.title) or (len(name) >= 4 and name in s.title)), None
    )


def _programme(notice: Notice, filled: Mapping[str, Any]) -> str:
    progs = {programme_of(get_spec(s, notice), notice) for s in filled}
    names = programmes(notice) or [STUDIO]
    return progs.pop() if len(progs) == 1 else names[0]


def _not_joint(material: Material, values: Mapping[str, Any]) -> bool:
    """True when ``host_type`` answers a 企业与院校联合办 condition with no."""
    return "院校" in material.condition and values.get("host_type") in _NOT_JOINT


def open_conditions(
    notice: Notice,
    filled: Mapping[str, Any],
    answers: Mapping[str, bool],
    values: Mapping[str, Any],
) -> list[Material]:
    """Conditional materials the forms do not decide and the applicant has not answered.

    A ``host_type`` of 其他/行业协会/实训基地 answers a 企业与院校联合办 condition with no.
    """
    specs = [get_spec(s, notice) for s in filled]
    programme = _programme(notice, filled)
    out = []
    for m in notice.facts.materials:
        if not m.condition or (m.programme and m.programme != programme) or m.name in answers:
            continue
        if _spec_for(m, specs) is None and not _not_joint(m, values):
            out.append(m)
    return out


def condition_question(material: Material) -> str:
    """The yes/no question deciding a conditional material."""
    return f"生成材料清单前请确认：您的工作室是否属于“{material.condition}”的情况？（是/否）"


def checklist_items(
    notice: Notice,
    filled: Mapping[str, Any],
    answers: Mapping[str, bool],
    values: Mapping[str, Any],
    files: Mapping[str, str],
) -> list[ChecklistItem]:
    """The notice's materials for the programme filed, each marked needed or not.

    Args:
        notice: The notice.
        filled: Spec id → form values of the forms filled.
        answers: Material name → the applicant's yes/no to its condition.
        values: All answers merged (``host_type`` infers the 联合办 condition).
        files: Spec id → generated file name (noted next to the material).
    """
    specs = specs_for_notice(notice)
    kinds = {get_spec(s, notice).kind for s in filled}
    only_assessment = kinds == {FormKind.ASSESSMENT}
    programme = _programme(notice, filled)
    sub = _bound_set_rule(notice)
    fmt = format_note(notice)
    items = []
    for m in notice.facts.materials:
        if m.programme and m.programme != programme:
            continue
        spec = _spec_for(m, specs)
        included, note = True, ""
        if spec is not None and spec.id in filled:
            note = f"已生成：{files.get(spec.id, spec.title)}"
        elif spec is not None and spec.kind is FormKind.ASSESSMENT:
            included, note = False, f"仅{m.condition or '参加评估考核'}时需要"
        elif only_assessment and (spec is not None or any(w in m.name for w in OUTLINE_WORDS)):
            included, note = False, "申报认定时需要"
        elif m.condition:
            included = bool(answers.get(m.name, False)) and not _not_joint(m, values)
            note = f"您的工作室属于{m.condition}" if included else f"仅{m.condition}的需要"
        elif spec is not None:
            note = "尚未在线填写，可发送“我要填报”继续填写"
        elif any(w in m.name for w in OUTLINE_WORDS) and "report" in files:
            note = f"已生成提纲：{files['report']}"
        own = material_note(m)
        printed = _form_format(spec.notes) if spec is not None else ""
        note = "；".join(x for x in (own, printed and f"表注：{printed}", note) if x)
        items.append(
            ChecklistItem(
                name=m.name,
                copies=m.copies or (sub.copies if sub else None),
                format_note=fmt,
                condition_note=note,
                included=included,
            )
        )
    return items


_PRINT_RULE = re.compile(r"(A4|双面|单面|打印|装订|胶装|格式|签字|签名|盖章|公章|手写|钢笔|黑色)")


def _form_format(notes: list[str]) -> str:
    """The printing rules of a form's 注 lines (``注：本表一式三份，A4纸双面打印`` →
    ``A4纸双面打印``); the copies are shown with the material already."""
    parts = [
        p.strip() for n in notes for p in re.split(r"[，,；;。]", re.sub(r"^\s*注[:：]\s*", "", n))
    ]
    return "，".join(p for p in parts if _PRINT_RULE.search(p) and "一式" not in p)


def _bound_set_rule(notice: Notice) -> SubmissionRule | None:
    """The submission rule about the bound set (paper, binding, copies), if any."""
    return next((r for r in notice.facts.submission if r.paper or r.binding or r.copies), None)


def format_note(notice: Notice) -> str:
    """``"A4纸，装订成册，同时报送电子版（申报表和申报报告）"`` from the notice's
    submission rule; empty when it states none."""
    sub = _bound_set_rule(notice)
    mailed = next(  # 电子版…发送至cfrsjnc@163.com: say it is an e-mail, with the address
        (
            m.group()
            for r in notice.facts.submission
            if "电子" in r.text and (m := EMAIL.search(r.text))
        ),
        "",
    )
    if sub is None:
        return f"电子版发送至邮箱{mailed}" if mailed else ""
    electronic = sub.electronic or next(  # …PDF扫描件存入U盘 in a sentence of its own
        (r.electronic for r in notice.facts.submission if r.electronic and not r.online), ""
    )
    return "，".join(
        x
        for x in (
            sub.paper and f"{sub.paper}纸",
            sub.binding,
            electronic and f"同时报送电子版（{electronic}）",
            mailed and f"电子版发送至邮箱{mailed}",
        )
        if x
    )


def deadline_text(notice: Notice, today: dt.date) -> str:
    """The deadline relative to ``today``, as the Q&A says it: the applicants' latest
    deadline of the open round (or, when the notice dates only the bureaus' steps, the
    last step), with days left or passed; 另行通知; 未明确."""
    own = [d for d in notice.facts.deadlines if d.applicant and not d.closed]
    dl = (
        last_deadline(notice)
        if not any(d.status is DeadlineStatus.UNSPECIFIED for d in own)
        else None
    )
    dl = dl or next(iter(own), None)
    if dl is None:
        return "通知未明确申报截止时间，请向经办部门确认。"
    if dl.status is DeadlineStatus.UNSPECIFIED:
        return "申报时间另行通知，请留意人社部门的后续通知。"
    if dl.date is None:
        return f"通知写的是“{dl.date_text}”，具体日期未填写，请向经办部门确认。"
    days = (dl.date - today).days
    if days < 0:
        return f"{dl.date.isoformat()}（{dl.date_text}）已截止，已过去{-days}天，请向经办部门确认能否补报。"
    left = "今天截止" if days == 0 else f"还有{days}天"
    return f"{dl.date.isoformat()}（{dl.date_text}）截止，{left}。"


def submit_to_text(notice: Notice) -> str:
    """Where and to whom: the submission rule's ``to``, online address, contact office."""
    parts = [r.to for r in notice.facts.submission if r.to]
    parts += [f"网上填报：{r.online}" for r in notice.facts.submission if r.online]
    dl = next((d for d in notice.facts.deadlines if d.applicant), None)
    if (
        not parts
        and dl
        and dl.status is not DeadlineStatus.UNSPECIFIED
        and re.search(r"(?<!申)报", dl.what)
    ):
        parts.append(dl.what)
    for c in notice.facts.contacts[:1]:
        where = c.address or c.office
        who = "、".join(c.persons)
        phones = "、".join(c.phones)
        parts.append(
            "；".join(
                x for x in (where, who and f"联系人：{who}", phones and f"电话：{phones}") if x
            )
        )
    return "；".join(dict.fromkeys(p for p in parts if p))


def checklist_message(notice: Notice, items: list[ChecklistItem], today: dt.date) -> str:
    """The checklist as chat text (needed items numbered, the others listed apart)."""
    lines = [f"【{notice.meta.place.name}申报材料清单】", f"依据：{notice.label}", "需要准备："]
    needed = [i for i in items if i.included]
    for n, it in enumerate(needed, 1):
        extra = "；".join(x for x in (it.copies and f"{it.copies}份", it.condition_note) if x)
        lines.append(f"{n}. {it.name}" + (f"（{extra}）" if extra else ""))
    skipped = [i for i in items if not i.included]
    if skipped:
        lines.append("无需提供：")
        lines += [f"· {i.name}（{i.condition_note}）" for i in skipped]
    fmt = next((i.format_note for i in items if i.format_note), "")
    if fmt:
        lines.append(f"格式要求：{fmt}")
    rules = submission_requirements(notice)
    if rules:
        lines.append("注意事项（通知原文）：")
        lines += [f"· {r.text}（{r.clause}）" for r in rules]
    where = submit_to_text(notice)
    if where:
        lines.append(f"报送：{where}")
    lines.append(f"截止时间：{deadline_text(notice, today)}")
    return "\n".join(lines)


def report_name(notice: Notice, values: Mapping[str, Any], specs: list[FormSpec]) -> str:
    """The studio's name in the notice's required format (``facts.naming[0].value``).

    Falls back to the name the applicant typed when the format needs a value not asked;
    without any format, the usual ``<地名>+领办人名字+职业工种名称+技能大师工作室``.
    """
    usual = f"{notice.meta.place.name}+领办人名字+职业工种名称+技能大师工作室"
    pattern = (
        notice.facts.naming[0].value
        if notice.facts.naming
        else next((s.naming_pattern for s in specs if s.naming_pattern), "")
    )
    name = studio_name(pattern or usual, values)
    if (not name or "（" in name) and values.get("studio_name"):
        return str(values["studio_name"])
    return name


def generate(
    notice: Notice,
    filled: Mapping[str, dict[str, Any]],
    answers: Mapping[str, bool],
    values: Mapping[str, Any],
    today: dt.date,
    out_dir: Path,
) -> tuple[list[OutgoingFile], str]:
    """Write the filled forms, the 申办报告 outline and the checklist into ``out_dir``.

    Args:
        notice: The notice filed.
        filled: Spec id → values of every form filled for it.
        answers: Material name → yes/no to its condition.
        values: All answers merged (profile and forms), for the studio name.
        today: For the deadline.
        out_dir: Created when missing.

    Returns:
        The files (forms, outline, checklist) and the checklist as message text.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    files: list[OutgoingFile] = []
    names: dict[str, str] = {}
    specs = [get_spec(s, notice) for s in filled]
    for spec in specs:
        path = render_form_docx(
            spec, filled[spec.id], out_dir / f"{safe_filename(spec.title)}.docx"
        )
        names[spec.id] = path.name
        files.append(OutgoingFile(path=path, filename=path.name, caption=f"《{spec.title}》已填写"))
    programme = _programme(notice, filled)
    kind, headings = outline_from(notice, programme)
    if kind and report_headings(notice):
        headings = report_headings(notice)
    if headings:
        name = report_name(notice, values, specs)
        content = {
            f.label: str(filled[s.id].get(f.name) or "")
            for s in specs
            if s.kind is FormKind.REPORT
            for f in s.fields
        }
        path = render_report_outline_docx(
            headings, name, out_dir / f"{safe_filename(name)}{kind}提纲.docx", content, kind
        )
        names["report"] = path.name
        files.append(OutgoingFile(path=path, filename=path.name, caption=f"{kind}提纲"))
    items = checklist_items(notice, filled, answers, values, names)
    place = notice.meta.place.name
    meta = ChecklistMeta(
        title=f"{place}技能大师工作室申报材料清单",
        notice_label=notice.label,
        deadline_text=deadline_text(notice, today),
        submit_to_text=submit_to_text(notice),
        requirements=[f"{r.text}（{r.clause}）" for r in submission_requirements(notice)],
    )
    path = render_checklist_docx(items, meta, out_dir / f"{safe_filename(place)}申报材料清单.docx")
    files.append(OutgoingFile(path=path, filename=path.name, caption="个人申报材料清单"))
    return files, checklist_message(notice, items, today)


def safe_filename(text: str) -> str:
    """``text`` usable in a file name (≤ 60 characters; Chinese kept)."""
    return re.sub(r"[^\w\u4e00-\u9fff-]", "_", text)[:60]


def eligibility_text(report: EligibilityReport, place: str) -> str:
    """The self-check report: each rule with verdict, clause and quote; summary; next steps."""
    lines = [f"【{place}{report.programme}申报条件自查】"]
    for r in report.results:
        lines.append(f"{MARKS[r.verdict]}｜{r.description}（通知 {r.clause}）")
        lines.append(f"    {r.reason}")
        lines.append(f"    原文：“{r.quote}”")
    lines.append(f"结论：{VERDICT_TEXT[report.verdict]}。{report.summary}")
    lines.append("下一步：")
    lines += [f"· {s}" for s in report.next_steps]
    return "\n".join(lines)
