"""Frozen result types returned by empathkit's public functions.

Every type is an immutable dataclass (tuples and read-only mappings inside), has ``to_dict()`` returning
JSON-ready primitives in a fixed key order, a short ``repr`` that never shows the customer's raw text,
and ``_repr_html_`` for notebooks.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from .labels import EMOTION_ZH, FLAGS


def _frozen_mapping(values: Mapping[str, float]) -> Mapping[str, float]:
    return MappingProxyType(dict(values))


def _html_table(title: str, rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><th style='text-align:left'>{html.escape(k)}</th><td style='text-align:left'>{html.escape(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table><caption style='text-align:left'><b>{html.escape(title)}</b></caption>{body}</table>"


@dataclass(frozen=True, slots=True)
class Cue:
    """One surface cue read from the message (an emoji, an emoticon, a slang word, a run of ！…).

    Attributes:
        kind: one of :data:`empathkit.labels.CUE_KINDS`.
        start: start offset into the ORIGINAL text (``text[start:end] == self.text``).
        end: end offset (exclusive) into the original text.
        text: the verbatim surface form.
        meaning: its normalized meaning in standard simplified Chinese (what the model reads).
        valence: a hint in [-1, 1] (negative to positive); 0 when the cue carries no polarity.
        intensity: a hint in [0, 1] of how much the cue raises arousal (！！！, 啊啊啊, profanity).
        sarcastic: whether the cue is commonly used coldly or sarcastically (e.g. [微笑], 🙂, 呵呵).
    """

    kind: str
    start: int
    end: int
    text: str
    meaning: str
    valence: float = 0.0
    intensity: float = 0.0
    sarcastic: bool = False

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order."""
        return {
            "kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
            "meaning": self.meaning, "valence": round(self.valence, 3),
            "intensity": round(self.intensity, 3), "sarcastic": self.sarcastic,
        }


@dataclass(frozen=True, slots=True)
class ScriptInfo:
    """Which Chinese script a message is written in.

    Attributes:
        script: ``simplified``, ``traditional``, ``mixed``, ``non_chinese`` or ``empty``.
        variant: the regional form to answer in: ``cn`` (simplified), ``tw`` (Taiwan), ``hk`` (Hong Kong)
            or ``t`` (traditional with no regional evidence).
        simplified_chars: characters that exist only in simplified form.
        traditional_chars: characters that exist only in traditional form.
        han_chars: all Han characters in the message.
    """

    script: str
    variant: str
    simplified_chars: int = 0
    traditional_chars: int = 0
    han_chars: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order."""
        return {
            "script": self.script, "variant": self.variant, "simplified_chars": self.simplified_chars,
            "traditional_chars": self.traditional_chars, "han_chars": self.han_chars,
        }


@dataclass(frozen=True, slots=True)
class Normalized:
    """The message prepared for the model, with the cues it carried and a map back to the original.

    Attributes:
        text: the model text: cleaned, emoji/emoticons/slang replaced by standard words, simplified script.
        cues: the cues read from the original text, in order of position.
        script: the script of the original message.
        truncated: whether the original was longer than ``max_chars`` (head + tail were kept).
        original_length: length of the original text.
        starts: for each character of ``text``, the start offset in the original it came from.
        ends: for each character of ``text``, the end offset in the original it came from.
    """

    text: str
    cues: tuple[Cue, ...]
    script: ScriptInfo
    truncated: bool
    original_length: int
    starts: tuple[int, ...] = field(repr=False, default=())
    ends: tuple[int, ...] = field(repr=False, default=())

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span ``[start, end)`` of :attr:`text` to the span of the original text it came from."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) is outside the normalized text of length {len(self.text)}")
        if start == end:
            anchor = self.starts[start] if start < len(self.starts) else self.original_length
            return anchor, anchor
        return self.starts[start], self.ends[end - 1]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order (the offset map is left out)."""
        return {
            "text": self.text, "script": self.script.script, "variant": self.script.variant,
            "truncated": self.truncated, "original_length": self.original_length,
            "cues": [cue.to_dict() for cue in self.cues],
        }

    def __repr__(self) -> str:
        return (f"Normalized(script={self.script.script!r}, variant={self.script.variant!r}, "
                f"cues={len(self.cues)}, length={len(self.text)}, truncated={self.truncated})")

    def _repr_html_(self) -> str:
        rows = [("script", f"{self.script.script} ({self.script.variant})"), ("length", str(len(self.text))),
                ("truncated", str(self.truncated))]
        rows += [(f"cue {c.kind}", f"{c.text} → {c.meaning} ({c.valence:+.2f})") for c in self.cues]
        return _html_table("Normalized", rows)


