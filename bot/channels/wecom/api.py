"""WeCom server API client: access token, 发送应用消息, 上传临时素材.

Endpoints (relative to ``base_url``, default ``https://qyapi.weixin.qq.com/cgi-bin``):

* ``GET  /gettoken?corpid=…&corpsecret=…`` → ``access_token``, ``expires_in`` (seconds)
* ``POST /message/send?access_token=…`` with ``touser``, ``msgtype``, ``agentid``, …
* ``POST /media/upload?access_token=…&type=file`` (multipart field ``media``) → ``media_id``

Every response carries ``errcode``/``errmsg``; nonzero raises :class:`WeComAPIError`.
An access token rejected with 40014 (invalid) or 42001 (expired) is refreshed and the
call retried once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from bot.channels.wecom.errors import WeComAPIError
from bot.channels.wecom.render import TEXT_LIMIT_BYTES, split_text

__all__ = ["DEFAULT_BASE_URL", "WeComAPI", "WeComAPIError"]

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://qyapi.weixin.qq.com/cgi-bin"
TOKEN_ERRCODES = frozenset({40014, 42001})
"""errcodes meaning "access_token invalid/expired": refresh and retry once."""


class WeComAPI:
    """Async client for one self-built app (自建应用).

    Args:
        corp_id: 企业ID (POLICYBOT_WECOM_CORP_ID).
        secret: The app's Secret (POLICYBOT_WECOM_SECRET).
        agent_id: The app's AgentId (POLICYBOT_WECOM_AGENT_ID), e.g. ``1000002``.
        client: Shared HTTP client; the caller owns and closes it.
        base_url: API root without trailing slash.
        token_margin: Seconds before ``expires_in`` at which a cached token is renewed.
        clock: Monotonic clock in seconds (injectable for tests).
    """

    def __init__(
        self,
        corp_id: str,
        secret: str,
        agent_id: int | str,
        client: httpx.AsyncClient,
        *,
        base_url: str = DEFAULT_BASE_URL,
        token_margin: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._corp_id = corp_id
        self._secret = secret
        self.agent_id = int(agent_id)
        self._client = client
        self._base_url = base_url.rstrip("/")
        self._margin = token_margin
        self._clock = clock
        self._token = ""
        self._expires_at = 0.0
        self._lock = asyncio.Lock()

    async def get_access_token(self) -> str:
        """Return a valid access token, fetching one when none is cached or it expired.

        Concurrent callers share one ``gettoken`` request.

        Raises:
            WeComAPIError: ``gettoken`` failed (e.g. 40001 invalid secret).
            httpx.HTTPError: network failure.
        """
        async with self._lock:
            if self._token and self._clock() < self._expires_at:
                return self._token
            data = await self._request(
                "GET", "/gettoken", params={"corpid": self._corp_id, "corpsecret": self._secret}
            )
            token = str(data.get("access_token", ""))
            if not token:
                raise WeComAPIError(-1, "gettoken returned no access_token")
            lifetime = float(data.get("expires_in", 7200))
            margin = min(self._margin, lifetime / 2)
            self._token, self._expires_at = token, self._clock() + lifetime - margin
            return token

    async def send_text(self, user_id: str, text: str) -> int:
        """Send a text message, split into parts of ≤ 2,048 bytes UTF-8.

        Args:
            user_id: The member's UserID (``touser``).
            text: Plain text; split at paragraph/line/sentence boundaries.

        Returns:
            Number of messages sent.

        Raises:
            WeComAPIError: a send failed (earlier parts were delivered).
            httpx.HTTPError: network failure.
        """
        parts = split_text(text, TEXT_LIMIT_BYTES)
        for part in parts:
            await self._send(user_id, "text", {"content": part})
        return len(parts)

    async def send_markdown(self, user_id: str, markdown: str) -> int:
        """Send WeCom-flavoured markdown, split like :meth:`send_text`.

        Returns:
            Number of messages sent.

        Raises:
            WeComAPIError, httpx.HTTPError: as :meth:`send_text`.
        """
        parts = split_text(markdown, TEXT_LIMIT_BYTES)
        for part in parts:
            await self._send(user_id, "markdown", {"content": part})
        return len(parts)

    async def upload_media(self, path: Path | str, filename: str, media_type: str = "file") -> str:
        """Upload a temporary media file (valid 3 days).

        Args:
            path: File on disk (WeCom: 5 bytes to 20 MB for ``file``).
            filename: Name the user sees, e.g. ``"申报材料清单.docx"``.
            media_type: ``file``, ``image``, ``voice`` or ``video``.

        Returns:
            The ``media_id`` for :meth:`send_file`.

        Raises:
            OSError: the file cannot be read.
            WeComAPIError, httpx.HTTPError: upload failed.
        """
        content = await asyncio.to_thread(Path(path).read_bytes)
        files = {"media": (filename, content, "application/octet-stream")}
        data = await self._call("POST", "/media/upload", params={"type": media_type}, files=files)
        media_id = str(data.get("media_id", ""))
        if not media_id:
            raise WeComAPIError(-1, "media/upload returned no media_id")
        return media_id

    async def send_file(self, user_id: str, media_id: str) -> None:
        """Send an uploaded file to a member.

        Raises:
            WeComAPIError, httpx.HTTPError: send failed.
        """
        await self._send(user_id, "file", {"media_id": media_id})

    async def _send(self, user_id: str, msgtype: str, body: dict[str, str]) -> None:
        payload = {"touser": user_id, "msgtype": msgtype, "agentid": self.agent_id, msgtype: body}
        data = await self._call("POST", "/message/send", json=payload)
        if data.get("invaliduser"):
            log.warning("WeCom message/send: invalid user %s", data["invaliduser"])

    async def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        """Call an endpoint that needs ``access_token``; refresh once on 40014/42001."""
        params = dict(kwargs.pop("params", {}))
        for attempt in (1, 2):
            token = await self.get_access_token()
            try:
                return await self._request(
                    method, path, params=params | {"access_token": token}, **kwargs
                )
            except WeComAPIError as exc:
                if exc.errcode not in TOKEN_ERRCODES or attempt == 2:
                    raise
                log.info("WeCom access token rejected (%s), refreshing", exc.errcode)
                await self._invalidate(token)
        raise AssertionError("unreachable")

    async def _invalidate(self, token: str) -> None:
        async with self._lock:
            if self._token == token:
                self._token, self._expires_at = "", 0.0

    async def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        response = await self._client.request(method, self._base_url + path, **kwargs)
        if response.is_error:
            raise WeComAPIError(-1, f"HTTP {response.status_code} from {path}")
        try:
            data = response.json()
        except ValueError as exc:
            raise WeComAPIError(-1, f"non-JSON response from {path}") from exc
        if not isinstance(data, dict):
            raise WeComAPIError(-1, f"unexpected response from {path}")
        errcode = int(data.get("errcode", 0) or 0)
        if errcode:
            raise WeComAPIError(errcode, str(data.get("errmsg", "")))
        return data
