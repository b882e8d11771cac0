"""/bind: one person, one session across channels.

``/bind`` on one channel (say Telegram) answers with a 6-digit code valid 10 minutes;
``/bind 123456`` sent from another identity (say WeCom) links that identity to the
first one's session (:meth:`bot.storage.StateStore.link`), so a city chosen or a form
started on one channel continues on the other. Codes are single-use and random
(:mod:`secrets`). Wrong codes are recorded in the database, so a restart forgets
none: five from one identity in 10 minutes lock it out, and :data:`MAX_GLOBAL_FAILURES`
from all identities together lock every redemption out (guessing from many accounts
gets no further than from one).

Tables (created on first use)::

    bind_codes(code PK, session_key, expires_at)
    bind_failures(identity, at)     wrong codes of the last 10 minutes
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable

from bot.messages import Reply
from bot.routes import Route, Turn
from bot.storage import StateStore
from bot.tickets import utc_now

CODE_TTL = dt.timedelta(minutes=10)
MAX_FAILURES = 5
MAX_GLOBAL_FAILURES = 50
"""Wrong codes from all identities together in :data:`CODE_TTL` before redemption stops:
with 10^6 codes a guesser's chance per window stays below 1 in 20,000."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bind_codes (
    code TEXT PRIMARY KEY, session_key TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS bind_failures (identity TEXT NOT NULL, at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bind_failures_at ON bind_failures(at);
"""

ISSUED = (
    "您的绑定码是 {code}，10分钟内有效。\n"
    "请在另一个渠道（如企业微信或 Telegram）中向我发送：/bind {code}\n"
    "绑定后两个渠道共用同一会话（所选城市、填写中的表格等）。请勿把绑定码告诉他人。"
)
LINKED = "绑定成功！此账号已与您在{channel}的账号共用同一会话。"
BAD_CODE = "绑定码无效或已过期，请在原渠道重新发送 /bind 获取新的绑定码。"
SAME = "这是同一个账号，无需绑定。请在另一个渠道中发送绑定码。"
LOCKED = "尝试次数过多，请10分钟后再试。"
USAGE = "用法：发送 /bind 获取绑定码；在另一个渠道发送 /bind 六位绑定码 完成绑定。"

CHANNEL_NAMES = {"telegram": "Telegram", "wecom": "企业微信", "console": "命令行"}


class BindCodes:
    """Issue and redeem bind codes.

    Args:
        state: The open state store.
        now: Aware-UTC clock (injectable for tests).
    """

    def __init__(self, state: StateStore, now: Callable[[], dt.datetime] = utc_now) -> None:
        self.state = state
        self.now = now

    async def issue(self, session_key: str) -> str:
        """A fresh code for ``session_key`` (earlier codes of that session are dropped)."""
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        now = self.now()
        async with db.transaction() as tx:
            await tx.execute(
                "DELETE FROM bind_codes WHERE session_key = ? OR expires_at < ?",
                (session_key, now.isoformat()),
            )
            while True:
                code = f"{secrets.randbelow(1_000_000):06d}"
                if await tx.execute(
                    "INSERT INTO bind_codes (code, session_key, expires_at) VALUES (?, ?, ?)"
                    " ON CONFLICT DO NOTHING",
                    (code, session_key, (now + CODE_TTL).isoformat()),
                ):
                    return code

    async def redeem(self, code: str) -> str | None:
        """The session key a valid code was issued for (the code is used up), else None."""
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        async with db.transaction() as tx:  # deleted and read as one step: redeemed once
            row = await tx.fetchone(
                "DELETE FROM bind_codes WHERE code = ? RETURNING session_key, expires_at", (code,)
            )
        if row is None or dt.datetime.fromisoformat(row[1]) < self.now():
            return None
        return str(row[0])

    async def locked(self, identity: str) -> bool:
        """True while ``identity`` has too many recent wrong codes, or all identities
        together have."""
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        since = (self.now() - CODE_TTL).isoformat()
        row = await db.fetchone(
            "SELECT count(*), sum(CASE WHEN identity = ? THEN 1 ELSE 0 END)"
            " FROM bind_failures WHERE at > ?",
            (identity, since),
        )
        total, own = (row[0] or 0, row[1] or 0) if row else (0, 0)
        return own >= MAX_FAILURES or total >= MAX_GLOBAL_FAILURES

    async def failed(self, identity: str) -> None:
        """Record a wrong code (and forget those older than :data:`CODE_TTL`)."""
        db = self.state.database
        await db.ensure_schema(_SCHEMA)
        now = self.now()
        async with db.transaction() as tx:
            await tx.execute(
                "INSERT INTO bind_failures (identity, at) VALUES (?, ?)",
                (identity, now.isoformat()),
            )
            await tx.execute(
                "DELETE FROM bind_failures WHERE at < ?", ((now - CODE_TTL).isoformat(),)
            )


def bind_route(codes: BindCodes) -> Route:
    """The ``/bind`` command route."""

    async def route(turn: Turn) -> list[Reply] | None:
        command, _, arg = turn.text.partition(" ")
        if turn.payload or command.lower().split("@", 1)[0] != "/bind":
            return None
        arg = arg.strip()
        identity = turn.message.session_key
        if not arg:
            return [Reply(text=ISSUED.format(code=await codes.issue(turn.key)))]
        if not (arg.isdigit() and len(arg) == 6):
            return [Reply(text=USAGE)]
        if await codes.locked(identity):
            return [Reply(text=LOCKED)]
        target = await codes.redeem(arg)
        if target is None:
            await codes.failed(identity)
            return [Reply(text=BAD_CODE)]
        store = turn.engine.store
        if await store.canonical(target) == turn.key:
            return [Reply(text=SAME)]
        await store.link(identity, target)
        channel = target.split(":", 1)[0]
        return [Reply(text=LINKED.format(channel=CHANNEL_NAMES.get(channel, channel)))]

    return route
