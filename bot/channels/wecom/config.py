"""Build the WeCom crypto and API client from :class:`bot.settings.Settings`."""

from __future__ import annotations

import httpx

from bot.channels.wecom.api import DEFAULT_BASE_URL, WeComAPI
from bot.channels.wecom.crypto import WeComCrypto
from bot.channels.wecom.errors import ConfigError
from bot.settings import Settings


def crypto_from_settings(settings: Settings) -> WeComCrypto:
    """Callback crypto from POLICYBOT_WECOM_TOKEN / _AES_KEY / _CORP_ID.

    Raises:
        ConfigError: a value is missing or malformed (names the variable).
    """
    return WeComCrypto(settings.wecom_token, settings.wecom_aes_key, settings.wecom_corp_id)


def api_from_settings(
    settings: Settings, client: httpx.AsyncClient, *, base_url: str | None = None
) -> WeComAPI:
    """API client from POLICYBOT_WECOM_CORP_ID / _SECRET / _AGENT_ID (and _API_BASE,
    unless ``base_url`` is given).

    Raises:
        ConfigError: a value is missing, or the agent id is not an integer.
    """
    missing = [
        f"POLICYBOT_WECOM_{name.upper()}"
        for name in ("corp_id", "secret", "agent_id")
        if not getattr(settings, f"wecom_{name}").strip()
    ]
    if missing:
        raise ConfigError("缺少必需的设置 / missing required setting(s): " + ", ".join(missing))
    agent_id = settings.wecom_agent_id.strip()
    if not agent_id.isdigit():
        raise ConfigError(
            f"POLICYBOT_WECOM_AGENT_ID 必须是数字 / must be an integer, got {agent_id!r}"
        )
    return WeComAPI(
        settings.wecom_corp_id.strip(),
        settings.wecom_secret.strip(),
        int(agent_id),
        client,
        base_url=base_url or settings.wecom_api_base or DEFAULT_BASE_URL,
    )
