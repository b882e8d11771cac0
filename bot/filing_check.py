"""The eligibility self-check part of the filing route ("我能申报吗").

The check is a form (:func:`flows.check_form.check_form`: the questions of
:func:`flows.eligibility.questions_for`, only those some rule still needs) run by the
forms' runner (:func:`flows.runner.advance`: validation, storage, ``/skip``, ``/back``);
this module renders its questions and the report. ``/cancel`` leaves the check. The
profile is kept in the notice's draft and prefills the application form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.filing_outputs import eligibility_text
from bot.flow_state import CheckFlow, Draft, Flow
from bot.messages import Choice, Reply, Source
from flows.check_form import check_answers, check_form, check_state
from flows.eligibility import (
    ProfileQuestion,
    Verdict,
    check_eligibility,
    programmes,
    questions_for,
)
from flows.form_state import FormInput, FormState, InputKind, StepResult, pending
from flows.runner import advance
from flows.spec import FormSpec
from flows.specs import get_spec
from knowledge.models import Notice

if TYPE_CHECKING:  # pragma: no cover
    from bot.routes import Turn

_QUESTION_RE = re.compile(r"[？?]\s*$|吗|呢|多少|几|哪|什么|怎么")
MAX_PAYLOAD = 64  # bytes, Telegram callback_data


def looks_like_question(text: str) -> bool:
    """True for text phrased as a question (ends with ？ or has 吗/呢/多少/几/哪/什么/怎么)."""
    return bool(_QUESTION_RE.search(text.strip()))


class CheckMixin:
    """Self-check turns and shared rendering helpers of :class:`bot.filing.FilingRoute`."""

    def _programmes(self, notice: Notice) -> list[str]:
        return programmes(notice)

    def _choices(self, flow: Flow, result: StepResult) -> list[Choice]:
        """Buttons of a step; payloads over 64 bytes become ``file:opt:<i>`` (kept in ``flow``)."""
        return self._buttons(flow, [(c.label, c.payload) for c in result.choices])

    def _buttons(self, flow: Flow, pairs: list[tuple[str, str]]) -> list[Choice]:
        """``(label, payload)`` pairs as buttons; ``flow.opts`` is replaced by the payloads
        too long for a messenger, each sent as ``file:opt:<i>``."""
        flow.opts = {}
        out = []
        for i, (label, payload) in enumerate(pairs):
            if len(payload.encode()) > MAX_PAYLOAD:
                flow.opts[str(i)] = payload
                payload = f"file:opt:{i}"
            out.append(Choice(label=label, payload=payload))
        return out

    def _choose_programme(self, turn: Turn, notice: Notice) -> list[Reply]:
        programmes = self._programmes(notice)
        if not programmes:
            turn.session.flow = None
            return [
                Reply(
                    text=f"{notice.meta.place.name}的通知暂未整理成可在线自查的申报条件，"
                    "请对照通知原文的申报条件，或直接开始填报。",
                    choices=[Choice(label="开始填报", payload=f"file:{notice.id}")],
                )
            ]
        if len(programmes) > 1:
            return [
                Reply(
                    text=f"{notice.meta.place.name}的通知有多个申报项目，您要自查哪一项？",
                    choices=[
                        Choice(label=p, payload=f"file:prog:{notice.id}:{i}")
                        for i, p in enumerate(programmes)
                    ],
                )
            ]
        return self._start_check(turn, notice.id, programmes[0], "", "")

    def _start_check(
        self, turn: Turn, nid: str, programme: str, spec_id: str, intro: str
    ) -> list[Reply]:
        turn.session.notice_id = nid
        flow = CheckFlow(notice_id=nid, programme=programme, spec_id=spec_id)
        place = turn.engine.kb.notices[nid].meta.place.name
        intro = (
            intro or f"下面用几个问题自查{place}{programme}的申报条件，不清楚的可发送 /skip 跳过。"
        )
        return self._check_next(turn, flow, intro)

    def _check_form(self, turn: Turn, flow: CheckFlow) -> tuple[FormSpec, FormState]:
        """The check as a form (:mod:`flows.check_form`) and its runner state."""
        notice = turn.engine.kb.notices[flow.notice_id]
        spec = check_form(notice, flow.programme, turn.today)
        return spec, check_state(spec, flow.profile, flow.answered, flow.skipped, flow.current)

    def _check_next(
        self, turn: Turn, flow: CheckFlow, intro: str = "", error: str = ""
    ) -> list[Reply]:
        """Ask the question the runner has pending, or report when none is left."""
        nxt = pending(*self._check_form(turn, flow))
        if nxt is None or nxt[1] is None:
            return self._check_report(turn, flow)
        q = nxt[1]
        flow.current = q.name
        pairs = [(o, o) for o in q.options]
        if q.validator == "yes_no":
            pairs = [("是", "是"), ("否", "否")]
        elif q.validator == "multi_choice":
            pairs.append(("都没有", "无"))
        pairs.append(("跳过", "/skip"))
        choices = self._buttons(flow, pairs)
        head = f"（自查第 {len(flow.answered) + 1} 题）\n{q.prompt}"
        text = "\n\n".join(p for p in (error and f"⚠ {error}", intro, head) if p)
        turn.session.flow = flow
        return [Reply(text=text, choices=choices)]

    def _current_question(self, turn: Turn, flow: CheckFlow) -> ProfileQuestion | None:
        """The self-check question being asked, ``None`` when none."""
        notice = turn.engine.kb.notices[flow.notice_id]
        return next(
            (q for q in questions_for(notice, flow.programme) if q.slot == flow.current), None
        )

    def _check_turn(self, turn: Turn, flow: CheckFlow, raw: str) -> list[Reply]:
        """One answer or command to the self-check: the runner validates and stores an
        answer, ``/skip`` leaves the slot unknown, ``/back`` takes the last answer back."""
        inp = FormInput.parse(raw)
        text = inp.text.strip()
        if inp.kind is InputKind.CANCEL:
            turn.session.flow = None
            return [Reply(text="已退出申报条件自查。")]
        if inp.kind is InputKind.HANDOFF:
            return self._handoff_replies(turn) + self._check_next(turn, flow)
        if inp.kind is InputKind.BACK and not flow.answered:
            return self._check_next(turn, flow, error="已经是第一个问题了。")
        if inp.kind not in (InputKind.TEXT, InputKind.SKIP, InputKind.BACK):
            tip = "不清楚可发送 /skip 跳过（该项结果会标为待确认），发送 /cancel 退出自查。"
            return self._check_next(turn, flow, intro=tip)
        if inp.kind is InputKind.TEXT and text.startswith("问") and len(text) > 1:
            return self._check_aside(turn, flow, text[1:])
        spec, state = self._check_form(turn, flow)
        if pending(spec, state) is None:
            return self._check_next(turn, flow)
        result = advance(spec, state, inp, context={"today": turn.today})
        if result.error and inp.kind is InputKind.TEXT and looks_like_question(text):
            return self._check_aside(turn, flow, text)
        flow.profile, flow.answered, flow.skipped = check_answers(result.state)
        intro = "已返回上一题。" if inp.kind is InputKind.BACK else ""
        return self._check_next(turn, flow, intro=intro, error=result.error)

    def _check_aside(self, turn: Turn, flow: CheckFlow, question: str) -> list[Reply]:
        turn.session.notice_id = flow.notice_id
        replies = turn.engine.answer_question(question, turn.session)
        return replies + self._check_next(turn, flow, intro="（继续自查）")

    def _check_report(self, turn: Turn, flow: CheckFlow) -> list[Reply]:
        nid, programme = flow.notice_id, flow.programme
        notice = turn.engine.kb.notices[nid]
        report = check_eligibility(notice, flow.profile, turn.today, programme)
        draft = (turn.session.drafts.get(nid) or Draft()).model_copy(deep=True)
        draft.profile.update(flow.profile)
        draft.checked = sorted({*draft.checked, programme})
        turn.session.drafts[nid] = draft
        turn.session.flow = None
        sources = [
            Source(notice=notice.label, clause=r.clause, quote=r.quote) for r in report.results
        ]
        reply = Reply(text=eligibility_text(report, notice.meta.place.name), sources=sources)
        spec_id = flow.spec_id
        if not spec_id:
            reply.choices = [Choice(label="开始填报", payload=f"file:{nid}")]
            return [reply]
        if report.verdict is Verdict.NOT_MET:
            reply.choices = [
                Choice(label="仍要继续填写申报表", payload=f"file:go:{spec_id}"),
                Choice(label="暂不填写", payload=f"file:keep:{nid}"),
            ]
            return [reply]
        spec = get_spec(spec_id, notice)
        return [reply] + self._start_form(turn, notice, spec)

    def _handoff_replies(self, turn: Turn) -> list[Reply]:
        """Replies handing the user to a human (implemented by ``FilingRoute``)."""
        raise NotImplementedError

    def _start_form(self, turn: Turn, notice: Notice, spec: FormSpec) -> list[Reply]:
        """Start filling ``spec`` (implemented by ``FormMixin``)."""
        raise NotImplementedError
