"""Key-information extraction: numerals, entities, STAR spans, intent, restatement, result types."""
from __future__ import annotations

import datetime as dt
import json
import re
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from empathkit import InputError
from empathkit._resources import read_tsv
from empathkit.entities import find_entities, matching_text
from empathkit.keyinfo import CONTEXT_BELOW, classify_intent, conversation_intent, extract
from empathkit.keyinfo_types import Entity, KeyInfo, Star, TextSpan, mask_value
from empathkit.labels import ENTITY_TYPES, INTENTS, STAR_FIELDS
from empathkit.pii import find_pii
from empathkit.numerals import datetime_value, duration_value, parse_number, resolve_datetime
from empathkit.script import converter
from empathkit.segment import Segmenter, tokenize

from .conftest import load_golden

GOLDEN = load_golden("keyinfo")
REFERENCE = dt.datetime(2024, 11, 23, 10, 0)  # a Saturday


def _s2t(text: str) -> str | None:
    out = converter("s2t").convert(text)
    return out if len(out) == len(text) else None


def _all_spans(info: KeyInfo) -> list[tuple[str, TextSpan]]:
    return [(name, span) for name in STAR_FIELDS for span in info.star.spans(name)]


# ----------------------------------------------------------------------------------------------------------
# numerals
# ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("三百五十", 350), ("两千零五", 2005), ("1.5万", 15000), ("半", 0.5), ("一百二", 120), ("一万五", 15000),
    ("十五", 15), ("二零零五", 2005), ("一千零一", 1001), ("一亿两千万", 120_000_000), ("3,000", 3000),
    ("一个半", 1.5), ("廿五", 25), ("１２", 12), ("零", 0),
])
def test_parse_number_reads_chinese_and_arabic_numerals(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["几", "十几", "[数字x]", "", "三五十", "百千", "abc"])
def test_parse_number_refuses_vague_or_masked_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("text, value", [
    ("三天", "P3D"), ("两个多小时", "PT2H~PT3H"), ("半个月", "P0.5M"), ("一个半小时", "PT1.5H"), ("一整天", "P1D"),
    ("3-5天", "P3D~P5D"), ("三到五天", "P3D~P5D"), ("十五个工作日", "P15D"), ("一年多", "P1Y~P2Y"),
    ("十多天", "P10D~P20D"), ("两周", "P2W"), ("五年", "P5Y"), ("半小时", "PT0.5H"),
])
def test_duration_value_is_iso_8601(text: str, value: str) -> None:
    assert duration_value(text) == value


@pytest.mark.parametrize("text", ["[数字x]天", "几天", "好多天", "今天"])
def test_duration_value_is_none_when_masked_or_vague(text: str) -> None:
    assert duration_value(text) is None


@pytest.mark.parametrize("text, code, resolved", [
    ("昨天下午三点", "-1dT15:00", "2024-11-22T15:00"),
    ("明天晚上六点", "+1dT18:00", "2024-11-24T18:00"),
    ("上周五", "-1wW5", "2024-11-15"),
    ("11月20号", "M11D20", "2024-11-20"),
    ("双十一", "双十一", "2024-11-11"),
    ("昨晚", "-1dTevening", "2024-11-22"),
    ("今天", "+0d", "2024-11-23"),
    ("去年", "-1y", "2023"),
    ("周六", "W6", "2024-11-23"),
    ("三十号", "D30", "2024-11-30"),
    ("中午一点", "T13:00", "2024-11-23T13:00"),
    ("明天上午[数字x]点", "+1dTmorning", "2024-11-24"),
])
def test_datetime_value_and_resolution(text: str, code: str, resolved: str) -> None:
    assert datetime_value(text) == code
    assert resolve_datetime(code, REFERENCE) == resolved


def test_a_past_month_day_said_in_january_resolves_to_last_year() -> None:
    assert resolve_datetime("M12D20", dt.date(2025, 1, 3)) == "2024-12-20"


