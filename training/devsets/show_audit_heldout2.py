"""The second blind audit set: every agent reply of the dev-half dialogues that gave no reply to audit_dev or
audit_heldout, so that no rule was ever tuned on its dialogues. Print items for annotators, or check the labels.

    python training/devsets/show_audit_heldout2.py --part 0 > /tmp/items_part0.jsonl   # what an annotator reads
    python training/devsets/show_audit_heldout2.py --check                             # audit_heldout2.jsonl matches

Selection (recomputed, never stored with text): the jddc_sample dev-half dialogues, in file order, minus those with
a reply in ``audit_dev.jsonl`` or ``audit_heldout.jsonl``; in them, every agent turn whose previous turn is a
customer turn (``build_audit_dev.agent_pool``) that passes the skip filter (``build_audit_dev.eligible``), in file
order. Parts 0 and 1 are the first and second half. Items carry the same context as show_audit_train.py.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "labels"))
from build_audit_dev import agent_pool, eligible  # noqa: E402
from jddc_split import dialogues_of, half_of, iter_dialogues  # noqa: E402
from show_audit_train import check_rows, item  # noqa: E402

USED = ("audit_dev.jsonl", "audit_heldout.jsonl")
OUT = HERE / "audit_heldout2.jsonl"


def draw() -> tuple[dict[str, dict], list[tuple[str, int]]]:
    used = frozenset().union(*(dialogues_of(HERE / name) for name in USED))
    dialogues = {d["session_id"]: d for d in iter_dialogues()
                 if half_of(d["session_id"]) == "dev" and d["session_id"] not in used}
    sample = [(sid, i) for sid, i in agent_pool(list(dialogues.values()))
              if eligible(dialogues[sid]["turns"][i]["text"])]
    return dialogues, sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", type=int, choices=(0, 1))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    dialogues, sample = draw()
    half = (len(sample) + 1) // 2
    if args.part is not None:
        for sid, index in sample[args.part * half:(args.part + 1) * half]:
            print(json.dumps(item(dialogues[sid], index), ensure_ascii=False))
    if args.check:
        checked = check_rows(OUT, sample, dialogues)
        print(f"ok: {checked} labeled replies from {len(dialogues)} dialogues match the draw")


if __name__ == "__main__":
    main()
