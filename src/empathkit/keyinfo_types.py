"""Frozen result types of the key-information extractor: spans, entities, STAR, KeyInfo.

Same conventions as :mod:`empathkit.results`: immutable dataclasses (tuples inside), ``to_dict()`` with a
fixed key order and flat top-level scalars, a short ``repr`` that never shows the customer's text, and
``_repr_html_`` for notebooks. Offsets index the ORIGINAL message (``text[start:end] == span.text``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from .labels import STAR_FIELDS, STAR_ZH
from .results import _html_table

__all__ = ["TextSpan", "Entity", "Star", "KeyInfo", "mask_value"]

EntityValue = Union[str, int, float, None]


def mask_value(text: str) -> str:
    """Mask the letters and digits of ``text``, showing only a few at the edges, as phones are masked.

    Eleven or more letters/digits keep the first three and the last four (``138****5678``); seven to ten keep
    the last two; fewer are masked entirely. Placeholders such as ``[电话x]`` are already masked and come back
    unchanged; the length is kept.
    """
    if "x]" in text:
        return text
    keep = [i for i, ch in enumerate(text) if ch.isalnum() and ord(ch) < 128]
    if len(keep) >= 11:
        shown = set(keep[:3]) | set(keep[-4:])
    elif len(keep) >= 7:
        shown = set(keep[-2:])
    else:
        shown = set()
    return "".join(ch if (i in shown or not ch.isalnum()) else "*" for i, ch in enumerate(text))


def _mask_text(entity_type: str, text: str) -> str:
    if "x]" in text:
        return text
    if entity_type == "address":
        return text[:2] + "*" * max(0, len(text) - 2) if len(text) > 2 else "*" * len(text)
    return mask_value(text)


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A verbatim stretch of the message: ``text[start:end] == self.text`` of the original input."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order."""
        return {"start": self.start, "end": self.end, "text": self.text}

    def __repr__(self) -> str:
        return f"TextSpan({self.start}, {self.end})"