@pytest.mark.parametrize("text", ["[日期x]", "[数字x]号", "[日期x] [时间x]", "端午节快乐啊哈"])
def test_datetime_value_of_masked_time_is_none_and_lunar_festival_unresolved(text: str) -> None:
    value = datetime_value(text)
    assert value is None or resolve_datetime(value, REFERENCE) is None


# ----------------------------------------------------------------------------------------------------------
# golden cases, as written and as OpenCC s2t copies
# ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", GOLDEN, ids=[c["text"][:20] for c in GOLDEN])
def test_golden_case_as_written(case: dict) -> None:
    info = extract(case["text"])
    found = [(e.type, e.text, e.value) for e in info.entities]
    for entity_type, text, value in case["entities"]:
        assert (entity_type, text, value) in found
    for name, spans in case["star"].items():
        got = [span.text for span in info.star.spans(name)]
        if not spans:
            assert got == []
        for span in spans:
            assert span in got, (name, got)
    if "intent" in case:
        assert info.intent == case["intent"]


@pytest.mark.parametrize("case", GOLDEN, ids=[c["text"][:20] for c in GOLDEN])
def test_golden_case_in_traditional_script_gives_the_same_spans(case: dict) -> None:
    traditional = _s2t(case["text"])
    if traditional is None:
        pytest.skip("OpenCC changed the length of this text")
    simplified_info, traditional_info = extract(case["text"]), extract(traditional)
    assert [(n, s.start, s.end) for n, s in _all_spans(simplified_info)] == \
           [(n, s.start, s.end) for n, s in _all_spans(traditional_info)]
    assert [(e.type, e.start, e.end, e.value) for e in simplified_info.entities] == \
           [(e.type, e.start, e.end, e.value) for e in traditional_info.entities]
    assert simplified_info.intent == traditional_info.intent
    for _, span in _all_spans(traditional_info):
        assert traditional[span.start:span.end] == span.text


def test_golden_file_covers_every_entity_type_and_star_field() -> None:
    types = {e[0] for case in GOLDEN for e in case["entities"]}
    fields = {name for case in GOLDEN for name, spans in case["star"].items() if spans}
    assert types == set(ENTITY_TYPES)
    assert fields == set(STAR_FIELDS)
    assert any(extract(case["text"]).script == "traditional" for case in GOLDEN)


# ----------------------------------------------------------------------------------------------------------
# entities
# ----------------------------------------------------------------------------------------------------------

def test_matching_text_keeps_length_and_simplifies() -> None:
    text = "訂單號：１２３，到帳了嗎？"
    assert len(matching_text(text)) == len(text)
    assert matching_text(text) == "订单号:123,到账了吗?"


def test_phone_detection_reuses_pii_detectors() -> None:
    for text in ("电话 138-1234-5678 找我", "+86 13812345678", "打 021-12345678"):
        assert [e.type for e in find_entities(text)] == ["phone"]


def test_sku_ids_and_names_are_not_entities() -> None:
    assert find_entities("商品ID:[数字x] [姓名x] [链接x]") == ()


def test_phone_number_is_not_an_order_or_amount() -> None:
    types = [e.type for e in find_entities("手机号13812345678，订单号123456789012，退我50元")]
    assert types == ["phone", "order_id", "amount"]


def test_entity_reference_time_fills_resolved() -> None:
    entity = extract("我昨天下午三点下的单", reference_time=REFERENCE).entities[0]
    assert (entity.type, entity.value, entity.resolved) == ("datetime", "-1dT15:00", "2024-11-22T15:00")
    assert extract("我昨天下午三点下的单").entities[0].resolved is None


def test_entities_do_not_overlap() -> None:
    entities = extract("VF[电话x] 订单号:[订单x] 收货人[姓名x] [数字x] 北京[地址x] 明天下午三点 [数字x]元").entities
    for a, b in zip(entities, entities[1:]):
        assert a.end <= b.start


