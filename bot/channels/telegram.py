"""Telegram channel: python-telegram-bot updates in, rendered replies out.

The adapter is stateless with respect to the dialog (no ``ConversationHandler``, no
``user_data``): every text message, command and button press becomes one
:class:`~bot.messages.IncomingMessage` for the :class:`~bot.messages.MessageHandler`
(the engine), and each returned :class:`~bot.messages.Reply` is rendered by
:mod:`bot.channels.telegram_render`.

Handler groups of the built application::

    -1  TypeHandler(Update)       drop re-delivered updates (bounded LRU of update_id)
     0  MessageHandler(TEXT)      text and any "/command args", passed through unchanged
     0  CallbackQueryHandler      button press -> payload = callback_data; query answered
     0  MessageHandler(other)     non-text message in a private chat -> short hint
        error handler             log with stack, apologise to the chat

With an inbox (:class:`bot.inbox.Inbox`, the state database) each message is saved before
the engine sees it and marked done once its replies went out: an update Telegram delivers
again after a restart is dropped (the in-memory LRU is only the fast path), and the
messages a crash left in processing are handled at the next start, before polling
resumes. PTB confirms an update to Telegram when it fetches the next batch, before it is
processed, so an update still waiting in PTB's in-memory queue at a ``kill -9`` is lost:
run one polling process per bot token.

Several webhook workers (``policybot telegram --workers N``, see
:mod:`bot.channels.telegram_webhook`) build the application without an updater and save
each update in the inbox before Telegram gets its 200 (:func:`accept`), so nothing
acknowledged is lost there.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlparse

from telegram import Bot, BotCommand, Update
from telegram.constants import FloodLimit, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ContextTypes,
    Defaults,
    TypeHandler,
    filters,
)
from telegram.ext import MessageHandler as PTBMessageHandler
from telegram.request import BaseRequest

from bot.channels.telegram_render import RenderedReply, render_reply
from bot.delivery import Sender
from bot.inbox import Inbox
from bot.messages import IncomingMessage, MessageHandler, Reply
from bot.settings import Settings
from bot.tickets import ticket_id_in

logger = logging.getLogger(__name__)

CHANNEL = "telegram"
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
"""Update types requested from Telegram; edits, reactions etc. are not dialog turns."""
APOLOGY = "抱歉，系统出了点问题，请稍后再试。"
TEXT_ONLY_HINT = "目前只能处理文字消息，请直接输入您的问题。"
DEDUP_SIZE = 2048
"""How many recent update ids the adapter remembers."""
CONCURRENT_UPDATES = 16
"""Updates processed at once: different users in parallel; one user's turns are still
serialised by the engine's per-session lock. It also bounds the work in flight."""
COMMANDS = [
    BotCommand("start", "开始使用"),
    BotCommand("help", "使用说明"),
    BotCommand("apply", "我要填报申报表"),
    BotCommand("check", "申报条件自查"),
    BotCommand("status", "查看填写进度"),
    BotCommand("cancel", "暂停填写（草稿保留）"),
    BotCommand("cities", "收录的通知"),
    BotCommand("forget", "删除我的全部资料"),
]
"""The command menu shown next to the input field (``setMyCommands``)."""


async def set_commands(app: Application) -> None:  # type: ignore[type-arg]
    """Publish :data:`COMMANDS` as the bot's command menu."""
    await app.bot.set_my_commands(COMMANDS)


class UpdateDeduplicator:
    """Bounded LRU set of seen ``update_id`` values.

    Telegram re-delivers an update when the previous delivery was not acknowledged
    (webhook timeout, polling restart); the adapter drops it here, and the engine
    de-duplicates again on ``(channel, message_id)``.

    Args:
        maxsize: Number of ids remembered; the oldest is forgotten first.
    """

    def __init__(self, maxsize: int = DEDUP_SIZE) -> None:
        self._seen: OrderedDict[int, None] = OrderedDict()
        self._maxsize = maxsize

    def seen(self, update_id: int) -> bool:
        """Record ``update_id``; return True if it was already recorded."""
        if update_id in self._seen:
            self._seen.move_to_end(update_id)
            return True
        self._seen[update_id] = None
        if len(self._seen) > self._maxsize:
            self._seen.popitem(last=False)
        return False


