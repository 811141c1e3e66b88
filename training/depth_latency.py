"""Latency and size of the int8 model by encoder depth (the speed half of the depth choice).

    python training/depth_latency.py [--layers 4 6 12] [--setting rowemb_plain]

Builds the multi-task model on the first N layers of the pruned backbone (the head is untrained: timing does
not depend on the weights' values), exports and quantizes it exactly as training/export.py does, and times one
message at 16/32/64/128 tokens on one onnxruntime thread (median of 100 runs after warm-up). Writes
training/reports/depth_latency.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from encoder import load_encoder  # noqa: E402
from export import SETTINGS, export_fp32, latency_ms, quantize, session  # noqa: E402
from train import MultiTask  # noqa: E402

REPORT = Path(__file__).resolve().parent / "reports" / "depth_latency.json"
TOKENS = (16, 32, 64, 128)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backbone", type=Path, default=Path("/work/artifacts/backbone_pruned"))
    parser.add_argument("--layers", type=int, nargs="+", default=[4, 6, 12])
    parser.add_argument("--setting", choices=SETTINGS, default="rowemb_plain")
    parser.add_argument("--work", type=Path, default=Path("/work/artifacts/depth"))
    args = parser.parse_args()
    import onnx

    torch.set_num_threads(1)
    args.work.mkdir(parents=True, exist_ok=True)
    report = {"command": "python training/depth_latency.py", "setting": args.setting, "threads": 1, "depths": {}}
    for layers in args.layers:
        model = MultiTask(load_encoder(args.backbone / "encoder.pt", layers)).eval()
        fp32 = args.work / f"depth{layers}_fp32.onnx"
        export_fp32(model, fp32)
        nodes = [n.name for n in onnx.load(str(fp32)).graph.node if n.op_type == "MatMul"]
        int8 = args.work / f"depth{layers}_{args.setting}.onnx"
        quantize(fp32, int8, args.setting, nodes)
        sess = session(int8, threads=1)
        row = {f"p50_ms_{t}tok": latency_ms(sess, t) for t in TOKENS}
        row["mb"] = round(int8.stat().st_size / 1e6, 2)
        report["depths"][str(layers)] = row
        print(layers, row, flush=True)
    REPORT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
