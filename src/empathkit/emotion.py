"""Model outputs + cues → :class:`EmotionResult` (scores, label, polarity, intensity, flags).

This module knows the output layout (from ``model.json``) but nothing about ONNX.

- scores: temperature-scaled softmax of the emotion head (temperature fitted on held-out dev data, so a
  score of 0.8 is right about 80 % of the time there), with the odds of anger multiplied by 4 when the message
  carries an impatience cue (人呢?, 结果呢, 还没到吗??, 太慢了; see :func:`impatience`);
- polarity: P(positive) − P(negative) from the polarity head, in [-1, 1];
- intensity: the arousal head, scaled by how far the message is from neutral, plus the strongest cue's
  intensity hint (！！！, profanity, 啊啊啊), clipped to [0, 1];
- flags: sigmoid of the flag heads, raised to at least 0.8 where a phrase rule of :mod:`empathkit.phrases`
  fires (the heads were trained on those rules' weak labels and, with ~1–3 % positives, stay under-confident
  on them; the rules are the stated evidence, the heads add what the rules miss).
"""
from __future__ import annotations

import re
from types import MappingProxyType

import numpy as np

from .labels import EMOTIONS
from .phrases import flag_evidence
from .results import EmotionResult, Flags, Normalized
from .runtime import ModelSpec

# Floor for a flag whose phrase rule fires (see the module docstring).
_RULE_FLAG_FLOOR = 0.8
# How much the strongest surface cue can add to the model's intensity (cues are evidence the model also
# reads, so they nudge rather than decide). Chosen by reading CS-dev examples, not fitted.
_CUE_INTENSITY_WEIGHT = 0.3


# Impatience and polite complaints in service chats (the CS dev set's convention: 人呢? / 结果呢 ? / ?? 怎么样了
# while waiting, 快递太慢了, 不是说…吗 challenges → anger): the model, trained mostly on Weibo and reviews, reads
# most of them as neutral, so such a cue multiplies the odds of anger by 4 (a fixed prior, not fitted).
# Written for both scripts (还/還, 没/沒, 么/麼 …): the model reads the message in the customer's own script.
_IMPATIENCE = re.compile(
    r"人呢|[结結]果呢|速度呢|怎[么麼][样樣]了[?？]|好了[没沒]|查到了?(?:[吗嗎]|[没沒])|"
    r"[还還][没沒](?:有)?(?:到|[发發]|好|[处處]理|回[复復]|回|查到|退|送)[^。!！]{0,6}[?？]|"
    r"到底|什[么麼]速度|太慢|[这這][么麼]慢|慢死|等了?(?:[这這][么麼]久|好久|半天)|不是[说說][^?？。!！]{0,12}(?:[吗嗎]|嘛)|"
    r"快[点點]|[赶趕][紧緊]|[?？]{2,}")
_IMPATIENCE_LOGIT = float(np.log(4.0))
_ANGER = EMOTIONS.index("anger")


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    e = np.exp(z)
    return e / e.sum()


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def empty_result(normalized: Normalized) -> EmotionResult:
    """The result for a message with nothing to read (empty, whitespace or only invisible characters)."""
    scores = {name: (1.0 if name == "neutral" else 0.0) for name in EMOTIONS}
    return EmotionResult("neutral", MappingProxyType(scores), 0.0, 0.0, Flags(0.0, 0.0, 0.0),
                         normalized.cues, normalized.script, normalized.truncated)


def impatience(text: str) -> str | None:
    """The impatience cue of a normalized message (人呢?, 结果呢, 还没到吗??, 太慢了, 不是说…吗), or None."""
    match = _IMPATIENCE.search(text)
    return match.group() if match else None


def to_result(row: np.ndarray, normalized: Normalized, spec: ModelSpec) -> EmotionResult:
    """Turn one row of model outputs into an :class:`EmotionResult`."""
    lo, hi = spec.heads["emotion"]
    logits = row[lo:hi].astype(np.float64) / spec.temperature
    if impatience(normalized.text):
        logits[_ANGER] += _IMPATIENCE_LOGIT  # logits is a fresh array (astype and / copy)
    probs = _softmax(logits)
    scores = {name: float(p) for name, p in zip(EMOTIONS, probs)}
    label = EMOTIONS[int(np.argmax(probs))]
    lo, hi = spec.heads["polarity"]
    negative, _, positive = _softmax(row[lo:hi].astype(np.float64))
    lo, _ = spec.heads["arousal"]
    arousal = float(_sigmoid(row[lo]))
    cue_intensity = max((cue.intensity for cue in normalized.cues), default=0.0)
    intensity = (1.0 - scores["neutral"]) * arousal + _CUE_INTENSITY_WEIGHT * cue_intensity
    lo, hi = spec.heads["flags"]
    escalation, sarcasm, urgency = (float(v) for v in _sigmoid(row[lo:hi].astype(np.float64)))
    evidence = flag_evidence(normalized.text)
    escalation = max(escalation, _RULE_FLAG_FLOOR) if evidence["escalation"] else escalation
    sarcasm = max(sarcasm, _RULE_FLAG_FLOOR) if evidence["sarcasm"] else sarcasm
    urgency = max(urgency, _RULE_FLAG_FLOOR) if evidence["urgency"] else urgency
    return EmotionResult(
        label=label, scores=MappingProxyType(scores), polarity=float(positive - negative),
        intensity=float(min(1.0, max(0.0, intensity))), flags=Flags(escalation, sarcasm, urgency),
        cues=normalized.cues, script=normalized.script, truncated=normalized.truncated,
    )
