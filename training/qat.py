"""Quantization-aware distillation: teach a fake-int8 copy of a trained checkpoint to match its fp32 outputs.

    python training/qat.py --ckpt /work/artifacts/run6h/best.pt --backbone /work/artifacts/backbone_pruned \
        --out /work/artifacts/qat6h --steps 1200

onnxruntime's dynamic quantization (what export.py ships) rounds every constant-weight MatMul's weights to
int8 with one scale per output column, and its input to uint8 with one scale and zero point per tensor
(DynamicQuantizeLinear); the word embedding is stored with one int8 scale per row. Those roundings moved the
emotion argmax of ~5 % of dev messages. Here the student runs the same roundings in the forward pass
(straight-through gradients) and learns, by matching the fp32 teacher's 16 output logits (MSE) on augmented
training texts, to land where the teacher does. The teacher is the shipped fp32 model: export.py --teacher
measures the int8 student's agreement against it.
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import sys
import time
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import adapt_label_examples, training_examples  # noqa: E402
from export import load_model  # noqa: E402
from train import batches, collate, prepare  # noqa: E402


def fake_weight(weight: torch.Tensor) -> torch.Tensor:
    """Symmetric int8 per output channel (torch Linear rows = ONNX MatMul columns), straight-through."""
    scale = weight.detach().abs().amax(dim=1, keepdim=True).clamp(min=1e-8) / 127.0
    q = torch.clamp(torch.round(weight / scale), -127, 127) * scale
    return weight + (q - weight).detach()


def fake_activation(x: torch.Tensor) -> torch.Tensor:
    """DynamicQuantizeLinear per message: uint8, range [min(0, lo), max(0, hi)], straight-through."""
    flat = x.detach().reshape(x.shape[0], -1)
    lo = flat.amin(1).clamp(max=0.0)
    hi = flat.amax(1).clamp(min=0.0)
    shape = (x.shape[0],) + (1,) * (x.dim() - 1)
    scale = ((hi - lo) / 255.0).clamp(min=1e-8).reshape(shape)
    zero = torch.round(-lo.reshape(shape) / scale)
    q = (torch.clamp(torch.round(x / scale) + zero, 0, 255) - zero) * scale
    return x + (q - x).detach()


class FakeQuantLinear(nn.Module):
    """A Linear whose weight and input pass through int8 rounding as onnxruntime will apply it."""

    def __init__(self, linear: nn.Linear) -> None:
        super().__init__()
        self.weight = linear.weight
        self.bias = linear.bias

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(fake_activation(x), fake_weight(self.weight), self.bias)


def make_student(teacher: nn.Module) -> nn.Module:
    student = copy.deepcopy(teacher)
    for layer in student.encoder.layers:
        for name in ("q", "k", "v", "out"):
            setattr(layer.attn, name, FakeQuantLinear(getattr(layer.attn, name)))
        layer.ffn_in = FakeQuantLinear(layer.ffn_in)
        layer.ffn_out = FakeQuantLinear(layer.ffn_out)
    with torch.no_grad():  # the frozen word embedding, as export.rowwise_embedding stores it
        table = student.encoder.embeddings.word.weight
        scale = table.abs().amax(dim=1, keepdim=True).clamp(min=1e-8) / 127.0
        table.copy_(torch.clamp(torch.round(table / scale), -127, 127) * scale)
    return student


def plain_state_dict(student: nn.Module) -> dict:
    """The student's weights under the original module names (FakeQuantLinear keeps weight/bias names)."""
    return {k: v.detach().clone() for k, v in student.state_dict().items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ckpt", type=Path, required=True)
    parser.add_argument("--backbone", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--steps", type=int, default=1200)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-minutes", type=float, default=40.0)
    args = parser.parse_args()
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.time()
    tokenizer = Tokenizer.from_file(str(args.backbone / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    train_raw, _ = training_examples()
    train_raw = [ex for ex in train_raw if ex["source"] != "jddc_adapt"] + adapt_label_examples()
    pool = prepare(rng.sample(train_raw, min(len(train_raw), args.steps * args.batch)), tokenizer, rng)
    teacher = load_model(args.ckpt)
    for p in teacher.parameters():
        p.requires_grad_(False)
    student = make_student(teacher).train()
    for p in student.parameters():
        p.requires_grad_(True)
    student.encoder.embeddings.word.weight.requires_grad_(False)
    params = [p for p in student.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0)
    warmup = max(1, args.steps // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / warmup) * max(0.05, (args.steps - s) / args.steps))
    for module in student.modules():  # distillation: no dropout, the student should copy the teacher exactly
        if isinstance(module, nn.Dropout):
            module.p = 0.0
    log = (args.out / "log.jsonl").open("a", encoding="utf-8")
    step, running = 0, 0.0
    while step < args.steps:
        for batch in batches(pool, args.batch, rng):
            ids, mask = collate(batch)
            with torch.no_grad():
                target = teacher(ids, mask)
            loss = F.mse_loss(student(ids, mask), target)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 50 == 0:
                line = {"step": step, "loss": round(running, 5), "minutes": round((time.time() - started) / 60, 1)}
                log.write(json.dumps(line) + "\n")
                log.flush()
                print(line, flush=True)
            if step >= args.steps or time.time() - started > args.max_minutes * 60:
                step = args.steps
                break
    payload = torch.load(str(args.ckpt), map_location="cpu", weights_only=True)
    payload["state_dict"] = plain_state_dict(student)
    payload["qat"] = {"teacher": str(args.ckpt), "steps": step, "lr": args.lr, "batch": args.batch}
    torch.save(payload, args.out / "student.pt")
    print("saved", args.out / "student.pt", flush=True)


if __name__ == "__main__":
    main()