@dataclass(frozen=True, slots=True)
class PiiSpan:
    """One piece of personal data found in a message (offsets into the original text)."""

    kind: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order."""
        return {"kind": self.kind, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Masked:
    """A message with its personal data masked.

    Masks keep the length of what they replace (``138****5678``), so every offset into the original text is
    also an offset into :attr:`text`.

    Attributes:
        text: the masked text.
        spans: what was masked, by kind, in order of position.
    """

    text: str
    spans: tuple[PiiSpan, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order."""
        return {"text": self.text, "spans": [span.to_dict() for span in self.spans]}

    def __repr__(self) -> str:
        kinds = ", ".join(sorted({s.kind for s in self.spans})) or "none"
        return f"Masked(spans={len(self.spans)}, kinds={kinds})"

    def _repr_html_(self) -> str:
        return _html_table("Masked", [("text", self.text)] + [(s.kind, f"{s.start}–{s.end}") for s in self.spans])


@dataclass(frozen=True, slots=True)
class Flags:
    """Probabilities of the three taxonomy flags."""

    escalation: float
    sarcasm: float
    urgency: float

    def raised(self, threshold: float = 0.5) -> tuple[str, ...]:
        """Names of the flags whose probability is at least ``threshold``."""
        return tuple(name for name in FLAGS if getattr(self, name) >= threshold)

    def to_dict(self) -> dict[str, float]:
        """JSON-ready dict with a fixed key order."""
        return {name: round(getattr(self, name), 4) for name in FLAGS}


@dataclass(frozen=True, slots=True)
class EmotionResult:
    """What :func:`empathkit.detect_emotion` read in one message.

    Attributes:
        label: the primary emotion, one of :data:`empathkit.labels.EMOTIONS`.
        scores: probability of each of the 8 emotions (they sum to 1), read-only.
        polarity: valence in [-1, 1].
        intensity: arousal in [0, 1] (0 none, 1/3 mild, 2/3 clear, 1 strong).
        flags: escalation, sarcasm and urgency probabilities.
        cues: the surface cues the front-end read.
        script: the script of the message.
        truncated: whether the message was longer than the model reads (head + tail were used).
    """

    label: str
    scores: Mapping[str, float]
    polarity: float
    intensity: float
    flags: Flags
    cues: tuple[Cue, ...]
    script: ScriptInfo
    truncated: bool = False

    @property
    def label_zh(self) -> str:
        """The Chinese name of :attr:`label`."""
        return EMOTION_ZH[self.label]

    @property
    def polarity_label(self) -> str:
        """``negative``, ``neutral`` or ``positive`` from :attr:`polarity` (cut at ±0.25)."""
        # ±0.25 splits [-1, 1] so that a three-class probability mass of 5/8 on one side is needed.
        return "negative" if self.polarity <= -0.25 else "positive" if self.polarity >= 0.25 else "neutral"

    def top(self, k: int = 3) -> list[tuple[str, float]]:
        """The ``k`` highest-scoring emotions with their probabilities."""
        return sorted(self.scores.items(), key=lambda item: -item[1])[:k]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with flat top-level scalars (one DataFrame row per message)."""
        out: dict[str, Any] = {
            "label": self.label, "label_zh": self.label_zh, "polarity": round(self.polarity, 4),
            "polarity_label": self.polarity_label, "intensity": round(self.intensity, 4),
        }
        out.update({f"score_{name}": round(value, 4) for name, value in self.scores.items()})
        out.update({f"flag_{name}": value for name, value in self.flags.to_dict().items()})
        out.update({"script": self.script.script, "variant": self.script.variant, "truncated": self.truncated,
                    "cues": [cue.to_dict() for cue in self.cues]})
        return out

    def __repr__(self) -> str:
        top = ", ".join(f"{name}={value:.2f}" for name, value in self.top(3))
        raised = ",".join(self.flags.raised()) or "none"
        return (f"EmotionResult(label={self.label!r}, top=[{top}], polarity={self.polarity:+.2f}, "
                f"intensity={self.intensity:.2f}, flags={raised}, cues={len(self.cues)})")

    def _repr_html_(self) -> str:
        rows = [("label", f"{self.label} {self.label_zh}"), ("polarity", f"{self.polarity:+.2f} ({self.polarity_label})"),
                ("intensity", f"{self.intensity:.2f}")]
        rows += [(f"score {name}", f"{value:.3f}") for name, value in self.top(8)]
        rows += [(f"flag {name}", f"{value:.2f}") for name, value in self.flags.to_dict().items()]
        rows += [(f"cue {c.kind}", f"{c.text} → {c.meaning}") for c in self.cues]
        return _html_table("EmotionResult", rows)
