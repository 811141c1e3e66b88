"""Check a literal-convention intent label file against the adapt-half part it labels.

    python training/labels/check_intent_literal.py --part 0 [--parts 4]

Reads ``training/labels/intent_literal_part{N}.jsonl`` (rows ``{"id", "intent"}``; ``intent`` is one of
``empathkit.labels.INTENTS`` or null for a message with no request of its own) and fails unless every eligible
customer turn of the part (the turns ``show_adapt.py`` prints without ``(skip)``) has exactly one row and
every row names such a turn.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from empathkit.labels import INTENTS  # noqa: E402
from jddc_split import half_of, iter_dialogues, turn_id  # noqa: E402
from show_adapt import eligible  # noqa: E402


def part_ids(part: int, parts: int) -> list[str]:
    adapt = [d for d in iter_dialogues() if half_of(d["session_id"]) == "adapt"]
    return [turn_id(d["session_id"], index)
            for i, d in enumerate(adapt) if i % parts == part
            for index, turn in enumerate(d["turns"]) if turn["speaker"] == "customer" and eligible(turn["text"])]


def check(path: Path, expected: list[str]) -> int:
    """Print the problems of a label file against the turn ids it must cover, and its intent counts; return the
    number of problems."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    problems = []
    seen = Counter(row.get("id") for row in rows)
    problems += [f"duplicate id {i}" for i, n in seen.items() if n > 1]
    problems += [f"unknown id {i}" for i in seen if i not in set(expected)]
    problems += [f"missing id {i}" for i in expected if i not in seen]
    problems += [f"bad intent {row.get('intent')!r} for {row.get('id')}" for row in rows
                 if row.get("intent") is not None and row.get("intent") not in INTENTS]
    for line in problems[:30]:
        print(line)
    print(f"{len(rows)} rows, {len(expected)} eligible turns, {len(problems)} problems")
    print(dict(Counter(row.get("intent") for row in rows).most_common()))
    return len(problems)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", type=int, required=True)
    parser.add_argument("--parts", type=int, default=4)
    args = parser.parse_args()
    path = HERE / f"intent_literal_part{args.part}.jsonl"
    sys.exit(1 if check(path, part_ids(args.part, args.parts)) else 0)


if __name__ == "__main__":
    main()
