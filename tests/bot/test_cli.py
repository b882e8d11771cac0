"""The CLI as a user runs it: ask --json over stdin, ingest errors, piped chat."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from bot.cli import main

QINGCHUAN = Path(__file__).resolve().parents[1] / "data" / "notices" / "qingchuan_2025.txt"


def test_ask_json_reads_one_question_per_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("太仓的截止时间？\n明天天气怎么样\n"))
    assert (
        main(["ask", "--json", "-", "--db", str(tmp_path / "kb.db"), "--today", "2024-06-01"]) == 0
    )
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == 2
    assert "2024年8月20日" in rows[0]["answer"] and rows[0]["fallback"] is False
    assert rows[0]["sources"][0]["clause"] == "四、（一）"
    assert rows[1]["fallback"] is True and rows[1]["sources"] == []


def test_ingest_then_ask_about_the_new_notice(tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    assert main(["ingest", "--db", db, str(QINGCHUAN), str(bad)]) == 1
    out = capsys.readouterr()
    assert "qingchuan_2025" in out.out and "broken.docx" in out.err
    assert main(["ask", "--db", db, "--today", "2025-06-01", "青川的截止时间"]) == 0
    assert "2025年9月30日" in capsys.readouterr().out


def test_chat_works_piped(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("补助多少钱\n/cities\n3\n"))
    assert main(["chat", "--db", str(tmp_path / "kb.db"), "--today", "2024-06-01"]) == 0
    out = capsys.readouterr().out
    assert "您> 补助多少钱" in out and "2万元" in out
    # "3" picks the third city of the /cities list, not of the earlier subsidy answer's list
    assert "已切换到温州市鹿城区的通知" in out


def test_telegram_command_opens_the_runtime_in_ptb_loop_and_closes_it(tmp_path, monkeypatch):
    """`policybot telegram` without network: PTB's run_polling is replaced by a loop that
    runs the post_init/post_shutdown hooks around one turn through the captured engine."""
    import asyncio

    from telegram.ext import Application

    import bot.channels.telegram as tg
    from bot.messages import IncomingMessage

    captured = {}
    real_build = tg.build_application

    def build(handler, token, **kwargs):
        captured["handler"] = handler
        return real_build(handler, token, **kwargs)

    def fake_run_polling(self, **kwargs):
        async def scenario():
            await self.post_init(self)
            replies = await captured["handler"].handle(
                IncomingMessage(
                    channel="telegram", user_id="1", text="太仓的截止时间？", message_id="1"
                )
            )
            captured["text"] = replies[0].text
            await self.post_shutdown(self)
            captured["closed"] = captured["handler"].rt.state.database._conn is None

        asyncio.run(scenario())

    monkeypatch.setattr(tg, "build_application", build)
    monkeypatch.setattr(Application, "run_polling", fake_run_polling)
    monkeypatch.setenv("POLICYBOT_TELEGRAM_TOKEN", "123:abc")
    assert main(["telegram", "--db", str(tmp_path / "kb.db"), "--today", "2024-06-01"]) == 0
    assert "2024年8月20日" in captured["text"]
    assert captured["closed"] is True


def test_telegram_command_without_token_names_the_variable(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("POLICYBOT_TELEGRAM_TOKEN", raising=False)
    assert main(["telegram", "--db", str(tmp_path / "kb.db")]) == 2
    assert "POLICYBOT_TELEGRAM_TOKEN" in capsys.readouterr().err


CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def test_ingest_reports_what_it_understood_and_what_is_missing(tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    notice = CORPUS / "c03_enshi.html"
    not_a_call = CORPUS / "c10_hunan.txt"
    assert main(["ingest", "--db", db, str(notice), str(not_a_call)]) == 1
    out = capsys.readouterr()
    assert "地区：恩施土家族苗族自治州（湖北省，市级）" in out.out
    assert "标题：关于开展2025年度恩施州州级技能大师工作室申报工作的通知" in out.out
    assert "2025-05-20" in out.out and "联系方式 1 处" in out.out
    assert "文号：恩施州人社发〔2025〕9号" in out.out  # from the page's 索引号/文号 box
    assert "c10_hunan.txt" in out.err and "公示" in out.err


def test_notices_table_shows_place_deadline_and_counts(tmp_path, capsys):
    db = str(tmp_path / "kb.db")
    assert main(["ingest", "--db", db, str(CORPUS / "b07_gulou.docx")]) == 0
    capsys.readouterr()
    assert main(["notices", "--db", db, "--today", "2025-04-01"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert rows[0][:3] == ["id", "地区", "年份"]
    gulou = next(r for r in rows if r[0] == "b07_gulou")
    assert gulou[1] == "福州市鼓楼区（福建省，县级）"
    assert gulou[3] == "鼓人社〔2025〕9号" and gulou[5] == "2025-04-18"


def test_ingest_a_folder_goes_past_bad_files_skips_unchanged_ones_and_sums_up(
    tmp_path, capsys, monkeypatch
):
    import knowledge.base

    folder = tmp_path / "通知"
    (folder / "2026" / ".cache").mkdir(parents=True)
    (folder / "2026" / "qingchuan_2025.txt").write_bytes(QINGCHUAN.read_bytes())
    (folder / "broken.docx").write_bytes(b"not a zip")
    (folder / "2026" / ".cache" / "hidden.txt").write_text("草稿", encoding="utf-8")
    (folder / "readme.md").write_text("不是通知", encoding="utf-8")
    db = str(tmp_path / "kb.db")
    assert main(["ingest", "--db", db, str(folder)]) == 1
    out = capsys.readouterr()
    assert "共 2 个文件：已添加 1，已更新 0，未变化 0，失败 1。" in out.out
    assert "broken.docx" in out.err and "hidden" not in out.out + out.err

    parsed = []
    real = knowledge.base.parse_notice
    monkeypatch.setattr(
        knowledge.base, "parse_notice", lambda text, name: parsed.append(name) or real(text, name)
    )
    assert main(["ingest", "--db", db, str(folder / "2026")]) == 0
    assert "未变化 1" in capsys.readouterr().out and parsed == []  # not parsed again
