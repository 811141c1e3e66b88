"""Latency of the rest of the pipeline, per message, on one thread: extract_keyinfo, suggest_response (the reply
builder alone, given precomputed ``emotion=`` and ``keyinfo=``, and in full), the whole pipeline (detect_emotion
+ extract_keyinfo + suggest_response reusing both), analyze_dialogue on a 20-turn dialogue, and audit_reply on that
dialogue's agent replies (as shipped, and the rules alone without the learned layer).

Every timing is a wall-clock time of one call (``time.perf_counter``) after warm-up calls; p50/p95/p99 are
taken over the calls (with few calls p99 is close to the maximum; ``n`` says how many).
"""
from __future__ import annotations

from typing import Any

import empathkit

from .latency import lengths, message_of, percentiles, time_calls
from .texts import DIALOGUE_20, MESSAGE_100

REPEATS = {"smoke": 5, "quick": 60, "full": 300}
DIALOGUE_REPEATS = {"smoke": 3, "quick": 15, "full": 60}


def _row(samples: list[float], **extra: Any) -> dict[str, Any]:
    return {**percentiles(samples), "n": len(samples), **extra}


def run(mode: str = "full") -> dict[str, Any]:
    repeats, dialogue_repeats = REPEATS[mode], DIALOGUE_REPEATS[mode]
    analyzer = empathkit.Analyzer(threads=1)
    analyzer.detect_emotion("预热")
    analyzer.extract_keyinfo("预热一下")  # jieba loads on first use (about a second): not part of a call
    runtime = analyzer._runtime.get()
    text = MESSAGE_100
    tokens_100 = len(runtime.encode([text])[0])

    keyinfo_rows = {"100 chars": _row(time_calls(lambda: analyzer.extract_keyinfo(text), repeats),
                                      chars=len(text), tokens=tokens_100)}
    for tokens in lengths(runtime):
        message = message_of(runtime, tokens)
        keyinfo_rows[f"{tokens} tokens"] = _row(time_calls(lambda: analyzer.extract_keyinfo(message), repeats),
                                                chars=len(message), tokens=tokens)

    emotion = analyzer.detect_emotion(text)
    keyinfo = analyzer.extract_keyinfo(text)

    def whole() -> None:
        e = analyzer.detect_emotion(text)
        k = analyzer.extract_keyinfo(text)
        analyzer.suggest_response(text, emotion=e, keyinfo=k)

    steps = {
        "detect_emotion": _row(time_calls(lambda: analyzer.detect_emotion(text), repeats)),
        "extract_keyinfo": keyinfo_rows["100 chars"],
        "suggest_response (builder: emotion= and keyinfo= given)": _row(time_calls(
            lambda: analyzer.suggest_response(text, emotion=emotion, keyinfo=keyinfo), repeats)),
        "suggest_response (full: computes emotion and keyinfo)": _row(time_calls(
            lambda: analyzer.suggest_response(text), repeats)),
        "whole pipeline (detect_emotion + extract_keyinfo + suggest_response reusing both)": _row(
            time_calls(whole, repeats)),
    }
    result = analyzer.analyze_dialogue(DIALOGUE_20)
    dialogue_samples = time_calls(lambda: analyzer.analyze_dialogue(DIALOGUE_20), dialogue_repeats)
    dialogue = _row(dialogue_samples, turns=len(DIALOGUE_20),
                    customer_turns=sum(role == "customer" for role, _ in DIALOGUE_20),
                    chars=sum(len(t) for _, t in DIALOGUE_20),
                    per_turn_p50_ms=round(percentiles(dialogue_samples)["p50_ms"] / len(DIALOGUE_20), 3),
                    read={"trend": result.trend, "risk": result.risk.level, "outcome": result.summary.outcome})
    pairs = [(DIALOGUE_20[i - 1][1], reply) for i, (role, reply) in enumerate(DIALOGUE_20)
             if role == "agent" and i and DIALOGUE_20[i - 1][0] == "customer"]
    audits = {}
    for name, use_model in (("shipped (rules + learned layer)", True), ("rules alone (use_model=False)", False)):
        calls = iter(pairs * (repeats + 1))
        audits[name] = _row(time_calls(lambda: empathkit.audit_reply(*next(calls), use_model=use_model), repeats),
                            replies=len(pairs))
    return {"threads": 1, "message_100": {"chars": len(text), "tokens": tokens_100}, "steps_100_chars": steps,
            "extract_keyinfo_by_length": keyinfo_rows, "analyze_dialogue_20_turns": dialogue,
            "audit_reply": audits}


def markdown(result: dict[str, Any]) -> list[str]:
    m = result["message_100"]
    lines = ["## 2. Pipeline latency", "",
             f"1 thread, one message at a time; the 100-character message is {m['tokens']} tokens "
             "(benchmarks/texts.py).", "",
             "| step, 100-character message | p50 / p95 / p99 ms | calls |", "|---|---|---|"]
    for name, row in result["steps_100_chars"].items():
        lines.append(f"| {name} | {row['p50_ms']} / {row['p95_ms']} / {row['p99_ms']} | {row['n']} |")
    lines += ["", "| extract_keyinfo input | chars | p50 / p95 / p99 ms | calls |", "|---|---|---|---|"]
    for name, row in result["extract_keyinfo_by_length"].items():
        lines.append(f"| {name} | {row['chars']} | {row['p50_ms']} / {row['p95_ms']} / {row['p99_ms']} | {row['n']} |")
    d = result["analyze_dialogue_20_turns"]
    lines += ["", "| analyze_dialogue | p50 / p95 / p99 ms | per turn p50 ms | calls |", "|---|---|---|---|",
              f"| {d['turns']} turns ({d['customer_turns']} customer), {d['chars']} chars; read as "
              f"{d['read']['trend']}, risk {d['read']['risk']}, {d['read']['outcome']} "
              f"| {d['p50_ms']} / {d['p95_ms']} / {d['p99_ms']} | {d['per_turn_p50_ms']} | {d['n']} |", ""]
    audits = result.get("audit_reply") or {}
    if audits:
        lines += ["| audit_reply, one agent reply of that dialogue per call | p50 / p95 / p99 ms | calls |",
                  "|---|---|---|"]
        for name, row in audits.items():
            lines.append(f"| {name}, cycling over its {row['replies']} replies | {row['p50_ms']} / {row['p95_ms']} / "
                         f"{row['p99_ms']} | {row['n']} |")
        lines.append("")
    return lines
