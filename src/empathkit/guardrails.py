"""Guardrails for agent replies: what a reply must never say.

:func:`check_reply` returns the violations of one reply against the customer's message:

- ``perfunctory``: a bare filler (嗯 / 哦 / 好的 with nothing else) or a brush-off (您冷静一下, 这是规定…);
- ``blame``: phrasing that puts the fault on the customer (是您自己…, 您没有仔细看…);
- ``personal_data``: an unmasked phone, ID, bank card, e-mail or address;
- ``new_number``: a number (digits, or a Chinese numeral with a unit) that the message does not contain and the
  caller did not supply;
- ``promise``: a refund, replacement or compensation promise the caller did not allow;
- ``length``: shorter or longer than the bounds.

The reply builder runs these checks on every reply it makes; ``audit`` tools and the reply-quality benchmark
use them on any reply, including human ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from .pii import find_pii
from .script import to_simplified

MIN_CHARS = 10
MAX_CHARS = 260

# Fillers that make a whole reply (after punctuation is stripped) perfunctory.
_BARE_FILLER = re.compile(r"(?:嗯+|哦+|噢+|额+|好的|好吧|收到|知道了|ok|OK)")
_BRUSH_OFF = re.compile(
    r"您?(?:先)?冷静(?:一下|点)|你冷静|这是(?:公司的?)?规定|规定就是(?:这样|如此)|没办法[，,。]?就这样|"
    r"我们也没办法|不归我们管|跟我们没关系|与我们无关|爱买不买|你自己看着办|我也不知道")
_BLAME = re.compile(
    r"是您自己|是你自己|您自己(?:没|不)|你自己(?:没|不)|(?<!难)(?<!奇)怪您|(?<!难)(?<!奇)怪你|您(?:没有|没)仔细|你(?:没有|没)仔细|"
    r"您应该早点|你应该早点|谁让您|谁让你|是您的(?:问题|错)|是你的(?:问题|错)|您操作(?:有误|错误)")
# Promises that need the caller's permission (offer name → patterns, read on simplified text).
_PROMISES = {
    "refund": re.compile(r"(?:为|给)您(?:办理)?(?:全额)?退款|退款给您|把钱退给您|马上退款|立即退款"),
    "replacement": re.compile(r"换新|补发|重新发货|再发一[个件份]|给您换一?[个件台]"),
    "compensation": re.compile(r"补偿|赔偿|赔付|优惠券|代金券|红包|返现"),
}
_CN_DIGIT = "零〇一二两三四五六七八九十百千万"
# A numeral run is read from its first character only (the lookbehind): starting inside a long run that no unit
# follows made the search quadratic (5,000 三 took half a second).
_NUMBER = re.compile(rf"\d+(?:\.\d+)?|(?<![{_CN_DIGIT}])[{_CN_DIGIT}]+(?=[个]?(?:天|小时|分钟|周|星期|个月|月|年|元|块|号|日|点))")


@dataclass(frozen=True, slots=True)
class Violation:
    """One guardrail a reply broke.

    Attributes:
        rule: ``perfunctory``, ``blame``, ``personal_data``, ``new_number``, ``promise`` or ``length``.
        text: the offending words (masked when personal).
        detail: a short explanation.
    """

    rule: str
    text: str
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order."""
        return {"rule": self.rule, "text": self.text, "detail": self.detail}


def numbers_in(text: str) -> set[str]:
    """Digit runs and Chinese numerals followed by a unit, as written in ``text`` (simplified).

    A lone 一 before 点 is left out: 一点 / 哪一点 / 早一点 are words, not numbers.
    """
    simple = to_simplified(text)
    return {m.group() for m in _NUMBER.finditer(simple)
            if not (m.group() == "一" and simple[m.end():m.end() + 1] == "点")}


def check_reply(reply: str, message: str = "", *, offers: Iterable[str] = (), allowed_text: Iterable[str] = (),
                min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS) -> tuple[Violation, ...]:
    """The guardrails ``reply`` breaks, in a fixed order (empty when it is clean).

    Args:
        reply: the reply to check (any script).
        message: the customer's message the reply answers (numbers found there may be repeated).
        offers: what the agent may promise (``refund``, ``replacement``, ``compensation``…).
        allowed_text: other caller-supplied text whose numbers may appear (a callback time, a brand).
        min_chars: the shortest acceptable reply.
        max_chars: the longest acceptable reply.
    """
    simple = to_simplified(reply)
    out: list[Violation] = []
    bare = re.sub(r"[\s，,。.！!？?~～…、]+", "", simple)
    if not bare or _BARE_FILLER.fullmatch(bare):
        out.append(Violation("perfunctory", reply.strip(), "a bare filler with nothing else"))
    for match in _BRUSH_OFF.finditer(simple):
        out.append(Violation("perfunctory", match.group(), "a brush-off the customer hears as dismissal"))
    for match in _BLAME.finditer(simple):
        out.append(Violation("blame", match.group(), "puts the fault on the customer"))
    for span in find_pii(reply):
        found = reply[span.start:span.end]
        out.append(Violation("personal_data", found[:2] + "*" * max(0, len(found) - 2), f"unmasked {span.kind}"))
    known = numbers_in(message)
    for extra in allowed_text:
        known |= numbers_in(extra)
    for number in sorted(numbers_in(reply) - known):
        if not any(number in k for k in known):
            out.append(Violation("new_number", number, "not in the message or the caller's options"))
    allowed = set(offers)
    for offer, pattern in _PROMISES.items():
        if offer not in allowed:
            for match in pattern.finditer(simple):
                out.append(Violation("promise", match.group(), f"{offer} was not offered"))
    if len(reply) < min_chars or len(reply) > max_chars:
        out.append(Violation("length", str(len(reply)), f"outside {min_chars}–{max_chars} characters"))
    return tuple(out)
