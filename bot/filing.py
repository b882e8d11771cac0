"""Guided filing route: pick a notice and form, self-check, fill the form, hand back files.

Session layout (saved by the engine after every turn; models in :mod:`bot.flow_state`)::

    session.flow: Flow = FormFlow | CheckFlow | CondFlow | ReuseFlow   (tagged by "kind")
    session.drafts[notice_id]: Draft

The draft is one per user per notice: the form in progress (``spec_id``/``state``), the
forms finished (``filled``: spec id → values), the self-check profile and the yes/no
answers to conditional materials. Every turn works on copies and assigns them to the
session only at the end, so a failure never corrupts a saved draft.

Button payloads (all ≤ 64 bytes): ``file:<notice_id>`` start, ``file:spec:<spec_id>``,
``file:resume:<nid>``, ``file:restart:<nid>``, ``file:check:<nid>``, ``file:prog:<nid>:<i>``,
``file:go:<spec_id>``, ``file:keep:<nid>``, ``file:drop:<nid>``, ``file:opt:<i>``.
"""

from __future__ import annotations

import functools
import logging
import re

from bot.filing_form import PREFIX, FormMixin
from bot.filing_outputs import programme_of
from bot.flow_state import CheckFlow, Draft, Flow, FormFlow, ReuseFlow
from bot.messages import Choice, Reply, Source
from bot.routes import Turn
from flows.eligibility import programmes
from flows.form_state import InputKind
from flows.review import ask
from flows.spec import FormKind, FormSpec
from flows.specs import get_spec, specs_for_notice
from knowledge.base import KnowledgeBase
from knowledge.compose import fmt_date
from knowledge.eligibility import round_closed
from knowledge.models import Notice
from knowledge.text import normalize_question

log = logging.getLogger(__name__)

FORM_KINDS = frozenset(InputKind) - {InputKind.TEXT}
_FILE_RE = re.compile(
    r"(我|我们|本人|我单位)?(要|想|想要|准备)?(开始|现在|在线)?"
    r"(填报|申报|申请|填写?申报表|填写?申请表|填表)(吧|了)?"
)
_CHECK_RE = re.compile(
    r"(我|我们|本人|我单位)?(现在)?(能|可以|能不能|可不可以|能否|是否能|是否可以)"
    r"(申报|申请)(吗|不|么)?|(我|我们)?(是否)?(符合|满足)(申报)?(条件|要求)(吗|不|么)?"
    r"|(资格|条件|申报条件)?(自查|自测)"
)
_STALE = "这个按钮已失效，请重新发送“我要填报”。"
_HINTS = (
    "企业首席技师",
    "首席技师",
    "评估考核",
    "成员申报备案",
    "备案",
    "申办报告",
    "技能大师工作室",
)


@functools.lru_cache(maxsize=2)
def _place_words(kb: KnowledgeBase) -> re.Pattern[str] | None:
    """Every place name, short name and alias of the knowledge base, longest first;
    built once per knowledge base, not per message."""
    words = {
        w
        for n in kb.notices.values()
        for w in (n.meta.place.name, n.meta.place.short, *n.meta.place.aliases)
        if w
    }
    return (
        re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
        if words
        else None
    )


