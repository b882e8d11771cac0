"""The form part of the filing route: one :func:`flows.runner.advance` per turn, free
questions answered mid-form, the draft saved every turn, files generated when done.

Every turn works on copies of the flow and the draft and assigns them to the session at
the end; an exception inside ``advance`` is logged and answered with an apology, the
saved draft untouched. Answers are logged masked (:func:`flows.review.mask_value`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.filing_check import CheckMixin, looks_like_question
from bot.filing_outputs import NUMERIC, condition_question, generate, open_conditions
from bot.flow_state import CheckFlow, CondFlow, Draft, Flow, FormFlow, ReuseFlow
from bot.messages import Choice, Reply
from bot.privacy import user_files
from flows.form_state import FormInput, FormState, InputKind, StepResult
from flows.review import PHONE_VALIDATORS, ask, mask_value
from flows.runner import advance, start
from flows.spec import FieldSpec, FormSpec
from flows.specs import get_spec, specs_for_notice
from flows.validators import VALIDATORS, FieldError
from knowledge.models import Notice

if TYPE_CHECKING:  # pragma: no cover
    from bot.routes import Turn

log = logging.getLogger("bot.filing")

PREFIX = "file:"
CONSENT = "consent"
"""``session.data[CONSENT]``: when the applicant agreed to give personal numbers online."""
CONSENT_TEXT = (
    "接下来需要填写身份证号、手机号或银行账号等个人信息。\n"
    "· 用途：仅用于生成您的申报表，方便您打印后报送人社部门；\n"
    "· 查看：只有您本人能看到完整信息，工作人员和日志中均以*号遮盖；\n"
    "· 保存：保存在本助手的草稿中，直到您删除；随时发送 /forget 可全部删除。\n"
    "同意在线填写这些信息吗？不同意的话，可以先暂停，打印后在纸质表上手写。"
)
SENSITIVE = frozenset({"id_number", *PHONE_VALIDATORS})
"""Validators whose answers are personal numbers: consent is asked before the first."""
STEP_APOLOGY = "抱歉，这一步处理出错了，已填写的内容没有丢失，请换一种写法再试一次。"
HINT = "填写中有疑问可以直接问（如“材料交几份？”），也可发送 /status 查看进度、/cancel 暂停。"


class FormMixin(CheckMixin):
    """Form turns, conditional-material questions and outputs of ``FilingRoute``."""

    def _start_form(
        self, turn: Turn, notice: Notice, spec: FormSpec, reuse: bool | None = None
    ) -> list[Reply]:
        """Start ``spec``, prefilled from the self-check. Answers given in another form
        of the notice are offered first (``用张建国在《…》中的信息？``), never copied
        silently; ``reuse`` is the applicant's answer to that offer."""
        draft = (turn.session.drafts.get(notice.id) or Draft()).model_copy(deep=True)
        prefill: dict[str, Any] = dict(draft.profile)
        other: dict[str, Any] = {}
        titles: list[str] = []
        for spec_id, values in draft.filled.items():
            if spec_id == spec.id:
                continue
            shared = {
                k: v
                for k, v in values.items()
                if not isinstance(v, list)
                and v not in (None, "")
                and spec.item(k) is not None
                and k not in prefill
            }
            if shared:
                other.update(shared)
                titles.append(get_spec(spec_id, notice).title)
        if other and reuse is None:
            who = other.get("leader_name") or other.get("name") or ""
            labels = [i.label for k in other if (i := spec.item(k)) is not None]
            turn.session.flow = ReuseFlow(notice_id=notice.id, spec_id=spec.id)
            text = (
                f"您在《{'》《'.join(titles)}》中已填过{who + '的' if who else ''}{len(labels)}项信息"
                f"（{'、'.join(labels[:6])}{'等' if len(labels) > 6 else ''}），要直接用于《{spec.title}》吗？"
                "回复“是”直接使用，回复“否”重新填写。"
            )
            return [
                Reply(
                    text=text,
                    choices=[
                        Choice(label="是", payload=f"{PREFIX}reuse:yes"),
                        Choice(label="否", payload=f"{PREFIX}reuse:no"),
                    ],
                )
            ]
        if reuse:
            prefill.update(other)
        result = start(spec, {k: v for k, v in prefill.items() if v is not None})
        result.prompt = result.prompt.replace("查看已填内容。", "查看已填内容。" + HINT, 1)
        flow = FormFlow(notice_id=notice.id, spec_id=spec.id)
        return [self._show(turn, flow, draft, result)]

    # --- the form --------------------------------------------------------------------

    def _raw(self, turn: Turn, flow: Flow) -> str:
        """The input: a button payload, except a typed number for a numeric field."""
        if turn.payload and not turn.message.payload and turn.text.isdigit():
            if isinstance(flow, FormFlow):
                field = self._current_field(flow, turn.engine.kb.notices[flow.notice_id])
                numeric = field is not None and field.validator in NUMERIC and not field.options
            else:
                q = self._current_question(turn, flow) if isinstance(flow, CheckFlow) else None
                numeric = q is not None and q.validator in NUMERIC
            if numeric:
                return turn.text
        return turn.payload or turn.text

    def _current_field(self, flow: FormFlow, notice: Notice) -> FieldSpec | None:
        """The field the form asks now (a column of a group's row too), ``None`` when
        none (a group menu, the review screen)."""
        spec = get_spec(flow.spec_id, notice)
        key = flow.state.current if flow.state is not None else ""
        head, _, col = key.partition(".")
        item = spec.item(head)
        if col and item is not None and not isinstance(item, FieldSpec):
            return item.field(col)
        return item if isinstance(item, FieldSpec) else None

    def _form_turn(self, turn: Turn, flow: FormFlow, raw: str) -> list[Reply]:
        nid = flow.notice_id
        notice = turn.engine.kb.notices[nid]
        spec = get_spec(flow.spec_id, notice)
        state = (flow.state or FormState(spec_id=spec.id)).model_copy(deep=True)
        draft = (turn.session.drafts.get(nid) or Draft()).model_copy(deep=True)
        inp = FormInput.parse(raw)
        if inp.kind is InputKind.CANCEL:
            turn.session.flow = None
            return [
                Reply(
                    text=f"已暂停填写《{spec.title}》，已填写的内容保存在草稿中。要删除这份草稿吗？",
                    choices=[
                        Choice(label="保留草稿", payload=f"{PREFIX}keep:{nid}"),
                        Choice(label="删除草稿", payload=f"{PREFIX}drop:{nid}"),
                    ],
                )
            ]
        text = inp.text.strip()
        if flow.await_consent:
            return self._consent_turn(turn, flow, spec, state, draft, text)
        if inp.kind is InputKind.TEXT and text.startswith("问") and len(text) > 1:
            return self._aside(turn, text[1:], spec, state)
        try:
            result = advance(
                spec,
                state,
                inp,
                context={"today": turn.today, "area_code": notice.meta.place.area_code},
            )
        except Exception:
            log.exception("form %s failed at %s", spec.id, state.current)
            again = ask(spec, state.model_copy(deep=True))
            return [
                Reply(text=f"{STEP_APOLOGY}\n\n{again.prompt}", choices=self._choices(flow, again))
            ]
        if result.error and inp.kind is InputKind.TEXT and looks_like_question(text):
            return self._aside(turn, text, spec, state)
        _log_answer(spec, state, result.state)
        if result.handoff:
            result.prompt = result.prompt.split("\n\n", 1)[-1]
            return self._handoff_replies(turn) + [self._show(turn, flow, draft, result)]
        if not result.done:
            return [self._show(turn, flow, draft, result)]
        draft.filled[spec.id] = result.state.values
        draft.spec_id, draft.state = None, None
        turn.session.drafts[nid] = draft
        turn.session.flow = None
        return [Reply(text=result.prompt)] + self._finish(turn, notice, draft)

    def _aside(self, turn: Turn, question: str, spec: FormSpec, state: FormState) -> list[Reply]:
        """Answer a free question mid-form, then ask the current question again."""
        turn.session.notice_id = spec.notice_id
        replies = turn.engine.answer_question(question, turn.session)
        flow = turn.session.flow.model_copy(deep=True) if turn.session.flow else None
        again = ask(spec, state.model_copy(deep=True), intro="（继续填写）")
        if flow is None:  # pragma: no cover - an aside runs inside a form
            flow = FormFlow(notice_id=spec.notice_id, spec_id=spec.id, state=state)
        replies.append(Reply(text=again.prompt, choices=self._choices(flow, again)))
        turn.session.flow = flow
        return replies

    def _consent_turn(
        self,
        turn: Turn,
        flow: FormFlow,
        spec: FormSpec,
        state: FormState,
        draft: Draft,
        text: str,
    ) -> list[Reply]:
        """The answer to :data:`CONSENT_TEXT`: 同意 continues with the field; 不同意 pauses
        the form with the draft kept; a question is answered and the notice shown again."""
        flow = flow.model_copy(update={"await_consent": False})
        try:
            agreed: bool | None = VALIDATORS["yes_no"](text, {})
        except FieldError:
            agreed = None  # a question, or a field's answer typed too early
        if agreed:
            turn.session.data[CONSENT] = turn.today.isoformat()
            return [self._show(turn, flow, draft, ask(spec, state.model_copy(deep=True)))]
        if agreed is False:
            turn.session.flow = None
            return [
                Reply(
                    text=f"好的，不会在线收集这些信息。《{spec.title}》已暂停，已填写的内容保存在草稿中；"
                    "生成的表格中这些栏目可打印后手写。需要继续时发送“我要填报”，再回复“同意”即可。"
                )
            ]
        replies = (
            turn.engine.answer_question(text, turn.session) if looks_like_question(text) else []
        )
        turn.session.flow = flow.model_copy(update={"await_consent": True})
        return replies + [self._consent_reply()]

    def _consent_reply(self) -> Reply:
        return Reply(
            text=CONSENT_TEXT,
            choices=[
                Choice(label="同意", payload=f"{PREFIX}consent:yes"),
                Choice(label="不同意", payload=f"{PREFIX}consent:no"),
            ],
        )

    def _show(self, turn: Turn, flow: FormFlow, draft: Draft, result: StepResult) -> Reply:
        """Save the new state into the flow and draft, and render the step; before the
        first ID, phone or bank field the applicant is asked to agree (:data:`CONSENT_TEXT`)."""
        flow = flow.model_copy(update={"state": result.state.model_copy(deep=True)})
        draft.spec_id, draft.state = flow.spec_id, result.state.model_copy(deep=True)
        if not result.done and CONSENT not in turn.session.data and not result.error:
            field = self._current_field(flow, turn.engine.kb.notices[flow.notice_id])
            if field is not None and (field.validator in SENSITIVE or field.sensitive):
                turn.session.flow = flow.model_copy(update={"await_consent": True})
                turn.session.drafts[flow.notice_id] = draft
                return self._consent_reply()
        choices = self._choices(flow, result)
        turn.session.flow = flow
        turn.session.drafts[flow.notice_id] = draft
        text = result.prompt
        if result.progress and result.state.phase == "filling":
            text = f"（{result.progress}）\n{text}"
        if result.error:
            text = f"⚠ {result.error}\n\n{text}"
        return Reply(text=text, choices=choices)

    # --- finishing ----------------------------------------------------------------

    def _finish(self, turn: Turn, notice: Notice, draft: Draft) -> list[Reply]:
        pending = open_conditions(notice, draft.filled, draft.answers, draft.merged())
        if pending:
            flow = CondFlow(notice_id=notice.id, pending=[m.name for m in pending])
            turn.session.flow = flow
            return [Reply(text=condition_question(pending[0]), choices=self._yes_no(flow))]
        out_dir = user_files(turn.engine.files_dir, turn.key) / notice.id
        files, checklist = generate(
            notice, draft.filled, draft.answers, draft.merged(), turn.today, out_dir
        )
        log.info("filing files for %s written to %s", notice.id, out_dir)
        names = "\n".join(f"· {f.filename}" for f in files)
        replies = [
            Reply(text=f"已为您生成以下文件，请下载后核对、打印、签字盖章：\n{names}", files=files)
        ]
        rest = [s for s in specs_for_notice(notice) if s.id not in draft.filled]
        choices = [
            Choice(label=f"继续填写《{s.title}》", payload=f"{PREFIX}spec:{s.id}") for s in rest
        ]
        replies.append(Reply(text=checklist, choices=choices))
        return replies

    def _cond_turn(self, turn: Turn, flow: CondFlow, raw: str) -> list[Reply]:
        nid = flow.notice_id
        notice = turn.engine.kb.notices[nid]
        material = next(m for m in notice.facts.materials if m.name == flow.pending[0])
        try:
            yes = VALIDATORS["yes_no"](raw, {})
        except FieldError as err:
            if looks_like_question(raw):
                replies = turn.engine.answer_question(raw, turn.session)
                turn.session.flow = flow
                return replies + [
                    Reply(text=condition_question(material), choices=self._yes_no(flow))
                ]
            return [
                Reply(text=f"⚠ {err}\n\n{condition_question(material)}", choices=self._yes_no(flow))
            ]
        draft = (turn.session.drafts.get(nid) or Draft()).model_copy(deep=True)
        draft.answers[material.name] = bool(yes)
        turn.session.drafts[nid] = draft
        turn.session.flow = None
        return self._finish(turn, notice, draft)

    def _yes_no(self, flow: Flow) -> list[Choice]:
        flow.opts = {}
        return [Choice(label="是", payload="是"), Choice(label="否", payload="否")]


def _log_answer(spec: FormSpec, before: FormState, after: FormState) -> None:
    """Log which field was answered, with ID numbers and phones masked."""
    key = before.current
    field = spec.item(key)
    if (
        isinstance(field, FieldSpec)
        and key in after.values
        and after.values.get(key) != before.values.get(key)
    ):
        log.info("form %s: %s = %s", spec.id, key, mask_value(field, after.values[key]))
    elif key:
        log.debug("form %s: %s -> %s", spec.id, key, after.current)
