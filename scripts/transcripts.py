#!/usr/bin/env python3
"""Golden transcripts of the guided filing: one per built-in form that starts a filing
(each notice's application form, each programme's for a multi-programme notice).

Each transcript is one applicant's conversation on a fresh database with today fixed
(:data:`TODAY`): two questions, the self-check (going on past a closed round, the
programme chosen), then the form filled to the end — one ID number with a wrong check
digit re-asked, the review confirmed, conditional materials answered — and the
checklist. The applicant (``tests/data/transcripts/applicant.json``) answers what the
bot asks, by the running flow's state. The file ``tests/data/transcripts/<name>.txt``
shows typed lines as ``> text``, pressed buttons as ``> [label]``, and the replies as
the console renders them (:mod:`bot.channels.memory`).

usage: python scripts/transcripts.py            # replay every transcript, diff, exit 1 on change
       python scripts/transcripts.py --update   # record them again (the applicant re-plays)
       python scripts/transcripts.py NAME ...   # only these
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import difflib
import json
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bot.app import build_runtime  # noqa: E402
from bot.channels.memory import MemoryChannel, render  # noqa: E402
from bot.filing_outputs import programme_of  # noqa: E402
from bot.flow_state import CheckFlow, CondFlow, Flow, FormFlow, ReuseFlow  # noqa: E402
from bot.messages import Reply  # noqa: E402
from bot.settings import load_settings  # noqa: E402
from flows.spec import FieldSpec, FormSpec, GroupSpec  # noqa: E402
from flows.specs import get_spec  # noqa: E402
from knowledge.models import Notice  # noqa: E402

DIR = ROOT / "tests" / "data" / "transcripts"
TODAY = dt.date(2024, 6, 1)
CASES = {  # transcript name → the form filed
    "taicang": "taicang_application",
    "zhenjiang": "zhenjiang_application",
    "lucheng": "lucheng_application",
    "wuxi_studio": "wuxi_studio",
    "wuxi_chief_technician": "wuxi_chief_technician",
    "shaoguan": "shaoguan_application",
}
MAX_TURNS = 300
Conversation = Callable[[MemoryChannel, Notice], Awaitable[None]]


def applicant() -> dict[str, Any]:
    """The applicant's answers (``tests/data/transcripts/applicant.json``)."""
    data: dict[str, Any] = json.loads((DIR / "applicant.json").read_text(encoding="utf-8"))
    return data


async def converse(conversation: Conversation, notice_of: str) -> str:
    """Run ``conversation`` on a fresh temporary database; the transcript.

    Args:
        conversation: What the applicant does, given the channel and the notice.
        notice_of: A spec id; its notice is passed to ``conversation``.
    """
    with tempfile.TemporaryDirectory(prefix="transcript-") as tmp:
        settings = load_settings({}, db=Path(tmp) / "kb.db", today=TODAY, rate_limit_per_minute=0)
        async with build_runtime(settings) as rt:
            spec = get_spec(notice_of)
            chat = MemoryChannel(rt.engine, user_id="applicant")
            await conversation(chat, rt.kb.notices[spec.notice_id])
            text = chat.transcript()
            for reply in chat.seen:
                if any(line.startswith("> ") for line in render(reply).splitlines()):
                    raise ValueError(f"a reply reads like a user line: {reply.text[:60]!r}")
    return text.rstrip("\n") + "\n"


# --- the applicant -------------------------------------------------------------------


