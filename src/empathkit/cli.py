"""The ``empathkit`` command: messages from arguments, stdin or a .txt/.jsonl/.csv file → JSON lines.

    empathkit demo                          run on built-in examples
    empathkit "快递三天了还没到？？？😡"       analyse the given messages
    empathkit -f messages.csv --field text  analyse a file (progress bar on stderr when it is a terminal)
    cat messages.txt | empathkit            analyse stdin, one message per line

Every printed text is masked for personal data unless ``--no-mask`` is given.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TextIO

from .analyzer import Analyzer
from .errors import InputError
from .pii import mask_pii

DEMO_MESSAGES = (
    "客服你好，我11月20号下的订单到现在三天了还没收到，明天就要用，肿么回事啊？？？😡",
    "東西收到了，包裝很用心，謝謝你們[抱拳]",
    "呵呵，又是'正在处理'，你们效率真是高啊[微笑]",
    "再不给我退款我就去12315投诉，tmd气si了！！！",
)
TASKS = ("analyze", "emotion", "keyinfo", "reply", "cues", "normalize", "pii", "script")


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="empathkit", description="Read Chinese customer messages: emotion, cues, key information, replies.",
        epilog="Run 'empathkit demo' to see it on built-in examples.")
    parser.add_argument("texts", nargs="*", help="messages to analyse (or one .txt/.jsonl/.csv path); stdin if none")
    parser.add_argument("-f", "--file", type=Path, help="a .txt (one message per line), .jsonl or .csv file")
    parser.add_argument("--field", default="text", help="the text field of a .jsonl/.csv file (default: text)")
    parser.add_argument("-t", "--task", choices=TASKS, default="analyze",
                        help="what to compute (default: analyze = everything this build provides)")
    parser.add_argument("--no-mask", action="store_true", help="print texts without masking personal data")
    parser.add_argument("--threads", type=int, default=None, help="CPU threads for the model")
    parser.add_argument("--max-tokens", type=int, default=None,
                        help="tokens the emotion model reads per message, 8-512 (default: the trained length, 256)")
    return parser.parse_args(argv)


def _read_file(path: Path, field: str) -> list[str]:
    """The messages of a .txt/.jsonl/.csv file; any problem with the file exits with one line naming it."""
    try:
        return _read_messages(path, field)
    except OSError as error:
        raise SystemExit(f"empathkit: {path}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise SystemExit(f"empathkit: {path}: not UTF-8 text") from None
    except csv.Error as error:
        raise SystemExit(f"empathkit: {path}: not a readable CSV file ({error})") from None


def _read_messages(path: Path, field: str) -> list[str]:
    suffix = path.suffix.lower()
    with path.open(encoding="utf-8", newline="") as handle:
        if suffix == ".txt":
            return [line.rstrip("\r\n") for line in handle if line.strip()]
        if suffix == ".jsonl":
            texts = []
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    raise SystemExit(f"empathkit: {path}:{number}: not a JSON line") from None
                if not isinstance(record, dict) or not isinstance(record.get(field), str):
                    raise SystemExit(f"empathkit: {path}:{number}: no string field {field!r}")
                texts.append(record[field])
            return texts
        if suffix == ".csv":
            reader = csv.DictReader(handle)
            if reader.fieldnames is None or field not in reader.fieldnames:
                raise SystemExit(f"empathkit: {path}: no column {field!r} (columns: {reader.fieldnames})")
            return [row[field] or "" for row in reader]
    raise SystemExit(f"empathkit: {path}: unsupported file type {suffix!r} (use .txt, .jsonl or .csv)")


def _progress(items: list[str], stream: TextIO) -> Iterator[str]:
    """Yield items, drawing a progress bar on ``stream`` when it is a terminal."""
    if not stream.isatty() or not items:
        yield from items
        return
    total, started, width = len(items), time.monotonic(), 30
    for done, item in enumerate(items, start=1):
        yield item
        if done == total or done % max(1, total // 200) == 0:
            filled = int(width * done / total)
            rate = done / max(time.monotonic() - started, 1e-9)
            stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {rate:.0f} msg/s")
            stream.flush()
    stream.write("\n")


def _masked_normalized(record: dict[str, Any], mask: bool) -> dict[str, Any]:
    if mask:
        record["text"] = mask_pii(record["text"]).text
    return record


def _record(analyzer: Analyzer, text: str, task: str, mask: bool) -> dict[str, Any]:
    record: dict[str, Any] = {"text": mask_pii(text).text if mask else text}
    done: dict[str, Any] = {}

    def once(name: str, make: Callable[[], Any]) -> Any:
        if name not in done:
            done[name] = make()
        return done[name]

    emotion = lambda: once("emotion", lambda: analyzer.detect_emotion(text))  # noqa: E731
    keyinfo = lambda: once("keyinfo", lambda: analyzer.extract_keyinfo(text))  # noqa: E731
    steps: dict[str, Callable[[], Any]] = {
        "script": lambda: analyzer.detect_script(text).to_dict(),
        "cues": lambda: [cue.to_dict() for cue in analyzer.read_cues(text)],
        "normalize": lambda: _masked_normalized(analyzer.normalize(text).to_dict(), mask),
        "pii": lambda: analyzer.mask_pii(text).to_dict(),
        "emotion": lambda: emotion().to_dict(),
        "keyinfo": lambda: keyinfo().to_dict(),
        "reply": lambda: analyzer.suggest_response(text, emotion=emotion(), keyinfo=keyinfo()).to_dict(),
    }
    wanted = ("script", "cues", "emotion", "keyinfo", "reply") if task == "analyze" else (task,)
    for name in wanted:
        record[name] = steps[name]()
    return record


def _emit(records: Iterable[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def demo(out: TextIO = sys.stdout, as_json: bool = False) -> int:
    """Analyse the built-in example messages: a readable summary each, or JSON lines with ``as_json``."""
    analyzer = Analyzer()
    try:
        if as_json:
            _emit((_record(analyzer, text, "analyze", mask=True) for text in DEMO_MESSAGES), out)
            return 0
        for text in DEMO_MESSAGES:
            out.write(_summary(analyzer, text) + "\n\n")
            out.flush()
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    return 0


def _summary(analyzer: Analyzer, text: str) -> str:
    """A few readable lines: emotion, cues, key information, restatement and the suggested reply."""
    emotion = analyzer.detect_emotion(text)
    info = analyzer.extract_keyinfo(text)
    reply = analyzer.suggest_response(text, emotion=emotion, keyinfo=info)
    top = ", ".join(f"{name} {value:.2f}" for name, value in emotion.top(3))
    flags = ", ".join(emotion.flags.raised()) or "none"
    cues = ", ".join(f"{cue.text}→{cue.meaning}" for cue in emotion.cues) or "none"
    entities = ", ".join(f"{e['type']} {e['text']}" for e in info.to_dict()["entities"]) or "none"
    return "\n".join([
        f"customer : {mask_pii(text).text}",
        f"emotion  : {emotion.label} {emotion.label_zh} ({top}); polarity {emotion.polarity:+.2f}, "
        f"intensity {emotion.intensity:.2f}, flags: {flags}",
        f"cues     : {cues}",
        f"keyinfo  : intent {info.intent}; entities: {entities}",
        f"restate  : {info.restate()}",
        f"triage   : {reply.triage.priority} → {reply.triage.route} ({'; '.join(reply.triage.reasons)})",
        f"reply    : {reply.text}",
    ])


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``empathkit`` console script; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["demo"]:
        return demo(as_json="--json" in args_list[1:])
    args = _parse_args(args_list)
    try:
        analyzer = Analyzer(threads=args.threads, max_tokens=args.max_tokens)
    except InputError as error:  # a bad option: one line, not a traceback
        print(f"empathkit: {error}", file=sys.stderr)
        return 2
    path = args.file
    if path is None and len(args.texts) == 1 and Path(args.texts[0]).suffix.lower() in (".txt", ".jsonl", ".csv") \
            and Path(args.texts[0]).is_file():
        path = Path(args.texts[0])
    if path is not None:
        texts = _progress(_read_file(path, args.field), sys.stderr)
    elif args.texts:
        texts = iter(args.texts)
    else:
        texts = (line.rstrip("\r\n") for line in sys.stdin if line.strip())
    try:
        _emit((_record(analyzer, text, args.task, mask=not args.no_mask) for text in texts), sys.stdout)
    except NotImplementedError as error:
        print(f"empathkit: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    return 0
