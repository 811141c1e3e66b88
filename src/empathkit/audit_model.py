"""The learned audit layer: a linear model over the reply's character n-grams and the audit rules' verdicts.

Trained here (``training/train_audit_linear.py``) on hand-labeled agent replies of jddc_sample, plus written-and-labeled
examples (``training/labels/synthetic``) for every label but perfunctory; the weights ship
as ``data/audit_model.npy`` (float16). The rules of :mod:`empathkit.audit` are inputs (their six verdicts and the
filler ratio), so the model learns where to trust them and which reply wordings they miss. It decides only the
labels of :data:`MODEL_LABELS`: those where, in cross-validation grouped by dialogue and scored on the 1,065 labels
the rules were least tuned on, it beat the rules by at least 0.01 F1 (cognitive +0.027, action +0.044,
confirmation +0.010, perfunctory +0.023). It did not on affective (+0.000) or verify_need (too few labeled
positives), so the rules decide those and every such verdict keeps its matched words.
Features are computed the same way at training and at run time by :func:`features`.
"""
from __future__ import annotations

import io
import re
import zlib

import numpy as np

from ._resources import Lazy, has_data, read_bytes

AUDIT_LABELS = ("cognitive", "affective", "action", "confirmation", "verify_need", "perfunctory")
MODEL_LABELS = ("cognitive", "action", "confirmation", "perfunctory")
HASH_DIM = 1 << 15
# the rules' six verdicts, their filler ratio, four reply-length buckets and a bias
N_EXTRA = len(AUDIT_LABELS) + 1 + 4 + 1
N_FEATURES = HASH_DIM + N_EXTRA
THRESHOLD = 0.4
MODEL_FILE = "audit_model.npy"
READ_CHARS = 400
_MASKED = re.compile(r"\[([^\[\]]{1,6})x\]")
_SPACE = re.compile(r"\s+")


def _grams(reply: str) -> set[str]:
    # A masked token ([订单x]) is one symbol; start and end marks let the model see how a reply opens and ends.
    text = "\u0003" + _MASKED.sub(lambda m: "\u0001" + m.group(1)[:2] + "\u0002", _SPACE.sub(" ", reply.lower())) + "\u0004"
    return {text[i:i + n] for n in (1, 2, 3) for i in range(len(text) - n + 1)}


def features(reply: str, verdicts: dict[str, bool], filler_ratio: float) -> tuple[np.ndarray, np.ndarray]:
    """Sparse features of one reply: ``(indices, values)``.

    Args:
        reply: the agent's reply in simplified script (its first :data:`READ_CHARS` characters are read).
        verdicts: the rules' verdict for each of :data:`AUDIT_LABELS`.
        filler_ratio: the rules' share of filler characters in the reply.
    """
    keys = {zlib.crc32(("R" + gram).encode("utf-8", "surrogatepass")) % HASH_DIM for gram in _grams(reply[:READ_CHARS])}
    index = sorted(keys)
    values = [1.0 / float(np.sqrt(len(index)))] * len(index) if index else []
    length = len(reply[:READ_CHARS])
    extra = [float(verdicts[name]) for name in AUDIT_LABELS] + [filler_ratio]
    extra += [float(length < 6), float(length < 15), float(length < 40), float(length >= 80), 1.0]
    for offset, value in enumerate(extra):
        if value:
            index.append(HASH_DIM + offset)
            values.append(value)
    return np.asarray(index, dtype=np.int64), np.asarray(values, dtype=np.float32)


class AuditModel:
    """Logistic-regression weights: ``(N_FEATURES, len(AUDIT_LABELS))``, one independent output per label."""

    def __init__(self, weights: np.ndarray) -> None:
        if weights.shape != (N_FEATURES, len(AUDIT_LABELS)):
            raise ValueError(f"audit weights must be {(N_FEATURES, len(AUDIT_LABELS))}, got {weights.shape}")
        self.weights = weights.astype(np.float32)

    def probabilities(self, reply: str, verdicts: dict[str, bool], filler_ratio: float) -> dict[str, float]:
        """Probability of each label of :data:`AUDIT_LABELS`."""
        index, values = features(reply, verdicts, filler_ratio)
        logits = values @ self.weights[index]
        probs = 1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0)))
        return {name: float(p) for name, p in zip(AUDIT_LABELS, probs)}


def _load() -> AuditModel | None:
    if not has_data(MODEL_FILE):
        return None
    return AuditModel(np.load(io.BytesIO(read_bytes(MODEL_FILE)), allow_pickle=False))


AUDIT_MODEL: Lazy[AuditModel | None] = Lazy(_load)
