"""Latency of detect_emotion and of the raw models, per message, at several token lengths and batch sizes.

Ours and the bert-base-shaped reference are timed in the same run, on the same onnxruntime settings, so the
ratio is meaningful even on a shared, noisy machine.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import numpy as np

import empathkit
from empathkit.runtime import Runtime

from . import reference
from .texts import MESSAGES

TOKENS = (16, 32, 64, 128, 256)  # lengths above the model's max_tokens (model.json) are skipped: it reads no more
BASE = "客服你好我上周买的洗衣机到现在还没有送到打了好几次电话都说在路上到底什么时候能到"


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50_ms": round(pick(0.50) * 1000, 3), "p95_ms": round(pick(0.95) * 1000, 3),
            "p99_ms": round(pick(0.99) * 1000, 3)}


def message_of(runtime: Runtime, tokens: int) -> str:
    """A customer-style message that tokenizes to about ``tokens`` tokens (specials included)."""
    if tokens > runtime.spec.max_tokens:
        raise ValueError(f"the model reads at most {runtime.spec.max_tokens} tokens, not {tokens}")
    text = ""
    while len(runtime.encode([text])[0]) < tokens:
        text += BASE[len(text) % len(BASE)]
    return text


def lengths(runtime: Runtime) -> list[int]:
    """The lengths of :data:`TOKENS` that the packaged model reads whole."""
    return [tokens for tokens in TOKENS if tokens <= runtime.spec.max_tokens]


def time_calls(call, repeats: int) -> list[float]:
    for _ in range(max(3, repeats // 10)):
        call()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


REPEATS = {"smoke": 8, "quick": 60, "full": 300}


def customer_messages(analyzer: empathkit.Analyzer, runtime: Runtime, repeats: int) -> dict[str, Any]:
    """detect_emotion over the varied customer messages of texts.MESSAGES (4–80 characters), cycled: the
    latency a service sees on customer-length messages, rather than at one fixed length."""
    lengths = sorted(len(ids) for ids in runtime.encode(MESSAGES))
    calls = max(len(MESSAGES), repeats) // len(MESSAGES) * len(MESSAGES)
    for text in MESSAGES:
        analyzer.detect_emotion(text)
    samples = []
    for i in range(calls):
        text = MESSAGES[i % len(MESSAGES)]
        start = time.perf_counter()
        analyzer.detect_emotion(text)
        samples.append(time.perf_counter() - start)
    return {"detect_emotion": percentiles(samples), "messages": len(MESSAGES), "calls": calls,
            "tokens_median": lengths[len(lengths) // 2], "tokens_max": lengths[-1]}


def run(mode: str = "full") -> dict[str, Any]:
    """``mode``: ``smoke`` (a few repeats, 1 thread), ``quick`` or ``full`` (1 and 2 threads)."""
    repeats = REPEATS[mode]
    ref_repeats = 3 if mode == "smoke" else max(20, repeats // 3)
    out: dict[str, Any] = {"threads": {}, "reference": None, "repeats": repeats, "reference_repeats": ref_repeats}
    ref_path = reference.build()
    for threads in ((1,) if mode == "smoke" else (1, 2)):
        analyzer = empathkit.Analyzer(threads=threads)
        analyzer.detect_emotion("预热")
        runtime = analyzer._runtime.get()
        ref_session = None
        if ref_path is not None:
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.intra_op_num_threads = threads
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            ref_session = ort.InferenceSession(str(ref_path), options, providers=["CPUExecutionProvider"])
        rows = {}
        for tokens in lengths(runtime):
            text = message_of(runtime, tokens)
            ids = np.array([runtime.encode([text])[0]], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            row = {"detect_emotion": percentiles(time_calls(lambda: analyzer.detect_emotion(text), repeats)),
                   "model_only": percentiles(time_calls(lambda: runtime.session.run(None, feeds), repeats))}
            if ref_session is not None:
                ref_feeds = {"input_ids": np.clip(ids, 0, 21127), "attention_mask": feeds["attention_mask"]}
                row["bert_base_shape_model_only"] = percentiles(
                    time_calls(lambda: ref_session.run(None, ref_feeds), ref_repeats))
                row["speedup_vs_bert_base"] = round(row["bert_base_shape_model_only"]["p50_ms"]
                                                    / row["model_only"]["p50_ms"], 2)
            rows[str(tokens)] = row
        mixed = customer_messages(analyzer, runtime, repeats)
        batches = {}
        texts = [message_of(runtime, 32)] * 128
        for size in ((8, 32) if mode == "smoke" else (1, 8, 32, 128)):
            count = max(size, 32)
            analyzer.detect_emotion_batch(texts[:size], batch_size=size)  # warm the shape
            started = time.perf_counter()
            analyzer.detect_emotion_batch(texts[:count], batch_size=size)
            elapsed = time.perf_counter() - started
            batches[str(size)] = {"messages_per_s": round(count / elapsed, 1)}
        out["threads"][str(threads)] = {"by_tokens": rows, "customer_messages": mixed,
                                        "batch_32_tokens": batches}
    out["reference"] = "bert-base shape, random weights, int8" if ref_path is not None else "not built (needs torch)"
    return out


def markdown(result: dict[str, Any]) -> list[str]:
    lines = ["## 1. detect_emotion latency and batch throughput", "",
             f"Per-message latency at batch 1 over {result['repeats']} calls (bert-base-shaped reference: "
             f"{result['reference']}, {result['reference_repeats']} calls, model only, same onnxruntime settings).",
             ""]
    for threads, block in result["threads"].items():
        lines += [f"### {threads} thread(s), batch 1", "",
                  "| tokens | detect_emotion p50 / p95 / p99 ms | model only p50 ms | bert-base shape p50 ms "
                  "| speed-up |",
                  "|---|---|---|---|---|"]
        for tokens, row in block["by_tokens"].items():
            d = row["detect_emotion"]
            ref = row.get("bert_base_shape_model_only", {}).get("p50_ms", "–")
            lines.append(f"| {tokens} | {d['p50_ms']} / {d['p95_ms']} / {d['p99_ms']} | {row['model_only']['p50_ms']} "
                         f"| {ref} | {row.get('speedup_vs_bert_base', '–')}× |")
        mixed = block.get("customer_messages")
        if mixed:
            d = mixed["detect_emotion"]
            lines += ["", f"Varied customer messages (benchmarks/texts.py MESSAGES: {mixed['messages']} messages, "
                      f"median {mixed['tokens_median']} tokens, longest {mixed['tokens_max']}), {mixed['calls']} "
                      f"calls: detect_emotion p50 / p95 / p99 **{d['p50_ms']}** / {d['p95_ms']} / {d['p99_ms']} ms."]
        lines += ["", f"| batch size (32-token messages), {threads} thread(s) | messages/s |", "|---|---|"]
        lines += [f"| {size} | {v['messages_per_s']} |" for size, v in block["batch_32_tokens"].items()]
        lines.append("")
    return lines


def plot(result: dict[str, Any], path: Path) -> str:
    """Save detect_emotion p50 vs tokens (1 thread; ours, our model alone, the bert-base-shaped model) as a PNG.

    Returns the path written, or why nothing was written (matplotlib missing)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "skipped (matplotlib not installed)"
    block = result["threads"].get("1") or next(iter(result["threads"].values()))
    tokens = [int(t) for t in block["by_tokens"]]
    rows = list(block["by_tokens"].values())
    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=120)
    ax.plot(tokens, [r["detect_emotion"]["p50_ms"] for r in rows], "o-", label="empathkit detect_emotion")
    ax.plot(tokens, [r["model_only"]["p50_ms"] for r in rows], "s--", label="empathkit model only")
    if all("bert_base_shape_model_only" in r for r in rows):
        ax.plot(tokens, [r["bert_base_shape_model_only"]["p50_ms"] for r in rows], "^-",
                label="bert-base shape, int8 (model only)")
    ax.set_xlabel("tokens per message")
    ax.set_ylabel("p50 latency, ms (1 thread, batch 1)")
    ax.set_xticks(tokens)
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend()
    ax.set_title("Latency per message vs length")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    path = Path(path).resolve()
    root = Path(__file__).resolve().parents[1]
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
