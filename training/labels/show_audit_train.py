"""Re-draw the agent replies of ``audit_train_part{0,1,2}.jsonl`` and print or check them.

    python training/labels/show_audit_train.py --part 0 > /tmp/items_part0.jsonl   # the items an annotator reads
    python training/labels/show_audit_train.py --check                               # label files match the draw

Selection (recomputed, never stored with text): every agent turn of a jddc_sample **adapt**-half dialogue whose
previous turn is a customer turn (``build_audit_dev.agent_pool``), minus the 200 ids of
``devsets/audit_tune.jsonl``, shuffled with ``random.Random(20261206)``; the turns that pass the skip filter
(``build_audit_dev.eligible``) are the sample, in draw order, in parts of 200 (1,353 turns: parts 0-5 hold 200,
part 6 holds 153). Parts 0-2 were labeled first; parts 3-6 are the rest of the pool, labeled later the same way. Each printed item carries the agent reply,
the customer turn(s) right before it, the agent's previous reply and up to four earlier turns.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "devsets"))
from build_audit_dev import draw_sample  # noqa: E402
from jddc_split import half_of, iter_dialogues, text_hash  # noqa: E402

SEED, N_SAMPLE, PART = 20261206, 1353, 200
N_PARTS = -(-N_SAMPLE // PART)
LABELS = ("cognitive", "affective", "action", "confirmation", "verify_need", "perfunctory")


def draw() -> tuple[dict[str, dict], list[tuple[str, int]]]:
    dialogues = {d["session_id"]: d for d in iter_dialogues() if half_of(d["session_id"]) == "adapt"}
    tune_path = HERE.parent / "devsets" / "audit_tune.jsonl"
    tune = {json.loads(line)["id"] for line in tune_path.read_text(encoding="utf-8").splitlines() if line.strip()}
    return dialogues, draw_sample(list(dialogues.values()), SEED, N_SAMPLE, "adapt", frozenset(tune))


def item(dialogue: dict, index: int) -> dict:
    turns = dialogue["turns"]
    j, customer = index - 1, []
    while j >= 0 and turns[j]["speaker"] == "customer":
        customer.insert(0, turns[j]["text"])
        j -= 1
    return {"id": f"{dialogue['session_id']}:{index}",
            "earlier_context": [f"{t['speaker']}: {t['text']}" for t in turns[max(0, j - 4):max(0, j)]],
            "previous_agent_reply": turns[j]["text"] if j >= 0 else None,
            "customer_turns_before": customer, "agent_reply": turns[index]["text"]}


def check_rows(path: Path, expected: list[tuple[str, int]], dialogues: dict[str, dict]) -> int:
    """Assert that the label file ``path`` holds exactly the drawn replies ``expected`` (``(session, turn index)``),
    in order, with the hash of each reply's current text and six 0/1 labels; return its row count."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [r["id"] for r in rows] == [f"{s}:{i}" for s, i in expected], f"{path.name}: ids differ from the draw"
    for r, (sid, index) in zip(rows, expected):
        assert r["hash"] == text_hash(dialogues[sid]["turns"][index]["text"]), r["id"]
        assert all(r[name] in (0, 1) for name in LABELS), r["id"]
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", type=int, choices=range(N_PARTS))
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    dialogues, sample = draw()
    if args.part is not None:
        for sid, index in sample[args.part * PART:(args.part + 1) * PART]:
            print(json.dumps(item(dialogues[sid], index), ensure_ascii=False))
    if args.check:
        checked = 0
        for part in range(N_PARTS):
            path = HERE / f"audit_train_part{part}.jsonl"
            if part >= 3 and not path.exists():
                continue
            checked += check_rows(path, sample[part * PART:(part + 1) * PART], dialogues)
        print(f"ok: {checked} labeled replies match the draw")


if __name__ == "__main__":
    main()
