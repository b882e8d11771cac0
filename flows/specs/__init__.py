"""Form specs per notice: ``SPECS_BY_NOTICE[notice_id] -> [FormSpec, ...]``.

The first spec of each list is the main application form. Notices without a hand
spec get :func:`flows.specs.generic.generic_spec` via :func:`specs_for_notice`.
"""

from __future__ import annotations

from flows.spec import FormSpec
from flows.specs import lucheng, shaoguan, taicang, wuxi, zhenjiang
from flows.specs.generic import generic_spec, generic_specs
from knowledge.models import Notice

SPECS_BY_NOTICE: dict[str, list[FormSpec]] = {
    taicang.NOTICE_ID: taicang.SPECS,
    zhenjiang.NOTICE_ID: zhenjiang.SPECS,
    lucheng.NOTICE_ID: lucheng.SPECS,
    wuxi.NOTICE_ID: wuxi.SPECS,
    shaoguan.NOTICE_ID: shaoguan.SPECS,
}

SPECS_BY_ID: dict[str, FormSpec] = {
    spec.id: spec for specs in SPECS_BY_NOTICE.values() for spec in specs
}

# 申办报告 headings per notice, from the notice's description of the report's content
# (太仓 附件3; others from the materials clause).
REPORT_HEADINGS: dict[str, list[str]] = {
    taicang.NOTICE_ID: taicang.REPORT_HEADINGS,
    zhenjiang.NOTICE_ID: [
        "申报工作室名称",
        "工作室基本条件",
        "工作室成立的必要性和可行性",
        "所在单位对工作室的支持措施",
        "工作室成立后的工作开展计划",
    ],
    lucheng.NOTICE_ID: [
        "申报工作室名称",
        "技能大师和工作室成员简介",
        "工作室基本条件",
        "工作室场地照片",
        "工作室成立的必要性和现有优势",
        "工作室所在单位简况和单位对大师工作室的支持措施",
        "工作室建立后工作计划",
        "主要工作方向",
    ],
    wuxi.NOTICE_ID: [
        "申办工作室名称",
        "领办人和工作室成员简介",
        "工作室基本条件",
        "申报市级大师工作室的必要性和可行性",
        "所在单位对工作室支持措施",
        "工作室建立后工作计划",
        "主要工作方向",
    ],
    shaoguan.NOTICE_ID: [
        "申报工作室名称",
        "项目领办人",
        "工作室基本条件",
        "工作室成立的必要性和可行性",
        "所在单位对工作室的支持措施",
        "工作室成立后的工作开展计划",
        "主要工作方向",
    ],
}


def specs_for_notice(notice: Notice) -> list[FormSpec]:
    """Return the hand specs of ``notice``, or its generic specs (one per fillable attachment)."""
    return SPECS_BY_NOTICE.get(notice.id) or generic_specs(notice)


def get_spec(spec_id: str, notice: Notice | None = None) -> FormSpec:
    """Return the spec saved as ``FormState.spec_id``.

    Args:
        spec_id: e.g. ``"taicang_application"`` or ``"generic_<notice id>"``.
        notice: Needed to rebuild a generic spec.

    Raises:
        KeyError: Unknown id, or a generic id without its notice.
    """
    if spec_id in SPECS_BY_ID:
        return SPECS_BY_ID[spec_id]
    if notice is not None and spec_id.startswith(f"generic_{notice.id}"):
        for spec in generic_specs(notice):
            if spec.id == spec_id:
                return spec
    raise KeyError(spec_id)


__all__ = [
    "REPORT_HEADINGS",
    "SPECS_BY_ID",
    "SPECS_BY_NOTICE",
    "generic_spec",
    "generic_specs",
    "get_spec",
    "specs_for_notice",
]
