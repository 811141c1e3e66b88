"""Build a three-layer empathetic reply from an emotion result and the key information of one message.

No generative model: the reply is assembled from the phrase bank (``data/replies.tsv``), with slots filled by the
facts of the message (quoted spans with personal data masked and slang replaced by standard words; products,
durations, dates, order numbers, amounts) and the caller's options. Wording is varied deterministically: the
same message gets the same reply, different messages pick different rows. Every reply is checked by
:func:`empathkit.guardrails.check_reply`; a reply whose quoted facts break a guardrail is rebuilt without them.
"""
from __future__ import annotations

import hashlib
from typing import Iterable

from .errors import InputError
from .normalize import DEFAULT_MAX_CHARS
from .guardrails import check_reply
import re

from .entities import matching_text
from .keyinfo import (_MAX_SPAN_CHARS, _THREAT, _VENTING, _WH, _masked_source, _quote, _task_phrase,
                      quote_pieces)
from .keyinfo_types import KeyInfo
from .phrasebank import Phrase, candidates, regional, render
from .reply_types import ADDRESS_FORMS, OFFERS, TONES, Reply, ReplyLayers, Triage
from .results import EmotionResult
from .script import to_simplified
from .triage import HOT, NEGATIVE, triage

# Offers that fit each intent, in the order they are mentioned (at most two per reply).
OFFER_INTENTS: dict[str, tuple[str, ...]] = {
    "refund": ("refund", "expedite", "compensation", "escalate"),
    "return_exchange": ("replacement", "refund", "expedite", "escalate"),
    "delivery_status": ("expedite", "replacement", "compensation", "escalate"),
    "cancel_order": ("refund", "expedite"),
    "modify_order": ("expedite",),
    "complaint": ("compensation", "refund", "replacement", "escalate"),
    "technical_issue": ("replacement", "refund", "escalate"),
    "product_question": (),
    "payment_billing": ("expedite", "refund"),
    "account_login": ("expedite", "escalate"),
    "praise_thanks": (),
    "other": ("expedite", "escalate"),
}
# How an offer is put in a need-verification question.
CHOICES = {"refund": "办理退款", "replacement": "换新或补发", "expedite": "先加急处理"}
VOCATIVE = {"您": "您好，", "亲": "亲，", "先生": "先生您好，", "女士": "女士您好，"}
VARIANTS = ("cn", "tw", "hk", "t")
MAX_ALTERNATIVES = 5
_FACT_FIELDS = ("result", "situation", "action")
_MAX_FACT_CHARS = 48
_END = "。！？!?…"


# Signs that the customer is waiting for goods (not arrived, when, how long, urgent): only then is the
# delivery need "getting the goods soon" and the check "where the parcel is now".
_WAITING = re.compile(r"没(?:有)?(?:收到|到|送|发|动|更新|消息)|未(?:收到|到|送达|发货)|还没|怎么还|什么时候|啥时候|几时|"
                      r"多久|哪天|到哪|在哪|到了吗|能到|送到|不动|催|急|尽快|快点|赶紧|等了|一直等|迟迟")
_QUESTION_ANYWHERE = re.compile(r"[吗嘛][？?]?|[？?]")
# A joy label is answered with joy rows ("看到您满意") only when the message reads as positive: the polarity
# head agrees, the feeling is not faint, joy clearly beats neutral, and it is not a question to be answered.
_JOY_POLARITY = 0.3
_JOY_MARGIN = 0.1


def _band(intensity: float) -> str:
    return "low" if intensity < 1 / 3 else "mid" if intensity < 2 / 3 else "high"


def _emotion_key(emotion: EmotionResult) -> str:
    """The affective row key: sarcasm overrides the label (sarcastic praise must not be answered with joy)."""
    flags = emotion.flags
    if flags.sarcasm >= 0.5 and (emotion.label in NEGATIVE or emotion.label in ("joy", "neutral", "surprise")):
        return "sarcasm"
    if flags.escalation >= 0.5 and emotion.label not in NEGATIVE:
        return "anger"
    return emotion.label


def _affect_key(emotion: EmotionResult, text: str, intent: str) -> str:
    """The affective key the reply uses: :func:`_emotion_key`, with joy and gratitude kept for messages that
    are positive (a neutral order statement the model scores as joy gets neutral rows, not 谢谢您的认可)."""
    key = _emotion_key(emotion)
    if key == "joy":
        simple = to_simplified(text)
        margin = emotion.scores.get("joy", 0.0) - emotion.scores.get("neutral", 0.0)
        asking = intent != "praise_thanks" and bool(_QUESTION_ANYWHERE.search(simple) or _WH.search(simple))
        if emotion.polarity < _JOY_POLARITY or emotion.intensity < 1 / 3 or margin < _JOY_MARGIN or asking:
            return "neutral"
    if key == "gratitude" and emotion.polarity < -0.25:
        return "neutral"  # 快递员电话打不通…谢谢: a request with thanks, not thanks for help given
    return key






