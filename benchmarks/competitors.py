"""Side by side with other Chinese sentiment tools, when they are importable (``pip install ".[bench]"``):
SnowNLP and cnsenti, next to ours.

Messages: a fixed seeded sample of the held-out review polarity examples (training/data.py
``polarity_examples()[1]``: waimai_10k and chnsenticorp_htl_all, hash-split, never trained on), 1,000 in full
mode. Every tool gets the same messages, one call per message, on one thread (ours: ``Analyzer(threads=1)``),
after it is loaded and warmed; latency is over the first 200 of them, accuracy over all.

Decision rules (binary, positive vs negative): ours ``detect_emotion(text).polarity > 0``; SnowNLP
``SnowNLP(text).sentiments > 0.5``; cnsenti ``Sentiment().sentiment_count(text)``: ``pos > neg``. A tie
(including 0 = 0, no dictionary word found) counts as negative for every tool; cnsenti's tie share is reported.
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path
from typing import Any, Callable

from .latency import percentiles

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = {"smoke": 24, "quick": 200, "full": 1000}
LATENCY_MESSAGES = 200
SEED = 20261125


def held_out_sample(n: int) -> list[tuple[str, bool]]:
    """``n`` (text, is_positive) pairs drawn with a fixed seed from the held-out polarity examples."""
    sys.path.insert(0, str(ROOT / "training"))
    from data import P, polarity_examples

    held = polarity_examples()[1]
    picked = random.Random(SEED).sample(held, min(n, len(held)))
    return [(ex["text"], ex["polarity"] == P["positive"]) for ex in picked]


def _ours() -> tuple[Callable[[str], Any], Callable[[Any], bool]]:
    import empathkit

    analyzer = empathkit.Analyzer(threads=1)
    return analyzer.detect_emotion, lambda result: result.polarity > 0


def _snownlp() -> tuple[Callable[[str], Any], Callable[[Any], bool]]:
    from snownlp import SnowNLP

    return (lambda text: SnowNLP(text).sentiments), (lambda score: score > 0.5)


def _cnsenti() -> tuple[Callable[[str], Any], Callable[[Any], bool]]:
    from cnsenti import Sentiment

    senti = Sentiment()
    return senti.sentiment_count, lambda counts: counts["pos"] > counts["neg"]


TOOLS = {"empathkit": (_ours, "detect_emotion(text).polarity > 0"),
         "SnowNLP": (_snownlp, "SnowNLP(text).sentiments > 0.5"),
         "cnsenti": (_cnsenti, "Sentiment().sentiment_count(text): pos > neg")}


def _version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name.lower())
    except PackageNotFoundError:
        return None


def _evaluate(name: str, loader, sample: list[tuple[str, bool]]) -> dict[str, Any]:
    start = time.perf_counter()
    try:
        call, positive = loader()
        call("还行吧")  # first call: lazily loaded models and dictionaries
    except ImportError as error:
        return {"status": "not installed", "note": str(error)}
    except Exception as error:  # noqa: BLE001 - a broken optional tool must not stop the suite
        return {"status": "failed to load", "note": f"{type(error).__name__}: {error}"}
    load_s = time.perf_counter() - start
    for text, _ in sample[:5]:
        call(text)
    samples, correct, ties, failures = [], 0, 0, 0
    for index, (text, gold) in enumerate(sample):
        started = time.perf_counter()
        try:
            output = call(text)
        except Exception:  # noqa: BLE001 - count, do not stop
            failures += 1
            continue
        elapsed = time.perf_counter() - started
        if index < LATENCY_MESSAGES:
            samples.append(elapsed)
        predicted = positive(output)
        correct += predicted == gold
        if name == "cnsenti" and output["pos"] == output["neg"]:
            ties += 1
    row = {"status": "ok", "version": _version(name if name != "empathkit" else "empathkit"),
           "load_and_first_call_s": round(load_s, 2), "latency_messages": len(samples),
           "latency": percentiles(samples) if samples else None,
           "mean_ms": round(1000 * sum(samples) / len(samples), 3) if samples else None,
           "accuracy": round(correct / len(sample), 4), "messages": len(sample), "failures": failures}
    if name == "cnsenti":
        row["tie_share"] = round(ties / len(sample), 4)
    return row


def run(mode: str = "full") -> dict[str, Any]:
    try:
        sample = held_out_sample(SAMPLE[mode])
    except (FileNotFoundError, OSError) as error:
        return {"status": "data not found", "note": str(error), "tools": {}}
    positives = sum(gold for _, gold in sample)
    out: dict[str, Any] = {
        "messages": len(sample), "positive_share": round(positives / len(sample), 4), "seed": SEED,
        "source": "held-out waimai_10k + chnsenticorp_htl_all, polarity_examples()[1]",
        "majority_baseline": round(max(positives, len(sample) - positives) / len(sample), 4),
        "mean_chars": round(sum(len(t) for t, _ in sample) / len(sample), 1), "tools": {}}
    for name, (loader, rule) in TOOLS.items():
        out["tools"][name] = {**_evaluate(name, loader, sample), "rule": rule}
    return out


def markdown(result: dict[str, Any]) -> list[str]:
    lines = ["## 5. Side by side (review polarity)", ""]
    if result.get("status") == "data not found":
        return lines + [f"Skipped: data not found ({result['note']}).", ""]
    lines += [f"{result['messages']} held-out review messages ({result['source']}, seed {result['seed']}, "
              f"mean {result['mean_chars']} chars, {result['positive_share']:.1%} positive; majority-class "
              f"accuracy {result['majority_baseline']}). One message per call, 1 thread; latency over the first "
              f"{min(LATENCY_MESSAGES, result['messages'])}. A tie counts as negative.", "",
              "| tool | version | rule | p50 / p95 / p99 ms | mean ms | accuracy | load + first call s |",
              "|---|---|---|---|---|---|---|"]
    for name, row in result["tools"].items():
        if row["status"] != "ok":
            lines.append(f"| {name} | – | {row['rule']} | {row['status']} | – | – | – |")
            continue
        lat = row["latency"]
        acc = f"{row['accuracy']}" + (f" (ties {row['tie_share']:.1%})" if "tie_share" in row else "")
        lines.append(f"| {name} | {row['version'] or '–'} | {row['rule']} | {lat['p50_ms']} / {lat['p95_ms']} / "
                     f"{lat['p99_ms']} | {row['mean_ms']} | {acc} | {row['load_and_first_call_s']} |")
    lines.append("")
    return lines