class Applicant:
    """Answers what the bot asks while filing ``spec``, from the saved flow and the last
    replies (buttons pressed from the last replies offering them)."""

    def __init__(self, chat: MemoryChannel, notice: Notice, spec: FormSpec) -> None:
        self.chat, self.notice, self.spec = chat, notice, spec
        self.data = applicant()
        self.programme = programme_of(spec, notice)
        self.bad_id_typed = False

    async def run(self) -> None:
        """The whole conversation: questions, the self-check, the form, the checklist."""
        short = self.notice.meta.place.short
        for question in self.data["questions"]:
            await self.chat.push(question.format(short=short))
        await self.chat.push(f"{short}我能申报吗")
        await self.until_done()
        await self.chat.push(f"我要填报{short}")
        await self.until_done()

    async def until_done(self) -> None:
        """Answer until no flow runs and no menu of this filing is pending."""
        for _ in range(MAX_TURNS):
            flow = await self.chat.flow()
            press = self.button(self.last_choices())
            if press:
                await self.chat.press(press)
            elif flow is None:
                return
            else:
                await self.chat.push(self.answer(flow))
        raise RuntimeError("the conversation did not end")

    def last_choices(self) -> list[tuple[str, str]]:
        """``(label, payload)`` of the last reply's buttons."""
        last: list[Reply] = self.chat.seen[-1:]
        return [(c.label, c.payload) for r in last for c in r.choices]

    def button(self, choices: list[tuple[str, str]]) -> str:
        """The label to press among the filing's menus, ``""`` when none applies."""
        for label, payload in choices:
            if payload.startswith("file:closedok:"):
                return label
            if payload.startswith(("file:prog:", "file:progform:")) and label == self.programme:
                return label
            if payload == f"file:spec:{self.spec.id}":
                return label
        return ""

    def answer(self, flow: Flow) -> str:
        """What the applicant types for the question ``flow`` asks."""
        data = self.data
        if isinstance(flow, CheckFlow):
            return str(data["check"].get(flow.current, "/skip"))
        if isinstance(flow, CondFlow):
            return "是"
        if isinstance(flow, ReuseFlow):
            return "否"
        assert isinstance(flow, FormFlow)
        if flow.await_consent:
            return "同意"
        state = flow.state
        if state is None or state.phase == "review":
            return "/confirm"
        spec = get_spec(flow.spec_id, self.notice)
        head, _, col = state.current.partition(".")
        item = spec.item(head)
        if isinstance(item, GroupSpec) and not col:
            rows = len(state.values.get(head, []))
            wanted = max(item.min_items, 2 if head == "members" else 1)
            return "再添加一位" if rows < wanted else "完成"
        if isinstance(item, GroupSpec):
            field = item.field(col)
            assert field is not None
            rows = len(state.values.get(head, []))
            if field.validator == "name":
                return str(data["members"][rows % len(data["members"])])
            return str(
                data["row"].get(col)
                or data["by_validator"].get(field.validator)
                or data["long_text"].format(label=field.label)
            )
        assert isinstance(item, FieldSpec), state.current
        return self.field_answer(item)

    def field_answer(self, item: FieldSpec) -> str:
        """The answer to one top-level field; the ID number wrong once first."""
        data = self.data
        if item.validator == "id_number" and not self.bad_id_typed:
            self.bad_id_typed = True
            return str(data["bad_id"])
        if item.validator == "id_number":
            return str(data["good_id"])
        if item.name in data["by_name"]:
            return str(data["by_name"][item.name])
        if item.validator == "landline":
            return str(data["landline"]) if item.required else "/skip"
        if item.name == "studio_name":
            return str(data["studio_name"].format(place=self.notice.meta.place.name))
        if item.validator == "choice" and item.options:
            return item.options[0]
        return str(
            data["by_validator"].get(item.validator) or data["long_text"].format(label=item.label)
        )


def record(name: str) -> str:
    """The transcript ``name`` as the applicant plays it now."""
    spec_id = CASES[name]

    async def conversation(chat: MemoryChannel, notice: Notice) -> None:
        await Applicant(chat, notice, get_spec(spec_id, notice)).run()

    return asyncio.run(converse(conversation, spec_id))


def user_lines(transcript: str) -> list[str]:
    """The applicant's turns of a transcript: ``> text`` and ``> [label]`` lines."""
    return [line[2:] for line in transcript.splitlines() if line.startswith("> ")]


def replay(name: str, transcript: str) -> str:
    """Type and press the user lines of ``transcript`` again; the new transcript."""
    turns = user_lines(transcript)

    async def conversation(chat: MemoryChannel, notice: Notice) -> None:
        for turn in turns:
            if not (turn.startswith("[") and turn.endswith("]")):
                await chat.push(turn)
                continue
            try:
                await chat.press(turn[1:-1])
            except LookupError as err:  # the dialog went elsewhere: show where, stop
                chat.log += [f"> {turn}", f"!! {err}", ""]
                return

    return asyncio.run(converse(conversation, CASES[name]))


def diff(name: str, expected: str, got: str) -> str:
    """A unified diff of a stored transcript and a replayed one ("" when equal)."""
    return "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            got.splitlines(keepends=True),
            fromfile=f"tests/data/transcripts/{name}.txt",
            tofile=f"{name} (replayed)",
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"among {', '.join(CASES)} (default all)")
    parser.add_argument("--update", action="store_true", help="record and write the files")
    args = parser.parse_args(argv)
    unknown = set(args.names) - set(CASES)
    if unknown:
        parser.error(f"unknown transcripts: {', '.join(sorted(unknown))}")
    changed = 0
    for name in args.names or CASES:
        path = DIR / f"{name}.txt"
        if args.update:
            text = record(name)
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                print(f"written {path.relative_to(ROOT)} ({len(user_lines(text))} turns)")
            continue
        if not path.exists():
            print(f"missing {path.relative_to(ROOT)}: run with --update", file=sys.stderr)
            changed += 1
            continue
        stored = path.read_text(encoding="utf-8")
        delta = diff(name, stored, replay(name, stored))
        if delta:
            print(delta)
            changed += 1
        else:
            print(f"{name}: same")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
