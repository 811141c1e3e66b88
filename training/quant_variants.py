"""Compare quantization variants of one fp32 export: int8/fp32 argmax agreement and model-only latency.

    python training/quant_variants.py --fp32 /work/artifacts/export_v04/model_fp32.onnx \
        --backbone /work/artifacts/backbone_pruned [--work /work/artifacts/quant_variants]

Variants mix onnxruntime's two int8 schemes per group of MatMuls: dynamic quantization (per-channel weights,
one activation scale per batch tensor) and MatMulNBits (8-bit weights, one scale per block of K input rows,
accuracy_level 4: activations quantized per row in blocks of K). All keep the row-wise int8 embedding of
export.py, and onnxruntime's quantize_dynamic pass (run first, for the dynamic groups) also quantizes the output
head (a Gemm) dynamically in every variant, as in export.py's dynamic settings; export.py's "rowemb_blockwise8"
keeps the head in fp32, so its all-block graphs agree slightly differently (block 64: 99.3 % there, 99.1 % here)
and are exactly batch-independent. Agreement is measured on SMP2020 dev + the polarity held-out split (batches of 64, as export.py);
latency is the median of 300 single-message runs on one thread (run it on a quiet machine). Report: the work folder's
report.json, copied to training/reports/quant_variants.json. The model card's
"mixing the two kinds" paragraph comes from this script. Nothing is installed.

    python training/quant_variants.py --side-by-side dynamic_per_channel nbits_all_block64 nbits_all_block32 ...

times already built variants of --work against each other, interleaved in one process (one call of each per
round, 300 rounds after 50 warm-up rounds, random token ids), which cancels most of the machine's drift, and
writes training/reports/quant_side_by_side.json.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

import numpy as np

import onnx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import export as ex  # noqa: E402
from data import smp_dev, training_examples  # noqa: E402
from train import prepare  # noqa: E402

# name -> {block size: MatMul name fragments quantized with MatMulNBits}; all other weight MatMuls are dynamic.
ALL = ["attn/q/", "attn/k/", "attn/v/", "attn/out/", "ffn_in/", "ffn_out/"]
VARIANTS = {
    "dynamic_per_channel": {},
    "nbits_ffn_out": {32: ["ffn_out/"]},
    "nbits_ffn": {32: ["ffn_out/", "ffn_in/"]},
    "nbits_attention": {32: ["attn/q/", "attn/k/", "attn/v/", "attn/out/"]},
    "nbits_ffn_out32_ffn_in128": {32: ["ffn_out/"], 128: ["ffn_in/"]},
    "nbits_all_block128": {128: ALL},
    "nbits_all_block64": {64: ALL},
    "nbits_all_block32": {32: ALL},
}


def build(fp32: Path, out: Path, groups: dict[int, list[str]], work: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    nodes = [n.name for n in onnx.load(str(fp32)).graph.node if n.op_type == "MatMul"]
    chosen = {block: [n for n in nodes if any(k in n for k in keys)] for block, keys in groups.items()}
    special = [n for names in chosen.values() for n in names]
    current = work / "step_dynamic.onnx"
    quantize_dynamic(str(fp32), str(current), weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul"], nodes_to_exclude=special)
    for block, names in chosen.items():
        rest = [n for n in special if n not in names]
        following = work / f"step_nbits{block}.onnx"
        ex.blockwise(current, following, block=block, exclude=rest)
        current, special = following, rest
    out.write_bytes(current.read_bytes())
    ex.rowwise_embedding(out)


def side_by_side(work: Path, names: list[str], rounds: int = 300) -> dict:
    sessions = {name: ex.session(work / f"{name}.onnx", threads=1) for name in names}
    rng = np.random.default_rng(0)
    out: dict = {}
    for tokens in (16, 32, 64):
        ids = rng.integers(5, 30000, size=(1, tokens))
        ids[0, 0], ids[0, -1] = 0, 2
        feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        times: dict[str, list[float]] = {name: [] for name in names}
        for round_ in range(rounds + 50):
            for name, sess in sessions.items():
                started = time.perf_counter()
                sess.run(None, feed)
                if round_ >= 50:
                    times[name].append(time.perf_counter() - started)
        out[f"p50_ms_{tokens}tok"] = {name: round(float(np.median(v)) * 1000, 2) for name, v in times.items()}
        print(tokens, out[f"p50_ms_{tokens}tok"], flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fp32", type=Path, help="the fp32 export (required unless --side-by-side)")
    parser.add_argument("--backbone", type=Path, help="the pruned backbone folder (required unless --side-by-side)")
    parser.add_argument("--work", type=Path, default=Path("/work/artifacts/quant_variants"))
    parser.add_argument("--side-by-side", nargs="+", metavar="NAME",
                        help="only time these already built variants against each other (see above)")
    args = parser.parse_args()
    if args.side_by_side:
        report = {"command": "python training/quant_variants.py --side-by-side " + " ".join(args.side_by_side),
                  **side_by_side(args.work, args.side_by_side)}
        out = Path(__file__).resolve().parent / "reports" / "quant_side_by_side.json"
        out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        return
    if args.fp32 is None or args.backbone is None:
        parser.error("--fp32 and --backbone are required to build the variants")
    logging.getLogger("onnxruntime.quantization.matmul_nbits_quantizer").setLevel(logging.WARNING)
    from tokenizers import Tokenizer

    args.work.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer.from_file(str(args.backbone / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    _, held = training_examples()
    check = prepare(smp_dev(), tokenizer, None) + prepare(held, tokenizer, None)
    reference = ex.run(ex.session(args.fp32), check)
    report = {}
    for name, groups in VARIANTS.items():
        path = args.work / f"{name}.onnx"
        build(args.fp32, path, groups, args.work)
        single = ex.session(path, threads=1)
        report[name] = {"agreement": ex.agreement(reference, ex.run(ex.session(path), check)),
                        "mb": round(path.stat().st_size / 1e6, 2),
                        **{f"p50_ms_{t}tok": ex.latency_ms(single, t, repeats=300) for t in (16, 32, 64)}}
        print(name, report[name], flush=True)
    (args.work / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
