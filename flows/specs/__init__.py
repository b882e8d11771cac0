"""Form specs of a notice: curated data when staff described its forms, else generated.

:func:`specs_for_notice` returns the forms of ``knowledge/data/forms/<notice id>.yaml``
(:mod:`flows.specs.curated`) when the notice has such a file, else one generated spec per
fillable attachment (:func:`flows.specs.generic.generic_specs`) with the file's prompt
overrides applied. The first spec is the main application form. No form is Python.
"""

from __future__ import annotations

from flows.spec import FormSpec
from flows.specs.curated import apply_prompts, curated_for, curated_spec
from flows.specs.generic import generic_spec, generic_specs
from knowledge.models import Notice


def specs_for_notice(notice: Notice) -> list[FormSpec]:
    """The forms of ``notice``: its curated forms, or its generated ones (one per
    fillable attachment, curated prompts applied)."""
    cur = curated_for(notice)
    if cur is not None and cur.forms:
        return list(cur.forms)
    specs = generic_specs(notice)
    return [apply_prompts(s, cur.prompts) for s in specs] if cur is not None else specs


def report_headings(notice: Notice) -> list[str]:
    """The curated headings of the report (申办报告) ``notice`` asks for; empty when the
    notice has no curated outline (the outline then comes from the notice's text)."""
    cur = curated_for(notice)
    return list(cur.outline) if cur is not None else []


def get_spec(spec_id: str, notice: Notice | None = None) -> FormSpec:
    """Return the spec saved as ``FormState.spec_id``.

    Args:
        spec_id: e.g. ``"taicang_application"`` or ``"generic_<notice id>"``.
        notice: Needed to rebuild a generated spec.

    Raises:
        KeyError: Unknown id, or a generated id without its notice.
    """
    spec = curated_spec(spec_id)
    if spec is not None:
        return spec
    if notice is not None and spec_id.startswith(f"generic_{notice.id}"):
        for spec in specs_for_notice(notice):
            if spec.id == spec_id:
                return spec
    raise KeyError(spec_id)


__all__ = [
    "generic_spec",
    "generic_specs",
    "get_spec",
    "report_headings",
    "specs_for_notice",
]
