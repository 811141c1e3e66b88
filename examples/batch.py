"""Analyse a file of customer messages: CSV or JSONL in, CSV or JSONL out (chosen by the file extensions).

    python examples/batch.py in.csv out.csv --field text
    python examples/batch.py chats.jsonl scored.jsonl --field msg --task emotion --batch-size 128
    python examples/batch.py in.csv replies.csv --task reply --offers refund,expedite --tone formal

Every input column or key is kept, in order, with the text column masked for personal data (unless
``--no-mask``); the results follow. A CSV output gets flat columns (``emotion``, ``polarity``, ``intensity``,
``flag_*``, ``score_*``, ``intent``, ``restate``, ``reply``, ``priority``, ``route``…); a JSONL output gets the
full ``to_dict()`` of each result under ``emotion``, ``keyinfo`` and ``reply``. A result column overwrites an
input column of the same name, so a file can be run through again.

Messages are read in chunks of ``--batch-size`` and the model runs once per chunk (``detect_emotion_batch``),
which is several times faster than one call per message. A progress bar is drawn on stderr when it is a
terminal. The whole input is read first (to count it); results are written chunk by chunk.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any, Iterator, TextIO

import empathkit

TASKS = ("analyze", "emotion", "keyinfo", "reply")
FORMATS = (".csv", ".jsonl")
EMOTION_COLUMNS = (
    "emotion", "emotion_zh", "polarity", "polarity_label", "intensity", "flag_escalation", "flag_sarcasm",
    "flag_urgency", "score_neutral", "score_anger", "score_disgust", "score_anxiety", "score_sadness",
    "score_surprise", "score_joy", "score_gratitude", "cues", "truncated",
)
KEYINFO_COLUMNS = ("intent", "intent_score", "script", "variant", "entities", "star_situation", "star_task",
                   "star_action", "star_result", "restate")
REPLY_COLUMNS = ("reply", "priority", "route", "quadrant", "reasons")


class Progress:
    """A one-line progress bar on ``stream``, drawn only when it is a terminal (at most 10 times a second)."""

    def __init__(self, total: int, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.total, self.stream, self.width = total, stream, width
        self.done = 0
        self.enabled = total > 0 and stream.isatty()
        self.started = self.drawn = time.monotonic()

    def update(self, count: int) -> None:
        """Count ``count`` more messages done and redraw if due."""
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self.drawn >= 0.1 or self.done >= self.total):
            self.drawn = now
            rate = self.done / max(now - self.started, 1e-9)
            left = (self.total - self.done) / rate if rate else 0.0
            filled = self.width * self.done // self.total
            self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total} "
                              f"{rate:.0f} msg/s, {left:.0f}s left ")
            self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()


def read_records(path: Path, field: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The column names and records of a CSV or JSONL file; exits with a message if ``field`` is missing."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: accept Excel's BOM
            reader = csv.DictReader(handle)
            header = list(reader.fieldnames or [])
            if field not in header:
                raise SystemExit(f"batch: {path}: no column {field!r} (columns: {', '.join(header) or 'none'})")
            return header, [{k: ("" if v is None else v) for k, v in row.items() if k is not None} for row in reader]
    records: list[dict[str, Any]] = []
    keys: dict[str, None] = {}  # every key seen, in order of first appearance
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                raise SystemExit(f"batch: {path}:{number}: not JSON ({error})") from None
            if not isinstance(record, dict) or not isinstance(record.get(field), str):
                raise SystemExit(f"batch: {path}:{number}: no string field {field!r}")
            records.append(record)
            keys.update(dict.fromkeys(record))
    return list(keys), records


def _joined(items: list[str]) -> str:
    return "; ".join(item for item in items if item)


def flat_emotion(result: empathkit.EmotionResult) -> dict[str, Any]:
    """The CSV columns of an emotion result."""
    data = result.to_dict()
    row = {"emotion": data["label"], "emotion_zh": data["label_zh"]}
    row.update({name: data[name] for name in EMOTION_COLUMNS[2:-2]})
    row["cues"] = _joined([f"{cue.text}→{cue.meaning}" for cue in result.cues])
    row["truncated"] = data["truncated"]
    return row


def flat_keyinfo(info: empathkit.KeyInfo, mask: bool) -> dict[str, Any]:
    """The CSV columns of a key-information result (the spans of each STAR field joined by ``; ``)."""
    data = info.to_dict(mask_personal=mask)
    row = {name: data[name] for name in ("intent", "intent_score", "script", "variant")}
    row["entities"] = _joined([f"{entity['type']}:{entity['text']}" for entity in data["entities"]])
    for name in ("situation", "task", "action", "result"):
        row[f"star_{name}"] = _joined([span["text"] for span in data["star"][name]])
    row["restate"] = data["restate"]
    return row


def flat_reply(reply: empathkit.Reply) -> dict[str, Any]:
    """The CSV columns of a reply."""
    return {"reply": reply.text, "priority": reply.triage.priority, "route": reply.triage.route,
            "quadrant": reply.triage.quadrant, "reasons": _joined(list(reply.triage.reasons))}


def result_columns(task: str) -> tuple[str, ...]:
    """The CSV result columns of ``task``, in order."""
    if task == "emotion":
        return EMOTION_COLUMNS
    if task == "keyinfo":
        return KEYINFO_COLUMNS
    if task == "reply":
        return ("emotion", "intent") + REPLY_COLUMNS
    return EMOTION_COLUMNS + KEYINFO_COLUMNS + REPLY_COLUMNS


def analyse_chunk(analyzer: empathkit.Analyzer, texts: list[str], task: str, flat: bool, mask: bool,
                  reply_options: dict[str, Any], batch_size: int) -> list[dict[str, Any]]:
    """The results of one chunk of messages, one dict per message: flat CSV columns or nested ``to_dict()``s."""
    if task == "reply":
        replies = analyzer.suggest_response_batch(texts, batch_size=batch_size, **reply_options)
        if flat:
            return [{"emotion": r.emotion, "intent": r.intent, **flat_reply(r)} for r in replies]
        return [{"reply": r.to_dict()} for r in replies]
    out: list[dict[str, Any]] = [{} for _ in texts]
    if task in ("emotion", "analyze"):
        emotions = analyzer.detect_emotion_batch(texts, batch_size=batch_size)
        for row, result in zip(out, emotions):
            row.update(flat_emotion(result) if flat else {"emotion": result.to_dict()})
    if task in ("keyinfo", "analyze"):
        infos = analyzer.extract_keyinfo_batch(texts)
        for row, info in zip(out, infos):
            row.update(flat_keyinfo(info, mask) if flat else {"keyinfo": info.to_dict(mask_personal=mask)})
    if task == "analyze":
        for row, text, result, info in zip(out, texts, emotions, infos):
            reply = analyzer.suggest_response(text, emotion=result, keyinfo=info, **reply_options)
            row.update(flat_reply(reply) if flat else {"reply": reply.to_dict()})
    return out


def _chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _csv_cell(value: Any) -> Any:
    """Nested values of a JSONL input go into a CSV cell as JSON."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value


