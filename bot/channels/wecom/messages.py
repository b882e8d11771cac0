"""WeCom callback XML: safe parsing, the inbound message model, passive text replies.

Protocol: 企业微信开发者中心 "接收消息与事件 / 消息格式" and "被动回复消息格式". Both the
outer envelope (``<xml><ToUserName/><Encrypt/><AgentID/></xml>``) and the decrypted
inner message are flat ``<xml>`` documents whose children hold CDATA or numbers.

XML from the network is parsed with :mod:`defusedxml.ElementTree` (no DTDs, entities or
external references), after a guard that rejects any DOCTYPE or ENTITY declaration
outright; only UTF-8 documents are accepted (WeCom sends nothing else), and every
malformed body is a :class:`PayloadError`, never an unexpected exception.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.channels.wecom.errors import PayloadError

MAX_XML_BYTES = 1024 * 1024
"""Largest XML document accepted, in bytes (WeCom callbacks are a few KiB)."""

_UNSAFE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DECLARED = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)


def parse_xml(data: str | bytes) -> dict[str, str]:
    """Parse a flat WeCom ``<xml>`` document into ``{tag: text}``.

    Args:
        data: The document, UTF-8 bytes or text, at most :data:`MAX_XML_BYTES`.

    Returns:
        Child tag → text (``""`` for empty elements); nested elements are ignored.

    Raises:
        PayloadError: too large, contains DOCTYPE/ENTITY, not well-formed, or the
            root is not ``<xml>``.
    """
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
    except UnicodeError as exc:  # lone surrogates
        raise PayloadError("XML text is not valid Unicode") from exc
    if len(raw) > MAX_XML_BYTES:
        raise PayloadError(f"XML too large: {len(raw)} bytes")
    if _UNSAFE.search(raw):
        raise PayloadError("XML with DOCTYPE/ENTITY declarations is refused")
    declared = _DECLARED.match(raw)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        raise PayloadError(
            f"XML declares {declared.group(1).decode('ascii', 'replace')}; only UTF-8 is accepted"
        )
    try:
        root = SafeET.fromstring(raw)
    except (ET.ParseError, DefusedXmlException, ValueError, LookupError, UnicodeError) as exc:
        raise PayloadError(f"malformed XML: {exc}") from exc
    if root.tag != "xml":
        raise PayloadError(f"unexpected XML root <{root.tag}>")
    return {child.tag: child.text or "" for child in root}


class InboundMessage(BaseModel):
    """A decrypted callback message or event (fields named as in WeCom's XML).

    Attributes:
        to_user_name: ``ToUserName``: our corp id.
        from_user_name: ``FromUserName``: the member's UserID.
        create_time: ``CreateTime``: Unix time, seconds.
        msg_type: ``MsgType``: ``text``, ``image``, ``voice``, ``video``, ``location``,
            ``link``, ``file`` or ``event``.
        content: ``Content``: text of a ``text`` message.
        msg_id: ``MsgId``: 64-bit message id (messages only; events have none).
        agent_id: ``AgentID``: the app's agent id.
        event: ``Event``: for events, e.g. ``enter_agent``, ``click``, ``subscribe``.
        event_key: ``EventKey``: the menu key of a ``click`` event.
    """

    model_config = ConfigDict(populate_by_name=True, frozen=True)

    to_user_name: str = Field(alias="ToUserName")
    from_user_name: str = Field(alias="FromUserName", min_length=1)
    create_time: int = Field(alias="CreateTime")
    msg_type: str = Field(alias="MsgType", min_length=1)
    content: str = Field("", alias="Content")
    msg_id: str = Field("", alias="MsgId")
    agent_id: str = Field("", alias="AgentID")
    event: str = Field("", alias="Event")
    event_key: str = Field("", alias="EventKey")

    @classmethod
    def from_xml(cls, data: str | bytes) -> InboundMessage:
        """Parse a decrypted inner message.

        Raises:
            PayloadError: bad XML, or ``FromUserName``/``CreateTime``/``MsgType`` missing
                or malformed.
        """
        fields = parse_xml(data)
        fields = {k: v.strip() if k != "Content" else v for k, v in fields.items()}
        try:
            return cls.model_validate(fields)
        except ValidationError as exc:
            raise PayloadError(f"incomplete WeCom message: {exc}") from exc


def cdata(text: str) -> str:
    """Wrap ``text`` in CDATA, splitting any ``]]>`` so it cannot close the section."""
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def text_reply_xml(to_user: str, from_user: str, content: str, create_time: int) -> str:
    """Build the (unencrypted) passive text reply, 被动回复 "文本消息".

    Args:
        to_user: The member's UserID (the inbound ``FromUserName``).
        from_user: Our corp id (the inbound ``ToUserName``).
        content: Reply text, at most 2,048 bytes UTF-8 (WeCom truncates longer).
        create_time: Unix time, seconds.

    Returns:
        ``<xml>…</xml>`` ready for :meth:`WeComCrypto.encrypt_message`.
    """
    return (
        "<xml>"
        f"<ToUserName>{cdata(to_user)}</ToUserName>"
        f"<FromUserName>{cdata(from_user)}</FromUserName>"
        f"<CreateTime>{int(create_time)}</CreateTime>"
        "<MsgType><![CDATA[text]]></MsgType>"
        f"<Content>{cdata(content)}</Content>"
        "</xml>"
    )
