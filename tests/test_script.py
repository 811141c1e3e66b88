"""Script detection and conversion (OpenCC)."""
from __future__ import annotations

import pytest

import empathkit
from empathkit.script import to_simplified

CASES = [
    ("我的快递怎么还没到", "simplified", "cn"),
    ("我的快遞怎麼還沒到", "traditional", "t"),
    ("點解仲未收到貨㗎", "traditional", "hk"),
    ("網路上買的東西到現在還沒寄來喔", "traditional", "tw"),
    ("hello there", "non_chinese", "cn"),
    ("😡😡😡", "non_chinese", "cn"),
    ("   ", "empty", "cn"),
    ("", "empty", "cn"),
    ("我的快遞還沒到，快点发货好吗", "mixed", "cn"),
]


@pytest.mark.parametrize("text,script,variant", CASES)
def test_detect_script(text, script, variant):
    info = empathkit.detect_script(text)
    assert (info.script, info.variant) == (script, variant)


def test_shared_characters_only_count_as_simplified():
    assert empathkit.detect_script("我是人").script == "simplified"


def test_one_stray_character_does_not_make_a_message_mixed():
    assert empathkit.detect_script("這個東西質量還不錯，物流也很快，會再來買的，谢").script == "traditional"


@pytest.mark.parametrize("variant,expected", [("cn", "软件里面"), ("t", "軟件裏面"), ("tw", "軟件裡面"), ("hk", "軟件裏面")])
def test_convert_script_to_each_variant(variant, expected):
    assert empathkit.convert_script("软件里面", variant) == expected


def test_unknown_variant_is_an_input_error():
    with pytest.raises(empathkit.InputError):
        empathkit.convert_script("你好", "jp")


GOLDEN_ROUND_TRIP = ["您的订单已经发货了，请耐心等待", "非常抱歉给您带来不便，我们马上为您处理退款", "快递员明天下午会联系您"]


@pytest.mark.parametrize("text", GOLDEN_ROUND_TRIP)
@pytest.mark.parametrize("variant", ["t", "tw", "hk"])
def test_simplified_round_trips_through_each_variant(text, variant):
    converted = empathkit.convert_script(text, variant)
    assert converted != text
    assert to_simplified(converted) == text


def test_to_simplified_keeps_length():
    text = "隨身碟和計程車的軟體"
    assert len(to_simplified(text)) == len(text)
