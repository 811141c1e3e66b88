"""How cost grows with input length, and throughput of one shared Analyzer from several threads.

Length: ``normalize``, ``detect_emotion``, ``extract_keyinfo`` and ``suggest_response`` on one customer-style
text of 100 → 1,000 → … characters (benchmarks/texts.py ``long_text``), on an ``Analyzer(threads=1)`` with the
default ``max_chars`` (longer input is cut: normalize keeps head + tail, extract_keyinfo the head). Time is the
median of a few calls, timed without tracing; peak memory is then measured in a separate call under
``tracemalloc`` (Python allocations, numpy included; onnxruntime's own C++ buffers are not seen by it), as the
traced peak minus the memory traced just before the call. The input string itself is allocated before and not
counted. "×10 chars → × time" is the growth of the median time over the last tenfold step of length: about 1
means bounded, about 10 means linear.

Threads: one ``Analyzer(threads=1)`` (one onnxruntime thread per call) shared by 1, 2 and 4 worker threads of a
``concurrent.futures.ThreadPoolExecutor`` mapping over the same messages; messages per second is the count
over the wall time of the whole map.
"""
from __future__ import annotations

import statistics
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import empathkit

from .texts import MESSAGES, long_text

LENGTHS = {"smoke": (100, 1_000, 10_000), "quick": (100, 1_000, 10_000, 100_000),
           "full": (100, 1_000, 10_000, 100_000, 1_000_000)}
THREAD_COUNTS = (1, 2, 4)
THREAD_MESSAGES = {"smoke": {"detect_emotion": 32, "suggest_response": 16},
                   "quick": {"detect_emotion": 240, "suggest_response": 96},
                   "full": {"detect_emotion": 800, "suggest_response": 320}}
FUNCTIONS = ("normalize", "detect_emotion", "extract_keyinfo", "suggest_response")


def _repeats(chars: int, mode: str) -> int:
    if mode == "smoke":
        return 1
    return 7 if chars <= 10_000 else 3


