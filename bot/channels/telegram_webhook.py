"""The Telegram webhook served by our own ASGI app: the workers of
``policybot telegram --workers N``.

python-telegram-bot's "custom webhook" pattern (PTB ≥ 20): the application of
:func:`~bot.channels.telegram.build_application` is built without an updater
(``polling=False``: ``ApplicationBuilder().updater(None)``), initialised and started by
:func:`run_webhook_worker` (``await app.initialize(); await app.start()``), and the
Starlette app below puts every update Telegram POSTs into ``app.update_queue``; the
application's handlers (dedup, engine, rendering, inbox) run it as they do when polling.

Routes::

    POST <path of POLICYBOT_TELEGRAM_WEBHOOK_URL>
        403  X-Telegram-Bot-Api-Secret-Token missing or not POLICYBOT_TELEGRAM_WEBHOOK_SECRET
        413  body over MAX_BODY_BYTES
        400  not a JSON update
        503  the inbox could not be written: not acknowledged, Telegram delivers it again
        200  saved in the inbox (text or button press) and queued, or a re-delivery dropped
    GET /healthz
        200  {"status": "ok", "pid": …, "updates_waiting": …}; 503 while not running

A message is committed to the inbox (:class:`bot.inbox.Inbox`, the worker's slot of the
shared PostgreSQL database) before Telegram gets its 200 and marked done once its replies
went out, so a worker killed in between leaves it pending and its slot's next
incarnation answers it (:func:`~bot.channels.telegram.recover`); Telegram's re-delivery
of an update any worker saved is dropped. Only the supervisor registers the webhook
(:func:`register_webhook`, once per start of the group), never the workers.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import socket
from collections.abc import Callable
from urllib.parse import urlparse

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Bot, Update
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application
from telegram.request import BaseRequest

from bot.channels.telegram import (
    ALLOWED_UPDATES,
    CHANNEL,
    COMMANDS,
    accept,
    build_application,
    outbox_sender,
    recover,
    webhook_options,
)
from bot.delivery import Sender
from bot.inbox import Inbox
from bot.messages import MessageHandler
from bot.serving import graceful_sigterm, read_limited
from bot.settings import Settings, SettingsError

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"
MAX_BODY_BYTES = 1 << 20
"""Largest update accepted (bytes); a text message is at most 4,096 characters."""
REGISTER_ATTEMPTS = 3
"""Tries of ``setWebhook`` on network errors before the start is given up."""


def webhook_path(url: str) -> str:
    """The local path the webhook is served on: the path of its public URL (a reverse
    proxy forwards ``https://host/<path>`` to ``listen:port/<path>``), ``/`` for none."""
    return "/" + urlparse(url).path.strip("/")


class _Webhook:
    """The route handlers, bound to one started application and the secret."""

    def __init__(self, application: Application, secret: str) -> None:  # type: ignore[type-arg]
        self.application = application
        self.secret = secret.encode()

    async def receive(self, request: Request) -> Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, self.secret):
            log.warning("Telegram webhook call refused: wrong or missing secret token")
            return Response(status_code=403)
        body = await read_limited(request, MAX_BODY_BYTES)
        if body is None:
            return Response(status_code=413)
        try:
            data = json.loads(body)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            update = Update.de_json(data, self.application.bot)
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("Telegram webhook: not an update: %s", exc)
            return Response(status_code=400)
        try:  # saved before Telegram is answered
            new = await accept(self.application, update)
        except Exception:  # noqa: BLE001 - Telegram delivers again what is not acknowledged
            log.exception("Telegram update %s not saved; not acknowledged", update.update_id)
            return Response(status_code=503)
        if new:
            await self.application.update_queue.put(update)
        return Response(status_code=200)

    async def health(self, request: Request) -> Response:
        """``GET /healthz``: the process id (which worker answered) and the updates
        received but not yet taken by a handler; 503 once the application stopped."""
        running = self.application.running
        return JSONResponse(
            {
                "status": "ok" if running else "stopped",
                "pid": os.getpid(),
                "updates_waiting": self.application.update_queue.qsize(),
            },
            status_code=200 if running else 503,
        )


def create_webhook_app(
    application: Application,  # type: ignore[type-arg]
    secret: str,
    path: str = "/",
) -> Starlette:
    """Build the webhook app for an application without an updater.

    Args:
        application: Built by :func:`~bot.channels.telegram.build_application` with
            ``polling=False``; the caller initialises and starts it (and stops it after
            the server), so the queued updates are handled.
        secret: ``POLICYBOT_TELEGRAM_WEBHOOK_SECRET``, the ``secret_token`` given to
            ``setWebhook``; calls without it get 403.
        path: URL path of the webhook (:func:`webhook_path`).

    Returns:
        A Starlette app with ``POST path`` and ``GET /healthz``.

    Raises:
        ValueError: ``secret`` is empty (anyone who found the URL could post updates).
    """
    if not secret:
        raise ValueError("a Telegram webhook needs a secret token")
    hook = _Webhook(application, secret)
    routes = [
        Route(path, hook.receive, methods=["POST"]),
        Route(HEALTH_PATH, hook.health, methods=["GET"]),
    ]
    app = Starlette(routes=routes)
    app.state.telegram = hook
    return app


