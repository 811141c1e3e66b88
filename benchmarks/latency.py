"""Latency of detect_emotion and of the raw models, per message, at several token lengths and batch sizes.

Ours and the bert-base-shaped reference are timed in the same run, on the same onnxruntime settings, so the
ratio is meaningful even on a shared, noisy machine.
"""
from __future__ import annotations

import statistics
import time
from typing import Any

import numpy as np

import empathkit
from empathkit.runtime import Runtime

from . import reference

TOKENS = (16, 32, 64, 128)
BASE = "客服你好我上周买的洗衣机到现在还没有送到打了好几次电话都说在路上到底什么时候能到"


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"p50_ms": round(pick(0.50) * 1000, 3), "p95_ms": round(pick(0.95) * 1000, 3),
            "p99_ms": round(pick(0.99) * 1000, 3)}


def message_of(runtime: Runtime, tokens: int) -> str:
    """A customer-style message that tokenizes to about ``tokens`` tokens (specials included)."""
    text = ""
    while len(runtime.encode([text])[0]) < tokens:
        text += BASE[len(text) % len(BASE)]
    return text


def time_calls(call, repeats: int) -> list[float]:
    for _ in range(max(3, repeats // 10)):
        call()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
    return samples


def run(quick: bool = False) -> dict[str, Any]:
    repeats = 60 if quick else 300
    out: dict[str, Any] = {"threads": {}, "reference": None}
    ref_path = reference.build()
    for threads in ((1,) if quick else (1, 2)):
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
        for tokens in TOKENS:
            text = message_of(runtime, tokens)
            ids = np.array([runtime.encode([text])[0]], dtype=np.int64)
            feeds = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            row = {"detect_emotion": percentiles(time_calls(lambda: analyzer.detect_emotion(text), repeats)),
                   "model_only": percentiles(time_calls(lambda: runtime.session.run(None, feeds), repeats))}
            if ref_session is not None:
                ref_feeds = {"input_ids": np.clip(ids, 0, 21127), "attention_mask": feeds["attention_mask"]}
                row["bert_base_shape_model_only"] = percentiles(
                    time_calls(lambda: ref_session.run(None, ref_feeds), max(20, repeats // 3)))
                row["speedup_vs_bert_base"] = round(row["bert_base_shape_model_only"]["p50_ms"]
                                                    / row["model_only"]["p50_ms"], 2)
            rows[str(tokens)] = row
        batches = {}
        texts = [message_of(runtime, 32)] * 128
        for size in ((8, 32) if quick else (1, 8, 32, 128)):
            started = time.perf_counter()
            analyzer.detect_emotion_batch(texts[:max(size, 32)], batch_size=size)
            elapsed = time.perf_counter() - started
            batches[str(size)] = {"messages_per_s": round(max(size, 32) / elapsed, 1)}
        out["threads"][str(threads)] = {"by_tokens": rows, "batch_32_tokens": batches}
    out["reference"] = "bert-base shape, random weights, int8" if ref_path is not None else "not built (needs torch)"
    return out
