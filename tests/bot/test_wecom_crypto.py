"""WeCom callback crypto: official sample vectors, wechatpy interop, tampering, XML safety."""

from __future__ import annotations

import base64

import pytest
from wechatpy.enterprise.crypto import WeChatCrypto
from wechatpy.enterprise.exceptions import InvalidCorpIdException

from bot.channels.wecom.config import crypto_from_settings
from bot.channels.wecom.crypto import (
    ConfigError,
    DecryptError,
    PayloadError,
    ReceiveIdError,
    SignatureError,
    WeComCrypto,
    pkcs7_pad,
    pkcs7_unpad,
    signature,
)
from bot.channels.wecom.messages import InboundMessage, cdata, parse_xml, text_reply_xml
from bot.settings import SettingsError, load_settings

# The sample from WeCom's "加解密方案说明" / WXBizMsgCrypt Sample (C#, Python, PHP).
TOKEN = "QDG6eK"
CORP_ID = "wx5823bf96d3bd56c7"
AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"

VERIFY = {
    "msg_signature": "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
    "timestamp": "1409659589",
    "nonce": "263014780",
    "echostr": "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
}
VERIFY_PLAIN = "1616140317555161061"

MSG_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6"
MSG_TIMESTAMP = "1409659813"
MSG_NONCE = "1372623149"
MSG_ENCRYPT = (
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3Qcz"
    "cdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8q"
    "Ljvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4L"
    "UMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rU"
    "PA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lX"
    "dQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=="
)
MSG_BODY = (
    f"<xml><ToUserName><![CDATA[{CORP_ID}]]></ToUserName>"
    f"<Encrypt><![CDATA[{MSG_ENCRYPT}]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>"
)
MSG_PLAIN = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
    "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
    "<CreateTime>1409659813</CreateTime>\n"
    "<MsgType><![CDATA[text]]></MsgType>\n"
    "<Content><![CDATA[hello]]></Content>\n"
    "<MsgId>4561255354251345929</MsgId>\n"
    "<AgentID>218</AgentID>\n"
    "</xml>"
)


@pytest.fixture
def crypto() -> WeComCrypto:
    return WeComCrypto(TOKEN, AES_KEY, CORP_ID)


def test_official_sample_url_verification(crypto: WeComCrypto) -> None:
    assert crypto.verify_url(**VERIFY) == VERIFY_PLAIN


def test_official_sample_message_signature_and_plaintext(crypto: WeComCrypto) -> None:
    assert signature(TOKEN, MSG_TIMESTAMP, MSG_NONCE, MSG_ENCRYPT) == MSG_SIGNATURE
    plain = crypto.decrypt_message(MSG_BODY, MSG_SIGNATURE, MSG_TIMESTAMP, MSG_NONCE)
    assert plain == MSG_PLAIN
    msg = InboundMessage.from_xml(plain)
    assert (msg.from_user_name, msg.msg_type, msg.content) == ("mycreate", "text", "hello")
    assert (msg.msg_id, msg.agent_id, msg.create_time) == ("4561255354251345929", "218", 1409659813)


@pytest.mark.parametrize(
    "text", ["<xml><Content><![CDATA[你好，世界]]></Content></xml>", "", "x" * 5000]
)
def test_round_trip(crypto: WeComCrypto, text: str) -> None:
    envelope = crypto.encrypt_message(text, nonce="42", timestamp=1700000000)
    fields = parse_xml(envelope)
    assert fields["TimeStamp"] == "1700000000" and fields["Nonce"] == "42"
    assert crypto.decrypt_message(envelope, fields["MsgSignature"], "1700000000", "42") == text


def test_ours_to_wechatpy(crypto: WeComCrypto) -> None:
    theirs = WeChatCrypto(TOKEN, AES_KEY, CORP_ID)
    reply = text_reply_xml("mycreate", CORP_ID, "您好！请问有什么可以帮您？", 1700000000)
    envelope = crypto.encrypt_message(reply, nonce="nonce1", timestamp="1700000000")
    fields = parse_xml(envelope)
    assert theirs.decrypt_message(envelope, fields["MsgSignature"], "1700000000", "nonce1") == reply


def test_wechatpy_to_ours(crypto: WeComCrypto) -> None:
    theirs = WeChatCrypto(TOKEN, AES_KEY, CORP_ID)
    inner = "<xml><FromUserName><![CDATA[zhangsan]]></FromUserName><Content><![CDATA[申报条件是什么？]]></Content></xml>"
    envelope = theirs.encrypt_message(inner, nonce="99", timestamp="1700000001")
    fields = parse_xml(envelope)
    assert crypto.decrypt_message(envelope, fields["MsgSignature"], "1700000001", "99") == inner


