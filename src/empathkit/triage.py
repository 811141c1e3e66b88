"""Triage: priority (P1–P4), route (bot / agent / senior agent) and the four-quadrant reading of a message.

The rules read the emotion result and the key information only; every decision carries its reasons.

- An escalation threat (probability ≥ 0.5) always goes to a person: ``senior_agent``, P1.
- Strong anger or contempt (intensity ≥ 2/3): ``senior_agent``, P1.
- Sarcasm (read as displeasure, whatever the literal words), other negative emotion of at least mild
  strength, time pressure, or a money matter (refund, billing, complaint): ``agent``, P2.
- A problem without strong feeling (delivery, returns, orders, faults, accounts): ``agent``, P3.
- Questions and thanks with no negative feeling: ``bot_ok``, P4.
"""
from __future__ import annotations

from .keyinfo_types import KeyInfo
from .reply_types import Triage
from .results import EmotionResult

NEGATIVE = frozenset({"anger", "disgust", "anxiety", "sadness"})
HOT = frozenset({"anger", "disgust"})
MONEY_INTENTS = frozenset({"refund", "payment_billing", "complaint"})
PROBLEM_INTENTS = frozenset({"delivery_status", "return_exchange", "modify_order", "cancel_order",
                             "technical_issue", "account_login"})
STRONG = 2 / 3
MILD = 0.3
FLAG_ON = 0.5


def triage(emotion: EmotionResult, info: KeyInfo) -> Triage:
    """Priority, route and quadrant of one message from its emotion result and key information."""
    reasons: list[str] = []
    flags = emotion.flags
    negative = (emotion.label in NEGATIVE or (emotion.label == "surprise" and emotion.polarity < -0.25)
                or flags.sarcasm >= FLAG_ON)
    urgent = flags.urgency >= FLAG_ON
    heated = negative and emotion.intensity >= MILD or flags.escalation >= FLAG_ON
    quadrant = f"{'heated' if heated else 'calm'}-{'urgent' if urgent else 'routine'}"

    if flags.escalation >= FLAG_ON:
        reasons.append(f"escalation threat (p={flags.escalation:.2f})")
    if emotion.label in HOT and emotion.intensity >= STRONG:
        reasons.append(f"strong {emotion.label} (intensity {emotion.intensity:.2f})")
    if reasons:
        if urgent:
            reasons.append(f"time pressure (p={flags.urgency:.2f})")
        return Triage("P1", "senior_agent", quadrant, tuple(reasons))

    if flags.sarcasm >= FLAG_ON:
        reasons.append(f"sarcasm: the literal words hide displeasure (p={flags.sarcasm:.2f})")
    felt = emotion.label in NEGATIVE or (emotion.label == "surprise" and emotion.polarity < -0.25)
    if felt and emotion.intensity >= MILD:
        reasons.append(f"{emotion.label} (intensity {emotion.intensity:.2f})")
    if urgent:
        reasons.append(f"time pressure (p={flags.urgency:.2f})")
    if info.intent in MONEY_INTENTS:
        reasons.append(f"money or complaint matter ({info.intent})")
    if reasons:
        return Triage("P2", "agent", quadrant, tuple(reasons))

    if felt:
        reasons.append(f"mild {emotion.label}")
    if info.intent in PROBLEM_INTENTS:
        reasons.append(f"a problem to handle ({info.intent})")
    if reasons:
        return Triage("P3", "agent", quadrant, tuple(reasons))
    if not info.script or info.script == "empty":
        return Triage("P4", "bot_ok", quadrant, ("empty message",))
    what = "thanks or praise" if info.intent == "praise_thanks" or emotion.label in ("joy", "gratitude") else (
        "a question without negative feeling")
    return Triage("P4", "bot_ok", quadrant, (what,))
