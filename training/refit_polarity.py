"""Refit only the polarity head of a trained checkpoint on its frozen encoder.

    python training/refit_polarity.py --backbone /work/artifacts/backbone_pruned \
        --ckpt /work/artifacts/soup_ce/best.pt --out /work/artifacts/soup_ce_pol/best.pt

Why: a weight-averaged checkpoint (training/soup.py) averages the heads together with the encoders, and the mean
head need not be the best linear read-out of the mean encoder. The polarity head is three rows of the output
layer and no other output depends on it, so refitting it leaves emotion, intensity and flags exactly as they
were. Data: every training row with a polarity target (the review sets' 90 % training split, CPED, the
hand-labeled adapt-half service turns); the data.py held-out split and the CS dev set are never read. 10 % of
those rows (a hash split) validate the L2 strength, which pulls the weights towards the old head; the old head
itself is one of the candidates (it wins unless a refit beats it on validation). Writes the checkpoint in
train.py's format and prints validation accuracy per source.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import adapt_label_examples, training_examples  # noqa: E402
from encoder import load_encoder, mean_pool  # noqa: E402
from train import HEADS, MultiTask, collate, prepare  # noqa: E402

LO, HI = HEADS["polarity"]


def bucket(text: str) -> int:
    return hashlib.sha1(("refit:" + text).encode("utf-8")).digest()[0] * 100 // 256


@torch.no_grad()
def pooled(model: MultiTask, items: list[dict], size: int = 64) -> torch.Tensor:
    model.eval()
    order = sorted(range(len(items)), key=lambda i: len(items[i]["ids"]))
    out = torch.zeros((len(items), model.head.in_features))
    for begin in range(0, len(order), size):
        chunk = order[begin:begin + size]
        ids, mask = collate([items[i] for i in chunk])
        out[chunk] = mean_pool(model.encoder(ids, mask), mask)
    return out


def masked_nll(logits: torch.Tensor, target: torch.Tensor, allowed: torch.Tensor) -> torch.Tensor:
    logits = logits.masked_fill(~allowed, float("-inf"))
    return torch.nn.functional.cross_entropy(logits, target)


def accuracy(logits: torch.Tensor, target: torch.Tensor, allowed: torch.Tensor) -> torch.Tensor:
    return (logits.masked_fill(~allowed, float("-inf")).argmax(1) == target).float()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backbone", type=Path, required=True)
    parser.add_argument("--ckpt", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    ckpt = torch.load(args.ckpt, map_location="cpu")
    model = MultiTask(load_encoder(args.backbone / "encoder.pt", ckpt["layers"]))
    model.load_state_dict(ckpt["state_dict"])
    tokenizer = Tokenizer.from_file(str(args.backbone / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    train_raw, _ = training_examples()
    rows = [ex for ex in train_raw if ex["polarity"] is not None and ex["source"] != "jddc_adapt"]
    rows += adapt_label_examples()
    items = prepare(rows, tokenizer, None)
    feats = pooled(model, items)
    target = torch.tensor([ex["polarity"] for ex in items])
    allowed = torch.zeros((len(items), HI - LO), dtype=torch.bool)
    for i, ex in enumerate(items):
        allowed[i, ex["polarity_allowed"]] = True
    val = torch.tensor([bucket(ex["text"]) < 10 for ex in items])
    w0 = model.head.weight[LO:HI].detach().clone()
    b0 = model.head.bias[LO:HI].detach().clone()
    sources = sorted({ex["source"] for ex in items})
    source_of = [ex["source"] for ex in items]

    def report(w: torch.Tensor, b: torch.Tensor) -> dict:
        hits = accuracy(feats[val] @ w.T + b, target[val], allowed[val])
        by = defaultdict(list)
        for hit, src in zip(hits.tolist(), [s for s, v in zip(source_of, val.tolist()) if v]):
            by[src].append(hit)
        return {"all": round(hits.mean().item(), 4), **{s: round(sum(v) / len(v), 4) for s, v in by.items()}}

    candidates = {"old head": (w0, b0)}
    for l2 in (1e-2, 1e-3, 1e-4):
        w = w0.clone().requires_grad_(True)
        b = b0.clone().requires_grad_(True)
        optimizer = torch.optim.Adam([w, b], lr=0.01)
        x, y, a = feats[~val], target[~val], allowed[~val]
        for _ in range(300):
            optimizer.zero_grad()
            loss = masked_nll(x @ w.T + b, y, a) + l2 * ((w - w0) ** 2).sum()
            loss.backward()
            optimizer.step()
        candidates[f"l2 {l2:g}"] = (w.detach(), b.detach())
    scores = {name: report(w, b) for name, (w, b) in candidates.items()}
    for name, score in scores.items():
        print(name, json.dumps(score, ensure_ascii=False), flush=True)
    best = max(scores, key=lambda name: scores[name]["all"])
    print("chosen:", best, "sources:", sources, flush=True)
    w, b = candidates[best]
    state = dict(ckpt["state_dict"])
    weight, bias = state["head.weight"].clone(), state["head.bias"].clone()
    weight[LO:HI], bias[LO:HI] = w, b
    state["head.weight"], state["head.bias"] = weight, bias
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({**ckpt, "state_dict": state, "polarity_refit": {"from": str(args.ckpt), "chosen": best,
                                                                  "validation": scores}}, args.out)


if __name__ == "__main__":
    main()
