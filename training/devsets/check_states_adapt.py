"""Check ``dialogue_states_adapt.jsonl``: one end-state row per jddc_sample adapt-half dialogue, in file order.

    python training/devsets/check_states_adapt.py

Fails if a dialogue is missing or out of order, a value is not allowed, ``escalating`` is not also ``threatened``
or a note contains CJK characters; prints the counts. See README_states_adapt.md.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from jddc_split import half_of, iter_dialogues  # noqa: E402

STATES = ("satisfied", "neutral", "unresolved", "angry", "escalating")
CJK = re.compile(r"[\u3400-\u9fff]")


def main() -> None:
    rows = [json.loads(line) for line in (HERE / "dialogue_states_adapt.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    expected = [d["session_id"] for d in iter_dialogues() if half_of(d["session_id"]) == "adapt"]
    assert [r["session_id"] for r in rows] == expected, "rows must be the adapt-half dialogues in file order"
    for r in rows:
        assert r["end_state"] in STATES and r["threatened"] in (0, 1), r
        assert r["end_state"] != "escalating" or r["threatened"] == 1, r
        assert not CJK.search(r.get("note", "")), r["session_id"]
    print(f"ok: {len(rows)} adapt dialogues; end states {dict(Counter(r['end_state'] for r in rows))}; "
          f"threatened {sum(r['threatened'] for r in rows)}")


if __name__ == "__main__":
    main()
