"""Result types of :func:`empathkit.suggest_response`: the reply, its layers and the triage decision."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .results import _html_table

PRIORITIES: tuple[str, ...] = ("P1", "P2", "P3", "P4")
ROUTES: tuple[str, ...] = ("bot_ok", "agent", "senior_agent")
TONES: tuple[str, ...] = ("warm", "formal", "brief")
OFFERS: tuple[str, ...] = ("refund", "replacement", "compensation", "expedite", "escalate", "callback")
ADDRESS_FORMS: tuple[str, ...] = ("您", "亲", "先生", "女士")


@dataclass(frozen=True, slots=True)
class Triage:
    """How urgent the message is and who should answer it.

    Attributes:
        priority: ``P1`` (act now) … ``P4`` (routine).
        route: ``bot_ok`` (the suggested reply may be sent as is), ``agent`` or ``senior_agent``.
        quadrant: the four-quadrant reading: emotion (``heated``/``calm``) × time pressure
            (``urgent``/``routine``), e.g. ``heated-urgent``.
        reasons: why, in plain words, strongest first.
    """

    priority: str
    route: str
    quadrant: str
    reasons: tuple[str, ...] = ()

    @property
    def needs_human(self) -> bool:
        """Whether a person should answer (route is not ``bot_ok``)."""
        return self.route != "bot_ok"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with a fixed key order."""
        return {"priority": self.priority, "route": self.route, "quadrant": self.quadrant,
                "reasons": list(self.reasons)}


@dataclass(frozen=True, slots=True)
class ReplyLayers:
    """The three layers of an empathetic reply, each editable on its own.

    Attributes:
        cognitive: shows what was understood (the facts of the message).
        affective: names and accepts the feeling, scaled to its strength.
        action: what will be done, within what the caller allowed.
        verify: an optional question that checks the need (``""`` when left out).
    """

    cognitive: str
    affective: str
    action: str
    verify: str = ""

    def as_tuple(self) -> tuple[str, ...]:
        """The non-empty layers in reply order."""
        return tuple(part for part in (self.cognitive, self.affective, self.action, self.verify) if part)

    def to_dict(self) -> dict[str, str]:
        """JSON-ready dict with a fixed key order."""
        return {"cognitive": self.cognitive, "affective": self.affective, "action": self.action,
                "verify": self.verify}


@dataclass(frozen=True, slots=True)
class Reply:
    """A suggested reply to one customer message.

    Attributes:
        text: the whole reply, in the customer's script variant.
        layers: the same reply split into its layers.
        triage: priority, route and reasons.
        alternatives: other phrasings of the whole reply (deterministic for the same input).
        variant: the script variant of the reply (``cn``, ``tw``, ``hk`` or ``t``).
        emotion: the emotion the reply answers (the label of :func:`empathkit.detect_emotion`).
        intent: the intent the reply answers (from :func:`empathkit.extract_keyinfo`).
        facts: the facts of the message the reply mentions (masked where personal).
        cues: the surface cues that informed it (e.g. ``😡 → 愤怒``).
        templates: ids of the phrase-bank rows used, for auditing.
    """

    text: str
    layers: ReplyLayers
    triage: Triage
    alternatives: tuple[str, ...] = ()
    variant: str = "cn"
    emotion: str = "neutral"
    intent: str = "other"
    facts: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()

    def explain(self) -> str:
        """A few lines naming what the reply was built from: emotion, intent, cues, facts and triage."""
        lines = [f"emotion: {self.emotion}; intent: {self.intent}",
                 f"triage: {self.triage.priority} → {self.triage.route} ({self.triage.quadrant})"]
        lines += [f"  because: {reason}" for reason in self.triage.reasons]
        lines.append("cues: " + ("; ".join(self.cues) if self.cues else "none"))
        lines.append("facts used: " + ("; ".join(self.facts) if self.facts else "none found in the message"))
        lines.append("phrase-bank rows: " + ", ".join(self.templates))
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with flat top-level scalars (one DataFrame row per message)."""
        return {
            "text": self.text, "variant": self.variant, "emotion": self.emotion, "intent": self.intent,
            "priority": self.triage.priority, "route": self.triage.route, "quadrant": self.triage.quadrant,
            "layers": self.layers.to_dict(), "triage": self.triage.to_dict(),
            "alternatives": list(self.alternatives), "facts": list(self.facts), "cues": list(self.cues),
            "templates": list(self.templates),
        }

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return (f"Reply(priority={self.triage.priority!r}, route={self.triage.route!r}, emotion={self.emotion!r}, "
                f"intent={self.intent!r}, variant={self.variant!r}, chars={len(self.text)})")

    def _repr_html_(self) -> str:
        rows = [("reply", self.text), ("cognitive", self.layers.cognitive), ("affective", self.layers.affective),
                ("action", self.layers.action)]
        if self.layers.verify:
            rows.append(("verify", self.layers.verify))
        rows += [("triage", f"{self.triage.priority} → {self.triage.route} ({self.triage.quadrant})")]
        rows += [("because", reason) for reason in self.triage.reasons]
        rows += [(f"alternative {i + 1}", alt) for i, alt in enumerate(self.alternatives)]
        return _html_table("Reply", rows)
