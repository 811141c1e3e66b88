"""Split jddc_sample dialogues into an evaluation half and an adaptation half.

The split is by dialogue (never by turn) and is a pure function of the session id, so the hand-labeled dev
sets (drawn only from the ``dev`` half) and any pseudo-labeled adaptation data (drawn only from the ``adapt``
half) can never share a dialogue. Run ``python training/jddc_split.py`` to print the counts.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Iterator

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "jddc_sample" / "dialogues.jsonl"


def half_of(session_id: str) -> str:
    """Return ``"dev"`` or ``"adapt"`` for a dialogue, from the first byte of sha1(session_id)."""
    return "dev" if hashlib.sha1(session_id.encode("utf-8")).digest()[0] % 2 == 0 else "adapt"


def turn_id(session_id: str, index: int) -> str:
    """Stable id of one turn: ``<session_id>:<turn index in the dialogue>``."""
    return f"{session_id}:{index}"


def text_hash(text: str) -> str:
    """Short fingerprint of a turn's text, stored beside labels to detect a changed source without storing text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def dialogues_of(labels: Path) -> frozenset[str]:
    """The dialogue (session) ids of a label file's rows, whose ids are ``<session_id>:<turn index>``."""
    return frozenset(json.loads(line)["id"].rsplit(":", 1)[0]
                     for line in labels.read_text(encoding="utf-8").splitlines() if line.strip())


def iter_dialogues(path: Path = DATA) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def iter_customer_turns(half: str | None = None, path: Path = DATA) -> Iterator[tuple[str, str]]:
    """Yield ``(turn_id, text)`` for customer turns, optionally only from one half."""
    for dialogue in iter_dialogues(path):
        sid = dialogue["session_id"]
        if half is not None and half_of(sid) != half:
            continue
        for index, turn in enumerate(dialogue["turns"]):
            if turn["speaker"] == "customer":
                yield turn_id(sid, index), turn["text"]


if __name__ == "__main__":
    for name in ("dev", "adapt"):
        dialogues = sum(1 for d in iter_dialogues() if half_of(d["session_id"]) == name)
        turns = sum(1 for _ in iter_customer_turns(name))
        print(f"{name}: {dialogues} dialogues, {turns} customer turns")