def run(source: Path, target: Path, *, field: str = "text", task: str = "analyze", batch_size: int = 64,
        mask: bool = True, reply_options: dict[str, Any] | None = None, threads: int | None = None) -> int:
    """Analyse every message of ``source`` and write ``target``; returns the number of messages."""
    for path in (source, target):
        if path.suffix.lower() not in FORMATS:
            raise SystemExit(f"batch: {path}: unsupported file type (use {' or '.join(FORMATS)})")
    if task not in TASKS:
        raise SystemExit(f"batch: unknown task {task!r} (use one of {', '.join(TASKS)})")
    if batch_size < 1:
        raise SystemExit("batch: --batch-size must be at least 1")
    columns, records = read_records(source, field)
    analyzer = empathkit.Analyzer(threads=threads)
    options = dict(reply_options or {})
    analyzer.suggest_response("", **options)  # checks the reply options before anything is written (no model run)
    flat = target.suffix.lower() == ".csv"
    progress = Progress(len(records))
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = None
        if flat:
            header = columns + [name for name in result_columns(task) if name not in columns]
            writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
            writer.writeheader()
        for chunk in _chunks(records, batch_size):
            texts = [record[field] for record in chunk]
            results = analyse_chunk(analyzer, texts, task, flat, mask, options, batch_size)
            for record, text, result in zip(chunk, texts, results):
                row = {**record, field: empathkit.mask_pii(text).text if mask else text, **result}
                if writer is not None:
                    writer.writerow({key: _csv_cell(value) for key, value in row.items()})
                else:
                    handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            progress.update(len(chunk))
    progress.close()
    return len(records)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run; returns the exit status."""
    parser = argparse.ArgumentParser(description="Analyse a CSV/JSONL file of customer messages with empathkit.")
    parser.add_argument("source", type=Path, help="input .csv or .jsonl")
    parser.add_argument("target", type=Path, help="output .csv (flat columns) or .jsonl (full results)")
    parser.add_argument("--field", default="text", help="the column or key holding the message (default: text)")
    parser.add_argument("--task", choices=TASKS, default="analyze", help="what to compute (default: analyze = all)")
    parser.add_argument("--batch-size", type=int, default=64, help="messages per model call (default: 64)")
    parser.add_argument("--no-mask", action="store_true", help="write texts without masking personal data")
    parser.add_argument("--offers", default="", help="comma-separated offers the replies may make, e.g. refund,expedite")
    parser.add_argument("--tone", default="warm", choices=("warm", "formal", "brief"), help="reply tone")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for the model")
    args = parser.parse_args(argv)
    offers = tuple(name.strip() for name in args.offers.split(",") if name.strip())
    started = time.monotonic()
    try:
        count = run(args.source, args.target, field=args.field, task=args.task, batch_size=args.batch_size,
                    mask=not args.no_mask, reply_options={"offers": offers, "tone": args.tone}, threads=args.threads)
    except (empathkit.InputError, OSError) as error:
        print(f"batch: {error}", file=sys.stderr)
        return 2
    print(f"batch: {count} messages → {args.target} in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
