"""Structured logs: the lines of a turn carry its request id (also from the answering
thread), JSON lines are valid JSON, and personal numbers are masked in both formats."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from pathlib import Path

import pytest

from bot import redact
from bot.app import build_runtime
from bot.logs import REQUEST_ID, JsonFormatter, RequestIdFilter
from bot.messages import IncomingMessage
from bot.settings import load_settings

ID = "320102198001011234"


@pytest.fixture
def captured() -> io.StringIO:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.addFilter(redact.RedactingFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def _lines(stream: io.StringIO) -> list[dict[str, str]]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]


def test_a_json_line_has_the_request_id_and_masks_numbers(captured: io.StringIO) -> None:
    token = REQUEST_ID.set("wecom:zhangsan/42")
    try:
        logging.getLogger("policybot.test").warning("身份证 %s 的用户", ID)
    finally:
        REQUEST_ID.reset(token)
    logging.getLogger("policybot.test").warning("outside a turn")
    inside, outside = _lines(captured)
    assert inside["request_id"] == "wecom:zhangsan/42" and inside["level"] == "WARNING"
    assert ID not in inside["message"] and "3201**********1234" in inside["message"]
    assert outside["request_id"] == "-"


async def test_the_lines_of_a_turn_carry_its_id_even_from_the_answering_thread(
    tmp_path: Path, captured: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = load_settings({}, db=tmp_path / "kb.db", today=dt.date(2026, 12, 1))
    async with build_runtime(settings) as rt:
        answer = rt.engine.answerer.answer

        def logged(question: str, *args, **kwargs):  # type: ignore[no-untyped-def]
            logging.getLogger("knowledge.test").info("answering")  # runs on the thread
            return answer(question, *args, **kwargs)

        monkeypatch.setattr(rt.engine.answerer, "answer", logged)
        await rt.engine.handle(
            IncomingMessage(channel="wecom", user_id="zs", text="太仓电话", message_id="77")
        )
    [line] = [r for r in _lines(captured) if r["logger"] == "knowledge.test"]
    assert line["request_id"] == "wecom:zs/77"