class FilingRoute(FormMixin):
    """The guided filing feature as an engine route (see :mod:`bot.routes`)."""

    def _handoff_replies(self, turn: Turn) -> list[Reply]:
        """Offer a human: the notice's contacts, and a button that opens a staff ticket
        (payload ``handoff``, handled by :mod:`bot.handoff` with the draft attached) — or,
        without staff, shows the contacts again."""
        reply = turn.engine.contacts_reply(turn.session)
        reply.choices.append(Choice(label=turn.engine.handoff_label, payload="handoff"))
        return [reply]

    async def __call__(self, turn: Turn) -> list[Reply] | None:
        """Consume filing turns (entry phrases, ``file:`` buttons, input to a running flow).

        The forms' human button is labelled as the engine offers it: 转人工 with staff,
        联系工作人员 (the contacts) without."""
        replies = self._route(turn)
        for reply in replies or []:
            for choice in reply.choices:
                if choice.payload in ("handoff", "/handoff"):
                    choice.label = turn.engine.handoff_label
        return replies

    def _route(self, turn: Turn) -> list[Reply] | None:
        flow = turn.session.flow.model_copy(deep=True) if turn.session.flow else None
        if flow and flow.notice_id not in turn.engine.kb.notices:
            flow = turn.session.flow = None
        if turn.payload.startswith(PREFIX):
            return self._button(turn, turn.payload[len(PREFIX) :], flow)
        picking = turn.session.data.pop("filing_pick", "")
        if picking and turn.text and not turn.payload and len(turn.text) <= 12:
            ids, _ = turn.engine.answerer.select_notices(normalize_question(turn.text))
            if len(ids) == 1:
                return self._enter(turn, ids[0], check_only=picking == "check")
        intent, nid = self._intent(turn)
        if intent:
            return self._enter(turn, nid, check_only=intent == "check")
        if flow is None:
            return None
        if turn.payload == "handoff":
            return self._handoff_replies(turn)
        if turn.payload.startswith("city:"):
            return None
        raw = self._raw(turn, flow)
        cmd = raw.strip().replace("／", "/")
        if cmd.startswith("/") and cmd[1:].split(" ")[0].lower() not in FORM_KINDS:
            return None  # /reset, /cities, /forget ... belong to the engine
        return self._flow_turn(turn, flow, raw)

    def _flow_turn(self, turn: Turn, flow: Flow, raw: str) -> list[Reply]:
        """Hand an answer to the running flow's kind: form, self-check or condition."""
        if isinstance(flow, FormFlow):
            return self._form_turn(turn, flow, raw)
        if isinstance(flow, CheckFlow):
            return self._check_turn(turn, flow, raw)
        if isinstance(flow, ReuseFlow):
            return self._reuse_turn(turn, flow, raw)
        return self._cond_turn(turn, flow, raw)

    def _reuse_turn(self, turn: Turn, flow: ReuseFlow, raw: str) -> list[Reply]:
        """The answer to "use the answers of the other form?": 是 / 否 (buttons or typed)."""
        kb = turn.engine.kb
        notice = kb.notices.get(flow.notice_id)
        spec = _spec_of(kb, flow.spec_id)
        if notice is None or spec is None:
            turn.session.flow = None
            return [Reply(text=_STALE)]
        answer = raw.removeprefix(f"{PREFIX}reuse:").strip()
        if answer in ("yes", "是", "是的", "好", "用", "可以") or answer.startswith("是"):
            return self._start_form(turn, notice, spec, reuse=True)
        if answer in ("no", "否", "不", "不用", "不要") or answer.startswith(("否", "不")):
            return self._start_form(turn, notice, spec, reuse=False)
        return [
            Reply(
                text="请回复“是”直接使用已填的信息，或回复“否”重新填写。",
                choices=[
                    Choice(label="是", payload=f"{PREFIX}reuse:yes"),
                    Choice(label="否", payload=f"{PREFIX}reuse:no"),
                ],
            )
        ]

    # --- entry ----------------------------------------------------------------------

    def _intent(self, turn: Turn) -> tuple[str, str | None]:
        text = turn.text
        cmd, _, arg = text.partition(" ")
        if cmd.lower() in ("/apply", "/check"):
            return cmd[1:].lower().replace("apply", "file"), self._place(turn, arg)
        if not text or text.startswith("/") or len(text) > 30:
            return "", None
        places = _place_words(turn.engine.kb)
        core = places.sub("", text) if places else text
        for hint in _HINTS:
            core = core.replace(hint, "")
        core = re.sub(r"[\s，。？?！!、,.：:的市区县]", "", core)
        if _CHECK_RE.fullmatch(core):
            return "check", self._place(turn, text)
        if _FILE_RE.fullmatch(core):
            return "file", self._place(turn, text)
        return "", None

    def _place(self, turn: Turn, text: str) -> str | None:
        ids, _ = turn.engine.answerer.select_notices(normalize_question(text)) if text else ([], "")
        if len(ids) == 1:
            return ids[0]
        return None if ids else turn.session.notice_id

    def _enter(self, turn: Turn, nid: str | None, check_only: bool = False) -> list[Reply]:
        kb = turn.engine.kb
        if nid is None or nid not in kb.notices:
            turn.session.data["filing_pick"] = "check" if check_only else "file"
            what = "申报条件自查" if check_only else "申报填写"
            return [
                Reply(
                    text=f"请问您要做哪个城市的技能大师工作室{what}？",
                    choices=[
                        Choice(
                            label=n.meta.place.name,
                            payload=f"{PREFIX}{'check:' if check_only else ''}{i}",
                        )
                        for i, n in kb.notices.items()
                    ],
                )
            ]
        turn.session.notice_id, turn.session.flow = nid, None
        notice = kb.notices[nid]
        draft = turn.session.drafts.get(nid) or Draft()
        closed = round_closed(notice, turn.today)
        if closed is not None and closed.date is not None and not draft.closed_ok:
            return [
                Reply(
                    text=f"⚠ {notice.meta.place.name}本轮申报已于{fmt_date(closed.date)}截止（今天是{fmt_date(turn.today)}）。"
                    "您仍可以继续自查、填写并保存草稿，供下一轮申报时参考。",
                    choices=[
                        Choice(
                            label="仍要继续",
                            payload=f"{PREFIX}closedok:{'check:' if check_only else ''}{nid}",
                        ),
                        Choice(label="暂不填写", payload=f"{PREFIX}keep:{nid}"),
                    ],
                    sources=[Source(notice=notice.label, clause=closed.clause, quote=closed.quote)],
                )
            ]
        if check_only:
            return self._choose_programme(turn, notice)
        if draft.state is not None and draft.spec_id:
            spec = get_spec(draft.spec_id, notice)
            return [
                Reply(
                    text=f"您在{notice.meta.place.name}有一份未填完的《{spec.title}》草稿，要继续填写吗？",
                    choices=[
                        Choice(label="继续填写", payload=f"{PREFIX}resume:{nid}"),
                        Choice(label="重新开始", payload=f"{PREFIX}restart:{nid}"),
                    ],
                )
            ]
        specs = specs_for_notice(notice)
        hinted = [s for s in specs if any(h in turn.text and h in s.title for h in _HINTS[:5])]
        if len(hinted) == 1:
            return self._begin(turn, notice, hinted[0])
        if len(specs) == 1:
            return self._begin(turn, notice, specs[0])
        filled = draft.filled
        return [
            Reply(
                text=f"{notice.meta.place.name}的通知附有以下表格，请选择要填写的一份：",
                choices=[
                    Choice(
                        label=s.title + ("（已填）" if s.id in filled else ""),
                        payload=f"{PREFIX}spec:{s.id}",
                    )
                    for s in specs
                ],
            )
        ]

    def _begin(
        self, turn: Turn, notice: Notice, spec: FormSpec, programme: str = ""
    ) -> list[Reply]:
        """Run the self-check first when the form is an application not yet checked. A
        form shared by several programmes (``技能大师工作室（首席技师工作室）申报表``) asks
        which one is applied for first: their conditions differ."""
        draft = turn.session.drafts.get(notice.id) or Draft()
        progs = programmes(notice)
        named = [p for p in progs if p in spec.title]
        if (
            not programme
            and len(progs) > 1
            and len(named) != 1
            and spec.kind is FormKind.APPLICATION
            and not set(progs) & set(draft.checked)
        ):
            return [
                Reply(
                    text=f"《{spec.title}》用于{'、'.join(progs)}，您申报的是哪一类？（两类的申报条件不同）",
                    choices=[
                        Choice(label=p, payload=f"{PREFIX}progform:{i}:{spec.id}")
                        for i, p in enumerate(progs)
                    ],
                )
            ]
        programme = programme or programme_of(spec, notice)
        has_rules = programme in programmes(notice)
        if spec.kind is FormKind.APPLICATION and has_rules and programme not in draft.checked:
            intro = (
                f"填写《{spec.title}》之前，先用几个问题自查一下申报条件（回答会自动填入申报表）。"
            )
            return self._start_check(turn, notice.id, programme, spec.id, intro)
        return self._start_form(turn, notice, spec)

    # --- buttons ---------------------------------------------------------------------

    def _button(self, turn: Turn, data: str, flow: Flow | None) -> list[Reply]:
        kb = turn.engine.kb
        op, _, arg = data.partition(":")
        if op == "opt":
            if flow is None or arg not in flow.opts:
                return [Reply(text=_STALE)]
            return self._flow_turn(turn, flow, flow.opts[arg])
        if op == "reuse":
            if not isinstance(flow, ReuseFlow):
                return [Reply(text=_STALE)]
            return self._reuse_turn(turn, flow, f"{PREFIX}reuse:{arg}")
        if op == "consent":
            if not isinstance(flow, FormFlow) or not flow.await_consent:
                return [Reply(text=_STALE)]
            return self._form_turn(turn, flow, "同意" if arg == "yes" else "不同意")
        if op in kb.notices:
            return self._enter(turn, op)
        if op == "spec":
            spec = _spec_of(kb, arg)
            if spec is None:
                return [Reply(text=_STALE)]
            return self._begin(turn, kb.notices[spec.notice_id], spec)
        if op == "progform":
            index, _, spec_id = arg.partition(":")
            spec = _spec_of(kb, spec_id)
            progs = programmes(kb.notices[spec.notice_id]) if spec else []
            if spec is None or not index.isdigit() or int(index) >= len(progs):
                return [Reply(text=_STALE)]
            return self._begin(turn, kb.notices[spec.notice_id], spec, progs[int(index)])
        if op == "closedok":
            check_only, _, nid = arg.rpartition(":")
            if nid not in kb.notices:
                return [Reply(text=_STALE)]
            draft = (turn.session.drafts.get(nid) or Draft()).model_copy(deep=True)
            draft.closed_ok = True
            turn.session.drafts[nid] = draft
            return self._enter(turn, nid, check_only=check_only == "check")
        if op == "go" and arg:
            spec = _spec_of(kb, arg)
            if spec is None:  # an old button: its form is gone
                return [Reply(text=_STALE)]
            return self._start_form(turn, kb.notices[spec.notice_id], spec)
        if op == "prog":
            nid, _, index = arg.partition(":")
            progs = self._programmes(kb.notices[nid]) if nid in kb.notices else []
            if index.isdigit() and int(index) < len(progs):
                return self._start_check(turn, nid, progs[int(index)], "", "")
        if arg not in kb.notices:
            return [Reply(text=_STALE)]
        notice = kb.notices[arg]
        if op == "check":
            return self._enter(turn, arg, check_only=True)
        if op == "resume":
            saved = turn.session.drafts.get(arg)
            if saved is None or saved.state is None or not saved.spec_id:
                return self._enter(turn, arg)
            draft = saved.model_copy(deep=True)
            spec = get_spec(saved.spec_id, notice)
            result = ask(
                spec, saved.state.model_copy(deep=True), intro=f"继续填写《{spec.title}》。"
            )
            form = FormFlow(notice_id=arg, spec_id=spec.id)
            return [self._show(turn, form, draft, result)]
        if op == "restart":
            turn.session.drafts.pop(arg, None)
            turn.session.flow = None
            return self._enter(turn, arg)
        if op == "drop":
            turn.session.drafts.pop(arg, None)
            return [Reply(text=f"已删除您在{notice.meta.place.name}的申报草稿。")]
        if op == "keep":
            return [Reply(text="好的，草稿已保留。发送“我要填报”可以接着填写。")]
        return [Reply(text=_STALE)]


def _spec_of(kb: KnowledgeBase, spec_id: str) -> FormSpec | None:
    """The form a button names: a built-in spec, or one generated from a notice of the
    knowledge base (``generic_<notice id>[_<n>]``); ``None`` when neither exists."""
    try:
        spec = get_spec(spec_id)
    except KeyError:
        spec = None
        for nid in sorted(kb.notices, key=len, reverse=True):
            if spec_id.startswith(f"generic_{nid}"):
                try:
                    spec = get_spec(spec_id, kb.notices[nid])
                except KeyError:
                    return None
                break
    return spec if spec is not None and spec.notice_id in kb.notices else None