async def register_webhook(
    settings: Settings, request: BaseRequest | None = None, backoff: float = 1.0
) -> None:
    """``setWebhook`` (and the command menu) once for the whole group of workers.

    Args:
        settings: Needs the token, the webhook URL and its secret.
        request: Bot API transport (tests); ``None`` for PTB's default.
        backoff: First wait between tries on network errors, in seconds (doubling).

    Raises:
        SettingsError: the token is refused, Telegram rejects the URL, or the Bot API
            stays unreachable after :data:`REGISTER_ATTEMPTS` tries.
    """
    options = webhook_options(settings)
    if options is None:
        raise SettingsError("POLICYBOT_TELEGRAM_WEBHOOK_URL is not set")
    bot = Bot(settings.telegram_token, base_url=settings.telegram_api_base, request=request)
    for attempt in range(1, REGISTER_ATTEMPTS + 1):
        try:
            async with bot:
                await bot.set_webhook(
                    url=options["webhook_url"],
                    secret_token=options["secret_token"],
                    allowed_updates=ALLOWED_UPDATES,
                )
                try:
                    await bot.set_my_commands(COMMANDS)
                except TelegramError:  # the menu is a convenience, never a reason to stop
                    log.warning("Could not set the Telegram command menu", exc_info=True)
            log.info("Telegram webhook set to %s", options["webhook_url"])
            return
        except InvalidToken as exc:
            raise SettingsError(
                f"Telegram 拒绝了令牌 / the token was refused: POLICYBOT_TELEGRAM_TOKEN ({exc})"
            ) from exc
        except BadRequest as exc:  # e.g. not an https URL (a NetworkError subclass in PTB)
            raise SettingsError(
                f"Telegram 拒绝了 webhook 地址 / setWebhook refused: {exc}"
                " (POLICYBOT_TELEGRAM_WEBHOOK_URL)"
            ) from exc
        except NetworkError as exc:
            if attempt == REGISTER_ATTEMPTS:
                raise SettingsError(
                    f"无法连接 Telegram 设置 webhook / setWebhook failed: {exc}"
                    " (POLICYBOT_TELEGRAM_API_BASE)"
                ) from exc
            log.warning("setWebhook failed (%s); trying again", exc)
            await asyncio.sleep(backoff * 2 ** (attempt - 1))
        except TelegramError as exc:
            raise SettingsError(f"setWebhook 失败 / setWebhook failed: {exc}") from exc


async def run_webhook_worker(
    handler: MessageHandler,
    settings: Settings,
    *,
    host: str,
    port: int,
    inbox: Inbox,
    register_sender: Callable[[str, Sender], None] | None = None,
    sock: socket.socket | None = None,
    senders: int = 1,
) -> None:
    """Serve the webhook with uvicorn until SIGTERM; the queued updates are handled
    before it returns. ``setWebhook`` is not called (see :func:`register_webhook`).

    Args:
        handler: The engine.
        settings: The token, webhook URL and secret, and the Bot API root.
        host: Listen address (when ``sock`` is None).
        port: Listen port (when ``sock`` is None).
        inbox: The durable inbox of this worker's slot; what its slot left pending
            before this start is answered in the background.
        register_sender: Called with ``("telegram", outbox_sender(app.bot))``, e.g.
            ``outbox.register``, so staff answers and notifications are pushed.
        sock: The socket inherited from the supervisor (``--fd``), already listening.
        senders: Workers in the group, which share Telegram's flood limit.

    Raises:
        SettingsError: the token, the webhook URL or its secret is missing.
    """
    import uvicorn  # imported here: only the serving process needs it

    settings.require("telegram_token", "telegram_webhook_url")
    options = webhook_options(settings)
    assert options is not None  # the URL is set
    application = build_application(
        handler,
        settings.telegram_token,
        inbox=lambda: inbox,
        base_url=settings.telegram_api_base,
        polling=False,
        senders=senders,
    )
    if register_sender is not None:
        register_sender(CHANNEL, outbox_sender(application.bot))
    app = create_webhook_app(
        application, options["secret_token"], webhook_path(options["webhook_url"])
    )
    config = uvicorn.Config(app, host=host, port=port, log_level="info", lifespan="off")
    server = uvicorn.Server(config)
    async with application:  # initialize (getMe) … shutdown
        await application.start()
        try:
            application.create_task(_recover(application), name="telegram-recover")
            with graceful_sigterm():
                await server.serve(sockets=[sock] if sock is not None else None)
        finally:
            await application.stop()  # handles what is queued, waits for the recovery


async def _recover(application: Application) -> None:  # type: ignore[type-arg]
    count = await recover(application)
    if count:
        log.info("Telegram: %d updates left pending by this slot's last run answered", count)
