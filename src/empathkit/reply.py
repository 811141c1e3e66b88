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
        if len(core) >= 2 and kind not in out and not check_reply(core, text, min_chars=0) \
                and not _PLACE_CHAIN.search(to_simplified(core)):
            out[kind] = core
    return out


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
    offered = tuple(offers)
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
    # Cognitive: the facts when there are any, else what the request is about.
    cognitive = one("cognitive", "*", 1) if facts or "ask" in values or "want" in values else ""
    if not cognitive:
        cognitive = one("cognitive", intent, 2)
    cognitive = regional(VOCATIVE[address], variant) + _sentence(cognitive)
    # Affective: the feeling, scaled by intensity band.
    urgent = frozenset({"urgent"}) if emotion.flags.urgency >= 0.5 else frozenset()
    affective = _sentence(one("affective", _emotion_key(emotion), 3, urgent, _band(emotion.intensity)))
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
    if tone != "brief" and intent != "praise_thanks" and emotion.label not in ("joy", "gratitude") \
            and not hot_and_high and not calm_other:
        choices = [CHOICES[o] for o in fitting if o in CHOICES]
        if len(choices) >= 2:
            values["choice_a"], values["choice_b"] = regional(choices[0], variant), regional(choices[1], variant)
            have = frozenset(values)
            verify = one("verify", "*", 8, frozenset({"choices"}))
        else:
            verify = one("verify", intent, 8)
    return ReplyLayers(cognitive, affective, action, verify), used, values