# ----------------------------------------------------------------------------------------------------------
# restatement
# ----------------------------------------------------------------------------------------------------------

def test_restate_builds_the_confirmation_from_the_spans() -> None:
    sentence = extract("我11月20号下的订单，到现在已经三天了还没收到，麻烦尽快帮我查一下物流").restate()
    assert sentence == "跟您确认一下：您11月20号下的订单，到现在已经三天了还没收到，您希望尽快查一下物流，对吗？"


def test_restate_answers_in_the_customers_script() -> None:
    sentence = extract("我買的手機螢幕裂了，我要退貨").restate()
    assert sentence.startswith("跟您確認一下") and sentence.endswith("對嗎？")
    assert "退貨" in sentence


def test_restate_masks_phone_id_and_bank_numbers() -> None:
    text = "我的电话是13812345678，身份证110101199003074258，帮我改一下收货人"
    sentence = extract(text).restate()
    assert "13812345678" not in sentence and "110101199003074258" not in sentence
    assert "138****5678" in sentence


def test_restate_of_empty_and_thanks() -> None:
    assert extract("").restate() == ""
    assert extract("谢谢你，辛苦了").restate() == "感谢您的认可！"


# ----------------------------------------------------------------------------------------------------------
# properties
# ----------------------------------------------------------------------------------------------------------

_FRAGMENTS = st.sampled_from([
    "我", "订单号:", "[订单x]", "[数字x]", "[电话x]", "[金额x]", "VF", "元", "块钱", "昨天", "下午三点", "三天", "两个多小时",
    "还没收到", "帮我查一下", "已经申请了", "退款", "，", "。", "？", "!", " ", "  ", "如果", "的话", "吗", "怎么", "没有",
    "手机", "小米", "买的", "上海[地址x]", "jd_", "谢谢", "您好", "13812345678", "110101199003074258", "¥", "5", "号",
    "訂單", "還沒", "聯繫", "😡", "[微笑]", "\u3000", "ＶＦ１２", "為什麼", "[", "]", "x]", "\n", "\ud800",
])
_MESSAGES = st.one_of(st.text(max_size=80), st.lists(_FRAGMENTS, max_size=20).map("".join))


def _digit_runs(text: str) -> list[str]:
    return re.findall(r"\d+", text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MESSAGES)
def test_every_span_indexes_the_input_exactly(text: str) -> None:
    info = extract(text)
    occupied: list[tuple[int, int]] = []
    for _, span in _all_spans(info):
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start:span.end] == span.text
        assert span.text == span.text.strip()
        assert not any(span.start < e and s < span.end for s, e in occupied), "STAR spans overlap"
        occupied.append((span.start, span.end))
    for entity in info.entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start:entity.end] == entity.text
        assert entity.type in ENTITY_TYPES
    assert info.intent in INTENTS and 0.0 <= info.intent_score <= 1.0
    json.dumps(info.to_dict())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MESSAGES)
def test_restate_adds_no_digits_and_shows_no_phone_or_id(text: str) -> None:
    info = extract(text)
    sentence = info.restate()
    for run in _digit_runs(sentence):
        assert run in text
    secrets = [text[s.start:s.end] for s in find_pii(text) if s.kind in ("phone", "id_card", "bank_card")]
    secrets += [e.text for e in info.entities if e.type == "phone" and "x]" not in e.text]
    # An order number is quoted as written; a phone that happens to be part of it is no leak.
    for order in (e.text for e in info.entities if e.type == "order_id"):
        sentence = sentence.replace(order, "")
    for secret in secrets:
        if len(_digit_runs(secret)) and sum(map(len, _digit_runs(secret))) >= 7:
            assert secret not in sentence


