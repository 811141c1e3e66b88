"""Effect of the impatience cue (empathkit/emotion.py) on the hand-labeled adapt-half turns.

    PYTHONPATH=src python training/check_impatience.py

Runs detect_emotion_batch over the 1,524 turns of training/labels/adapt_part*.jsonl twice, with the cue's
anger prior off (0) and on (ln 4), and prints emotion macro-F1 (over the classes present), anger F1, neutral F1
and accuracy. The model was trained on these turns; the cue rule was not fitted to them.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from jddc_split import iter_customer_turns  # noqa: E402

import empathkit  # noqa: E402
import empathkit.emotion as emotion  # noqa: E402
from empathkit.labels import EMOTIONS  # noqa: E402


def scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    f1 = {}
    for c in EMOTIONS:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        wrong = sum((g == c) != (p == c) for g, p in zip(gold, pred))
        f1[c] = 2 * tp / (2 * tp + wrong) if tp else 0.0
    present = [c for c in EMOTIONS if c in gold]
    return {"macro_f1": round(sum(f1[c] for c in present) / len(present), 4), "anger_f1": round(f1["anger"], 3),
            "neutral_f1": round(f1["neutral"], 3),
            "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4)}


def main() -> None:
    texts = dict(iter_customer_turns("adapt"))
    rows = [json.loads(line) for path in sorted((HERE / "labels").glob("adapt_part*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    messages = [texts[row["id"]] for row in rows]
    gold = [row["emotion"] for row in rows]
    prior = emotion._IMPATIENCE_LOGIT
    for value in (0.0, prior):
        emotion._IMPATIENCE_LOGIT = value
        pred = [r.label for r in empathkit.detect_emotion_batch(messages)]
        print(f"impatience prior {value:.2f}: {scores(gold, pred)}")
    emotion._IMPATIENCE_LOGIT = prior


if __name__ == "__main__":
    main()