# Two administrative units in a row (重庆市酉阳县…乡) read as a location the customer gave: personal enough
# not to echo, even when it has no street and door number for mask_pii to find.
_PLACE_CHAIN = re.compile(r"[\u4e00-\u9fff]{1,8}(?:省|市|自治区|区|县|州)[\u4e00-\u9fff]{1,10}(?:市|区|县|镇|乡|村|街道)")


def _is_question(simple: str) -> bool:
    simple = simple.strip()
    return bool(_WH.search(simple)) or bool(re.search(r"(?:吗|么|嘛|呢|吧)\s*[？?]*$|[？?]$", simple))


def _asks(text: str, info: KeyInfo, variant: str) -> dict[str, str]:
    """What the customer asks (``ask``) or wants (``want``), reworded from the task spans (您想了解… / 您希望…)."""
    matched = matching_text(text)
    spans = list(info.star.task) + [span for name in _FACT_FIELDS for span in info.star.spans(name)
                                    if _is_question(matched[span.start:span.end])]
    if not spans:
        return {}
    source = _masked_source(text, info.entities)
    pieces = quote_pieces(text, source, variant)
    out: dict[str, str] = {}
    for span in spans:
        kind, core = _task_phrase(pieces, matched, span, variant)
        core = re.sub(r"(?:吗|么|嘛|呢|吧)$", "", core.strip(" ，,。.！!？?～~"))
        if len(core) < 2 or check_reply(core, text, min_chars=0) or _PLACE_CHAIN.search(to_simplified(core)):
            continue
        # A yes/no question (会通知我吧? / 能送到吗) is restated as a question being asked (您是想确认…会不会…),
        # never as a wish (您希望…): the customer asked, they did not ask for it.
        yes_no = core.startswith("是否") and kind == "ask"
        if kind == "want" and _is_question(matched[span.start:span.end]):
            yes_no = True
        if yes_no:
            asked = a_not_a(core[2:] if core.startswith("是否") else core, variant)
            if asked and "confirm" not in out:
                out["confirm"] = asked
                continue
            if kind == "want":
                kind, core = "ask", (core if core.startswith("是否") else regional("是否", variant) + core)
        if kind in ("ask", "want") and kind not in out:
            out[kind] = core
    return out


# The first modal of a yes/no question and its A-not-A form: 会 → 会不会, 能 → 能不能, 可以 → 可不可以,
# 有 → 有没有, 是 → 是不是. Words that only contain the character (功能, 会员, 没有, 所有…) are skipped.
_MODAL = re.compile(r"(?<![功可智性技本才])能(?![力量源耗])|(?<![机开社学聚约不])[会會](?![员員议議话話计計])|"
                    r"可以|(?<![没沒所拥擁具只])有(?![点點些关關效])|(?<![但可总總还還要于於就])是(?![否非])")
_NEGATED = re.compile(r"[不没沒未别別]")


def a_not_a(core: str, variant: str) -> str:
    """``core`` (a yes/no question without its particle) with its first modal doubled as A-not-A, or ""."""
    if _NEGATED.search(core):
        return ""
    match = _MODAL.search(core)
    if match is None:
        return ""
    word = match.group()
    no = "没" if variant == "cn" and word == "有" else "沒" if word == "有" else "不"
    doubled = "可不可以" if word == "可以" else word + no + word
    return core[:match.start()] + doubled + core[match.end():]


def _facts(text: str, info: KeyInfo, variant: str) -> list[str]:
    """Up to two quoted STAR spans (result first), masked and cleaned, that pass the guardrails; questions are
    left to the task phrasing (a question is not a fact)."""
    if not info.star.situation and not info.star.action and not info.star.result:
        return []
    source = _masked_source(text, info.entities)
    pieces = quote_pieces(text, source, variant)
    matched = matching_text(text)
    chosen: list[tuple[int, str]] = []
    used = 0
    for name in _FACT_FIELDS:
        for span in info.star.spans(name):
            simple = matched[span.start:span.end]
            if _is_question(simple) or _VENTING.search(simple) or _THREAT.search(simple) or _PLACE_CHAIN.search(simple):
                continue
            quote = _quote(pieces, span)
            if len(quote) < 4 or any(quote == q for _, q in chosen) or used + len(quote) > _MAX_FACT_CHARS:
                continue
            if check_reply(quote, text, min_chars=0):
                continue
            chosen.append((span.start, quote))
            used += len(quote)
            if len(chosen) == 2:
                break
        if len(chosen) == 2:
            break
    return [quote for _, quote in sorted(chosen)]


