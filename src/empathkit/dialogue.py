"""analyze_dialogue: a whole conversation — the customer's emotion trajectory, a risk warning, the merged key
information, an archive summary, and the agent's empathy metrics.

The seeds place AI around the human agent before (emotion, key information), during (suggested replies) and
after a conversation (archiving the case and warning of risk), and measure the agent's listening by
empathy-phrase frequency, confirmation rate and perfunctory-word rate. This module does the "after" part.

Risk is a hand-set logistic score over signals a senior agent watches (weights chosen by reasoning, not fitted
to the evaluation labels): an escalation threat, how heated the customer is at the end and at the peak,
whether it is rising, asks repeated without an answer, sarcasm right after an agent's reply, and a positive
close (which lowers it).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .audit import ReplyAudit, _AFFECTIVE, _ACTION, _RITUALS, audit_reply
from .errors import InputError
from .keyinfo_types import Entity, KeyInfo, TextSpan
from .labels import STAR_FIELDS
from .pii import mask_pii
from .results import EmotionResult, _html_table
from .script import to_simplified

if TYPE_CHECKING:
    from .analyzer import Analyzer

CUSTOMER_ROLES = frozenset({"customer", "user", "client", "buyer", "顾客", "客户", "买家", "用户", "c", "q"})
AGENT_ROLES = frozenset({"agent", "staff", "service", "assistant", "bot", "seller", "客服", "卖家", "商家", "a"})
# Hand-set risk weights (see the module docstring); the bias makes a calm dialogue score about 0.1.
RISK_WEIGHTS = {"bias": -2.2, "threat": 3.0, "final_heat": 2.0, "peak_heat": 1.0, "rising": 1.0,
                "repeated_asks": 0.5, "sarcasm_after_agent": 1.0, "positive_close": -1.5}
HIGH_RISK = 0.6
MEDIUM_RISK = 0.35
_NUDGE = re.compile(r"^\s*(?:人呢|在吗|在不在|有人吗|？+|\?+|结果呢|怎么样了|好了吗|查到了吗|还没好吗|回复我)\s*[？?！!]*\s*$")
_SUMMARY_CHARS = 60


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of the conversation as read: its position, ``customer`` or ``agent``, and the text."""

    index: int
    role: str
    text: str