@dataclass(frozen=True, slots=True)
class Entity:
    """One typed entity of the message.

    Attributes:
        type: one of :data:`empathkit.labels.ENTITY_TYPES`.
        start: start offset into the original text.
        end: end offset (exclusive).
        text: the verbatim surface form.
        value: the normalized value: digits of an id or phone, the number of an amount, the
            ``datetime``/``duration`` code of :mod:`empathkit.numerals`, the product name; ``None`` when
            masked in the source (``[订单x]``) or not recoverable.
        unit: the currency of an amount (``CNY``, ``HKD``, ``TWD``, ``USD``); ``None`` for other types.
        resolved: for a ``datetime`` extracted with a ``reference_time``: the ISO date or date-time it names.
    """

    type: str
    start: int
    end: int
    text: str
    value: EntityValue = None
    unit: str | None = None
    resolved: str | None = None

    @property
    def personal(self) -> bool:
        """Whether this entity is personal data (phone, address, account)."""
        return self.type in ("phone", "address", "account")

    def to_dict(self, mask_personal: bool = True) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order.

        Args:
            mask_personal: mask the text and value of phones, addresses and accounts (the default).
        """
        text: str = self.text
        value: EntityValue = self.value
        if mask_personal and self.personal:
            text = _mask_text(self.type, self.text)
            value = None if value is None else _mask_text(self.type, str(value))
        return {"type": self.type, "start": self.start, "end": self.end, "text": text, "value": value,
                "unit": self.unit, "resolved": self.resolved}

    def __repr__(self) -> str:
        return f"Entity({self.type!r}, {self.start}, {self.end})"


@dataclass(frozen=True, slots=True)
class Star:
    """STAR key information: verbatim spans for each field (taxonomy §5), in order of position."""

    situation: tuple[TextSpan, ...] = ()
    task: tuple[TextSpan, ...] = ()
    action: tuple[TextSpan, ...] = ()
    result: tuple[TextSpan, ...] = ()

    def spans(self, name: str) -> tuple[TextSpan, ...]:
        """The spans of field ``name`` (``situation``, ``task``, ``action`` or ``result``)."""
        if name not in STAR_FIELDS:
            raise KeyError(f"unknown STAR field {name!r}; use one of {', '.join(STAR_FIELDS)}")
        return getattr(self, name)  # type: ignore[no-any-return]

    @property
    def empty(self) -> bool:
        """Whether no field has a span."""
        return not (self.situation or self.task or self.action or self.result)

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """JSON-ready dict: field → list of spans."""
        return {name: [span.to_dict() for span in self.spans(name)] for name in STAR_FIELDS}

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(self.spans(name))}" for name in STAR_FIELDS)
        return f"Star({counts})"


@dataclass(frozen=True, slots=True)
class KeyInfo:
    """What :func:`empathkit.keyinfo.extract` read in one message.

    Attributes:
        star: STAR spans (situation, task, action, result).
        entities: typed entities, in order of position.
        intent: one of :data:`empathkit.labels.INTENTS`.
        intent_score: confidence in [0, 1] of the message's own intent (0 for an empty message); when the
            intent was taken from the conversation (``intent_from_context``), the low score that let it.
        intent_from_context: the message had no clear intent of its own and took ``previous_intent``, the
            conversation's intent so far (see :func:`empathkit.extract_keyinfo`).
        script: the script of the message (``simplified``, ``traditional``, ``mixed``, ``non_chinese``, ``empty``).
        variant: the regional form to answer in (``cn``, ``tw``, ``hk``, ``t``).
        truncated: whether only the first ``max_chars`` characters were read.
        source: the text the spans index (kept out of the repr and of ``to_dict()``), from which
            :meth:`restate` builds the confirmation sentence when it is asked for.
    """

    star: Star = field(default_factory=Star)
    entities: tuple[Entity, ...] = ()
    intent: str = "other"
    intent_score: float = 0.0
    intent_from_context: bool = False
    script: str = "empty"
    variant: str = "cn"
    truncated: bool = False
    source: str = field(default="", repr=False, compare=False)

    def restate(self) -> str:
        """The confirmation sentence an agent says back, built only from the spans and entities.

        Personal data is masked and the sentence is in the customer's script; empty for an empty message.
        Example: 「跟您确认一下：您11月20号下的订单，到现在已经三天还没收到，您希望尽快查一下物流，对吗？」
        """
        from .keyinfo import restate

        return restate(self, self.source) if self.source else ""

    def entities_of(self, entity_type: str) -> tuple[Entity, ...]:
        """The entities of one type."""
        return tuple(e for e in self.entities if e.type == entity_type)

    def to_dict(self, mask_personal: bool = True) -> dict[str, Any]:
        """JSON-ready dict with flat top-level scalars (one DataFrame row per message).

        Args:
            mask_personal: mask phones, addresses and accounts in the entities (the default); STAR span
                texts are masked too, with :func:`empathkit.pii.mask_pii` and the personal entities.
        """
        star = self.star.to_dict()
        if mask_personal:
            star = {name: [self._masked_span(span) for span in self.star.spans(name)] for name in STAR_FIELDS}
        out: dict[str, Any] = {
            "intent": self.intent, "intent_score": round(self.intent_score, 4),
            "intent_from_context": self.intent_from_context, "script": self.script,
            "variant": self.variant, "truncated": self.truncated,
        }
        out.update({f"n_{name}": len(self.star.spans(name)) for name in STAR_FIELDS})
        out["n_entities"] = len(self.entities)
        out["restate"] = self.restate()
        out["star"] = star
        out["entities"] = [entity.to_dict(mask_personal=mask_personal) for entity in self.entities]
        return out

    def _masked_span(self, span: TextSpan) -> dict[str, Any]:
        from .pii import mask_pii

        chars = list(mask_pii(span.text).text)
        for entity in self.entities:
            if entity.personal and entity.start < span.end and span.start < entity.end:
                lo, hi = max(entity.start, span.start), min(entity.end, span.end)
                masked = _mask_text(entity.type, entity.text)
                for pos in range(lo, hi):
                    chars[pos - span.start] = masked[pos - entity.start]
        return {"start": span.start, "end": span.end, "text": "".join(chars)}

    def __repr__(self) -> str:
        counts = " ".join(f"{name[0].upper()}={len(self.star.spans(name))}" for name in STAR_FIELDS)
        types = sorted({e.type for e in self.entities})
        return (f"KeyInfo(intent={self.intent!r}, score={self.intent_score:.2f}, star=[{counts}], "
                f"entities={len(self.entities)}{' (' + ','.join(types) + ')' if types else ''}, script={self.script!r})")

    def _repr_html_(self) -> str:
        rows = [("intent", f"{self.intent} ({self.intent_score:.2f})"), ("script", f"{self.script} ({self.variant})")]
        for name in STAR_FIELDS:
            for span in self.star.spans(name):
                rows.append((f"{name} {STAR_ZH[name]}", self._masked_span(span)["text"]))
        for entity in self.entities:
            shown = entity.to_dict(mask_personal=True)
            value = "" if shown["value"] is None else f" → {shown['value']}"
            rows.append((f"entity {entity.type}", f"{shown['text']}{value}"))
        confirmation = self.restate()
        if confirmation:
            rows.append(("restate", confirmation))
        return _html_table("KeyInfo", rows)
