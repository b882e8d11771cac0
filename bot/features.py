"""The staff-handoff feature set as engine routes, in the order they must run.

Wiring (composition root)::

    outbox = Outbox(state)
    engine.routes[:0] = build_staff_routes(settings, outbox)

Order: rate limit (counts every new message first) → pending staff answers (shown
before the turn's own answer) → ``/bind`` → staff commands → 转人工 → curated FAQ
(before the notices' Q&A).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence

from bot.delivery import Outbox, pending_route
from bot.faq import faq_route
from bot.handoff import handoff_route
from bot.identity import BindCodes, bind_route
from bot.limits import StoredTokenBucket, TokenBucket, rate_limit_route
from bot.routes import Route
from bot.settings import Settings
from bot.staff import StaffCommands, staff_route
from bot.tickets import TicketStore, utc_now


def build_staff_routes(
    settings: Settings,
    outbox: Outbox,
    *,
    rate: int | None = None,
    period: float = 60.0,
    before_faq: Sequence[Route] = (),
    clock: Callable[[], float] = time.monotonic,
    now: Callable[[], dt.datetime] = utc_now,
) -> list[Route]:
    """Routes for rate limiting, identity links, staff handoff and the curated FAQ.

    Args:
        settings: ``staff_ids`` ("channel:user") and ``files_dir`` (CSV exports).
        outbox: Delivery to users and staff; its state store also holds the tickets.
        rate: Messages a user may send per ``period`` seconds (staff and the console
            are exempt); default ``settings.rate_limit_per_minute``; 0 turns it off.
        period: Rate-limit window in seconds.
        clock: Monotonic clock for the rate limit (tests inject one).
        now: Aware-UTC clock for tickets and bind codes (tests inject one).
        before_faq: Routes that must see a turn before the FAQ may claim it (guided
            filing: a running form gets the user's input first).

    Returns:
        Routes to put in front of the engine's other routes.
    """
    tickets = TicketStore(outbox.state, now)
    commands = StaffCommands(tickets, outbox, settings.files_dir / "exports")
    rate = settings.rate_limit_per_minute if rate is None else rate
    # several workers share a PostgreSQL state: their buckets must be shared too
    shared = outbox.state.database.dialect == "postgresql"
    bucket = StoredTokenBucket(outbox.state, rate, period) if shared and rate else None
    limit = (
        [rate_limit_route(bucket or TokenBucket(rate, period, clock), exempt=settings.staff_ids)]
        if rate
        else []
    )
    return [
        *limit,
        pending_route(outbox),
        bind_route(BindCodes(outbox.state, now)),
        staff_route(commands, settings.staff_ids),
        handoff_route(tickets, outbox, settings.staff_ids),
        *before_faq,
        faq_route(tickets),
    ]