def incoming_from_update(update: Update, bot_username: str | None = None) -> IncomingMessage:
    """Translate a text message or callback query into the neutral model.

    Args:
        update: An update with a text message or a callback query.
        bot_username: This bot's username; ``/cmd@<username>`` (group chats) is
            shortened to ``/cmd`` so the engine sees the same command everywhere.

    Returns:
        ``message_id`` is the ``update_id``, so a re-delivered update maps to the same
        id; ``chat_id`` falls back to the user id when there is no chat (inline
        button presses). A text replying to one of the bot's staff notifications
        (``新工单 #12``) becomes ``/reply 12 <text>``.

    Raises:
        ValueError: the update has no user, or neither text nor callback data.
    """
    user = update.effective_user
    if user is None:
        raise ValueError(f"update {update.update_id} has no user")
    chat = update.effective_chat
    text = payload = ""
    if update.callback_query is not None:
        payload = update.callback_query.data or ""
        if not payload:
            raise ValueError(f"update {update.update_id}: callback query without data")
    elif update.message is not None and update.message.text is not None:
        text = _strip_bot_mention(update.message.text, bot_username)
        text = _reply_to_ticket(update, text)
    else:
        raise ValueError(f"update {update.update_id} has neither text nor callback data")
    return IncomingMessage(
        channel=CHANNEL,
        user_id=str(user.id),
        chat_id=str(chat.id if chat is not None else user.id),
        text=text,
        payload=payload,
        message_id=str(update.update_id),
        display_name=user.full_name,
    )


async def send_replies(bot: Bot, chat_id: int | str, replies: list[Reply]) -> None:
    """Render all replies, then send them in order (texts, then documents, per reply).

    Everything is rendered before anything is sent, so a rendering bug raises before
    the user receives half an answer.

    Args:
        bot: The bot to send with.
        chat_id: Telegram chat id.
        replies: The engine's replies, in order.

    Raises:
        ValueError: a choice payload does not fit ``callback_data`` (see
            :func:`~bot.channels.telegram_render.check_callback_data`).
        OSError: a reply's file cannot be read.
        telegram.error.TelegramError: the Bot API refused a call.
    """
    rendered: list[RenderedReply] = [render_reply(r) for r in replies]
    for item in rendered:
        for message in item.messages:
            await bot.send_message(
                chat_id=chat_id,
                text=message.html,
                parse_mode="HTML",
                reply_markup=message.keyboard,
            )
        for doc in item.documents:
            with doc.path.open("rb") as fh:
                await bot.send_document(
                    chat_id=chat_id,
                    document=fh,
                    filename=doc.filename,
                    caption=doc.caption or None,
                )


InboxProvider = Callable[[], Inbox | None]
"""Returns the durable inbox once the stores are open (``None``: no inbox)."""


