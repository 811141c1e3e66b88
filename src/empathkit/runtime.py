"""The ONNX model and its tokenizer: load once, configure once, texts in → output arrays out.

This module knows nothing about emotions: it turns model texts into token ids (with the head + tail
length policy), runs them through onnxruntime in length-sorted batches, and returns one row of raw
outputs per text in input order. One session serves every thread (``InferenceSession.run`` is
thread-safe); the tokenizer's settings are fixed at load and never changed afterwards.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Sequence

import numpy as np

from ._resources import read_bytes
from .errors import ResourceError

if TYPE_CHECKING:  # pragma: no cover
    import onnxruntime
    import tokenizers

# Longest token sequence the model reads. 128 covers 99 % of our training texts (backbone.md: p99 ≈ 128).
MAX_TOKENS = 128
MIN_ONNXRUNTIME = "1.22"  # the first release whose CPU MatMulNBits runs 8-bit weights (pyproject.toml says the same)
# The most tokens any packaged model can read: the encoder's position table (512 positions).
LONGEST_MAX_TOKENS = 512
# Of an over-long text, keep this share of MAX_TOKENS from the head (the opening states the problem) and the
# rest from the tail (the closing states the demand and the feeling), as normalize.py does with characters.
HEAD_SHARE = 0.75


def head_tail(ids: Sequence[int], max_tokens: int = MAX_TOKENS) -> list[int]:
    """Cut a token-id sequence (specials included) to ``max_tokens``: head + tail, ends kept."""
    if len(ids) <= max_tokens:
        return list(ids)
    head = int(max_tokens * HEAD_SHARE)
    return list(ids[:head]) + list(ids[len(ids) - (max_tokens - head):])


@dataclass(frozen=True)
class ModelSpec:
    """What ``model.json`` says about the packaged model: output layout and calibration."""

    heads: dict[str, tuple[int, int]]
    temperature: float
    pad_id: int
    max_tokens: int
    meta: dict[str, Any]

    @classmethod
    def load(cls, name: str = "model.json") -> "ModelSpec":
        data = json.loads(read_bytes(name).decode("utf-8"))
        return cls(heads={k: (int(v[0]), int(v[1])) for k, v in data["heads"].items()},
                   temperature=float(data.get("temperature", 1.0)), pad_id=int(data.get("pad_id", 1)),
                   max_tokens=int(data.get("max_tokens", MAX_TOKENS)), meta=data)


class Runtime:
    """An onnxruntime session plus the HF tokenizer, both read from package data.

    Args:
        threads: intra-op threads for onnxruntime (None: onnxruntime's default, all physical cores).
        model: data file name of the ONNX graph.
        tokenizer: data file name of the tokenizer.
        max_tokens: tokens read per text, head + tail (None: what ``model.json`` says, the length the model was
            trained at). The caller checks the range (8 to :data:`LONGEST_MAX_TOKENS`).
    """

    def __init__(self, *, threads: int | None = None, model: str = "model.onnx",
                 tokenizer: str = "tokenizer.json", spec: str = "model.json", max_tokens: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.spec = ModelSpec.load(spec)
        if max_tokens is not None:
            self.spec = replace(self.spec, max_tokens=max_tokens)
        options = ort.SessionOptions()
        if threads is not None:
            options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        try:
            self.session: onnxruntime.InferenceSession = ort.InferenceSession(
                read_bytes(model), sess_options=options, providers=["CPUExecutionProvider"])
        except (ResourceError, ImportError):
            raise
        except Exception as exc:  # onnxruntime raises its own exception types, not importable by name
            raise ResourceError(
                f"onnxruntime {getattr(ort, '__version__', '?')} cannot load empathkit's model {model!r}; the model "
                f"uses 8-bit MatMulNBits, which needs onnxruntime >= {MIN_ONNXRUNTIME} "
                f"(pip install -U 'onnxruntime>={MIN_ONNXRUNTIME}'). onnxruntime said: {exc}") from exc
        self.input_names = tuple(i.name for i in self.session.get_inputs())
        self.tokenizer: tokenizers.Tokenizer = Tokenizer.from_str(read_bytes(tokenizer).decode("utf-8"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids (with specials) of each text, cut by :func:`head_tail`."""
        return [head_tail(e.ids, self.spec.max_tokens) for e in self.tokenizer.encode_batch(list(texts))]

    def run(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Raw model outputs, one row per text in input order, batched by length."""
        encoded = self.encode(texts)
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        rows: list[np.ndarray] = [np.empty(0)] * len(encoded)
        for begin in range(0, len(order), max(1, batch_size)):
            chunk = order[begin:begin + batch_size]
            width = max(len(encoded[i]) for i in chunk)
            ids = np.full((len(chunk), width), self.spec.pad_id, dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, index in enumerate(chunk):
                seq = encoded[index]
                ids[row, :len(seq)] = seq
                mask[row, :len(seq)] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            (outputs,) = self.session.run(None, {name: feeds[name] for name in self.input_names})
            for row, index in enumerate(chunk):
                rows[index] = outputs[row]
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack(rows).astype(np.float32)
