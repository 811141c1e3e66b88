"""Print the jddc_sample ``dev``-half dialogues that hold no turn of the blind key-information held-out set, for
literal-convention intent labels (training/labels/intent_literal_dev_part{N}.jsonl).

    python training/labels/show_dev_extra.py --part 0 --parts 2
    python training/labels/show_dev_extra.py --part 0 --parts 2 --check

Dialogues with a turn of ``devsets/keyinfo_heldout.jsonl`` are left out whole, so these labels never share a
dialogue with the held-out set. Turns of the tuning set (``devsets/keyinfo_dev.jsonl``, already labeled) and turns
the skip filter drops are marked ``(skip)``. Dialogues are assigned to parts by order (dialogue i goes to part
i % parts). ``--check`` verifies the part's label file against the eligible turns instead of printing.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from check_intent_literal import check  # noqa: E402
from jddc_split import half_of, iter_dialogues, turn_id  # noqa: E402
from show_adapt import eligible  # noqa: E402

DEVSETS = HERE.parent / "devsets"


def _ids(name: str) -> list[str]:
    return [json.loads(line)["id"] for line in (DEVSETS / name).open(encoding="utf-8") if line.strip()]


def part_dialogues(part: int, parts: int) -> list[dict]:
    held = {i.rsplit(":", 1)[0] for i in _ids("keyinfo_heldout.jsonl")}
    dev = [d for d in iter_dialogues() if half_of(d["session_id"]) == "dev" and d["session_id"] not in held]
    return [d for i, d in enumerate(dev) if i % parts == part]


def eligible_ids(dialogues: list[dict]) -> list[str]:
    tuning = set(_ids("keyinfo_dev.jsonl"))
    return [turn_id(d["session_id"], index) for d in dialogues for index, turn in enumerate(d["turns"])
            if turn["speaker"] == "customer" and eligible(turn["text"])
            and turn_id(d["session_id"], index) not in tuning]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", type=int, required=True)
    parser.add_argument("--parts", type=int, default=2)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    dialogues = part_dialogues(args.part, args.parts)
    wanted = eligible_ids(dialogues)
    if args.check:
        sys.exit(1 if check(HERE / f"intent_literal_dev_part{args.part}.jsonl", wanted) else 0)
    keep = set(wanted)
    for dialogue in dialogues:
        print(f"=== dialogue {dialogue['session_id']}")
        for index, turn in enumerate(dialogue["turns"]):
            text = turn["text"].replace("\n", " ")
            if turn["speaker"] == "customer":
                tid = turn_id(dialogue["session_id"], index)
                print(f"  C {tid}{'' if tid in keep else ' (skip)'}: {text}")
            else:
                print(f"    A: {text}")


if __name__ == "__main__":
    main()
