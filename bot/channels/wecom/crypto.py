"""WeCom callback encryption (企业微信 "加解密方案说明", the WXBizMsgCrypt scheme).

* ``msg_signature = sha1("".join(sorted([token, timestamp, nonce, encrypt])))``, hex.
* ``AESKey = base64_decode(EncodingAESKey + "=")``: 43 characters → 32 bytes;
  AES-256-CBC with ``IV = AESKey[:16]``.
* plaintext = 16 random bytes + ``msg_len`` (4 bytes, network order) + msg + receive_id
  (the corp id for a self-built app), PKCS#7-padded to a multiple of **32** bytes.

Errors (defined in :mod:`bot.channels.wecom.errors`, re-exported here)::

    WeComError
    ├── ConfigError       bad token / EncodingAESKey / corp id (names POLICYBOT_WECOM_*)
    ├── SignatureError    msg_signature mismatch
    ├── ReceiveIdError    payload for another corp id
    └── DecryptError      bad base64, block size, padding or length
        └── PayloadError  bad or unsafe XML envelope
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import struct
import time

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from bot.channels.wecom.errors import (
    ConfigError,
    DecryptError,
    PayloadError,
    ReceiveIdError,
    SignatureError,
    WeComError,
)
from bot.channels.wecom.messages import cdata, parse_xml

__all__ = [
    "ConfigError",
    "DecryptError",
    "PayloadError",
    "ReceiveIdError",
    "SignatureError",
    "WeComCrypto",
    "WeComError",
    "pkcs7_pad",
    "pkcs7_unpad",
    "signature",
]

BLOCK_SIZE = 32
"""PKCS#7 block size WeCom pads to, in bytes (not AES's 16)."""


def signature(token: str, timestamp: str, nonce: str, encrypt: str) -> str:
    """Compute ``msg_signature``: hex SHA-1 of the four strings sorted and joined."""
    joined = "".join(sorted([token, str(timestamp), str(nonce), encrypt]))
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()


def pkcs7_pad(data: bytes, block_size: int = BLOCK_SIZE) -> bytes:
    """Pad with 1..block_size bytes each equal to the pad length."""
    n = block_size - len(data) % block_size
    return data + bytes([n]) * n


def pkcs7_unpad(data: bytes, block_size: int = BLOCK_SIZE) -> bytes:
    """Remove PKCS#7 padding.

    Raises:
        DecryptError: empty input or pad bytes out of range / not all equal.
    """
    if not data:
        raise DecryptError("empty plaintext")
    n = data[-1]
    if not 1 <= n <= block_size or n > len(data) or data[-n:] != bytes([n]) * n:
        raise DecryptError("bad PKCS#7 padding")
    return data[:-n]