def _time(call: Callable[[], Any], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _peak_bytes(call: Callable[[], Any]) -> int:
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        call()
        return max(0, tracemalloc.get_traced_memory()[1] - before)
    finally:
        tracemalloc.stop()


def by_length(mode: str) -> dict[str, Any]:
    analyzer = empathkit.Analyzer(threads=1)
    for name in FUNCTIONS:  # load everything first: loading is not part of a call
        getattr(analyzer, name)(long_text(200))
    rows: dict[str, dict[str, Any]] = {name: {} for name in FUNCTIONS}
    for chars in LENGTHS[mode]:
        text = long_text(chars)
        for name in FUNCTIONS:
            fn = getattr(analyzer, name)
            call = lambda: fn(text)  # noqa: E731
            call()  # warm
            seconds = _time(call, _repeats(chars, mode))
            rows[name][str(chars)] = {"ms": round(seconds * 1000, 3),
                                      "us_per_char": round(seconds * 1e6 / chars, 4),
                                      "peak_traced_mib": round(_peak_bytes(call) / 2**20, 3)}
    growth = {}
    for name, points in rows.items():
        keys = list(points)
        if len(keys) >= 2:
            last, prev = points[keys[-1]]["ms"], points[keys[-2]]["ms"]
            ratio = last / prev if prev > 0 else float("inf")
            marginal_us = (last - prev) * 1000 / (int(keys[-1]) - int(keys[-2]))
            growth[name] = {"from_chars": int(keys[-2]), "to_chars": int(keys[-1]), "time_ratio": round(ratio, 2),
                            "marginal_us_per_char": round(marginal_us, 4),
                            "reads_as": "bounded" if ratio < 2 else "grows, sub-linear" if ratio < 6 else
                            "about linear" if ratio <= 15 else "super-linear"}
    return {"max_chars": analyzer.max_chars, "threads": 1, "lengths": list(LENGTHS[mode]), "rows": rows,
            "growth_last_tenfold": growth}


def by_threads(mode: str) -> dict[str, Any]:
    analyzer = empathkit.Analyzer(threads=1)
    analyzer.suggest_response(MESSAGES[0])  # load the model, tables and jieba
    out: dict[str, Any] = {"analyzer": "one shared Analyzer(threads=1)", "functions": {}}
    for name, count in THREAD_MESSAGES[mode].items():
        fn = getattr(analyzer, name)
        messages = [MESSAGES[i % len(MESSAGES)] for i in range(count)]
        for message in MESSAGES:
            fn(message)  # warm every message once (shapes, caches)
        row = {"messages": count}
        for workers in THREAD_COUNTS:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                list(pool.map(fn, messages[:workers * 2]))  # start the workers
                start = time.perf_counter()
                results = list(pool.map(fn, messages))
                elapsed = time.perf_counter() - start
            assert len(results) == count
            row[str(workers)] = {"messages_per_s": round(count / elapsed, 1)}
        base = row["1"]["messages_per_s"]
        for workers in THREAD_COUNTS:
            row[str(workers)]["vs_1_thread"] = round(row[str(workers)]["messages_per_s"] / base, 2)
        out["functions"][name] = row
    return out


# Repeated motifs at the 5,000-character cap: long runs of one mark, numeral or placeholder are where a
# backtracking pattern turns quadratic (5,000 "?" once took 30 s in the cue reader, 5,000 三 2.5 s in the
# entity patterns). The worst case per function is reported.
ADVERSARIAL_MOTIFS = ("!", "?", "!?", "。", ".", "~", "哈", "三", "十", "1", "13", "1-", "1号", "[数字x]", "¥1", "元",
                      "买了", "还没", "您", "😡", "T_T", "[微笑]", "http://", "a", " ", "\n")
ADVERSARIAL_CHARS = 5_000


def adversarial(mode: str) -> dict[str, Any]:
    analyzer = empathkit.Analyzer(threads=1)
    analyzer.suggest_response(MESSAGES[0])  # load the model, tables and jieba
    calls: dict[str, Callable[[str], Any]] = {
        "detect_emotion": analyzer.detect_emotion, "extract_keyinfo": analyzer.extract_keyinfo,
        "suggest_response": analyzer.suggest_response, "audit_reply": lambda t: empathkit.audit_reply(t, t),
        "analyze_dialogue": lambda t: analyzer.analyze_dialogue([("customer", t), ("agent", t)])}
    motifs = ADVERSARIAL_MOTIFS[:6] if mode == "smoke" else ADVERSARIAL_MOTIFS
    out: dict[str, Any] = {"chars": ADVERSARIAL_CHARS, "motifs": len(motifs), "functions": {}}
    for name, call in calls.items():
        worst = (0.0, "")
        for motif in motifs:
            text = (motif * (ADVERSARIAL_CHARS // len(motif) + 1))[:ADVERSARIAL_CHARS]
            worst = max(worst, (1000 * _time(lambda: call(text), 1), motif))
        out["functions"][name] = {"worst_ms": round(worst[0], 1), "motif": worst[1]}
    return out


def run(mode: str = "full") -> dict[str, Any]:
    return {"by_length": by_length(mode), "by_threads": by_threads(mode), "adversarial": adversarial(mode)}


def _chars(n: int) -> str:
    return f"{n:,}"


def markdown(result: dict[str, Any]) -> list[str]:
    bl, bt = result["by_length"], result["by_threads"]
    lengths = [str(n) for n in bl["lengths"]]
    lines = ["## 4. Scaling", "",
             f"### Input length (1 thread, default max_chars = {bl['max_chars']:,})", "",
             "Median ms per call / peak traced Python memory (MiB, tracemalloc; onnxruntime's buffers not seen). "
             f"Input past {bl['max_chars']:,} chars is cut (normalize and detect_emotion keep head + tail, "
             "extract_keyinfo the head), so a bounded function stays flat past it. The last column is the growth "
             "of time over the last tenfold step of length: about 1× is bounded, about 10× linear.", "",
             "| function | " + " | ".join(f"{_chars(int(n))} chars" for n in lengths) + " | ×10 chars → × time |",
             "|---|" + "---|" * (len(lengths) + 1)]
    for name, points in bl["rows"].items():
        cells = [f"{points[n]['ms']} ms / {points[n]['peak_traced_mib']} MiB" for n in lengths]
        g = bl["growth_last_tenfold"].get(name)
        last = (f"{g['time_ratio']}× ({g['reads_as']}; {g['marginal_us_per_char']} µs per extra char)" if g
                else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {last} |")
    lines += ["", f"### Threads ({bt['analyzer']}, ThreadPoolExecutor)", "",
              "| function | messages | " + " | ".join(f"{w} thread(s) msg/s" for w in THREAD_COUNTS) + " |",
              "|---|---|" + "---|" * len(THREAD_COUNTS)]
    for name, row in bt["functions"].items():
        cells = [f"{row[str(w)]['messages_per_s']} ({row[str(w)]['vs_1_thread']}×)" for w in THREAD_COUNTS]
        lines.append(f"| {name} | {row['messages']} | " + " | ".join(cells) + " |")
    adv = result.get("adversarial")
    if adv:
        lines += ["", f"### Worst case over {adv['motifs']} repeated motifs at {adv['chars']:,} chars (1 thread)", "",
                  "One call per motif (\"?\" × 5,000, \"三\" × 5,000, \"[数字x]\" × 1,000 …); the slowest per function.", "",
                  "| function | worst ms | motif |", "|---|---|---|"]
        for name, row in adv["functions"].items():
            lines.append(f"| {name} | {row['worst_ms']} | {row['motif']!r} |")
    lines.append("")
    return lines
