"""``/forget``: delete everything stored about the user, after confirmation, and say
what was deleted (issue 3, privacy).

Deleted: the session with all form drafts, the message history, stored replies, staff
tickets and the FAQ entries made from them, pending messages to the user and staff
notifications quoting them, bind codes, cross-channel links
(:meth:`bot.storage.StateStore.forget`, which also checkpoints the WAL) and the generated
files under ``files_dir/users/<user>/``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from bot.filing_outputs import safe_key
from bot.messages import Choice, Reply
from bot.routes import Turn
from bot.storage import Session, StateStore

CONFIRM, CANCEL = "forget:yes", "forget:no"
_LABELS = {
    "sessions": "会话与填报草稿",
    "history": "聊天记录",
    "processed": "已发送的回复",
    "tickets": "人工咨询工单",
    "faq": "由您的工单整理的常见问题",
    "outbox": "待发送的消息",
    "bind_codes": "绑定码",
    "bind_failures": "绑定尝试记录",
    "inbox": "已收到的消息",
    "links": "跨渠道绑定",
}


async def apply_retention(state: StateStore, files_dir: Path, days: int) -> int:
    """Delete the data of users silent for ``days`` days (``POLICYBOT_RETENTION_DAYS``):
    everything ``/forget`` deletes, their generated files, and transcript lines that old.

    Returns:
        The number of users whose data was deleted; 0 when ``days`` is 0 (keep).
    """
    if days <= 0:
        return 0
    keys = await state.purge(dt.timedelta(days=days))
    for key in keys:
        shutil.rmtree(user_files(files_dir, key), ignore_errors=True)
    return len(keys)


def user_files(files_dir: Path, key: str) -> Path:
    """Directory of the files generated for session ``key``."""
    return files_dir / "users" / safe_key(key)


class ForgetRoute:
    """Handles ``/forget`` (asks to confirm) and its confirmation buttons."""

    async def __call__(self, turn: Turn) -> list[Reply] | None:
        """Consume ``/forget`` and ``forget:*`` payloads; pass everything else on."""
        if turn.text.split(" ", 1)[0].lower() == "/forget" and not turn.payload:
            return [
                Reply(
                    text="确定要删除您在本助手中的全部资料吗？包括填报草稿、生成的文件、聊天记录和人工咨询工单，删除后无法恢复。",
                    choices=[
                        Choice(label="确认删除", payload=CONFIRM),
                        Choice(label="取消", payload=CANCEL),
                    ],
                )
            ]
        if turn.payload == CANCEL:
            return [Reply(text="已取消，您的资料没有改动。")]
        if turn.payload != CONFIRM:
            return None
        counts = await turn.engine.store.forget(turn.key)
        folder = user_files(turn.engine.files_dir, turn.key)
        files = sum(1 for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0
        shutil.rmtree(folder, ignore_errors=True)
        fresh = Session()
        for field in Session.model_fields:
            setattr(turn.session, field, getattr(fresh, field))
        parts = [f"{_LABELS[t]} {n} 条" for t, n in counts.items() if n]
        if files:
            parts.append(f"生成的文件 {files} 个")
        done = "、".join(parts) if parts else "没有找到需要删除的资料"
        return [Reply(text=f"已删除：{done}。如需继续使用，直接提问即可。")]
