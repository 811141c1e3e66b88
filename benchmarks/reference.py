"""A bert-base-shaped int8 ONNX model (768 hidden, 12 layers, 12 heads, 3072 FFN, 21,128 vocabulary — the
shape of bert-base-chinese) with random weights, built once and cached, to time beside ours on the same
runtime. Building it needs torch (``pip install ".[train]"``); timing it needs only onnxruntime."""
from __future__ import annotations

import sys
from pathlib import Path

CACHE = Path(__file__).resolve().parent / ".cache"
REFERENCE = CACHE / "bert_base_shape_int8.onnx"


def build() -> Path | None:
    """Path of the cached reference model, building it if torch is installed; None otherwise."""
    if REFERENCE.is_file():
        return REFERENCE
    try:
        import torch
    except ImportError:
        return None
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
    from encoder import Encoder, EncoderConfig
    from onnxruntime.quantization import QuantType, quantize_dynamic

    CACHE.mkdir(exist_ok=True)
    torch.manual_seed(0)
    config = EncoderConfig(vocab_size=21128, hidden=768, layers=12, heads=12, ffn=3072, max_positions=512)
    model = Encoder(config).eval()
    fp32 = CACHE / "bert_base_shape_fp32.onnx"
    ids = torch.tensor([[0, 5, 6, 2]])
    torch.onnx.export(model, (ids, torch.ones_like(ids)), str(fp32), dynamo=False, opset_version=17,
                      input_names=["input_ids", "attention_mask"], output_names=["hidden"],
                      dynamic_axes={"input_ids": {0: "b", 1: "t"}, "attention_mask": {0: "b", 1: "t"}})
    quantize_dynamic(str(fp32), str(REFERENCE), weight_type=QuantType.QInt8)
    fp32.unlink()
    return REFERENCE
