"""Print the jddc_sample ``adapt``-half dialogues of one part, for hand labeling of training labels.

    python training/labels/show_adapt.py --part 0 --parts 4

Dialogues are assigned to parts by file order (dialogue i goes to part i % parts). Customer turns are shown
with their turn id (``<session_id>:<index>``); agent turns are shown for context only. Turns that the skip
filter drops (empty, or only masked tokens such as ``[数字x]``) are marked ``(skip)`` and need no label.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from jddc_split import half_of, iter_dialogues, turn_id  # noqa: E402

MASKED_ONLY = re.compile(r"(\[[^\[\]]*x\]\s*)+")


def eligible(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not MASKED_ONLY.fullmatch(stripped)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", type=int, required=True)
    parser.add_argument("--parts", type=int, default=4)
    args = parser.parse_args()
    adapt = [d for d in iter_dialogues() if half_of(d["session_id"]) == "adapt"]
    for i, dialogue in enumerate(adapt):
        if i % args.parts != args.part:
            continue
        print(f"=== dialogue {dialogue['session_id']}")
        for index, turn in enumerate(dialogue["turns"]):
            text = turn["text"].replace("\n", " ")
            if turn["speaker"] == "customer":
                mark = "" if eligible(turn["text"]) else " (skip)"
                print(f"  C {turn_id(dialogue['session_id'], index)}{mark}: {text}")
            else:
                print(f"    A: {text}")


if __name__ == "__main__":
    main()