@dataclass(frozen=True, slots=True)
class CustomerTurn:
    """What was read in one customer turn."""

    index: int
    emotion: EmotionResult
    keyinfo: KeyInfo
    heat: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (the emotion and key information nested, personal data masked)."""
        return {"index": self.index, "heat": round(self.heat, 4), "emotion": self.emotion.to_dict(),
                "keyinfo": self.keyinfo.to_dict()}


@dataclass(frozen=True, slots=True)
class AgentTurn:
    """The audit of one agent turn against the customer turns it answers."""

    index: int
    audit: ReplyAudit

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {"index": self.index, "audit": self.audit.to_dict()}


@dataclass(frozen=True, slots=True)
class RiskWarning:
    """How likely the case is to escalate or churn.

    Attributes:
        score: in [0, 1].
        level: ``low`` (< 0.35), ``medium`` or ``high`` (≥ 0.6).
        turn: index of the turn that raised it most (``None`` when nothing did).
        reasons: the signals, strongest first.
        cues: surface cues of that turn (e.g. ``😡 → 怒火中烧``).
    """

    score: float
    level: str
    turn: int | None = None
    reasons: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {"score": round(self.score, 4), "level": self.level, "turn": self.turn,
                "reasons": list(self.reasons), "cues": list(self.cues)}


@dataclass(frozen=True, slots=True)
class ArchiveSummary:
    """A short structured record of the case.

    Attributes:
        issue: what the case is about: the main intent and the first fact the customer gave (masked).
        intent: the main intent of the customer's turns.
        actions: what the agent did or promised (masked, clipped).
        outcome: ``resolved`` (ends with thanks or satisfaction), ``escalated`` (a threat, not resolved),
            ``unresolved``, or ``no_customer_turns``.
        final_state: the emotion of the customer's last turn.
        entities: the key entities mentioned (order ids, products, amounts, dates; personal data masked).
    """

    issue: str
    intent: str
    actions: tuple[str, ...]
    outcome: str
    final_state: str
    entities: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {"issue": self.issue, "intent": self.intent, "actions": list(self.actions), "outcome": self.outcome,
                "final_state": self.final_state, "entities": list(self.entities)}


@dataclass(frozen=True, slots=True)
class DialogueAudit:
    """The agent's listening metrics over the conversation.

    Attributes:
        replies: number of agent turns audited.
        empathy_phrase_rate: empathy phrases (accepting the feeling, apologising) per agent reply.
        affective_rate: share of replies with affective empathy.
        cognitive_rate: share of replies that refer specifically to what the customer said.
        action_rate: share of replies with a concrete next step.
        confirmation_rate: share of replies that restate and confirm the customer's facts.
        perfunctory_rate: share of replies that are only fillers or a brush-off.
        filler_ratio: mean share of filler characters per reply.
        first_response_empathy: whether the first reply after the customer spoke had cognitive or affective
            empathy (``None`` when no agent replied).
        mean_score: mean reply score (0–100).
    """

    replies: int
    empathy_phrase_rate: float
    affective_rate: float
    cognitive_rate: float
    action_rate: float
    confirmation_rate: float
    perfunctory_rate: float
    filler_ratio: float
    first_response_empathy: bool | None
    mean_score: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return {name: (round(value, 4) if isinstance(value, float) else value)
                for name, value in ((f, getattr(self, f)) for f in self.__dataclass_fields__)}


@dataclass(frozen=True, slots=True)
class DialogueAnalysis:
    """What :func:`analyze_dialogue` read in one conversation.

    Attributes:
        turns: every turn as read (index, role, text).
        customer: per customer turn: emotion, key information and heat (intensity × negativity, 0–1).
        agent: per agent turn: the reply audit.
        trajectory: ``(turn index, polarity, intensity)`` per customer turn.
        trend: ``heating_up``, ``calming_down`` or ``steady``.
        risk: the risk warning.
        star: merged STAR spans: ``(field, turn index, span)``.
        entities: merged entities: ``(turn index, entity)``.
        unresolved_asks: the customer's requests with no agent action after them (masked).
        summary: the archive summary.
        audit: the agent's empathy metrics.
    """

    turns: tuple[Turn, ...]
    customer: tuple[CustomerTurn, ...]
    agent: tuple[AgentTurn, ...]
    trajectory: tuple[tuple[int, float, float], ...]
    trend: str
    risk: RiskWarning
    star: tuple[tuple[str, int, TextSpan], ...]
    entities: tuple[tuple[int, Entity], ...]
    unresolved_asks: tuple[str, ...]
    summary: ArchiveSummary
    audit: DialogueAudit

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with flat top-level scalars; personal data masked."""
        return {
            "turns": len(self.turns), "customer_turns": len(self.customer), "agent_turns": len(self.agent),
            "trend": self.trend, "risk_score": round(self.risk.score, 4), "risk_level": self.risk.level,
            "outcome": self.summary.outcome, "final_state": self.summary.final_state,
            "risk": self.risk.to_dict(), "summary": self.summary.to_dict(), "audit": self.audit.to_dict(),
            "trajectory": [{"turn": i, "polarity": round(p, 4), "intensity": round(s, 4)}
                           for i, p, s in self.trajectory],
            "unresolved_asks": list(self.unresolved_asks),
            "star": [{"field": f, "turn": i, "start": s.start, "end": s.end, "text": mask_pii(s.text).text}
                     for f, i, s in self.star],
            "entities": [{"turn": i, **e.to_dict()} for i, e in self.entities],
            "customer": [c.to_dict() for c in self.customer], "agent": [a.to_dict() for a in self.agent],
        }

    def __repr__(self) -> str:
        return (f"DialogueAnalysis(turns={len(self.turns)}, trend={self.trend!r}, risk={self.risk.level} "
                f"{self.risk.score:.2f}, outcome={self.summary.outcome!r}, final_state={self.summary.final_state!r})")

    def _repr_html_(self) -> str:
        rows = [("turns", f"{len(self.turns)} ({len(self.customer)} customer, {len(self.agent)} agent)"),
                ("trend", self.trend), ("risk", f"{self.risk.level} ({self.risk.score:.2f})")]
        rows += [("risk because", r) for r in self.risk.reasons]
        rows += [("issue", self.summary.issue), ("outcome", self.summary.outcome),
                 ("final state", self.summary.final_state)]
        rows += [("agent did", a) for a in self.summary.actions]
        rows += [("unresolved", a) for a in self.unresolved_asks]
        rows += [("trajectory", " → ".join(f"{p:+.2f}" for _, p, _ in self.trajectory))]
        rows += [("empathy per reply", f"{self.audit.empathy_phrase_rate:.2f}"),
                 ("confirmation rate", f"{self.audit.confirmation_rate:.0%}"),
                 ("perfunctory rate", f"{self.audit.perfunctory_rate:.0%}")]
        return _html_table("DialogueAnalysis", rows)


