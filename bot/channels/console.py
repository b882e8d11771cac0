"""Console chat: stdin/stdout, no token. Works the same typed or piped.

Choices are printed as numbered options; the engine accepts the number or the text.
Files (checklists, forms) are saved on disk and their paths printed.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot.channels import STAFF_PREFIX
from bot.messages import IncomingMessage, MessageHandler, Reply

PROMPT = "您> "
BANNER = "技能大师工作室申报政策助手（输入问题，/help 查看帮助，/quit 退出）"


def render(reply: Reply) -> str:
    """Plain-text rendering of one reply for the console."""
    lines = []
    if reply.from_staff:
        lines.append(STAFF_PREFIX)
    lines.append(reply.text)
    for i, choice in enumerate(reply.choices, 1):
        lines.append(f"  {i}. {choice.label}")
    for f in reply.files:
        lines.append(f"  📎 已生成文件：{f.path}")
    return "\n".join(lines)


async def run_console(
    handler: MessageHandler,
    user_id: str = "local",
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    """Run the chat loop until EOF or ``/quit``.

    Args:
        handler: The engine.
        user_id: The console user's id (sessions persist per user id).
        stdin/stdout: Streams (default: the process's).

    Returns:
        Number of turns processed.
    """
    inp, out = stdin or sys.stdin, stdout or sys.stdout
    interactive = inp.isatty()
    print(BANNER, file=out)
    turns = 0
    while True:
        if interactive:
            print(PROMPT, end="", file=out, flush=True)
        line = await asyncio.to_thread(inp.readline)
        if not line:
            break
        text = line.strip()
        if not text:
            continue
        if text in ("/quit", "/exit", "退出"):
            break
        if not interactive:
            print(PROMPT + text, file=out)
        turns += 1
        replies = await handler.handle(
            IncomingMessage(channel="console", user_id=user_id, text=text)
        )
        for reply in replies:
            print(render(reply), file=out, flush=True)
        print(file=out)
    return turns
