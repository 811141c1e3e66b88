"""Fine-tune the multi-task emotion model (emotion, polarity, arousal, valence, flags) on one encoder.

    python training/train.py --backbone /work/artifacts/backbone_pruned --layers 6 --epochs 2 \
        --out /work/artifacts/run6 --max-minutes 70

Reads the examples of data.py, normalizes every text with empathkit's own front-end (so training sees what
the library feeds the model), augments (traditional-script copies, emoji/emoticon and slang injection),
trains with length bucketing, bf16 autocast and frozen word embeddings (backbone.md: what makes CPU
training fast here), checkpoints outside git and stops on a wall-clock limit.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from data import CAPS, adapt_label_examples, smp_dev, training_examples, weak_flags  # noqa: E402
from encoder import Encoder, load_encoder, mean_pool  # noqa: E402

from empathkit.labels import EMOTIONS  # noqa: E402
from empathkit.normalize import normalize  # noqa: E402
from empathkit.runtime import MAX_TOKENS as RUNTIME_MAX_TOKENS, head_tail  # noqa: E402
from empathkit.script import to_variant  # noqa: E402

# Output layout of the single "logits" tensor; written to model.json for the runtime.
HEADS = {"emotion": (0, 8), "polarity": (8, 11), "arousal": (11, 12), "valence": (12, 13), "flags": (13, 16)}
OUT_DIM = 16
# Tokens the model reads per text, head + tail (--max-tokens); saved in the checkpoint, export writes it to
# model.json so that the runtime reads exactly as many.
MAX_TOKENS = RUNTIME_MAX_TOKENS
# Weight of the polarity cross-entropy in the summed loss (--polarity-weight).
POLARITY_WEIGHT = 1.0
# bf16 autocast helps only on CPUs with native bf16; on this machine's AMD EPYC it made a step 30x slower
# (20 s vs 0.67 s for 32x40 tokens at 6 layers, measured with 2 threads), so it is off unless --bf16.
BF16 = False

# Surface forms injected by augmentation, per emotion (the front-end turns them back into words).
INJECT = {
    "anger": ["😡", "[怒]", "[发怒]", "！！！", "？？？", "🤬", "tmd"],
    "disgust": ["[鄙视]", "🙄", "[白眼]", "呵呵", "[微笑]"],
    "anxiety": ["😰", "[流汗]", "急急急", "😣"],
    "sadness": ["😭", "T_T", "[流泪]", "[大哭]", "。。。", "QAQ"],
    "surprise": ["😮", "[惊讶]", "！？", "😱"],
    "joy": ["😄", "[呲牙]", "👍", "哈哈哈", "[愉快]"],
    "gratitude": ["[抱拳]", "🙏", "[玫瑰]", "~~"],
    "neutral": [],
}
SLANG_INJECT = [("怎么", "肿么"), ("什么", "神马"), ("没有", "木有"), ("这样子", "酱紫"), ("非常", "灰常"),
                ("同学", "童鞋"), ("气死了", "气si了"), ("对不起", "dbq")]


class MultiTask(nn.Module):
    """Encoder + mean pooling + one linear layer per head, concatenated into one output."""

    def __init__(self, encoder: Encoder, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden, OUT_DIM)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids, attention_mask)
        return self.head(self.dropout(mean_pool(hidden, attention_mask)))


def augment(example: dict, rng: random.Random) -> str:
    text = example["text"]
    emotion = EMOTIONS[example["emotion"]] if example["emotion"] is not None else None
    if emotion and INJECT[emotion] and rng.random() < 0.12:
        text = text + rng.choice(INJECT[emotion])
    if rng.random() < 0.08:
        for standard, slang in SLANG_INJECT:
            if standard in text:
                text = text.replace(standard, slang, 1)
                break
    if rng.random() < 0.15:
        text = to_variant(text, rng.choice(["t", "tw", "hk"]))
    return text


def encode_all(tokenizer, texts: list[str]) -> list[list[int]]:
    return [head_tail(e.ids, MAX_TOKENS) for e in tokenizer.encode_batch(texts)]


def prepare(examples: list[dict], tokenizer, rng: random.Random | None) -> list[dict]:
    """Normalize (after augmentation when ``rng`` is given), recompute weak flags, tokenize."""
    out = []
    texts = []
    for ex in examples:
        raw = augment(ex, rng) if rng is not None else ex["text"]
        norm = normalize(raw).text or "。"
        texts.append(norm)
        out.append({**ex, "norm": norm, "flags": ex.get("gold_flags") or weak_flags(norm)})
    for ex, ids in zip(out, encode_all(tokenizer, texts)):
        ex["ids"] = ids
    return out


def batches(items: list[dict], size: int, rng: random.Random) -> list[list[dict]]:
    """Length-bucketed batches in random order (sort within chunks of 50 batches)."""
    order = items[:]
    rng.shuffle(order)
    chunk = size * 50
    out = []
    for begin in range(0, len(order), chunk):
        part = sorted(order[begin:begin + chunk], key=lambda ex: len(ex["ids"]))
        out.extend(part[i:i + size] for i in range(0, len(part), size))
    rng.shuffle(out)
    return out


def collate(batch: list[dict], pad_id: int = 1) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(ex["ids"]) for ex in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, ex in enumerate(batch):
        ids[row, :len(ex["ids"])] = torch.tensor(ex["ids"])
        mask[row, :len(ex["ids"])] = 1
    return ids, mask


def masked_ce(logits: torch.Tensor, targets: list, allowed: list, weights: torch.Tensor) -> torch.Tensor:
    rows = [i for i, t in enumerate(targets) if t is not None]
    if not rows:
        return logits.new_zeros(())
    sub = logits[rows]
    mask = torch.full_like(sub, float("-inf"))
    for r, i in enumerate(rows):
        mask[r, allowed[i]] = 0.0
    target = torch.tensor([targets[i] for i in rows])
    loss = F.cross_entropy(sub + mask, target, reduction="none")
    return (loss * weights[rows]).sum() / max(len(targets), 1)


def regression(pred: torch.Tensor, targets: list, weights: torch.Tensor) -> torch.Tensor:
    rows = [i for i, t in enumerate(targets) if t is not None]
    if not rows:
        return pred.new_zeros(())
    target = torch.tensor([targets[i] for i in rows], dtype=pred.dtype)
    return ((pred[rows] - target) ** 2 * weights[rows]).sum() / max(len(targets), 1)


def loss_of(out: torch.Tensor, batch: list[dict]) -> torch.Tensor:
    out = out.float()
    w = torch.tensor([ex["weight"] for ex in batch])
    w_emotion = w * torch.tensor([ex.get("emotion_weight", 1.0) for ex in batch])
    emotion = masked_ce(out[:, 0:8], [ex["emotion"] for ex in batch], [ex["emotion_allowed"] for ex in batch],
                        w_emotion)
    polarity = masked_ce(out[:, 8:11], [ex["polarity"] for ex in batch], [ex["polarity_allowed"] for ex in batch], w)
    arousal = regression(torch.sigmoid(out[:, 11]), [ex["arousal"] for ex in batch], w)
    valence = regression(torch.tanh(out[:, 12]), [ex["valence"] for ex in batch], w)
    flags = F.binary_cross_entropy_with_logits(out[:, 13:16], torch.tensor([ex["flags"] for ex in batch],
                                                                           dtype=torch.float32))
    # Regression losses are on [0,1]/[-1,1] scales, so they are scaled up to weigh like a cross-entropy.
    return emotion + POLARITY_WEIGHT * polarity + 4.0 * (arousal + valence) + 0.5 * flags


@torch.no_grad()
def predict(model: MultiTask, items: list[dict], size: int = 64) -> torch.Tensor:
    model.eval()
    order = sorted(range(len(items)), key=lambda i: len(items[i]["ids"]))
    out = torch.zeros((len(items), OUT_DIM))
    for begin in range(0, len(order), size):
        chunk = order[begin:begin + size]
        ids, mask = collate([items[i] for i in chunk])
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=BF16):
            out[chunk] = model(ids, mask).float()
    model.train()
    return out


def macro_f1(gold: list[int], pred: list[int], classes: list[int]) -> float:
    scores = []
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def evaluate(model: MultiTask, dev: list[dict], held: list[dict]) -> dict:
    result = {}
    logits = predict(model, dev)
    allowed = dev[0]["emotion_allowed"]
    restricted = logits[:, 0:8][:, allowed].argmax(1)
    pred = [allowed[i] for i in restricted.tolist()]
    for subset in ("usual", "virus"):
        idx = [i for i, ex in enumerate(dev) if ex["subset"] == subset]
        result[f"smp_{subset}_macro_f1"] = round(macro_f1([dev[i]["emotion"] for i in idx], [pred[i] for i in idx],
                                                          allowed), 4)
    pol = predict(model, held)[:, 8:11]
    pol_pred = [0 if p[0] > p[2] else 2 for p in pol.tolist()]
    result["polarity_heldout_acc"] = round(sum(int(p == ex["polarity"]) for p, ex in zip(pol_pred, held)) / len(held), 4)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backbone", type=Path, required=True)
    parser.add_argument("--layers", type=int, default=6)
    parser.add_argument("--epochs", type=float, default=2.0)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=1e-4)
    parser.add_argument("--head-lr", type=float, default=1e-3)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--max-minutes", type=float, default=70.0)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--bf16", action="store_true", help="bf16 autocast (only on CPUs with native bf16)")
    parser.add_argument("--limit", type=int, default=0, help="use only this many training rows (smoke test)")
    parser.add_argument("--init", type=Path, help="start from this checkpoint (domain adaptation stage)")
    parser.add_argument("--replay", type=int, default=0,
                        help="with --init: train on this many rows of the original mix plus the hand-labeled "
                             "adapt-half turns (training/labels/) instead of the full mix")
    parser.add_argument("--focus", default="",
                        help="with --init and --replay: comma-separated sources kept in full; --replay rows are "
                             "drawn from the other sources only (without the weak jddc labels)")
    parser.add_argument("--cap", action="append", default=[], metavar="SOURCE=N",
                        help="override data.CAPS for one source (repeatable), e.g. online_shopping_10_cats=20000")
    parser.add_argument("--balance", type=float, default=0.0, metavar="POWER",
                        help="weight each emotion target by (class count / mean class count) ** -POWER over the "
                             "training rows (0: off; 0.5: inverse square root), for macro-F1")
    parser.add_argument("--polarity-weight", type=float, default=1.0,
                        help="weight of the polarity loss against the emotion loss (1: equal)")
    parser.add_argument("--adapt-repeat", type=int, default=3, help="copies of each hand-labeled adapt turn")
    parser.add_argument("--hand-labels", action="store_true",
                        help="one-stage domain adaptation: the hand-labeled adapt-half turns (training/labels/, "
                             "--adapt-repeat copies each) replace the weak jddc labels in the full mix")
    parser.add_argument("--max-tokens", type=int, default=RUNTIME_MAX_TOKENS,
                        help="tokens read per text, head + tail (the runtime reads as many: export writes it)")
    args = parser.parse_args()

    from tokenizers import Tokenizer

    global BF16, POLARITY_WEIGHT, MAX_TOKENS
    MAX_TOKENS = args.max_tokens
    BF16 = args.bf16
    POLARITY_WEIGHT = args.polarity_weight
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "log.jsonl").open("a", encoding="utf-8")

    def note(**fields) -> None:
        fields["time"] = round(time.time(), 1)
        log.write(json.dumps(fields, ensure_ascii=False) + "\n")
        log.flush()
        print(json.dumps(fields, ensure_ascii=False), flush=True)

    tokenizer = Tokenizer.from_file(str(args.backbone / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    started = time.time()
    for item in args.cap:
        name, _, value = item.partition("=")
        CAPS[name] = int(value)
    train_raw, held_raw = training_examples()
    if args.limit:
        train_raw = rng.sample(train_raw, args.limit)
    if args.hand_labels:
        labeled = adapt_label_examples()
        train_raw = [ex for ex in train_raw if ex["source"] != "jddc_adapt"] + labeled * args.adapt_repeat
        note(event="hand_labels", labeled=len(labeled), repeat=args.adapt_repeat)
    elif args.replay:
        labeled = adapt_label_examples()
        focus = {name for name in args.focus.split(",") if name}
        kept = [ex for ex in train_raw if ex["source"] in focus]
        # With a focus, the weak jddc labels stay out, as in --hand-labels (the hand labels replace them).
        rest = [ex for ex in train_raw if ex["source"] not in focus and not (focus and ex["source"] == "jddc_adapt")]
        train_raw = kept + rng.sample(rest, min(args.replay, len(rest))) + labeled * args.adapt_repeat
        note(event="adapt", labeled=len(labeled), repeat=args.adapt_repeat, replay=args.replay,
             focus=sorted(focus), focus_rows=len(kept), caps=args.cap)
    if args.balance:
        counts = Counter(ex["emotion"] for ex in train_raw if ex["emotion"] is not None)
        mean = sum(counts.values()) / len(counts)
        scale = {c: (n / mean) ** -args.balance for c, n in counts.items()}
        train_raw = [{**ex, "emotion_weight": scale[ex["emotion"]]} if ex["emotion"] is not None else ex
                     for ex in train_raw]
        note(event="balance", power=args.balance, weights={EMOTIONS[c]: round(v, 3) for c, v in sorted(scale.items())})
    train = prepare(train_raw, tokenizer, rng)
    dev = prepare(smp_dev(), tokenizer, None)
    held = prepare(held_raw, tokenizer, None)
    note(event="prepared", train=len(train), dev=len(dev), held=len(held), seconds=round(time.time() - started))

    model = MultiTask(load_encoder(args.backbone / "encoder.pt", args.layers)).train()
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location="cpu")["state_dict"])
        note(event="init", checkpoint=str(args.init))
    model.encoder.embeddings.word.weight.requires_grad_(False)
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head.")]
    optimizer = torch.optim.AdamW([{"params": body, "lr": args.lr},
                                   {"params": model.head.parameters(), "lr": args.head_lr}], weight_decay=0.01)
    steps_per_epoch = math.ceil(len(train) / args.batch)
    total = int(steps_per_epoch * args.epochs)
    warmup = max(1, total // 20)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (total - s) / max(1, total - warmup)))
    step, epoch, deadline = 0, 0, started + args.max_minutes * 60
    best = None
    stop = False
    while step < total and not stop:
        epoch += 1
        for batch in batches(train, args.batch, rng):
            t0 = time.time()
            ids, mask = collate(batch)
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=BF16):
                out = model(ids, mask)
            loss = loss_of(out, batch)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            if step % 100 == 0:
                note(event="step", step=step, total=total, epoch=epoch, loss=round(loss.item(), 4),
                     step_s=round(time.time() - t0, 3), elapsed_min=round((time.time() - started) / 60, 1))
            if step % 1000 == 0:
                torch.save({"state_dict": model.state_dict(), "config": model.encoder.config.to_dict(),
                            "max_tokens": MAX_TOKENS, "step": step}, args.out / "last.pt")
            if step >= total or time.time() > deadline:
                stop = time.time() > deadline
                break
        scores = evaluate(model, dev, held)
        note(event="eval", epoch=epoch, step=step, **scores)
        torch.save({"state_dict": model.state_dict(), "config": model.encoder.config.to_dict(),
                    "max_tokens": MAX_TOKENS, "step": step, "scores": scores, "layers": args.layers},
                   args.out / f"epoch{epoch}.pt")
        key = scores["smp_usual_macro_f1"] + scores["smp_virus_macro_f1"]
        if best is None or key > best[0]:
            best = (key, epoch)
            torch.save({"state_dict": model.state_dict(), "config": model.encoder.config.to_dict(),
                        "max_tokens": MAX_TOKENS, "step": step, "scores": scores, "layers": args.layers},
                       args.out / "best.pt")
    note(event="done", best_epoch=best[1] if best else None, minutes=round((time.time() - started) / 60, 1))


if __name__ == "__main__":
    main()
