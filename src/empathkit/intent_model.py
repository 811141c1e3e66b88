"""The intent classifier: a linear model over hashed character n-grams and the keyword rules' vote.

Trained here (``training/train_intent.py``) on hand-labeled customer turns of the jddc_sample adapt half; the
weights ship as ``data/intent_model.npy`` (float16). The keyword rules of :func:`empathkit.keyinfo.classify_intent` are
one of its inputs (the rule's intent, weighted by the rule's score), so the model learns when to trust them.
Features are computed the same way at training and at run time by :func:`features`.
"""
from __future__ import annotations

import re
import zlib

import numpy as np

from ._resources import Lazy, has_data, read_bytes
from .labels import INTENTS

HASH_DIM = 1 << 14
N_FEATURES = HASH_DIM + len(INTENTS) + 1
MODEL_FILE = "intent_model.npy"
_MASKED = re.compile(r"\[([^\[\]]{1,6})x\]")
_SPACE = re.compile(r"\s+")


def _grams(matched: str) -> list[str]:
    # A masked token ([订单x]) is one symbol, so its characters do not pose as words.
    text = _MASKED.sub(lambda m: "\u0001" + m.group(1)[:2] + "\u0002", _SPACE.sub(" ", matched.lower()))
    grams: list[str] = []
    for n in (1, 2, 3):
        grams.extend(text[i:i + n] for i in range(len(text) - n + 1))
    return grams


def features(matched: str, rule_intent: str, rule_score: float) -> tuple[np.ndarray, np.ndarray]:
    """Sparse features of one message: (indices, values), L2-normalized n-gram part plus the rule's vote.

    Args:
        matched: the message in matching form (``empathkit.entities.matching_text``).
        rule_intent: the keyword rules' intent.
        rule_score: the keyword rules' score in [0, 1].
    """
    counts: dict[int, float] = {}
    for gram in _grams(matched[:2000]):
        key = zlib.crc32(gram.encode("utf-8", "surrogatepass")) % HASH_DIM
        counts[key] = 1.0
    norm = float(np.sqrt(len(counts))) or 1.0
    index = list(counts)
    values = [1.0 / norm] * len(index)
    index += [HASH_DIM + INTENTS.index(rule_intent), N_FEATURES - 1]
    values += [0.5 + rule_score, 1.0]  # the rule's vote, and a bias feature
    return np.asarray(index, dtype=np.int64), np.asarray(values, dtype=np.float32)


class IntentModel:
    """Softmax regression weights: ``(N_FEATURES, len(INTENTS))``."""

    def __init__(self, weights: np.ndarray) -> None:
        if weights.shape != (N_FEATURES, len(INTENTS)):
            raise ValueError(f"intent weights must be {(N_FEATURES, len(INTENTS))}, got {weights.shape}")
        self.weights = weights.astype(np.float32)

    def probabilities(self, matched: str, rule_intent: str, rule_score: float) -> np.ndarray:
        """Probability of each intent (in :data:`empathkit.labels.INTENTS` order)."""
        index, values = features(matched, rule_intent, rule_score)
        logits = values @ self.weights[index]
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def predict(self, matched: str, rule_intent: str, rule_score: float) -> tuple[str, float]:
        """The most likely intent and its probability."""
        probs = self.probabilities(matched, rule_intent, rule_score)
        best = int(probs.argmax())
        return INTENTS[best], float(probs[best])


def _load() -> IntentModel | None:
    import io

    if not has_data(MODEL_FILE):
        return None
    return IntentModel(np.load(io.BytesIO(read_bytes(MODEL_FILE)), allow_pickle=False))


INTENT_MODEL: Lazy[IntentModel | None] = Lazy(_load)
