"""How the materials must be prepared and handed in, as the notice writes it.

Offices reject files for rules a plain list of materials drops: 所有复印件加盖审核单位公章,
A4纸双面打印, 黑白打印, 胶装, PDF刻录光盘或U盘, 验原件, 单位内部公示5个工作日. The
checklist quotes each such sentence of the notice (:func:`submission_requirements`) and
notes the stamps and originals of each material (:func:`material_note`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.models import Material, Notice
from knowledge.text import shorten, split_sentences

_REQUIREMENT = re.compile(
    r"(加盖|盖章|公章|签字|签名|原件|复印件|A4|a4|双面|单面|黑白|彩色|胶装|装订|封面|目录|页码|扫描|PDF|pdf|Word|word|"
    r"U盘|光盘|刻录|电子版|电子文档|电子稿|一式\s*[\d一二两三四五六七八九十]+\s*份|公示\s*[\d一二两三四五六七八九十]+\s*个?工作日|"
    r"内部公示|逾期不予受理|不予受理|真实性)"
)
_ABOUT_FILING = re.compile(r"(材料|申报表|申请表|报送|提交|报告|证书|证明|复印件|电子版|公示)")
_NOT_APPLICANT = re.compile(r"(评审|专家|考核|验收|撤销|监督|检查|拨付|资金)")
_GLOBAL = re.compile(
    r"(以上|所有|全部|统一|A4|a4|双面|单面|黑白|彩色|胶装|装订|电子|光盘|U盘|刻录|公示|逾期|真实性)"
)
_STAMP = re.compile(r"(?:加盖|盖)([^，,。；;、（）()]{0,10}?(?:公章|印章|章))")
_ORIGINAL = re.compile(r"(验原件|原件备查|提供原件|原件和复印件|原件及复印件|携带原件|核验原件)")


@dataclass(frozen=True)
class Requirement:
    """One rule on preparing or handing in the materials.

    Attributes:
        text: The notice's sentence; a long one cut to its parts that carry a rule.
        clause: Reference of its clause.
    """

    text: str
    clause: str


def submission_requirements(notice: Notice, limit: int = 8) -> list[Requirement]:
    """The notice's sentences on how materials are prepared and handed in (stamps,
    signatures, paper, printing, binding, electronic copies and media, originals,
    internal publicity, late files), in the notice's order, each once.

    Sentences about review, funding or assessment are left out; so are sentences that
    only list a material's name.
    """
    out: list[Requirement] = []
    seen: set[str] = set()
    items = [re.sub(r"\W", "", m.text) for m in notice.facts.materials if len(m.text) >= 6]
    for clause in notice.clauses:
        text = clause.text
        if clause.heading and text.startswith(
            clause.heading + "\n"
        ):  # 申报材料\n申报材料按以下顺序…
            text = text[len(clause.heading) + 1 :]
        for sentence in split_sentences(text.replace("\n", "")):
            s = sentence.strip()
            if len(s) < 6 or not _REQUIREMENT.search(s) or not _ABOUT_FILING.search(s):
                continue
            if _NOT_APPLICANT.search(s) and not re.search(r"(加盖|盖章|装订|A4|电子版|原件)", s):
                continue
            key = re.sub(r"\W", "", s)
            if key in seen or (
                not _GLOBAL.search(s) and any(key in own or own in key for own in items)
            ):
                continue  # a material's own line: the checklist shows it with that material
            seen.add(key)
            out.append(Requirement(notice.in_source_script(_requirement_text(s)), clause.ref))
            if len(out) >= limit:
                return out
    return out


def _requirement_text(sentence: str, width: int = 90) -> str:
    """A long sentence cut to its parts that carry a rule (…，同时将PDF电子版通过电子邮箱发送至…，
    或用U盘拷贝随纸质材料一并报送), so no rule is lost to the ellipsis."""
    if len(sentence) <= width:
        return sentence
    parts = [p for p in re.split(r"(?<=[，,；;])", sentence) if _REQUIREMENT.search(p)]
    kept = "".join(parts).rstrip("，,；;") if parts else sentence
    return shorten(kept, width + 40)


def material_note(material: Material) -> str:
    """Stamps and originals the notice asks of one material (``加盖单位公章；验原件``);
    empty when its text says nothing of them."""
    notes = []
    stamp = _STAMP.search(material.text)
    if stamp:
        notes.append("盖章" if stamp.group(1) == "章" else f"加盖{stamp.group(1)}")
    original = _ORIGINAL.search(material.text)
    if original:
        notes.append(original.group(1))
    return "；".join(notes)
