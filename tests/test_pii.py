"""mask_pii: every pattern it names is masked; ordinary sentences are left alone."""
from __future__ import annotations

import pytest

import empathkit

MASKED = [
    ("手机13812345678", "phone", "13812345678"),
    ("电话138-1234-5678", "phone", "138-1234-5678"),
    ("电话 +86 139 1234 5678", "phone", "+86 139 1234 5678"),
    ("已脱敏 138****5678", "phone", "138****5678"),
    ("香港電話 +852 9123 4567", "phone", "+852 9123 4567"),
    ("台灣手機 0912-345-678", "phone", "0912-345-678"),
    ("座机010-12345678", "phone", "010-12345678"),
    ("台北 (02)2345-6789", "phone", "(02)2345-6789"),
    ("身份证110101199003074514", "id_card", "110101199003074514"),
    ("身份证 110101********4514", "id_card", "110101********4514"),
    ("身份證 A123456789", "id_card", "A123456789"),
    ("HKID A123456(7)", "id_card", "A123456(7)"),
    ("卡号6222020200000000006", "bank_card", "6222020200000000006"),
    ("卡号 4111 1111 1111 1111", "bank_card", "4111 1111 1111 1111"),
    ("邮箱 zhang.san@example.com 联系", "email", "zhang.san@example.com"),
    ("寄到北京市朝阳区建国路88号5号楼1201室", "address", "北京市朝阳区建国路88号5号楼1201室"),
    ("台北市大安區忠孝東路四段100號5樓", "address", "台北市大安區忠孝東路四段100號5樓"),
]


@pytest.mark.parametrize("text,kind,value", MASKED)
def test_each_pattern_is_masked(text, kind, value):
    masked = empathkit.mask_pii(text)
    start = text.index(value)
    assert [(s.kind, s.start, s.end) for s in masked.spans] == [(kind, start, start + len(value))]
    assert len(masked.text) == len(text)
    hidden = masked.text[start:start + len(value)]
    assert "*" in hidden and (hidden != value or "****" in value)
    assert masked.text[:start] == text[:start] and masked.text[start + len(value):] == text[start + len(value):]


def test_phone_mask_keeps_the_usual_visible_digits():
    assert empathkit.mask_pii("13812345678").text == "138****5678"


def test_id_checksum_rejects_a_random_18_digit_number():
    assert empathkit.mask_pii("单号110101199003074515").spans == ()


def test_luhn_rejects_an_invalid_card_number():
    assert empathkit.mask_pii("卡号6222020200000000007").spans == ()


ORDINARY = [
    "我走在路上，订单号123456789012还没到",
    "订单4000123456789012什么时候发货",
    "我花了400元买的，等了3天",
    "11月20号下午3点下的单",
    "第2号楼梯坏了吗",
    "价格是1388元，数量2件",
    "快递单号SF1234567890123",
    "请问@客服 在吗",
    "",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_sentences_are_left_alone(text):
    masked = empathkit.mask_pii(text)
    assert masked.spans == () and masked.text == text


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError, match="bytes"):
        empathkit.mask_pii(b"13812345678")


def test_email_right_after_chinese_is_masked():
    from empathkit import mask_pii

    for text in ("我的邮箱是abc@163.com", "邮箱zhangsan@qq.com"):
        masked = mask_pii(text).text
        assert "abc@" not in masked and "zhangsan@" not in masked, masked