class WeComCrypto:
    """Signs, encrypts and decrypts WeCom callback payloads for one app.

    Args:
        token: The callback Token (POLICYBOT_WECOM_TOKEN).
        encoding_aes_key: The 43-character EncodingAESKey (POLICYBOT_WECOM_AES_KEY).
        receive_id: The corp id, ``ww…``/``wx…`` (POLICYBOT_WECOM_CORP_ID).

    Raises:
        ConfigError: a value is empty or the key is not 43 base64 characters
            decoding to 32 bytes; the message names the variable.
    """

    def __init__(self, token: str, encoding_aes_key: str, receive_id: str) -> None:
        if not token:
            raise ConfigError("POLICYBOT_WECOM_TOKEN 为空 / callback Token is empty")
        if not receive_id:
            raise ConfigError("POLICYBOT_WECOM_CORP_ID 为空 / corp id is empty")
        self._token = token
        self._receive_id = receive_id
        self._key = _decode_aes_key(encoding_aes_key)

    @property
    def receive_id(self) -> str:
        """The corp id payloads must be addressed to."""
        return self._receive_id

    def verify_url(self, msg_signature: str, timestamp: str, nonce: str, echostr: str) -> str:
        """Check a URL-verification GET and return the decrypted ``echostr``.

        Raises:
            SignatureError: bad signature.
            DecryptError: ``echostr`` is not a valid ciphertext.
            ReceiveIdError: addressed to another corp id.
        """
        self._check_signature(msg_signature, timestamp, nonce, echostr)
        return self._decrypt(echostr)

    def decrypt_message(
        self, xml_body: str | bytes, msg_signature: str, timestamp: str, nonce: str
    ) -> str:
        """Verify and decrypt a callback POST body.

        Args:
            xml_body: The outer ``<xml>`` with an ``Encrypt`` element.
            msg_signature, timestamp, nonce: The request's query parameters.

        Returns:
            The inner XML message (text).

        Raises:
            PayloadError: the envelope is not valid XML or lacks ``Encrypt``.
            SignatureError: bad signature.
            DecryptError: ``Encrypt`` is not a valid ciphertext.
            ReceiveIdError: addressed to another corp id.
        """
        encrypt = parse_xml(xml_body).get("Encrypt", "").strip()
        if not encrypt:
            raise PayloadError("envelope has no <Encrypt>")
        self._check_signature(msg_signature, timestamp, nonce, encrypt)
        return self._decrypt(encrypt)

    def encrypt_message(
        self, reply_xml: str, nonce: str, timestamp: int | str | None = None
    ) -> str:
        """Encrypt a passive reply into the envelope WeCom expects.

        Args:
            reply_xml: Inner reply, e.g. from :func:`messages.text_reply_xml`.
            nonce: Any nonce; the request's ``nonce`` is customary.
            timestamp: Unix time in seconds; now when ``None``.

        Returns:
            ``<xml>`` with ``Encrypt``, ``MsgSignature``, ``TimeStamp`` and ``Nonce``.
        """
        ts = str(int(time.time()) if timestamp is None else timestamp)
        encrypt = self._encrypt(reply_xml)
        sig = signature(self._token, ts, nonce, encrypt)
        return (
            "<xml>"
            f"<Encrypt>{cdata(encrypt)}</Encrypt>"
            f"<MsgSignature>{cdata(sig)}</MsgSignature>"
            f"<TimeStamp>{ts}</TimeStamp>"
            f"<Nonce>{cdata(nonce)}</Nonce>"
            "</xml>"
        )

    def _check_signature(
        self, msg_signature: str, timestamp: str, nonce: str, encrypt: str
    ) -> None:
        expected = signature(self._token, timestamp, nonce, encrypt)
        given = (msg_signature or "").lower().encode("utf-8", "surrogateescape")  # any text: bytes
        if not hmac.compare_digest(expected.encode("ascii"), given):
            raise SignatureError("msg_signature mismatch")

    def _cipher(self) -> Cipher[modes.CBC]:
        return Cipher(algorithms.AES(self._key), modes.CBC(self._key[:16]))

    def _encrypt(self, text: str) -> str:
        msg = text.encode("utf-8")
        plain = os.urandom(16) + struct.pack("!I", len(msg)) + msg + self._receive_id.encode()
        encryptor = self._cipher().encryptor()
        raw = encryptor.update(pkcs7_pad(plain)) + encryptor.finalize()
        return base64.b64encode(raw).decode("ascii")

    def _decrypt(self, encrypt: str) -> str:
        try:
            raw = base64.b64decode(encrypt, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise DecryptError("ciphertext is not base64") from exc
        if not raw or len(raw) % 16:
            raise DecryptError(f"ciphertext length {len(raw)} is not a multiple of 16")
        decryptor = self._cipher().decryptor()
        plain = pkcs7_unpad(decryptor.update(raw) + decryptor.finalize())
        if len(plain) < 20:
            raise DecryptError("plaintext too short")
        (msg_len,) = struct.unpack("!I", plain[16:20])
        if 20 + msg_len > len(plain):
            raise DecryptError("msg_len exceeds plaintext")
        msg, receive_id = plain[20 : 20 + msg_len], plain[20 + msg_len :]
        if not hmac.compare_digest(receive_id, self._receive_id.encode()):
            raise ReceiveIdError("payload is addressed to another corp id")
        try:
            return msg.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DecryptError("message is not UTF-8") from exc


def _decode_aes_key(encoding_aes_key: str) -> bytes:
    """``EncodingAESKey`` (43 chars) → 32-byte AES key.

    Raises:
        ConfigError: naming POLICYBOT_WECOM_AES_KEY.
    """
    if len(encoding_aes_key or "") != 43:
        raise ConfigError(
            "POLICYBOT_WECOM_AES_KEY 必须是 43 个字符 / EncodingAESKey must be 43 characters, "
            f"got {len(encoding_aes_key or '')}"
        )
    try:
        key = base64.b64decode(encoding_aes_key + "=", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ConfigError("POLICYBOT_WECOM_AES_KEY 不是合法的 base64 / not base64") from exc
    if len(key) != 32:
        raise ConfigError(
            "POLICYBOT_WECOM_AES_KEY 解码后不是 32 字节 / does not decode to 32 bytes"
        )
    return key
