"""Experiment, CV only (nothing shipped): do frozen sentence embeddings of the pretrained backbone help the learned
audit layer read what a reply means?

    PYTHONPATH=src python training/audit_embedding_features.py            # ~6 min on 2 cores

The learned audit layer (``train_audit_linear.py``) sees the reply's characters and the rules' verdicts, not what the
reply means or whether it answers the customer. This script adds, per reply, the mean-pooled and normalized
embeddings of the pretrained multilingual-e5-small backbone (all 12 layers, not fine-tuned; ``query: `` prefix as e5
expects; the pruned copy ``backbone_pruned/encoder.pt`` of ``prune_vocab.py``) as dense features: the reply's
embedding, the element-wise product with the customer turn's embedding, and their cosine, standardized, with their
own L2 weight. Everything else is the shipped recipe (hashed n-grams, rule verdicts, the written examples, 300 Adam
steps), scored by the same 5-fold CV grouped by dialogue on the 1,065 least-tuned labels.

Result (2026-12-05), F1 at threshold 0.4 (dense L2 "none" = the shipped layer without embeddings):

==========  =========  =========  ======  ============  ===========  ===========
dense L2    cognitive  affective  action  confirmation  verify_need  perfunctory
==========  =========  =========  ======  ============  ===========  ===========
none        0.652      0.860      0.790   0.714         0.333        0.641
1e-2        0.635      0.833      0.796   0.726         0.286        0.620
1e-3        0.613      0.810      0.776   0.742         0.276        0.609
1e-4        0.569      0.611      0.732   0.677         0.278        0.570
==========  =========  =========  ======  ============  ===========  ===========

The embeddings do not help: the stronger their weight, the worse cognitive and perfunctory get. With the fine-tuned
cross-encoder of ``train_audit.py`` (no better than the linear layer either) this is the second reader of meaning
that 2,585 labels do not teach.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import train_audit_linear as linear  # noqa: E402
from encoder import load_encoder, mean_pool  # noqa: E402

from empathkit.audit_model import AUDIT_LABELS, THRESHOLD  # noqa: E402
from empathkit.script import to_simplified  # noqa: E402

BACKBONE = Path("/work/artifacts/backbone_pruned")
PAD = 1


def embed(texts: list[str], backbone: Path, layers: int, batch: int = 32) -> dict[str, np.ndarray]:
    """e5 sentence embeddings (``query: `` prefix, mean pooling, unit length) of each distinct text."""
    from tokenizers import Tokenizer
    tokenizer = Tokenizer.from_file(str(backbone / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    encoder = load_encoder(backbone / "encoder.pt", layers)
    order = sorted(set(texts), key=len)
    vectors = {}
    with torch.inference_mode():
        for start in range(0, len(order), batch):
            chunk = order[start:start + batch]
            ids = [tokenizer.encode("query: " + text).ids[:128] for text in chunk]
            width = max(map(len, ids))
            x = torch.tensor([i + [PAD] * (width - len(i)) for i in ids])
            mask = (x != PAD).long()
            for text, vector in zip(chunk, F.normalize(mean_pool(encoder(x, mask), mask), dim=-1).numpy()):
                vectors[text] = vector
    return vectors


def dense_features(rows: list[dict], vectors: dict[str, np.ndarray], n_real: int) -> torch.Tensor:
    """Reply embedding, reply x customer product and their cosine, standardized on the real rows."""
    key = lambda text: to_simplified(text[:600]) or "。"  # noqa: E731
    customer = np.stack([vectors[key(row["customer"])] for row in rows])
    reply = np.stack([vectors[key(row["reply"])] for row in rows])
    dense = np.concatenate([reply, customer * reply, (customer * reply).sum(1, keepdims=True)], axis=1)
    dense = (dense - dense[:n_real].mean(0)) / (dense[:n_real].std(0) + 1e-6)
    return torch.tensor(dense, dtype=torch.float32)


def fit(train: list[dict], dense: torch.Tensor, l2_dense: float | None, args) -> tuple[torch.Tensor, torch.Tensor]:
    """The shipped recipe (``train_audit_linear.fit``) with a dense block next to the sparse one."""
    x = linear.matrix(train)
    d = dense[[row["position"] for row in train]]
    y, row_weight, real = linear.targets(train, args)
    torch.manual_seed(0)
    w = torch.zeros((x.shape[1], len(AUDIT_LABELS)), requires_grad=True)
    v = torch.zeros((d.shape[1], len(AUDIT_LABELS)), requires_grad=True)
    optimizer = torch.optim.Adam([w, v] if l2_dense is not None else [w], lr=0.05 if l2_dense is None else 0.02)
    for _ in range(args.steps):
        optimizer.zero_grad()
        logits = torch.sparse.mm(x, w) + (d @ v if l2_dense is not None else 0)
        loss = linear.data_loss(logits, y, row_weight, real, args)
        loss = loss + args.l2 * (w[:-1] ** 2).sum() + (l2_dense or 0.0) * (v ** 2).sum()
        loss.backward()
        optimizer.step()
    return w.detach(), v.detach()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backbone", type=Path, default=BACKBONE, help="folder with encoder.pt and tokenizer.json")
    parser.add_argument("--layers", type=int, default=12)
    parser.add_argument("--l2-dense", nargs="*", default=["none", "1e-2", "1e-3", "1e-4"],
                        help="L2 weights of the dense block to try ('none': no embeddings)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1e-6)
    parser.add_argument("--pos-weight", type=float, default=2.0)
    parser.add_argument("--steps", type=int, default=300)
    args = parser.parse_args()
    args.synthetic_weight, args.synthetic_labels = 1.0, ",".join(linear.SYNTHETIC_LABELS)
    torch.set_num_threads(2)
    rows = linear.load(linear.TRAINING_SETS)
    extra = linear.load_synthetic(linear.SYNTHETIC)
    everything = rows + extra
    for position, row in enumerate(everything):
        row["position"] = position
    texts = [to_simplified(row[side][:600]) or "。" for row in everything for side in ("customer", "reply")]
    dense = dense_features(everything, embed(texts, args.backbone, args.layers), len(rows))
    fold_of = linear.folds(rows, args.folds)
    scored = [i for i, row in enumerate(rows) if row["set"] in linear.LEAST_TUNED]
    print(f"{len(rows)} labeled replies + {len(extra)} written; CV F1 at {THRESHOLD} on {len(scored)} least-tuned labels")
    print("  dense L2  " + "  ".join(f"{name:>12s}" for name in AUDIT_LABELS))
    for setting in args.l2_dense:
        l2_dense = None if setting == "none" else float(setting)
        probs = torch.zeros((len(rows), len(AUDIT_LABELS)))
        for fold in range(args.folds):
            train = [row for row in rows if fold_of[row["session"]] != fold] + extra
            test = [i for i, row in enumerate(rows) if fold_of[row["session"]] == fold]
            w, v = fit(train, dense, l2_dense, args)
            logits = torch.sparse.mm(linear.matrix([rows[i] for i in test]), w)
            if l2_dense is not None:
                logits = logits + dense[test] @ v
            probs[test] = torch.sigmoid(logits)
        scores = [linear.f1([rows[i]["gold"][j] for i in scored], [int(probs[i, j] >= THRESHOLD) for i in scored])
                  for j in range(len(AUDIT_LABELS))]
        print(f"  {setting:>8s}  " + "  ".join(f"{score:12.3f}" for score in scores), flush=True)


if __name__ == "__main__":
    main()