# ----------------------------------------------------------------------------------------------------------
# bad input, bounds, result types
# ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [None, 3, b"\xe4\xbd\xa0", ["你好"]])
def test_non_str_input_raises_type_error_naming_the_type(value: object) -> None:
    with pytest.raises(TypeError, match=type(value).__name__):
        extract(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_input_gives_an_empty_keyinfo(text: str) -> None:
    info = extract(text)
    assert info.star.empty and info.entities == () and info.intent == "other" and info.intent_score == 0.0


def test_huge_input_is_cut_to_max_chars() -> None:
    text = "我的订单还没收到，帮我查一下。" * 20_000
    info = extract(text)
    assert info.truncated
    assert all(span.end <= 5000 for _, span in _all_spans(info))
    assert extract(text[:100]).truncated is False


def test_to_dict_masks_personal_data_by_default() -> None:
    info = extract("我的电话是13812345678，帮我改一下地址")
    masked, plain = info.to_dict(), info.to_dict(mask_personal=False)
    assert "13812345678" not in json.dumps(masked, ensure_ascii=False)
    assert "13812345678" in json.dumps(plain, ensure_ascii=False)
    assert list(masked)[:6] == ["intent", "intent_score", "intent_from_context", "script", "variant", "truncated"]


def test_repr_never_shows_the_message() -> None:
    info = extract("我的电话是13812345678，订单[订单x]还没收到")
    for shown in (repr(info), repr(info.star), *map(repr, info.entities), *map(repr, _all_spans(info))):
        assert "1381234" not in shown and "还没收到" not in shown
    assert "13812345678" not in info._repr_html_()
    assert "<table>" in info._repr_html_()


def test_result_types_are_frozen() -> None:
    info = extract("订单号:[订单x] 我想申请退款")
    with pytest.raises(AttributeError):
        info.intent = "other"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        info.entities[0].value = "x"  # type: ignore[misc]
    assert isinstance(info.star, Star) and isinstance(info.entities[0], Entity)


def test_mask_value_keeps_only_the_edges() -> None:
    assert mask_value("13812345678") == "138****5678"
    assert mask_value("12345678") == "******78"
    assert mask_value("[电话x]") == "[电话x]"


FOLLOW_UPS = ["好的 需要我把订单发给你吗", "对的 还需要多久才能处理完?", "我退个东西运费险怎么赔付", "嗯嗯",
              "那我等到三十号 再见", "我要退款，商品坏了", "谢谢你", "什麼時候能到"]


@pytest.mark.parametrize("text", FOLLOW_UPS)
def test_a_follow_up_without_its_own_intent_takes_the_conversations(text: str) -> None:
    alone = extract(text)
    assert not alone.intent_from_context
    for previous in ("refund", "delivery_status"):
        read = extract(text, previous_intent=previous)
        if alone.intent_score < CONTEXT_BELOW:
            assert read.intent == previous
            assert read.intent_from_context == (alone.intent != previous)
        else:
            assert read == alone
        assert read.intent_score == alone.intent_score and read.star == alone.star


@pytest.mark.parametrize("text", ["可以", "好的", "行", "是的", "[订单x]", "咨询订单号:[订单x] 订单金额:[金额x]", "可以的 [数字x]"])
def test_a_content_free_turn_asks_nothing_and_inherits_the_conversations_intent(text: str) -> None:
    # Only fillers, placeholders, metadata and bare answers: the classifier (trained without such turns) is not
    # asked, so a guess like 可以 -> product_question (0.73) cannot override the conversation's intent.
    alone = extract(text)
    assert (alone.intent, alone.intent_score) == ("other", 0.0)
    read = extract(text, previous_intent="refund")
    assert read.intent == "refund" and read.intent_from_context
    assert extract("可以退款吗", previous_intent="delivery_status").intent == "refund"  # content keeps its own


@pytest.mark.parametrize("text", ["谢谢", "好的谢谢", "没有了，谢谢", "打扰啦", "那你费心了", "好的👌 THANKS", "嗯嗯好哒，麻烦啦",
                                  "[数字x] 謝謝"])
def test_thanks_alone_is_praise_thanks_and_does_not_inherit(text: str) -> None:
    # Thanks and polite closings with only fillers around them are praise_thanks by the label convention; before
    # this rule, 好的谢谢 counted as content-free and took the conversation's intent (e.g. refund).
    read = extract(text, previous_intent="refund")
    assert (read.intent, read.intent_score, read.intent_from_context) == ("praise_thanks", 1.0, False)
    for asks in ("谢谢 那赠品呢?", "麻烦帮我退款 谢谢"):  # a request beside the thanks keeps its own intent
        assert extract(asks).intent != "praise_thanks"


def test_a_clear_follow_up_keeps_its_own_intent_and_a_vague_one_inherits() -> None:
    assert extract("好的 需要我把订单发给你吗").intent_score < CONTEXT_BELOW  # the vague case below is vague
    vague = extract("好的 需要我把订单发给你吗", previous_intent="refund")
    assert vague.intent == "refund" and vague.intent_from_context
    assert vague.to_dict()["intent_from_context"] is True
    clear = extract("我要退款，商品坏了", previous_intent="delivery_status")
    assert clear.intent == "refund" and not clear.intent_from_context


def test_thanks_and_other_are_not_a_conversation_topic() -> None:
    for previous in ("other", "praise_thanks"):
        assert extract("好的 需要我把订单发给你吗", previous_intent=previous) == extract("好的 需要我把订单发给你吗")
    assert conversation_intent([]) is None
    assert conversation_intent(["refund", "praise_thanks", "other"]) == "refund"
    assert conversation_intent(["refund", "delivery_status", "other"]) == "delivery_status"


def test_an_unknown_previous_intent_is_a_typed_error() -> None:
    with pytest.raises(InputError, match="previous_intent"):
        extract("好的", previous_intent="refunds")


def test_classify_intent_prefers_the_concrete_request_over_the_complaint() -> None:
    assert classify_intent(matching_text("你们京东自营都这么差 退款几天能退到给我"))[0] == "refund"


def test_parallel_extraction_equals_serial() -> None:
    texts = [case["text"] for case in GOLDEN]
    serial = [extract(text).to_dict() for text in texts]
    results: dict[int, list[dict]] = {}

    def work(index: int) -> None:
        results[index] = [extract(text).to_dict() for text in texts]

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(result == serial for result in results.values())


# ----------------------------------------------------------------------------------------------------------
# segmenter and tables
# ----------------------------------------------------------------------------------------------------------

def test_segmenter_is_lazy_and_keeps_placeholders_whole() -> None:
    segmenter = Segmenter(user_words=["碎屏险"])
    assert not segmenter.loaded
    tokens = segmenter.tokenize("我买的碎屏险[订单x]还没生效")
    assert segmenter.loaded
    assert "".join(t.word for t in tokens) == "我买的碎屏险[订单x]还没生效"
    assert "[订单x]" in [t.word for t in tokens] and "碎屏险" in [t.word for t in tokens]
    assert all(t.start < t.end for t in tokens)


def test_segmenter_load_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    Segmenter().tokenize("快递还没到")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_default_tokenize_covers_the_text() -> None:
    text = "小米[数字x]手机屏幕裂了"
    assert "".join(t.word for t in tokenize(text)) == text


@pytest.mark.parametrize("name, columns", [
    ("products.tsv", ["term", "category", "source"]),
    ("places.tsv", ["name", "level", "source"]),
    ("intent_cues.tsv", ["pattern", "intent", "weight", "source"]),
])
def test_keyinfo_tables_have_a_source_column(name: str, columns: list[str]) -> None:
    rows = read_tsv(name)
    assert rows and list(rows[0]) == columns
    assert all(row["source"] for row in rows)
    if name == "intent_cues.tsv":
        for row in rows:
            assert row["intent"] in INTENTS
            re.compile(row["pattern"])
            assert 0 < float(row["weight"]) <= 5
    else:
        keys = [row[columns[0]] for row in rows]
        assert len(keys) == len(set(keys)) and keys == sorted(keys)
