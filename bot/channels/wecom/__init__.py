"""WeCom (企业微信) self-built app channel.

Modules:

* :mod:`~bot.channels.wecom.crypto`: callback signature and AES encryption (WXBizMsgCrypt).
* :mod:`~bot.channels.wecom.messages`: safe XML parsing, :class:`InboundMessage`,
  passive reply XML.
* :mod:`~bot.channels.wecom.render`: neutral models ↔ WeCom text, byte-safe splitting.
* :mod:`~bot.channels.wecom.api`: server API client (access token, send, upload).
* :mod:`~bot.channels.wecom.server`: the ASGI callback app and :func:`run_wecom`.
* :mod:`~bot.channels.wecom.config`: build crypto and API client from settings.
* :mod:`~bot.channels.wecom.errors`: the exception hierarchy.

Wiring (composition root)::

    crypto = crypto_from_settings(settings)
    async with httpx.AsyncClient(timeout=10) as client:
        app = create_app(engine, crypto, api_from_settings(settings, client))
    # or simply: await run_wecom(engine, settings, host, port)
"""

from bot.channels.wecom.api import WeComAPI
from bot.channels.wecom.config import api_from_settings, crypto_from_settings
from bot.channels.wecom.crypto import WeComCrypto
from bot.channels.wecom.errors import (
    ConfigError,
    DecryptError,
    PayloadError,
    ReceiveIdError,
    SignatureError,
    WeComAPIError,
    WeComError,
)
from bot.channels.wecom.messages import InboundMessage
from bot.channels.wecom.server import create_app, run_wecom

__all__ = [
    "ConfigError",
    "DecryptError",
    "InboundMessage",
    "PayloadError",
    "ReceiveIdError",
    "SignatureError",
    "WeComAPI",
    "WeComAPIError",
    "WeComCrypto",
    "WeComError",
    "api_from_settings",
    "create_app",
    "crypto_from_settings",
    "run_wecom",
]