def _slots(info: KeyInfo) -> dict[str, str]:
    values: dict[str, str] = {}
    for entity in info.entities:
        if entity.personal:
            continue
        if entity.type == "order_id" and entity.value is not None and "order" not in values:
            values["order"] = entity.text
        elif entity.type in ("product", "duration", "amount") and entity.type not in values:
            if len(entity.text) <= _MAX_SPAN_CHARS:
                values[entity.type] = entity.text
        elif entity.type == "datetime" and "when" not in values:
            values["when"] = entity.text
    return values


def _offer_fits(offer: str, intent: str, negative: bool, urgent: bool, route: str) -> bool:
    """Whether an allowed offer belongs in this reply: a calm question is not answered with a refund."""
    if offer == "compensation":
        return negative
    if offer == "expedite":
        return negative or urgent
    if offer == "escalate":
        return route == "senior_agent"
    if offer == "refund":
        return negative or intent in ("refund", "cancel_order", "return_exchange")
    if offer == "replacement":
        return negative or intent in ("return_exchange", "technical_issue")
    return True


def _pick(rows: list[Phrase], seed: int, salt: int, k: int = 0) -> Phrase | None:
    if not rows:
        return None
    return rows[(seed // (salt + 1) + k) % len(rows)]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in _END else text + "。"


def validate_options(tone: str, address: str, offers: Iterable[str], callback_time: str | None,
                     brand: str | None, variant: str | None, alternatives: int) -> tuple[str, ...]:
    """Check the caller's reply options; return the offers as a tuple. Raises InputError or TypeError."""
    if tone not in TONES:
        raise InputError(f"tone must be one of {', '.join(TONES)}, got {tone!r}")
    if address not in ADDRESS_FORMS:
        raise InputError(f"address must be one of {', '.join(ADDRESS_FORMS)}, got {address!r}")
    if isinstance(offers, str):
        raise TypeError("offers must be an iterable of offer names, not a str")
    try:
        offered = tuple(offers)
    except TypeError:
        raise TypeError(f"offers must be an iterable of offer names, got {type(offers).__name__}") from None
    for offer in offered:
        if not isinstance(offer, str):
            raise TypeError(f"offers must hold str offer names, got {type(offer).__name__}")
    offered = tuple(dict.fromkeys(offered))
    for offer in offered:
        if offer not in OFFERS:
            raise InputError(f"unknown offer {offer!r}; choose from {', '.join(OFFERS)}")
    for name, value in (("callback_time", callback_time), ("brand", brand)):
        if value is not None and (not isinstance(value, str) or not value.strip() or len(value) > 30):
            raise InputError(f"{name} must be a non-empty str of at most 30 characters, got {value!r}")
    if callback_time is not None and "callback" not in offered:
        offered += ("callback",)
    if variant is not None and variant not in VARIANTS:
        raise InputError(f"variant must be one of {', '.join(VARIANTS)}, got {variant!r}")
    if isinstance(alternatives, bool) or not isinstance(alternatives, int) or not 0 <= alternatives <= MAX_ALTERNATIVES:
        raise InputError(f"alternatives must be an int from 0 to {MAX_ALTERNATIVES}, got {alternatives!r}")
    return offered


def build_reply(text: str, emotion: EmotionResult, info: KeyInfo, *, tone: str = "warm", address: str = "您",
                offers: Iterable[str] = (), callback_time: str | None = None, brand: str | None = None,
                variant: str | None = None, alternatives: int = 2) -> Reply:
    """The reply to ``text`` given its emotion result and key information (see :func:`empathkit.suggest_response`)."""
    offered = validate_options(tone, address, offers, callback_time, brand, variant, alternatives)
    # The spans of ``info`` index the part of the message it read; the rest is never quoted (bounded work).
    text = info.source if info.source else text[:DEFAULT_MAX_CHARS]
    variant = variant or (info.variant if info.variant in VARIANTS else "cn")
    decision = triage(emotion, info)
    if not text.strip():
        greeting = regional(VOCATIVE[address] + "请问有什么可以帮您？", variant)
        return Reply(text=greeting, layers=ReplyLayers(greeting, "", ""), triage=decision, variant=variant,
                     emotion=emotion.label, intent=info.intent, templates=("greeting",))
    # Sarcastic words do not mean what they say, so they are not quoted back as facts.
    facts = [] if _emotion_key(emotion) == "sarcasm" else _facts(text, info, variant)
    replies = [_compose(text, emotion, info, decision, facts, offered, tone, address, callback_time, brand,
                        variant, k) for k in range(alternatives + 1)]
    extra_text = [v for v in (callback_time, brand) if v]
    if check_reply(_join(replies[0][0]), text, offers=offered,
                   allowed_text=extra_text):
        facts = []
        replies = [_compose(text, emotion, info, decision, facts, offered, tone, address, callback_time, brand,
                            variant, k) for k in range(alternatives + 1)]
    layers, used, values = replies[0]
    main = _join(layers)
    seen = {main}
    others: list[str] = []
    for alt_layers, _, _ in replies[1:]:
        alt = _join(alt_layers)
        if alt not in seen and not check_reply(alt, text, offers=offered, allowed_text=extra_text):
            seen.add(alt)
            others.append(alt)
    fact_list = tuple(facts) + tuple(v for k, v in values.items() if k in ("product", "duration", "when", "order",
                                                                          "amount") and v in main)
    cues = tuple(f"{cue.text} → {cue.meaning}" for cue in emotion.cues)
    return Reply(text=main, layers=layers, triage=decision, alternatives=tuple(others), variant=variant,
                 emotion=emotion.label, intent=info.intent, facts=tuple(dict.fromkeys(fact_list)), cues=cues,
                 templates=tuple(used))


def _join(layers: ReplyLayers) -> str:
    return "".join(layers.as_tuple())


def _compose(text: str, emotion: EmotionResult, info: KeyInfo, decision: Triage, facts: list[str],
             offered: tuple[str, ...], tone: str, address: str, callback_time: str | None, brand: str | None,
             variant: str, k: int) -> tuple[ReplyLayers, list[str], dict[str, str]]:
    seed = int(hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12], 16)
    region = variant if variant in ("tw", "hk") else "cn"
    band = _band(emotion.intensity)
    values = _slots(info)
    if facts:
        values["facts"] = "，".join(facts)
    if not facts:
        values.update(_asks(text, info, variant))
    if callback_time:
        values["callback"] = callback_time
    if brand:
        values["brand"] = brand
    have = frozenset(values)
    used: list[str] = []

    def one(layer: str, key: str, salt: int, extra: frozenset[str] = frozenset(), band_: str = "*") -> str:
        rows = candidates(layer, key, band=band_, tone=tone, region=region, have=have | extra)
        phrase = _pick(rows, seed, salt, k)
        if phrase is None:
            return ""
        used.append(phrase.id)
        return render(phrase, values, variant)

    negative = emotion.label in NEGATIVE or _emotion_key(emotion) in ("sarcasm", "anger") or (
        emotion.label == "surprise" and emotion.polarity < -0.25)
    if negative:
        have = have | {"negative"}
    intent = info.intent
    if intent == "praise_thanks" and negative:
        intent = "complaint"  # 呵呵，服务真好[微笑]: answered as the complaint it is
    feeling = _affect_key(emotion, text, intent)
    if emotion.flags.urgency >= 0.5 or _WAITING.search(to_simplified(text)):
        have = have | {"waiting"}
    # Cognitive: the facts when there are any, else what the request is about.
    cognitive = one("cognitive", "*", 1) if facts or values.keys() & {"ask", "want", "confirm"} else ""
    if not cognitive:
        cognitive = one("cognitive", intent, 2)
    cognitive = regional(VOCATIVE[address], variant) + _sentence(cognitive)
    # Affective: the feeling, scaled by intensity band.
    urgent = frozenset({"urgent"}) if emotion.flags.urgency >= 0.5 else frozenset()
    affective = _sentence(one("affective", feeling, 3, urgent, _band(emotion.intensity)))
    # Action: a concrete check, the allowed offers that fit, and the follow-up.
    main = one("action", intent, 4)
    fitting = [o for o in OFFER_INTENTS.get(intent, ()) if o in offered
               and _offer_fits(o, intent, negative, bool(urgent), decision.route)]
    clauses = [main] + [one("offer", o, 5, band_="*") for o in fitting[:2]]
    action = _sentence("，".join(c for c in clauses if c))
    follow_key = "callback" if "callback" in offered else ("praise_thanks" if intent == "praise_thanks" else "*")
    action += _sentence(one("follow", follow_key, 6))
    if brand:
        action += _sentence(one("closing", "*", 7))
    # Verify: check the need, unless the customer is thanking, is furious, or the tone is brief.
    verify = ""
    hot_and_high = emotion.label in HOT and band == "high"
    calm_other = intent == "other" and not negative
    if tone != "brief" and intent != "praise_thanks" and feeling not in ("joy", "gratitude") \
            and not hot_and_high and not calm_other:
        choices = [CHOICES[o] for o in fitting if o in CHOICES]
        if len(choices) >= 2:
            values["choice_a"], values["choice_b"] = regional(choices[0], variant), regional(choices[1], variant)
            have = have | frozenset(values)
            verify = one("verify", "*", 8, frozenset({"choices"}))
        else:
            verify = one("verify", intent, 8)
    return ReplyLayers(cognitive, affective, action, verify), used, values
