"""Agreement between annotators on the audit labels: a blind second labeling of replies that already have labels.

    python training/devsets/show_audit_relabel.py --part 0 > /tmp/relabel_part0.jsonl   # what an annotator reads
    python training/devsets/show_audit_relabel.py --agreement                           # relabel vs first labels

Why: the rules score 0.57-0.62 F1 on `cognitive` on every set they were not tuned on, while the two readers of
audit_heldout agree at 0.93. Those two readers labeled the same 150 replies in one sitting; the training parts
and audit_heldout2 were each labeled by a different annotator. This draw measures how far annotators of
*different* files agree, which bounds the F1 any detector can be shown to reach against one file's labels.

Selection (recomputed, never stored with text): 120 replies of ``audit_heldout2.jsonl`` and 120 of
``labels/audit_train_part{3,4,5,6}.jsonl``, each drawn with ``random.Random(20261205)``, interleaved and shuffled
with the same generator, then cut into two parts of 120. An annotator sees the items of one part (same context as
show_audit_train.py) and not which file an item comes from. The relabels are ``audit_relabel_part{0,1}.jsonl``
(``id``, ``hash``, the six labels).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "labels"))
from audit_agreement import f1, kappa  # noqa: E402
from jddc_split import iter_dialogues, text_hash  # noqa: E402
from show_audit_train import LABELS, item  # noqa: E402

SEED, PER_SOURCE, PARTS = 20261205, 120, 2
SOURCES = {"audit_heldout2": [HERE / "audit_heldout2.jsonl"],
           "audit_train_part3-6": [HERE.parent / "labels" / f"audit_train_part{p}.jsonl" for p in (3, 4, 5, 6)]}


def read_rows(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def draw() -> list[tuple[str, dict]]:
    """``(source name, first-labeling row)`` of every drawn reply, in the order the parts are cut from."""
    rng = random.Random(SEED)
    drawn = []
    for name, paths in SOURCES.items():
        rows = read_rows(paths)
        drawn += [(name, row) for row in rng.sample(rows, PER_SOURCE)]
    rng.shuffle(drawn)
    return drawn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", type=int, choices=range(PARTS))
    parser.add_argument("--agreement", action="store_true")
    args = parser.parse_args()
    drawn = draw()
    size = len(drawn) // PARTS
    dialogues = {d["session_id"]: d for d in iter_dialogues()}
    if args.part is not None:
        for _, row in drawn[args.part * size:(args.part + 1) * size]:
            sid, index = row["id"].rsplit(":", 1)
            print(json.dumps(item(dialogues[sid], int(index)), ensure_ascii=False))
    if args.agreement:
        relabel = {}
        for part in range(PARTS):
            rows = read_rows([HERE / f"audit_relabel_part{part}.jsonl"])
            expected = [row["id"] for _, row in drawn[part * size:(part + 1) * size]]
            assert [r["id"] for r in rows] == expected, f"part {part}: ids differ from the draw"
            relabel.update((r["id"], r) for r in rows)
        for r in relabel.values():
            sid, index = r["id"].rsplit(":", 1)
            assert r["hash"] == text_hash(dialogues[sid]["turns"][int(index)]["text"]), r["id"]
            assert all(r[name] in (0, 1) for name in LABELS), r["id"]
        for source in (*SOURCES, "all"):
            pairs = [(row, relabel[row["id"]]) for name, row in drawn if source in (name, "all")]
            print(f"\n{source}: {len(pairs)} replies, first labeling vs blind relabel\n"
                  "| label | first | relabel | both | F1 | kappa |\n|---|---|---|---|---|---|")
            for name in LABELS:
                a, b = [p[0][name] for p in pairs], [p[1][name] for p in pairs]
                both = sum(x and y for x, y in zip(a, b))
                print(f"| {name} | {sum(a)} | {sum(b)} | {both} | {f1(a, b):.3f} | {kappa(a, b):.3f} |")


if __name__ == "__main__":
    main()
