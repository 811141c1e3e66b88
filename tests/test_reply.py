"""suggest_response: three layers, triage, phrase bank, guardrails, script variants, options."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import empathkit
from empathkit import InputError, Reply, check_reply
from empathkit.guardrails import numbers_in
from empathkit.keyinfo import extract
from empathkit.labels import EMOTIONS, INTENTS
from empathkit.phrasebank import PHRASES, candidates
from empathkit.reply import build_reply
from empathkit.reply_types import OFFERS
from empathkit.results import EmotionResult, Flags
from empathkit.script import detect_script

from .conftest import load_golden

GOLDEN = load_golden("replies")
KEY_OF = {p.id: p.key for p in PHRASES.get()}
LAYER_OF = {p.id: p.layer for p in PHRASES.get()}


def fake_emotion(text: str, label: str, intensity: float, *, polarity: float | None = None, escalation: float = 0.0,
                 sarcasm: float = 0.0, urgency: float = 0.0) -> EmotionResult:
    """An emotion result with chosen values, so reply behaviour is tested apart from the model."""
    scores = {name: (0.9 if name == label else 0.1 / 7) for name in EMOTIONS}
    if polarity is None:
        polarity = {"joy": 0.8, "gratitude": 0.8, "neutral": 0.0, "surprise": 0.0}.get(label, -0.8)
    return EmotionResult(label=label, scores=scores, polarity=polarity, intensity=intensity,
                         flags=Flags(escalation, sarcasm, urgency), cues=(), script=detect_script(text))


def reply_for(case: dict) -> Reply:
    text = case["text"]
    emotion = fake_emotion(text, case["emotion"], case["intensity"], polarity=case.get("polarity"),
                           escalation=case.get("escalation", 0.0), sarcasm=case.get("sarcasm", 0.0),
                           urgency=case.get("urgency", 0.0))
    return build_reply(text, emotion, extract(text), offers=case.get("offers", ()),
                       callback_time=case.get("callback_time"), brand=case.get("brand"))


# ----------------------------------------------------------------------------------------------------------
# golden behaviour
# ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", GOLDEN, ids=[c["name"] for c in GOLDEN])
def test_golden_reply(case: dict) -> None:
    reply = reply_for(case)
    assert reply.layers.cognitive and reply.layers.affective and reply.layers.action
    assert reply.triage.route == case["route"]
    if "priority" in case:
        assert reply.triage.priority == case["priority"]
    if "intent" in case:
        assert reply.intent == case["intent"]
    for needle in case.get("contains", ()):
        assert needle in reply.text, (needle, reply.text)
    for needle in case.get("not_contains", ()):
        assert needle not in reply.text, (needle, reply.text)
    if "affective_key" in case:
        affective = [t for t in reply.templates if LAYER_OF.get(t) == "affective"]
        assert affective and KEY_OF[affective[0]] == case["affective_key"]
    if case.get("no_verify"):
        assert reply.layers.verify == ""
    script = detect_script(reply.text).script
    assert script == case.get("script", "simplified"), reply.text
    assert check_reply(reply.text, case["text"], offers=case.get("offers", ()),
                       allowed_text=[v for v in (case.get("callback_time"), case.get("brand")) if v]) == ()


def test_golden_covers_every_emotion_and_intent() -> None:
    keys = {c.get("affective_key") for c in GOLDEN}
    assert set(EMOTIONS) | {"sarcasm"} <= keys
    assert set(INTENTS) - {"praise_thanks"} <= {c.get("intent") for c in GOLDEN} | {"praise_thanks"}
    assert "praise_thanks" in {c.get("intent") for c in GOLDEN}


def test_every_intent_and_emotion_has_rows() -> None:
    for intent in INTENTS:
        for tone in ("warm", "formal", "brief"):
            assert candidates("action", intent, band="*", tone=tone, region="cn", have=frozenset())
            assert candidates("cognitive", intent, band="*", tone=tone, region="cn", have=frozenset())
    for key in (*EMOTIONS, "sarcasm"):
        for band in ("low", "mid", "high"):
            for tone in ("warm", "formal", "brief"):
                for region in ("cn", "tw", "hk"):
                    assert candidates("affective", key, band=band, tone=tone, region=region, have=frozenset())


def test_phrase_bank_has_no_digits_and_passes_guardrails() -> None:
    for phrase in PHRASES.get():
        assert not re.search(r"\d", phrase.text)
        if phrase.layer != "offer":
            assert not check_reply(phrase.text, "", min_chars=0), phrase.id


def test_same_input_same_reply_and_different_messages_vary() -> None:
    first = empathkit.suggest_response("我的快递三天了还没到，怎么回事")
    again = empathkit.suggest_response("我的快递三天了还没到，怎么回事")
    assert first == again
    texts = ["我的快递三天了还没到", "快递怎么还没到啊", "包裹到哪了", "物流一直不更新", "还没发货吗"]
    replies = {empathkit.suggest_response(t).layers.affective + empathkit.suggest_response(t).layers.action
               for t in texts}
    assert len(replies) >= 2


def test_alternatives_differ_from_the_reply() -> None:
    reply = empathkit.suggest_response("我的快递三天了还没到，怎么回事", alternatives=3)
    assert reply.alternatives
    assert reply.text not in reply.alternatives
    assert len(set(reply.alternatives)) == len(reply.alternatives)
    assert empathkit.suggest_response("你好", alternatives=0).alternatives == ()


def test_tone_brief_is_shorter_and_formal_avoids_exclamations() -> None:
    text = "我买的耳机坏了，才用了两天"
    warm = empathkit.suggest_response(text)
    brief = empathkit.suggest_response(text, tone="brief")
    formal = empathkit.suggest_response(text, tone="formal")
    assert len(brief.text) < len(warm.text)
    assert brief.layers.verify == ""
    assert "！" not in formal.layers.affective


def test_address_forms() -> None:
    assert empathkit.suggest_response("在吗", address="亲").text.startswith("亲，")
    assert empathkit.suggest_response("在吗", address="女士").text.startswith("女士您好，")


@pytest.mark.parametrize("text, variant", [("請問我的訂單什麼時候出貨？", "t"), ("我想退貨，東西壞了", "t")])
def test_traditional_customers_get_traditional_replies(text: str, variant: str) -> None:
    for v in ("tw", "hk", None):
        reply = empathkit.suggest_response(text, variant=v)
        assert detect_script(reply.text).script == "traditional", reply.text
        assert reply.variant == (v or detect_script(text).variant)


def test_regional_wording() -> None:
    text = "我的包裹還沒到，很擔心"
    emotion = fake_emotion(text, "anxiety", 0.5)
    tw = build_reply(text, emotion, extract(text), variant="tw")
    hk = build_reply(text, emotion, extract(text), variant="hk")
    assert "協助" in tw.layers.affective
    assert "跟進" in hk.layers.affective


def test_escalation_on_a_real_message_routes_to_senior_agent() -> None:
    reply = empathkit.suggest_response("再不给我解决我就去12315投诉你们，还要给差评！")
    assert reply.triage.route == "senior_agent"
    assert reply.triage.needs_human


def test_result_types() -> None:
    reply = empathkit.suggest_response("我11月20号买的耳机到现在三天了还没收到，你们到底怎么回事？")
    data = reply.to_dict()
    json.dumps(data, ensure_ascii=False)
    assert data["text"] == reply.text == str(reply)
    assert set(data["layers"]) == {"cognitive", "affective", "action", "verify"}
    assert "耳机" in reply.explain()
    assert "<table" in reply._repr_html_()
    assert "耳机" not in repr(reply)  # the repr never shows the customer's words
    with pytest.raises(AttributeError):
        reply.text = "x"  # type: ignore[misc]


def test_empty_message_gets_a_greeting() -> None:
    reply = empathkit.suggest_response("   ")
    assert reply.text == "您好，请问有什么可以帮您？"
    assert reply.triage.route == "bot_ok"


@pytest.mark.parametrize("kwargs", [
    {"tone": "angry"}, {"address": "老板"}, {"offers": ["free_money"]}, {"variant": "jp"}, {"alternatives": 9},
    {"alternatives": True}, {"callback_time": ""}, {"brand": "x" * 31},
])
def test_bad_options_raise_input_error(kwargs: dict) -> None:
    with pytest.raises(InputError):
        empathkit.suggest_response("你好", **kwargs)


def test_offers_as_a_string_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        empathkit.suggest_response("你好", offers="refund")
    with pytest.raises(TypeError):
        empathkit.suggest_response(None)  # type: ignore[arg-type]


def test_batch_matches_single_calls() -> None:
    texts = ["我的快递三天了还没到", "谢谢亲", "垃圾质量"]
    batch = empathkit.suggest_response_batch(texts, offers=["refund"])
    assert [r.intent for r in batch] == [empathkit.suggest_response(t, offers=["refund"]).intent for t in texts]
    assert all(isinstance(r, Reply) for r in batch)


# ----------------------------------------------------------------------------------------------------------
# guardrails
# ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("reply, rule", [
    ("嗯", "perfunctory"), ("好的。", "perfunctory"), ("您先冷静一下，我们会处理的，请稍等片刻。", "perfunctory"),
    ("这是规定，我们也没办法处理您的这个问题呢。", "perfunctory"),
    ("是您自己没有仔细看商品详情页，所以才会这样。", "blame"),
    ("您好，已经记下您的电话13812345678，稍后联系您。", "personal_data"),
    ("您好，我们会在24小时内给您处理好这个问题。", "new_number"),
    ("您好，我们会在三天内给您处理好这个问题的。", "new_number"),
    ("您好，我马上为您办理退款，请您放心等待。", "promise"),
    ("您好，我们会给您补偿一张优惠券，请您放心。", "promise"),
    ("短短的", "length"),
])
def test_check_reply_flags(reply: str, rule: str) -> None:
    assert rule in {v.rule for v in check_reply(reply, "我的东西坏了")}


def test_check_reply_allows_facts_and_permitted_promises() -> None:
    message = "等了三天还没发货，订单123456789"
    assert check_reply("您好，您已经等了三天，订单123456789我马上为您核实，核实后为您办理退款。", message,
                       offers=["refund"]) == ()
    assert check_reply("您好，我们今天18:00前给您回电，请您放心。", message, allowed_text=["今天18:00"]) == ()
    assert numbers_in("哪一点") == set()


_OFFER_SETS = st.lists(st.sampled_from(OFFERS), unique=True, max_size=4)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=80), label=st.sampled_from(EMOTIONS), intensity=st.floats(0, 1),
       escalation=st.floats(0, 1), sarcasm=st.floats(0, 1), urgency=st.floats(0, 1), offers=_OFFER_SETS,
       tone=st.sampled_from(["warm", "formal", "brief"]), address=st.sampled_from(["您", "亲", "先生", "女士"]))
def test_guardrails_hold_for_any_message(text: str, label: str, intensity: float, escalation: float,
                                         sarcasm: float, urgency: float, offers: list[str], tone: str,
                                         address: str) -> None:
    emotion = fake_emotion(text, label, intensity, escalation=escalation, sarcasm=sarcasm, urgency=urgency)
    reply = build_reply(text, emotion, extract(text), offers=offers, tone=tone, address=address)
    assert check_reply(reply.text, text, offers=offers) == (), reply.text
    if text.strip():
        assert reply.layers.cognitive and reply.layers.affective and reply.layers.action
    if escalation >= 0.5 and text.strip():
        assert reply.triage.route != "bot_ok"
    assert build_reply(text, emotion, extract(text), offers=offers, tone=tone, address=address) == reply


_CHINESE = st.text(alphabet=st.sampled_from(list("我的快递订单号三天还没到退款手机13800138000耳机坏了怎么回事？！，。😡[微笑]呵呵")),
                   max_size=60)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_CHINESE, offers=_OFFER_SETS)
def test_guardrails_hold_for_service_like_messages(text: str, offers: list[str]) -> None:
    reply = empathkit.suggest_response(text, offers=offers)
    assert check_reply(reply.text, text, offers=offers) == (), reply.text
    for alternative in reply.alternatives:
        assert check_reply(alternative, text, offers=offers) == ()


def test_offers_may_be_a_one_shot_iterator() -> None:
    reply = empathkit.suggest_response("快递三天没到，很急", offers=iter(["expedite"]))
    assert "加急" in reply.text
    with pytest.raises(TypeError):
        empathkit.suggest_response("你好", offers=[["refund"]])  # type: ignore[list-item]


@pytest.mark.parametrize("text", ["再不给我退款我就去12315投诉，tmd气si了！！！", "帮我退款，不然我就投诉"])
def test_threats_and_venting_are_not_said_back_as_wishes_or_facts(text: str) -> None:
    restated = empathkit.extract_keyinfo(text).restate()
    cognitive = empathkit.suggest_response(text).layers.cognitive
    for said in (restated, cognitive):
        assert "投诉" not in said and "气死" not in said, said


# ----------------------------------------------------------------------------------------------------------
# wording: questions vs wishes, the delivery need question, joy only for positive messages
# ----------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, asked", [
    ("审核通过后会通知我吧?", "会不会通知您"),
    ("这款冰箱有白色的吗", "有没有白色的"),
    ("明天能送到吗", "能不能送到"),
    ("審核通過後會通知我吧?", "會不會通知您"),
])
def test_yes_no_question_is_restated_as_a_question(text: str, asked: str) -> None:
    reply = build_reply(text, fake_emotion(text, "neutral", 0.0), extract(text))
    assert asked in reply.layers.cognitive, reply.layers.cognitive
    assert "希望" not in reply.layers.cognitive and "是否" not in reply.layers.cognitive
    assert check_reply(reply.text, text) == ()


@pytest.mark.parametrize("text", ["已经发信息给配送小哥了", "[数字x]/[数字x]派送和安装一起"])
def test_delivery_need_question_only_when_waiting(text: str) -> None:
    reply = build_reply(text, fake_emotion(text, "neutral", 0.0), extract(text))
    assert "收到货" not in reply.text and "包裹" not in reply.layers.verify, reply.text
    assert "位置" not in reply.layers.action


def test_delivery_need_question_when_the_customer_is_waiting() -> None:
    text = "我的快递三天了还没到"
    reply = build_reply(text, fake_emotion(text, "neutral", 0.0), extract(text))
    assert reply.intent == "delivery_status"
    assert reply.layers.verify.endswith("？"), reply.text


@pytest.mark.parametrize("text, intensity, polarity", [
    ("你好，我这个订单[数字x]月[数字x]号完成", 0.22, 0.65),  # faint "joy" on a plain statement
    ("可以了 这个是你们上门收件吗?", 0.6, 0.8),               # a question is answered, not thanked for
    ("特傻 特幼稚", 0.5, -0.1),                                # the polarity head disagrees
])
def test_joy_rows_only_for_positive_messages(text: str, intensity: float, polarity: float) -> None:
    reply = build_reply(text, fake_emotion(text, "joy", intensity, polarity=polarity), extract(text))
    affective = [t for t in reply.templates if LAYER_OF.get(t) == "affective"]
    assert KEY_OF[affective[0]] == "neutral", reply.text
    for word in ("认可", "满意", "好评", "开心", "高兴"):
        assert word not in reply.layers.affective


def test_phrase_bank_is_varied() -> None:
    from collections import Counter
    groups = Counter((p.layer, p.key, p.tone, p.region) for p in PHRASES.get())
    assert groups[("follow", "*", "warm", "*")] >= 20
    assert groups[("affective", "neutral", "warm", "*")] >= 20
    assert groups[("action", "other", "*", "*")] >= 20
    assert len({p.text for p in PHRASES.get()}) == len(PHRASES.get())
    texts = {empathkit.suggest_response(t).text for t in
             ["我的快递三天了还没到", "快递怎么还没到啊", "包裹到哪了", "物流一直不更新", "还没发货吗", "什么时候能到"]}
    assert len(texts) == 6
