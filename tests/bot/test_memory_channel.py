"""The in-memory test channel (bot/channels/memory.py) on a real runtime."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.app import build_runtime
from bot.channels.memory import MemoryChannel
from bot.flow_state import CheckFlow
from bot.settings import load_settings


@pytest.fixture
def settings(tmp_path: Path):
    return load_settings({}, db=tmp_path / "kb.db", today=dt.date(2024, 6, 1))


async def test_push_pop_press_and_the_transcript(settings):
    async with build_runtime(settings) as rt:
        chat = MemoryChannel(rt.engine)
        [answer] = await chat.push("韶关需要准备哪些材料")
        assert answer.files  # the checklist .docx
        [question] = await chat.push("韶关我能申报吗")  # the self-check's first question
        assert chat.pop() == [answer, question] and chat.pop() == []
        label = question.choices[0].label
        second = await chat.press(label)
        assert second == chat.pop() and isinstance(await chat.flow(), CheckFlow)
        text = chat.transcript()
        assert text.startswith("> 韶关需要准备哪些材料\n【韶关市】")
        assert f"📎 已生成文件：checklists/{answer.files[0].path.name}" in text
        assert str(rt.settings.files_dir) not in text  # paths relative: the same every run
        assert "\n\n> 韶关我能申报吗\n" in text
        assert f"\n> [{label}]\n" in text
        with pytest.raises(LookupError):
            await chat.press("没有这个按钮")


async def test_closed_rounds_are_gone_on_with_when_asked(settings):
    async with build_runtime(settings) as rt:
        plain = MemoryChannel(rt.engine, user_id="a")
        [guard] = await plain.push("无锡我能申报吗")
        assert "截止" in guard.text and await plain.flow() is None
        auto = MemoryChannel(rt.engine, user_id="b", continue_closed=True)
        [menu] = await auto.push("无锡我能申报吗")
        assert "多个申报项目" in menu.text and len(auto.seen) == 2
        assert "> [仍要继续]" in auto.transcript()
        await auto.press(menu.choices[0].label)
        assert isinstance(await auto.flow(), CheckFlow)
        assert (await auto.session()).drafts["003_56cbf65dfd360609"].closed_ok
