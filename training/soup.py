"""Average the weights of fine-tuned checkpoints that share one parent (a "model soup") and score the average.

    python training/soup.py --backbone /work/artifacts/backbone_pruned \
        --ckpt /work/artifacts/run6f/best.pt --ckpt /work/artifacts/run6fb/best.pt \
        --ckpt /work/artifacts/run6fc/best.pt --out /work/artifacts/soup/best.pt

Continuation runs started from the same checkpoint stay in one basin of the loss, so their element-wise mean
is itself a good model and usually better than each of them (Wortsman et al. 2022, "Model soups"). The
average is scored in fp32 with train.py's own evaluation (SMP2020 dev usual/virus macro-F1, held-out review
polarity) and written in train.py's checkpoint format, so export.py takes it as is. ``--weight`` gives
one weight per checkpoint (default: uniform).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import smp_dev, training_examples  # noqa: E402
from encoder import load_encoder  # noqa: E402
import train  # noqa: E402
from train import MultiTask, evaluate, prepare  # noqa: E402


def average(paths: list[Path], weights: list[float]) -> dict:
    """The weighted element-wise mean of the checkpoints' state dicts (floating tensors only)."""
    total = sum(weights)
    soup: dict[str, torch.Tensor] = {}
    first = None
    for path, weight in zip(paths, weights):
        ckpt = torch.load(path, map_location="cpu")
        first = first or ckpt
        for name, tensor in ckpt["state_dict"].items():
            if not tensor.is_floating_point():
                soup.setdefault(name, tensor)
                continue
            part = tensor.double() * (weight / total)
            soup[name] = soup[name] + part if name in soup else part
    state = {name: t.float() if t.is_floating_point() else t for name, t in soup.items()}
    return {"state_dict": state, "config": first["config"], "layers": first.get("layers", 6),
            "max_tokens": first.get("max_tokens", train.MAX_TOKENS),
            "step": first.get("step"), "soup": [str(p) for p in paths], "soup_weights": weights}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backbone", type=Path, required=True)
    parser.add_argument("--ckpt", type=Path, action="append", required=True)
    parser.add_argument("--weight", type=float, action="append", default=[])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--no-eval", action="store_true")
    args = parser.parse_args()
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    weights = args.weight or [1.0] * len(args.ckpt)
    if len(weights) != len(args.ckpt):
        parser.error("give one --weight per --ckpt")
    ckpt = average(args.ckpt, weights)
    train.MAX_TOKENS = ckpt["max_tokens"]  # evaluate as the first checkpoint was trained
    if not args.no_eval:
        tokenizer = Tokenizer.from_file(str(args.backbone / "tokenizer.json"))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        _, held_raw = training_examples()
        model = MultiTask(load_encoder(args.backbone / "encoder.pt", ckpt["layers"]))
        model.load_state_dict(ckpt["state_dict"])
        ckpt["scores"] = evaluate(model, prepare(smp_dev(), tokenizer, None), prepare(held_raw, tokenizer, None))
        print(json.dumps({"soup": ckpt["soup"], "weights": weights, **ckpt["scores"]}, ensure_ascii=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(ckpt, args.out)


if __name__ == "__main__":
    main()