class _TelegramChannel:
    """The PTB callbacks, bound to one message handler, one dedup cache and an inbox."""

    def __init__(
        self, handler: MessageHandler, dedup: UpdateDeduplicator, inbox: InboxProvider
    ) -> None:
        self.handler = handler
        self.dedup = dedup
        self.inbox = inbox
        self.saved: set[int] = set()
        """Update ids :meth:`accept` saved in the inbox, until their turn takes them."""

    async def accept(self, update: Update, bot_username: str | None) -> bool:
        """Save the message of ``update`` in the inbox (committed before this returns);
        ``False`` when it was there already: a re-delivery, to acknowledge and drop.
        An update that is no dialog turn (a sticker) has nothing to save."""
        inbox = self.inbox()
        if inbox is None:
            return True  # the in-memory LRU of drop_duplicates is the only de-duplication
        try:
            message = incoming_from_update(update, bot_username)
        except ValueError:
            return True
        if not await inbox.put(message):
            logger.info("Ignoring Telegram update %s: already received", update.update_id)
            return False
        self.saved.add(update.update_id)
        return True

    async def drop_duplicates(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if self.dedup.seen(update.update_id) and update.update_id not in self.saved:
            logger.info("Ignoring re-delivered Telegram update %s", update.update_id)
            raise ApplicationHandlerStop

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._turn(update, context)

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None  # guaranteed by CallbackQueryHandler
        try:
            await query.answer()  # stop the button's spinner before the engine works
        except TelegramError as exc:  # e.g. "query is too old": still handle the press
            logger.warning("Could not answer callback query %s: %s", query.id, exc)
        await self._turn(update, context)

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_chat is not None:
            await context.bot.send_message(update.effective_chat.id, TEXT_ONLY_HINT)

    async def _turn(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = incoming_from_update(update, context.bot.username)
        inbox = self.inbox()
        saved = update.update_id in self.saved  # by accept(), before the webhook's 200
        self.saved.discard(update.update_id)
        if inbox is not None and not saved and not await inbox.put(message):
            logger.info("Ignoring Telegram update %s: already received", update.update_id)
            return
        await self._deliver(context.bot, message, inbox)

    async def _deliver(self, bot: Bot, message: IncomingMessage, inbox: Inbox | None) -> None:
        replies = await self.handler.handle(message)
        await send_replies(bot, int(message.chat_id), replies)
        if inbox is not None:
            await inbox.done(message)

    async def recover(self, bot: Bot) -> int:
        """Handle the messages a crash left pending in the inbox and send their replies
        (the engine returns the stored replies of a turn it had committed). Returns how
        many were handled; one that fails stays pending for the next start, one another
        worker has taken meanwhile (:meth:`Inbox.resume`) is left to it."""
        inbox = self.inbox()
        if inbox is None:
            return 0
        handled = 0
        for message in await inbox.recoverable(CHANNEL):
            if not await inbox.resume(message):
                continue
            logger.info(
                "Telegram update %s left pending by a restart: handled now", message.message_id
            )
            try:
                await self._deliver(bot, message, inbox)
            except Exception:  # noqa: BLE001 - one bad message never blocks the start
                logger.exception("Telegram update %s could not be recovered", message.message_id)
                continue
            handled += 1
        return handled


async def _on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure with its stack and apologise to the chat, never re-raise."""
    update_id = update.update_id if isinstance(update, Update) else None
    logger.error("Telegram update %s failed", update_id, exc_info=context.error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        await context.bot.send_message(update.effective_chat.id, APOLOGY)
    except Exception:  # noqa: BLE001 - the apology is best effort
        logger.exception("Could not send the apology for update %s", update_id)


def build_application(
    handler: MessageHandler,
    token: str,
    *,
    request: BaseRequest | None = None,
    get_updates_request: BaseRequest | None = None,
    rate_limit: bool = True,
    dedup_size: int = DEDUP_SIZE,
    inbox: InboxProvider = lambda: None,
    base_url: str | None = None,
    polling: bool = True,
    senders: int = 1,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """Build the Telegram application around a message handler.

    Args:
        handler: The engine (or a fake), called once per text message or button press.
        token: Bot token from @BotFather.
        request: Transport for Bot API calls; tests pass a recording fake.
        get_updates_request: Transport for ``getUpdates`` (polling); tests pass a fake.
        rate_limit: Use PTB's :class:`~telegram.ext.AIORateLimiter` (Telegram's flood
            limits: ~30 messages/second overall, 20/minute per group), retrying twice
            on ``RetryAfter``.
        dedup_size: How many recent update ids to remember for de-duplication.
        inbox: Returns the durable inbox (called per update, so it may be opened after
            the application is built); :func:`recover` handles what it holds pending.
        base_url: Bot API root (PTB's ``base_url``: the token is appended); ``None``
            for the public ``https://api.telegram.org/bot``.
        polling: ``False`` builds no updater (``ApplicationBuilder().updater(None)``):
            updates come from an own webhook server through ``app.update_queue``.
        senders: Processes sending as this bot (webhook workers): each keeps to its
            share of Telegram's overall ~30 messages/second.

    Returns:
        An application, not yet initialised; call :meth:`Application.initialize` or
        one of its ``run_*`` methods (or ``start`` without an updater).
    """
    builder = (
        ApplicationBuilder()
        .token(token)
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(CONCURRENT_UPDATES)
    )
    if request is not None:
        builder.request(request)
    if base_url is not None:
        builder.base_url(base_url)
    if not polling:
        builder.updater(None)
    elif get_updates_request is not None:
        builder.get_updates_request(get_updates_request)
    if rate_limit:
        overall = max(1.0, FloodLimit.MESSAGES_PER_SECOND / max(1, senders))
        limiter = AIORateLimiter(overall_max_rate=overall, max_retries=2)
        # PTB types the default builder with a None rate-limiter argument type
        builder.rate_limiter(limiter)  # type: ignore[arg-type]
    app = builder.build()

    channel = _TelegramChannel(handler, UpdateDeduplicator(dedup_size), inbox)
    app.bot_data[_CHANNEL_KEY] = channel
    new_message = filters.UpdateType.MESSAGE
    app.add_handler(TypeHandler(Update, channel.drop_duplicates), group=-1)
    app.add_handler(PTBMessageHandler(new_message & filters.TEXT, channel.on_text))
    app.add_handler(CallbackQueryHandler(channel.on_callback))
    app.add_handler(
        PTBMessageHandler(new_message & filters.ChatType.PRIVATE & ~filters.TEXT, channel.on_other)
    )
    app.add_error_handler(_on_error)
    return app


_CHANNEL_KEY = "policybot.channel"


async def recover(app: Application) -> int:  # type: ignore[type-arg]
    """Handle the messages the inbox of ``app`` (see :func:`build_application`) holds
    pending from before this start and send their replies; returns their number."""
    channel: _TelegramChannel = app.bot_data[_CHANNEL_KEY]
    return await channel.recover(app.bot)


async def accept(app: Application, update: Update) -> bool:  # type: ignore[type-arg]
    """Save the message of a webhook ``update`` in the inbox of ``app`` before Telegram
    is answered; ``False`` for a re-delivery (saved before, by this worker or another).
    The application's handlers then run it without saving it again.

    Raises:
        Exception: whatever the state database raises (answer 5xx: Telegram retries).
    """
    channel: _TelegramChannel = app.bot_data[_CHANNEL_KEY]
    return await channel.accept(update, app.bot.username)


def webhook_options(settings: Settings) -> dict[str, Any] | None:
    """Keyword arguments for :meth:`Application.run_webhook`, or None for polling.

    The local ``url_path`` is the path of ``POLICYBOT_TELEGRAM_WEBHOOK_URL`` (a reverse
    proxy forwards ``https://host/<path>`` to ``listen:port/<path>``).

    Raises:
        SettingsError: a webhook URL is set without ``POLICYBOT_TELEGRAM_WEBHOOK_SECRET``
            (without it anyone who finds the URL could post fake updates).
    """
    if not settings.telegram_webhook_url:
        return None
    settings.require("telegram_webhook_secret")
    return {
        "listen": settings.telegram_listen,
        "port": settings.telegram_port,
        "url_path": urlparse(settings.telegram_webhook_url).path.lstrip("/"),
        "webhook_url": settings.telegram_webhook_url,
        "secret_token": settings.telegram_webhook_secret,
        "allowed_updates": ALLOWED_UPDATES,
    }


def run_telegram(
    handler: MessageHandler,
    settings: Settings,
    register_sender: Callable[[str, Sender], None] | None = None,
    on_start: Callable[[], Awaitable[None]] | None = None,
    on_stop: Callable[[], Awaitable[None]] | None = None,
    inbox: InboxProvider = lambda: None,
) -> None:
    """Run the bot until interrupted: webhook if configured, else long polling.

    Blocks; PTB manages the event loop and stops on SIGINT/SIGTERM.

    Args:
        handler: The engine.
        register_sender: Called once with ``("telegram", outbox_sender(app.bot))``,
            e.g. ``outbox.register``, so staff answers and notifications are pushed.
        on_start: Awaited in PTB's event loop before the first update (open stores).
        on_stop: Awaited in PTB's event loop at shutdown (close stores).
        inbox: The durable inbox once ``on_start`` has opened the stores; its pending
            messages are handled before the first update.
        settings: Needs ``telegram_token``; ``telegram_webhook_url`` (with
            ``telegram_webhook_secret``, ``telegram_listen``, ``telegram_port``)
            switches to a webhook.

    Raises:
        SettingsError: ``POLICYBOT_TELEGRAM_TOKEN`` is missing, or a webhook URL is set
            without ``POLICYBOT_TELEGRAM_WEBHOOK_SECRET``.
    """
    settings.require("telegram_token")
    options = webhook_options(settings)
    app = build_application(
        handler, settings.telegram_token, inbox=inbox, base_url=settings.telegram_api_base
    )
    if register_sender is not None:
        register_sender(CHANNEL, outbox_sender(app.bot))
    start = on_start

    async def post_init(application: Application) -> None:  # type: ignore[type-arg]
        if start is not None:
            await start()
        await recover(application)
        try:
            await set_commands(application)
        except TelegramError:  # the menu is a convenience: never a reason not to start
            logger.warning("Could not set the Telegram command menu", exc_info=True)

    app.post_init = post_init
    if on_stop is not None:
        stop = on_stop

        async def post_shutdown(_: Application) -> None:  # type: ignore[type-arg]
            await stop()

        app.post_shutdown = post_shutdown
    if options is None:
        logger.info("Starting Telegram long polling")
        app.run_polling(allowed_updates=ALLOWED_UPDATES)
    else:
        logger.info("Starting Telegram webhook on %s:%s", options["listen"], options["port"])
        app.run_webhook(**options)


def _reply_to_ticket(update: Update, text: str) -> str:
    """``"/reply <id> <text>"`` for a reply to a bot's ticket notification; else ``text``."""
    quoted = update.message.reply_to_message if update.message is not None else None
    if quoted is None or text.startswith("/") or not (quoted.from_user and quoted.from_user.is_bot):
        return text
    ticket = ticket_id_in(quoted.text or "")
    return f"/reply {ticket} {text}" if ticket is not None else text


def outbox_sender(bot: Bot) -> Sender:
    """An :class:`~bot.delivery.Outbox` sender pushing replies to Telegram chats.

    Args:
        bot: The application's bot (``app.bot``).

    Returns:
        ``await send(chat_id, replies)``; raises what :func:`send_replies` raises.
    """

    async def send(chat_id: str, replies: list[Reply]) -> None:
        target: int | str = int(chat_id) if chat_id.lstrip("-").isdigit() else chat_id
        await send_replies(bot, target, replies)

    return send


def _strip_bot_mention(text: str, bot_username: str | None) -> str:
    """``"/start@policy_bot abc"`` -> ``"/start abc"`` for this bot; else unchanged."""
    if not bot_username or not text.startswith("/"):
        return text
    head, sep, tail = text.partition(" ")
    command, at, mention = head.partition("@")
    if at and mention.lower() == bot_username.lower():
        return command + sep + tail
    return text
