"""Polarity accuracy of the installed model on nlpcc2014_task2_sentiment, a review set never trained on or used to
choose a model: an independent check of the review held-out split, which has been used for model selection.

    python training/check_polarity_nlpcc.py

All 10,000 product reviews (../shared/data; the source notes visible label noise), read as users read them
(``detect_emotion_batch``, positive when ``polarity > 0``).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import empathkit  # noqa: E402
from data import rows  # noqa: E402


def main() -> None:
    reviews = [(row["text"], int(row["label"]) == 1) for row in rows("nlpcc2014_task2_sentiment")
               if isinstance(row.get("text"), str)]
    results = empathkit.Analyzer(threads=2).detect_emotion_batch([text for text, _ in reviews])
    correct = sum((r.polarity > 0) == positive for r, (_, positive) in zip(results, reviews))
    model = json.loads((Path(empathkit.__file__).parent / "data" / "model.json").read_text(encoding="utf-8"))
    print(json.dumps({"reviews": len(reviews), "accuracy": round(correct / len(reviews), 4),
                      "max_tokens": model.get("max_tokens"), "dev_scores": model.get("dev_scores")}))


if __name__ == "__main__":
    main()
