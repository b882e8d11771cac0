"""ASGI endpoint for the WeCom self-built app callback (接收消息与事件 + 被动回复).

``GET /wecom/callback`` answers WeCom's URL verification with the decrypted ``echostr``.
``POST /wecom/callback`` receives an encrypted message, hands it to the engine and
answers within WeCom's 5-second limit:

* the engine finished within ``reply_timeout`` with one short text (≤ 2,048 bytes,
  no files) → an encrypted passive reply (被动回复);
* otherwise → an empty ``200`` at once, and the replies are pushed later through
  :class:`WeComAPI` (发送应用消息) by a background task.

WeCom retries a request it got no answer to (up to 3 times, same ``MsgId``). Turns are
kept in memory by message id, so a retry never calls the engine a second time: it
gets the same passive reply, or an empty acknowledgement when the replies are being
pushed. (The engine also de-duplicates persistently per ``(channel, message_id)``.)
With an inbox, delivery is claimed in it first (:meth:`bot.inbox.Inbox.claim`): when a
retry reaches another worker (or the restarted one) while a crashed worker's message is
being recovered, one of them answers and the other acknowledges only.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.channels.wecom.api import WeComAPI
from bot.channels.wecom.config import api_from_settings, crypto_from_settings
from bot.channels.wecom.crypto import WeComCrypto
from bot.channels.wecom.errors import (
    DecryptError,
    PayloadError,
    ReceiveIdError,
    SignatureError,
    WeComAPIError,
)
from bot.channels.wecom.messages import MAX_XML_BYTES, InboundMessage, text_reply_xml
from bot.channels.wecom.render import (
    TEXT_LIMIT_BYTES,
    render_text,
    to_incoming,
    utf8_len,
)
from bot.delivery import Sender
from bot.inbox import Inbox
from bot.messages import IncomingMessage, MessageHandler, Reply
from bot.serving import graceful_sigterm, read_limited
from bot.settings import Settings

log = logging.getLogger(__name__)

CALLBACK_PATH = "/wecom/callback"
HEALTH_PATH = "/healthz"
REPLAY_WINDOW = 300.0
"""Seconds a served callback's timestamp may be off the server's clock (replays refused)."""
UNSUPPORTED_TEXT = "目前只能处理文字消息，请直接输入您的问题。"
APOLOGY_TEXT = "抱歉，系统暂时出了点问题，请稍后再试。"


@dataclass
class _Turn:
    """One inbound message being (or having been) handled."""

    inbound: InboundMessage
    task: asyncio.Task[list[Reply]]
    created: float
    mode: Literal["", "passive", "push", "elsewhere"] = ""
    passive_text: str = ""
    incoming: IncomingMessage | None = None


@dataclass
class _Callback:
    handler: MessageHandler
    crypto: WeComCrypto
    api: WeComAPI
    reply_timeout: float
    dedup_ttl: float
    clock: Callable[[], float] = time.monotonic
    turns: dict[tuple[str, str], _Turn] = field(default_factory=dict)
    background: set[asyncio.Task[None]] = field(default_factory=set)
    inbox: Inbox | None = None
    max_clock_skew: float | None = None
    wall: Callable[[], float] = time.time

    def _stale(self, timestamp: str) -> bool:
        """True when ``timestamp`` (Unix seconds, WeCom's) is outside the replay window."""
        if self.max_clock_skew is None:
            return False
        try:
            return abs(self.wall() - int(timestamp)) > self.max_clock_skew
        except ValueError:
            return True

    async def health(self, request: Request) -> Response:
        """``GET /healthz``: 200 with the turns in progress and pushes pending, for load
        balancers and the container's HEALTHCHECK, and the process id (which worker of
        ``--workers N`` answered)."""
        busy = sum(1 for t in self.turns.values() if not t.task.done())
        return JSONResponse(
            {
                "status": "ok",
                "turns_in_progress": busy,
                "pushes_pending": len(self.background),
                "pid": os.getpid(),
            }
        )

    async def verify(self, request: Request) -> Response:
        q = request.query_params
        echostr = q.get("echostr", "").replace(" ", "+")  # an unescaped "+" arrives as " "
        try:
            plain = self.crypto.verify_url(
                q.get("msg_signature", ""), q.get("timestamp", ""), q.get("nonce", ""), echostr
            )
        except (SignatureError, ReceiveIdError) as exc:
            log.warning("WeCom URL verification refused: %s", exc)
            return Response(status_code=403)
        except DecryptError as exc:
            log.warning("WeCom URL verification: bad echostr: %s", exc)
            return Response(status_code=400)
        return PlainTextResponse(plain)

    async def receive(self, request: Request) -> Response:
        received = self.clock()  # WeCom's 5 s run from here, not from when the engine starts
        q = request.query_params
        if self._stale(q.get("timestamp", "")):  # a captured request replayed later
            log.warning(
                "WeCom callback refused: timestamp outside the %ss window", self.max_clock_skew
            )
            return Response(status_code=403)
        body = await read_limited(request, MAX_XML_BYTES)
        if body is None:
            return Response(status_code=413)
        try:
            inner = self.crypto.decrypt_message(
                body, q.get("msg_signature", ""), q.get("timestamp", ""), q.get("nonce", "")
            )
            inbound = InboundMessage.from_xml(inner)
        except (SignatureError, ReceiveIdError) as exc:
            log.warning("WeCom callback refused: %s", exc)
            return Response(status_code=403)
        except (DecryptError, PayloadError) as exc:
            log.warning("WeCom callback: bad payload: %s", exc)
            return Response(status_code=400)
        nonce = q.get("nonce", "")
        incoming = to_incoming(inbound)
        if incoming is None:
            if inbound.msg_type == "event":
                return _ack()
            return self._passive(inbound, UNSUPPORTED_TEXT, nonce)
        if self.inbox is not None and incoming.message_id:
            try:  # saved before anything is acknowledged
                await self.inbox.put(incoming)
            except Exception:  # noqa: BLE001 - WeCom retries what is not acknowledged
                log.exception("WeCom message not saved; not acknowledged, WeCom will retry")
                return Response(status_code=503)
        turn = self._turn(inbound, incoming)
        return await self._answer(turn, nonce, received)

    async def recover(self) -> None:
        """Handle the messages a crash left pending in the inbox (at start-up): the
        engine returns the stored replies of a turn it had committed and runs the rest;
        the replies are pushed (the passive window is long gone)."""
        if self.inbox is None:
            return
        for incoming in await self.inbox.recoverable("wecom"):
            if (incoming.user_id, incoming.message_id) in self.turns:
                continue  # WeCom retried it already
            if not await self.inbox.resume(incoming):
                continue  # answered by another worker meanwhile (WeCom's retry reached it)
            log.info("WeCom message %s left pending by a restart: handled now", incoming.message_id)
            inbound = InboundMessage.model_validate(
                {
                    "ToUserName": "",
                    "FromUserName": incoming.user_id,
                    "CreateTime": 0,
                    "MsgType": "text",
                    "Content": incoming.text,
                    "MsgId": incoming.message_id,
                }
            )
            turn = self._turn(inbound, incoming)
            turn.mode = "push"
            await self._push(turn, recovering=True)

    def _turn(self, inbound: InboundMessage, incoming: IncomingMessage) -> _Turn:
        """The turn for this message id, starting the engine only for a new one."""
        self._purge()
        key = (incoming.user_id, incoming.message_id)
        turn = self.turns.get(key)
        if turn is None:
            task = asyncio.create_task(self.handler.handle(incoming))
            turn = _Turn(inbound=inbound, task=task, created=self.clock(), incoming=incoming)
            self.turns[key] = turn
        else:
            log.info("WeCom retry of message %s, not handled again", incoming.message_id)
        return turn

    async def _answer(self, turn: _Turn, nonce: str, received: float | None = None) -> Response:
        if turn.mode == "push":
            return _ack()
        spent = self.clock() - received if received is not None else 0.0
        if not turn.task.done() and self.reply_timeout - spent > 0:
            await asyncio.wait({turn.task}, timeout=self.reply_timeout - spent)
        if turn.mode == "":  # decide once; concurrent retries see the decision
            text = _passive_text(turn.task) if turn.task.done() else None
            if text is None:
                turn.mode = "push"
                self._spawn(self._push(turn))
            elif await self._claim(turn, "passive"):  # answered in this response
                turn.mode, turn.passive_text = "passive", text
            else:  # another worker answers it (a restart recovering it, a retry there)
                turn.mode = "elsewhere"
        if turn.mode == "passive" and turn.passive_text:
            return self._passive(turn.inbound, turn.passive_text, nonce)
        return _ack()

    def _passive(self, inbound: InboundMessage, text: str, nonce: str) -> Response:
        reply = text_reply_xml(inbound.from_user_name, inbound.to_user_name, text, int(time.time()))
        envelope = self.crypto.encrypt_message(reply, nonce)
        return Response(envelope, media_type="text/xml")

    async def _push(self, turn: _Turn, recovering: bool = False) -> None:
        """Deliver a turn's replies through the API once the engine is done (claimed
        first, unless ``recovering`` claimed it already)."""
        user = turn.inbound.from_user_name
        await asyncio.wait({turn.task})
        if not recovering and not await self._claim(turn, "push"):
            return  # another worker answers it
        delivered = True
        for reply in _replies(turn.task):
            try:
                await send_reply(self.api, user, reply)
            except (WeComAPIError, httpx.HTTPError, OSError):
                delivered = False
                log.exception("could not push a WeCom reply to %s", user)
        if delivered:  # else left pending: pushed again after a restart
            await self._done(turn)

    async def _claim(self, turn: _Turn, how: Literal["passive", "push"]) -> bool:
        """Take the delivery of ``turn`` in the inbox (see :meth:`Inbox.claim`); ``True``
        without an inbox, and when the inbox cannot be reached (answering twice beats
        not answering)."""
        if self.inbox is None or turn.incoming is None or not turn.incoming.message_id:
            return True
        try:
            return await self.inbox.claim(turn.incoming, how)
        except Exception:  # noqa: BLE001
            log.exception("could not claim WeCom message %s", turn.incoming.message_id)
            return True

    async def _done(self, turn: _Turn) -> None:
        if self.inbox is not None and turn.incoming is not None and turn.incoming.message_id:
            try:
                await self.inbox.done(turn.incoming)
            except Exception:  # noqa: BLE001 - the reply is out; at worst it is sent again
                log.exception("could not mark WeCom message %s done", turn.incoming.message_id)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(coro)
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    def _purge(self) -> None:
        """Forget finished turns older than ``dedup_ttl`` seconds."""
        horizon = self.clock() - self.dedup_ttl
        for key in [k for k, t in self.turns.items() if t.created < horizon and t.task.done()]:
            del self.turns[key]

    async def drain(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for pending pushes (at shutdown)."""
        if self.background:
            await asyncio.wait(set(self.background), timeout=timeout)


async def send_reply(api: WeComAPI, user: str, reply: Reply) -> None:
    """Push one reply through 发送应用消息: its text, then each file (caption first)."""
    text = render_text(reply)
    if text:
        await api.send_text(user, text)
    for file in reply.files:
        if file.caption:
            await api.send_text(user, file.caption)
        await api.send_file(user, await api.upload_media(file.path, file.filename))


def _replies(task: asyncio.Task[list[Reply]]) -> list[Reply]:
    """A finished turn's replies; an apology when the engine failed (logged with stack)."""
    if task.cancelled():
        log.error("engine turn for a WeCom message was cancelled")
        return [Reply(text=APOLOGY_TEXT)]
    if (exc := task.exception()) is not None:
        log.error("engine failed on a WeCom message", exc_info=exc)
        return [Reply(text=APOLOGY_TEXT)]
    return task.result()


def _passive_text(task: asyncio.Task[list[Reply]]) -> str | None:
    """The passive reply text for a finished turn, or ``None`` when it must be pushed.

    ``""`` means there is nothing to say (acknowledge only).
    """
    replies = [r for r in _replies(task) if render_text(r) or r.files]
    if not replies:
        return ""
    if len(replies) == 1 and not replies[0].files:
        text = render_text(replies[0])
        if utf8_len(text) <= TEXT_LIMIT_BYTES:
            return text
    return None


def _ack() -> Response:
    """Empty 200: "received, no passive reply"."""
    return Response(b"", media_type="text/plain")


def create_app(
    handler: MessageHandler,
    crypto: WeComCrypto,
    api: WeComAPI,
    *,
    reply_timeout: float = 4.0,
    dedup_ttl: float = 600.0,
    path: str = CALLBACK_PATH,
    inbox: Inbox | None = None,
    max_clock_skew: float | None = None,
) -> Starlette:
    """Build the callback app.

    Args:
        handler: The engine (or a fake): ``await handler.handle(IncomingMessage)``.
        crypto: Callback crypto for this app.
        api: Client used to push replies that are late, long, several or carry files.
        reply_timeout: Seconds to wait for the engine before acknowledging and pushing
            instead (WeCom gives up after 5 s).
        dedup_ttl: Seconds a finished turn is remembered to absorb WeCom's retries.
        path: URL path of the callback.
        inbox: Where each new message is saved before it is acknowledged (and marked
            done once answered); pending ones are handled again at start-up.
        max_clock_skew: Seconds a callback's ``timestamp`` may differ from now; older
            or newer requests (replays) get 403. ``None`` turns the check off.

    Returns:
        A Starlette app with ``GET`` and ``POST`` on ``path`` and ``GET /healthz``; on
        shutdown it waits up to 10 s for pending pushes.
    """
    state = _Callback(
        handler, crypto, api, reply_timeout, dedup_ttl, inbox=inbox, max_clock_skew=max_clock_skew
    )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state._spawn(state.recover())  # noqa: SLF001 - pending messages of a crash, in the background
        yield
        await state.drain(timeout=10.0)

    routes = [
        Route(path, state.verify, methods=["GET"]),
        Route(path, state.receive, methods=["POST"]),
        Route(HEALTH_PATH, state.health, methods=["GET"]),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.wecom = state
    return app


def outbox_sender(api: WeComAPI) -> Sender:
    """An :class:`~bot.delivery.Outbox` sender pushing replies through 发送应用消息.

    Staff answers are prefixed with ``【工作人员回复】``; files are uploaded as media.

    Returns:
        ``await send(user_id, replies)``; raises :class:`WeComAPIError` or
        :class:`httpx.HTTPError` when WeCom refuses or is unreachable.
    """

    async def send(user: str, replies: list[Reply]) -> None:
        for reply in replies:
            await send_reply(api, user, reply)

    return send


async def run_wecom(
    handler: MessageHandler,
    settings: Settings,
    host: str = "0.0.0.0",
    port: int = 8080,
    register_sender: Callable[[str, Sender], None] | None = None,
    inbox: Inbox | None = None,
    sock: socket.socket | None = None,
) -> None:
    """Serve the callback with uvicorn until interrupted.

    Args:
        handler: The engine.
        settings: :class:`bot.settings.Settings` with the POLICYBOT_WECOM_* values.
        host: Listen address.
        port: Listen port (put an HTTPS reverse proxy in front; WeCom needs a public URL).
        register_sender: Called with ``("wecom", outbox_sender(api))``, e.g.
            ``outbox.register``, so staff answers and notifications are pushed.
        inbox: The durable inbox (messages saved before they are acknowledged).
        sock: An already listening socket to serve on (a worker of
            ``policybot wecom --workers N``, see :mod:`bot.workers`); else ``host:port``.

    Raises:
        ConfigError: a WeCom setting is missing or malformed (names the variable).
    """
    import uvicorn  # imported here: only the serving process needs it

    crypto = crypto_from_settings(settings)
    # httpx logs request URLs at INFO; gettoken's URL carries the corp secret.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0)) as client:
        api = api_from_settings(settings, client)
        if register_sender is not None:
            register_sender("wecom", outbox_sender(api))
        app = create_app(handler, crypto, api, inbox=inbox, max_clock_skew=REPLAY_WINDOW)
        server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="info"))
        with graceful_sigterm():
            await server.serve(sockets=[sock] if sock is not None else None)
