"""Agreement between two readers of the same agent replies (per label: both-1 counts, F1 of one against the
other, Cohen's kappa).

    python training/devsets/audit_agreement.py training/devsets/audit_heldout.jsonl \
        training/devsets/audit_heldout_reader2.jsonl
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

LABELS = ("cognitive", "affective", "action", "confirmation", "verify_need", "perfunctory")


def read(path: str) -> dict[str, dict]:
    return {row["id"]: row for row in map(json.loads, Path(path).read_text(encoding="utf-8").splitlines()) if row}


def f1(a: list[int], b: list[int]) -> float:
    tp = sum(x and y for x, y in zip(a, b))
    wrong = sum(x != y for x, y in zip(a, b))
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def kappa(a: list[int], b: list[int]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def main() -> None:
    first, second = read(sys.argv[1]), read(sys.argv[2])
    if set(first) != set(second):
        raise SystemExit("the two files label different replies")
    ids = sorted(first)
    print(f"{len(ids)} replies\n| label | reader 1 | reader 2 | both | F1 | kappa |\n|---|---|---|---|---|---|")
    for name in LABELS:
        a, b = [first[i][name] for i in ids], [second[i][name] for i in ids]
        both = sum(x and y for x, y in zip(a, b))
        print(f"| {name} | {sum(a)} | {sum(b)} | {both} | {f1(a, b):.3f} | {kappa(a, b):.3f} |")


if __name__ == "__main__":
    main()