# ---------------------------------------------------------------------------------------------- input
def read_turns(turns: Any) -> tuple[Turn, ...]:
    """Turns from dicts (``role``/``speaker`` and ``text``/``content``), ``(role, text)`` tuples, objects with
    ``role`` and ``text`` attributes, or a pandas DataFrame with such columns.

    Raises:
        TypeError: if ``turns`` is a str, a turn has another shape, or a turn's text is not a str.
        InputError: if a role is neither a customer nor an agent role.
    """
    if isinstance(turns, (str, bytes)):
        raise TypeError("turns must be a list of turns, not a str")
    if hasattr(turns, "to_dict") and hasattr(turns, "columns"):  # a pandas DataFrame
        turns = turns.to_dict("records")
    if not isinstance(turns, Iterable):
        raise TypeError(f"turns must be an iterable of turns, got {type(turns).__name__}")
    out: list[Turn] = []
    for index, turn in enumerate(turns):
        if isinstance(turn, Mapping):
            role = next((turn[k] for k in ("role", "speaker", "from", "sender") if k in turn), None)
            text_key = next((k for k in ("text", "content", "utterance", "message") if k in turn), None)
            if text_key is None:
                raise TypeError(f"turn {index}: a dict turn needs a 'text' (or 'content') key, "
                                f"got keys {list(turn)[:8]}")
            text = turn[text_key]
        elif hasattr(turn, "text"):  # an object or a named tuple (pandas itertuples rows) with .role and .text
            role, text = getattr(turn, "role", None), turn.text
        elif isinstance(turn, (tuple, list)):
            if len(turn) != 2:
                raise TypeError(f"turn {index}: a tuple turn must be (role, text), got {len(turn)} items")
            role, text = turn
        else:
            raise TypeError(f"turn {index}: expected a dict, a (role, text) pair or an object with .role and .text, "
                            f"got {type(turn).__name__}")
        if not isinstance(text, str):
            raise TypeError(f"turn {index}: text must be a str, got {type(text).__name__}")
        out.append(Turn(index, _role(role, index), text))
    return tuple(out)


def _role(role: Any, index: int) -> str:
    name = str(role).strip().lower() if role is not None else ""
    if name in CUSTOMER_ROLES:
        return "customer"
    if name in AGENT_ROLES:
        return "agent"
    raise InputError(f"turn {index}: role {role!r} is neither a customer role ({', '.join(sorted(CUSTOMER_ROLES))}) "
                     f"nor an agent role ({', '.join(sorted(AGENT_ROLES))})")


# ---------------------------------------------------------------------------------------------- analysis
def heat(emotion: EmotionResult) -> float:
    """How heated a customer turn is: intensity × negativity (0 for calm or positive turns)."""
    return emotion.intensity * max(0.0, -emotion.polarity)


