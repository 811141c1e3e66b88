"""Training labels for the learned audit layer from the jddc **dev** half: draw, print or check them.

    python training/labels/show_audit_train_dev.py --part 0 > /tmp/items.jsonl   # the items an annotator reads
    python training/labels/show_audit_train_dev.py --check                       # label files match the draw

Selection (recomputed, never stored with text): every eligible agent reply (``build_audit_dev.agent_pool`` and
``eligible``) of a dev-half dialogue that is not already labeled in ``devsets/audit_dev.jsonl``,
``devsets/audit_heldout.jsonl`` or ``devsets/audit_heldout2.jsonl`` and whose dialogue gave no reply to
audit_heldout2, shuffled with ``random.Random(20261207)`` and cut into four parts. These dialogues are the ones
audit_dev and audit_heldout were drawn from, so once these labels train a model, audit_heldout is no longer a
held-out set for it; audit_heldout2 (its own 71 dialogues, every reply labeled) stays untouched.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "devsets"))
from build_audit_dev import agent_pool, eligible  # noqa: E402
from jddc_split import dialogues_of, half_of, iter_dialogues  # noqa: E402
from show_audit_train import check_rows, item  # noqa: E402

SEED, PARTS = 20261207, 4
DEVSETS = HERE.parent / "devsets"
LABELED = ("audit_dev.jsonl", "audit_heldout.jsonl", "audit_heldout2.jsonl")


def draw() -> tuple[dict[str, dict], list[tuple[str, int]]]:
    dialogues = {d["session_id"]: d for d in iter_dialogues() if half_of(d["session_id"]) == "dev"}
    labeled = {json.loads(line)["id"] for name in LABELED
               for line in (DEVSETS / name).read_text(encoding="utf-8").splitlines() if line.strip()}
    blind = dialogues_of(DEVSETS / "audit_heldout2.jsonl")
    pool = [(sid, i) for sid, i in agent_pool(list(dialogues.values()))
            if sid not in blind and f"{sid}:{i}" not in labeled and eligible(dialogues[sid]["turns"][i]["text"])]
    random.Random(SEED).shuffle(pool)
    return dialogues, pool


def parts(sample: list) -> list[list]:
    size = -(-len(sample) // PARTS)
    return [sample[p * size:(p + 1) * size] for p in range(PARTS)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", type=int, choices=range(PARTS))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    dialogues, sample = draw()
    if args.part is not None:
        for sid, index in parts(sample)[args.part]:
            print(json.dumps(item(dialogues[sid], index), ensure_ascii=False))
    if args.check:
        for part, expected in enumerate(parts(sample)):
            check_rows(HERE / f"audit_train_dev_part{part}.jsonl", expected, dialogues)
        print(f"ok: {len(sample)} labeled dev-half replies match the draw")


if __name__ == "__main__":
    main()
