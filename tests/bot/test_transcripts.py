"""Golden transcripts (tests/data/transcripts/*.txt, scripts/transcripts.py): every
stored conversation replayed through the in-memory channel gives the same text."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from bot.app import build_runtime
from bot.filing_outputs import programme_of
from bot.settings import load_settings
from flows.eligibility import programmes
from flows.spec import FormKind
from flows.specs import specs_for_notice

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("transcripts", ROOT / "scripts" / "transcripts.py")
assert _spec is not None and _spec.loader is not None
transcripts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(transcripts)


@pytest.mark.parametrize("name", list(transcripts.CASES))
def test_the_transcript_replays_identically(name: str) -> None:
    path = transcripts.DIR / f"{name}.txt"
    stored = path.read_text(encoding="utf-8")
    assert len(transcripts.user_lines(stored)) > 20
    delta = transcripts.diff(name, stored, transcripts.replay(name, stored))
    assert not delta, (
        f"the conversation changed; if intended, run "
        f"`python scripts/transcripts.py --update {name}` and review the diff:\n{delta}"
    )


def test_the_transcripts_cover_each_notice_and_programme(tmp_path: Path) -> None:
    """One transcript per built-in notice, and per programme where a notice has several;
    each ends with the checklist after exactly one ID number was refused."""

    async def application_forms() -> set[str]:
        settings = load_settings({}, db=tmp_path / "kb.db", today=dt.date(2024, 6, 1))
        async with build_runtime(settings) as rt:
            wanted = set()
            for notice in rt.kb.notices.values():
                for programme in programmes(notice):
                    wanted |= {
                        s.id
                        for s in specs_for_notice(notice)
                        if s.kind is FormKind.APPLICATION and programme_of(s, notice) == programme
                    }
            return wanted

    assert set(transcripts.CASES.values()) == asyncio.run(application_forms())
    for name in transcripts.CASES:
        text = (transcripts.DIR / f"{name}.txt").read_text(encoding="utf-8")
        assert text.count("⚠ 身份证号校验位不正确") == 1, name
        assert "申报材料清单】" in text and "申报条件自查】" in text, name
