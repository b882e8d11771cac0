"""Errors raised by the WeCom (企业微信) channel.

The hierarchy::

    WeComError                  base of everything this package raises
    ├── ConfigError             a POLICYBOT_WECOM_* setting is missing or malformed
    │                           (also a bot.settings.SettingsError)
    ├── SignatureError          msg_signature does not match (forged or wrong token) → HTTP 403
    ├── ReceiveIdError          decrypted payload addressed to another corp id → HTTP 403
    ├── DecryptError            ciphertext is not valid base64/AES/PKCS#7 → HTTP 400
    │   └── PayloadError        the XML is malformed, unsafe or lacks a field → HTTP 400
    └── WeComAPIError           the WeCom server API answered errcode != 0
"""

from __future__ import annotations

from bot.settings import SettingsError


class WeComError(Exception):
    """Base class of every error raised by :mod:`bot.channels.wecom`."""


class ConfigError(WeComError, SettingsError):
    """A WeCom setting is missing or malformed; the message names the variable.

    Also a :class:`bot.settings.SettingsError`, so start-up code reports it like any
    other missing setting.
    """


class SignatureError(WeComError):
    """The ``msg_signature`` query parameter does not match the payload."""


class ReceiveIdError(WeComError):
    """The decrypted payload carries another receive id (corp id) than ours."""


class DecryptError(WeComError):
    """The encrypted payload cannot be decrypted (base64, block size, padding, length)."""


class PayloadError(DecryptError):
    """The (outer or inner) XML is malformed, unsafe (DOCTYPE/ENTITY) or incomplete."""


class WeComAPIError(WeComError):
    """The WeCom server API returned a nonzero ``errcode``.

    Attributes:
        errcode: WeCom's error code, e.g. ``40014`` (invalid access_token); ``-1`` also
            stands for an HTTP-level failure (non-2xx status, body not JSON).
        errmsg: WeCom's error message (English, as returned).
    """

    def __init__(self, errcode: int, errmsg: str) -> None:
        super().__init__(f"WeCom API error {errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