def _trend(values: list[float]) -> str:
    if len(values) < 2:
        return "steady"
    half = max(1, len(values) // 2)
    change = sum(values[-half:]) / half - sum(values[:half]) / half
    return "heating_up" if change > 0.15 else "calming_down" if change < -0.15 else "steady"


def _customer_turns(turns: list[Any], emotions: list[Any], analyzer: "Analyzer") -> Iterable[CustomerTurn]:
    """Each customer turn read in order; a follow-up with no intent of its own keeps the conversation's."""
    from .keyinfo import conversation_intent

    intents: list[str] = []
    for turn, emotion in zip(turns, emotions):
        info = analyzer.extract_keyinfo(turn.text, previous_intent=conversation_intent(intents))
        intents.append(info.intent)
        yield CustomerTurn(turn.index, emotion, info, heat(emotion))


def analyze(turns: Any, analyzer: "Analyzer") -> DialogueAnalysis:
    """The analysis of one conversation (see :func:`empathkit.analyze_dialogue`)."""
    read = read_turns(turns)
    customer_turns = [t for t in read if t.role == "customer"]
    emotions = analyzer.detect_emotion_batch([t.text for t in customer_turns]) if customer_turns else []
    customer = tuple(_customer_turns(customer_turns, emotions, analyzer))
    agent: list[AgentTurn] = []
    pending: list[str] = []
    for turn in read:
        if turn.role == "customer":
            pending.append(turn.text)
        else:
            agent.append(AgentTurn(turn.index, audit_reply("\n".join(pending), turn.text)))
            pending = []
    trajectory = tuple((c.index, c.emotion.polarity, c.emotion.intensity) for c in customer)
    trend = _trend([c.heat for c in customer])
    star = tuple((name, c.index, span) for c in customer for name in STAR_FIELDS for span in c.keyinfo.star.spans(name))
    entities = tuple((c.index, e) for c in customer for e in c.keyinfo.entities)
    unresolved = _unresolved(read, customer, agent)
    risk = _risk(read, customer, agent, trend, len(unresolved))
    summary = _summary(customer, agent, read, risk, unresolved)
    return DialogueAnalysis(turns=read, customer=customer, agent=tuple(agent), trajectory=trajectory, trend=trend,
                            risk=risk, star=star, entities=entities, unresolved_asks=unresolved, summary=summary,
                            audit=_dialogue_audit(read, agent))


def _positive_close(customer: tuple[CustomerTurn, ...]) -> bool:
    return bool(customer) and customer[-1].emotion.label in ("gratitude", "joy")


def _unresolved(read: tuple[Turn, ...], customer: tuple[CustomerTurn, ...], agent: list[AgentTurn]) -> tuple[str, ...]:
    """Task spans of customer turns with no later agent turn that takes an action, unless the case closes well."""
    if _positive_close(customer):
        return ()
    acted_at = [a.index for a in agent if a.audit.action]
    asks: list[str] = []
    for c in customer:
        if any(i > c.index for i in acted_at):
            continue
        text = read[c.index].text
        for span in c.keyinfo.star.task:
            ask = mask_pii(text).text[span.start:span.end]
            if ask not in asks:
                asks.append(ask[:_SUMMARY_CHARS])
    return tuple(asks)


def _risk(read: tuple[Turn, ...], customer: tuple[CustomerTurn, ...], agent: list[AgentTurn], trend: str,
          unresolved: int) -> RiskWarning:
    if not customer:
        return RiskWarning(score=_sigmoid(RISK_WEIGHTS["bias"]), level="low")
    w = RISK_WEIGHTS
    threat_turn = max(customer, key=lambda c: c.emotion.flags.escalation)
    threat = threat_turn.emotion.flags.escalation
    peak = max(customer, key=lambda c: c.heat)
    final = customer[-1].heat
    rising = max(0.0, customer[-1].heat - customer[0].heat)
    intents = [c.keyinfo.intent for c in customer if c.keyinfo.intent not in ("other", "praise_thanks")]
    repeated = sum(n - 1 for n in (intents.count(i) for i in set(intents)) if n > 1)
    repeated += sum(1 for c in customer if _NUDGE.match(read[c.index].text))
    sarcastic = [c for c in customer if c.emotion.flags.sarcasm >= 0.5
                 and any(t.role == "agent" for t in read[:c.index])]
    positive = _positive_close(customer)
    parts = {"threat": w["threat"] * threat, "final_heat": w["final_heat"] * final, "peak_heat": w["peak_heat"] * peak.heat,
             "rising": w["rising"] * rising, "repeated_asks": w["repeated_asks"] * min(repeated, 3),
             "sarcasm_after_agent": w["sarcasm_after_agent"] * bool(sarcastic),
             "positive_close": w["positive_close"] * positive}
    score = _sigmoid(w["bias"] + sum(parts.values()))
    words = {"threat": f"escalation threat (p={threat:.2f})", "final_heat": f"heated at the end ({final:.2f})",
             "peak_heat": f"peak heat {peak.heat:.2f} at turn {peak.index}", "rising": f"heating up (+{rising:.2f})",
             "repeated_asks": f"asks repeated {repeated} time(s)",
             "sarcasm_after_agent": "sarcasm after an agent reply", "positive_close": "ends with thanks or satisfaction"}
    reasons = tuple(words[k] for k, v in sorted(parts.items(), key=lambda kv: -abs(kv[1])) if abs(v) >= 0.25)
    turn_of = threat_turn if threat >= 0.5 else peak if peak.heat > 0 else (
        sarcastic[0] if sarcastic else customer[-1])
    level = "high" if score >= HIGH_RISK else "medium" if score >= MEDIUM_RISK else "low"
    cues = tuple(f"{cue.text} → {cue.meaning}" for cue in turn_of.emotion.cues)
    raised = level != "low" or threat >= 0.5
    return RiskWarning(score=score, level=level, turn=turn_of.index if raised else None, reasons=reasons,
                       cues=cues if raised else ())


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _summary(customer: tuple[CustomerTurn, ...], agent: list[AgentTurn], read: tuple[Turn, ...], risk: RiskWarning,
             unresolved: tuple[str, ...]) -> ArchiveSummary:
    scores: dict[str, float] = {}
    for c in customer:
        if c.keyinfo.intent != "other":
            scores[c.keyinfo.intent] = scores.get(c.keyinfo.intent, 0.0) + c.keyinfo.intent_score
    intent = max(scores, key=lambda k: scores[k]) if scores else "other"
    fact = ""
    for c in customer:
        spans = c.keyinfo.star.result or c.keyinfo.star.situation or c.keyinfo.star.task
        if spans:
            fact = mask_pii(read[c.index].text).text[spans[0].start:spans[0].end][:_SUMMARY_CHARS]
            break
    issue = f"{intent}: {fact}" if fact else intent
    actions: list[str] = []
    for a in agent:
        if not a.audit.action:
            continue
        text = _RITUALS.sub("", read[a.index].text)
        for sentence in re.split(r"[。！!？?\n]+", text):
            if _ACTION.search(to_simplified(sentence)) and sentence.strip():
                actions.append(mask_pii(sentence.strip()).text[:_SUMMARY_CHARS])
                break
        if len(actions) == 3:
            break
    threatened = any(c.emotion.flags.escalation >= 0.5 for c in customer)
    outcome = ("no_customer_turns" if not customer else "resolved" if _positive_close(customer)
               else "escalated" if threatened else "unresolved")
    final_state = customer[-1].emotion.label if customer else "neutral"
    kept = ("order_id", "tracking_no", "product", "amount", "datetime", "duration")
    entities = tuple(dict.fromkeys(f"{e.type}: {e.text}" for c in customer for e in c.keyinfo.entities
                                   if e.type in kept))
    return ArchiveSummary(issue=issue, intent=intent, actions=tuple(actions), outcome=outcome,
                          final_state=final_state, entities=entities[:8])


def _dialogue_audit(read: tuple[Turn, ...], agent: list[AgentTurn]) -> DialogueAudit:
    n = len(agent)
    if not n:
        return DialogueAudit(0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, None, 0.0)
    phrases = sum(len(_AFFECTIVE.findall(to_simplified(read[a.index].text))) for a in agent)
    first_customer = next((t.index for t in read if t.role == "customer"), None)
    first = next((a for a in agent if first_customer is not None and a.index > first_customer), None)
    return DialogueAudit(
        replies=n, empathy_phrase_rate=phrases / n,
        affective_rate=sum(a.audit.affective for a in agent) / n,
        cognitive_rate=sum(a.audit.cognitive for a in agent) / n,
        action_rate=sum(a.audit.action for a in agent) / n,
        confirmation_rate=sum(a.audit.confirmation for a in agent) / n,
        perfunctory_rate=sum(a.audit.perfunctory for a in agent) / n,
        filler_ratio=sum(a.audit.perfunctory_ratio for a in agent) / n,
        first_response_empathy=None if first is None else (first.audit.cognitive or first.audit.affective),
        mean_score=sum(a.audit.score for a in agent) / n)
