"""Intent accuracy in dialogue context on the dev-half extra labels, at several context thresholds.

    PYTHONPATH=src python training/intent_context_check.py [--thresholds 0.5,0.6,0.7,0.8]

The extra labels (labels/intent_literal_dev_part*.jsonl: 231 dev-half customer turns with a request of their own,
from dialogues outside the blind held-out set, literal-request convention) are not trained on by the shipped
classifier. Each labeled turn is read as analyze_dialogue reads it: every customer turn of its dialogue in order,
each with the conversation's intent so far (``conversation_intent``). With train_intent.py's in-context
cross-validation over the tuning set (``--context-below T``), this chose ``keyinfo.CONTEXT_BELOW``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from eval_keyinfo import with_context  # noqa: E402
from jddc_split import iter_customer_turns  # noqa: E402

import empathkit.keyinfo as keyinfo  # noqa: E402


def gold_labels() -> dict[str, str]:
    gold = {}
    for path in sorted((HERE / "labels").glob("intent_literal_dev_part*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["intent"] is not None:
                    gold[row["id"]] = row["intent"]
    return gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="0.5,0.6,0.7,0.8")
    args = parser.parse_args()
    gold = gold_labels()
    texts = dict(iter_customer_turns("dev"))
    rows = [({"id": turn_id}, texts[turn_id]) for turn_id in gold]
    alone = sum(keyinfo.extract(text).intent == gold[row["id"]] for row, text in rows)
    print(f"{len(gold)} labeled turns; alone {alone} ({alone / len(gold):.3f})")
    shipped = keyinfo.CONTEXT_BELOW
    try:
        for threshold in (float(t) for t in args.thresholds.split(",")):
            keyinfo.CONTEXT_BELOW = threshold
            hits = sum(intent == gold[row["id"]] for (row, _), intent in zip(rows, with_context(rows)))
            print(f"CONTEXT_BELOW {threshold:g}: {hits} in context ({hits / len(gold):.3f})"
                  + ("  <- shipped" if threshold == shipped else ""))
    finally:
        keyinfo.CONTEXT_BELOW = shipped


if __name__ == "__main__":
    main()