def test_wechatpy_rejects_our_payload_for_other_corp() -> None:
    ours = WeComCrypto(TOKEN, AES_KEY, "ww0000000000000000")
    envelope = ours.encrypt_message("<xml/>", nonce="1", timestamp="1")
    fields = parse_xml(envelope)
    with pytest.raises(InvalidCorpIdException):
        WeChatCrypto(TOKEN, AES_KEY, CORP_ID).decrypt_message(
            envelope, fields["MsgSignature"], "1", "1"
        )


def test_forged_signature(crypto: WeComCrypto) -> None:
    with pytest.raises(SignatureError):
        crypto.decrypt_message(MSG_BODY, "0" * 40, MSG_TIMESTAMP, MSG_NONCE)
    with pytest.raises(SignatureError):
        crypto.verify_url(**(VERIFY | {"nonce": "263014781"}))
    with pytest.raises(SignatureError):
        WeComCrypto("other-token", AES_KEY, CORP_ID).verify_url(**VERIFY)


def test_wrong_corp_id() -> None:
    with pytest.raises(ReceiveIdError):
        WeComCrypto(TOKEN, AES_KEY, "ww1436e0e65a779aee").verify_url(**VERIFY)


def test_tampered_ciphertext(crypto: WeComCrypto) -> None:
    raw = bytearray(base64.b64decode(MSG_ENCRYPT))
    raw[-1] ^= 0xFF  # breaks the padding of the last block
    forged = base64.b64encode(bytes(raw)).decode()
    body = MSG_BODY.replace(MSG_ENCRYPT, forged)
    with pytest.raises(DecryptError):
        crypto.decrypt_message(body, signature(TOKEN, "1", "2", forged), "1", "2")
    for bad in ["not base64!!", base64.b64encode(b"short").decode()]:
        body = f"<xml><Encrypt>{bad}</Encrypt></xml>"
        with pytest.raises(DecryptError):
            crypto.decrypt_message(body, signature(TOKEN, "1", "2", bad), "1", "2")


def test_pkcs7_block_32() -> None:
    assert len(pkcs7_pad(b"")) == 32 and pkcs7_pad(b"")[-1] == 32
    assert len(pkcs7_pad(b"a" * 31)) == 32 and len(pkcs7_pad(b"a" * 32)) == 64
    assert pkcs7_unpad(pkcs7_pad(b"abc")) == b"abc"
    for bad in [b"", b"a" * 31 + b"\x00", b"a" * 31 + b"\x21", b"a" * 30 + b"\x01\x02"]:
        with pytest.raises(DecryptError):
            pkcs7_unpad(bad)


def test_unsafe_or_malformed_xml(crypto: WeComCrypto) -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xml><Encrypt>&a;</Encrypt></xml>'
    for body in [bomb, "<xml><Encrypt>", "<html/>", "<xml><ToUserName>x</ToUserName></xml>"]:
        with pytest.raises(PayloadError):
            crypto.decrypt_message(body, "x", "1", "2")


def test_inbound_message_requires_fields() -> None:
    with pytest.raises(PayloadError):
        InboundMessage.from_xml("<xml><MsgType>text</MsgType></xml>")


def test_cdata_escapes_terminator() -> None:
    xml = text_reply_xml("u", CORP_ID, "a]]>b<c>&", 1)
    assert parse_xml(xml)["Content"] == "a]]>b<c>&"
    assert cdata("]]>") == "<![CDATA[]]]]><![CDATA[>]]>"


@pytest.mark.parametrize(
    ("args", "variable"),
    [
        (("", AES_KEY, CORP_ID), "POLICYBOT_WECOM_TOKEN"),
        ((TOKEN, AES_KEY, ""), "POLICYBOT_WECOM_CORP_ID"),
        ((TOKEN, AES_KEY[:-1], CORP_ID), "POLICYBOT_WECOM_AES_KEY"),
        ((TOKEN, AES_KEY[:-1] + "*", CORP_ID), "POLICYBOT_WECOM_AES_KEY"),
        ((TOKEN, "", CORP_ID), "POLICYBOT_WECOM_AES_KEY"),
    ],
)
def test_config_errors_name_the_variable(args: tuple[str, str, str], variable: str) -> None:
    with pytest.raises(ConfigError, match=variable):
        WeComCrypto(*args)


def test_crypto_from_settings() -> None:
    env = {
        "POLICYBOT_WECOM_TOKEN": TOKEN,
        "POLICYBOT_WECOM_AES_KEY": AES_KEY,
        "POLICYBOT_WECOM_CORP_ID": CORP_ID,
    }
    assert crypto_from_settings(load_settings(env=env)).verify_url(**VERIFY) == VERIFY_PLAIN
    with pytest.raises(SettingsError, match="POLICYBOT_WECOM_AES_KEY"):
        crypto_from_settings(load_settings(env=env | {"POLICYBOT_WECOM_AES_KEY": "short"}))
