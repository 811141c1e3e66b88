"""Train the intent classifier (softmax regression over hashed character n-grams + the keyword rules' vote).

    PYTHONPATH=src python training/train_intent.py --l2 1e-05 --dev-copies 3   # the shipped weights

Training labels: training/labels/intent_part*.jsonl (hand labels of jddc_sample **adapt**-half customer turns;
ids only, text looked up by id). With ``--dev-copies N`` the intents of the key-information *tuning* set
(devsets/keyinfo_dev.jsonl, dev half) are added N times each: they follow the dev sets' convention (each message's
literal request), which the adapt labels often do not (they name the dialogue's topic; labels/README.md). Their
effect is measured by 5-fold cross-validation over the tuning set (train on the adapt labels + four folds, test
on the fifth), reported as ``tuning_set_cv_accuracy``; after that the tuning set's own intent accuracy in
eval_keyinfo.py is in-sample. The blind held-out set (devsets/keyinfo_heldout.jsonl) is never read here. The L2
strength is chosen by 5-fold cross-validation on the adapt labels unless ``--l2`` is given. Writes
src/empathkit/data/intent_model.npy (float16 weights) and training/reports/intent_train.json.
"""
from __future__ import annotations

import io
import json
import random
import time
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from jddc_split import dialogues_of, iter_customer_turns  # noqa: E402

from empathkit.entities import matching_text  # noqa: E402
from empathkit.intent_model import N_FEATURES, features  # noqa: E402
from empathkit.keyinfo import extract  # noqa: E402
from empathkit.labels import INTENTS  # noqa: E402

OUT = HERE.parent / "src" / "empathkit" / "data" / "intent_model.npy"
REPORT = HERE / "reports" / "intent_train.json"


def load(fixes: bool = False, literal: bool = False, dropped: list[str] | None = None) -> list[tuple[str, int]]:
    """(text, intent index) of the adapt-half intent labels; with ``fixes``, labels/intent_fixes.jsonl applied
    (``intent: null`` drops a turn); with ``literal``, the literal-convention relabel
    (labels/intent_literal_part*.jsonl) replaces the label of every turn it covers (``null`` drops it). The texts
    of dropped turns are appended to ``dropped`` when it is given."""
    texts = dict(iter_customer_turns("adapt"))
    fixed: dict[str, str | None] = {}
    sources = (["intent_fixes.jsonl"] if fixes else []) + (
        sorted(p.name for p in (HERE / "labels").glob("intent_literal_part*.jsonl")) if literal else [])
    for name in sources:
        for line in (HERE / "labels" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["id"] not in texts:
                    raise ValueError(f"{name}: {row['id']} is not an adapt-half customer turn")
                fixed[row["id"]] = row["intent"]
    rows = []
    for path in sorted((HERE / "labels").glob("intent_part*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row["id"] not in texts:
                    raise ValueError(f"{path.name}: {row['id']} is not an adapt-half customer turn")
                intent = fixed.get(row["id"], row["intent"])
                if intent is not None:
                    rows.append((texts[row["id"]], INTENTS.index(intent)))
                elif dropped is not None:
                    dropped.append(texts[row["id"]])
    return rows


def load_dev_extra() -> list[tuple[str, int, str]]:
    """(text, intent index, dialogue id) of the literal-convention labels of dev-half turns outside the held-out
    set's dialogues (labels/intent_literal_dev_part*.jsonl, made with labels/show_dev_extra.py; null rows left out).
    The build refuses any turn of a dialogue that holds a held-out row."""
    texts = dict(iter_customer_turns("dev"))
    held = dialogues_of(HERE / "devsets" / "keyinfo_heldout.jsonl")
    rows = []
    for path in sorted((HERE / "labels").glob("intent_literal_dev_part*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            dialogue = row["id"].rsplit(":", 1)[0]
            if row["id"] not in texts or dialogue in held:
                raise ValueError(f"{path.name}: {row['id']} is not a dev-half turn outside the held-out dialogues")
            if row["intent"] is not None:
                rows.append((texts[row["id"]], INTENTS.index(row["intent"]), dialogue))
    return rows


def load_tuning_set() -> list[tuple[str, int]]:
    """(text, intent index) of the key-information tuning set (rows whose text changed are skipped)."""
    from eval_keyinfo import load_dev

    rows, _ = load_dev()
    return [(text, INTENTS.index(row["intent"])) for row, text in rows]


def context_hits(w: torch.Tensor, rows: list) -> int:
    """How many tuning-set rows (eval_keyinfo.load_dev rows) get their gold intent when read in their dialogue,
    as analyze_dialogue reads them (previous_intent), with the weights ``w`` in place of the shipped ones."""
    from eval_keyinfo import with_context

    from empathkit._resources import _UNSET
    from empathkit.intent_model import INTENT_MODEL, IntentModel

    INTENT_MODEL._value = IntentModel(w.numpy())  # a training-time swap; the library never does this
    try:
        return sum(1 for (row, _), intent in zip(rows, with_context(rows)) if intent == row["intent"])
    finally:
        INTENT_MODEL._value = _UNSET  # the next caller loads the shipped weights again


def matrix(rows: list[tuple[str, int]]) -> tuple[torch.Tensor, torch.Tensor, list[str]]:
    x = torch.zeros((len(rows), N_FEATURES))
    rule = []
    for i, (text, _) in enumerate(rows):
        info = extract(text, use_model=False)
        rule.append(info.intent)
        index, values = features(matching_text(text), info.intent, info.intent_score)
        x[i, torch.from_numpy(index)] = torch.from_numpy(values)
    y = torch.tensor([label for _, label in rows])
    return x, y, rule


def fit(x: torch.Tensor, y: torch.Tensor, l2: float, epochs: int = 200, flat: torch.Tensor | None = None,
        flat_weight: float = 1.0) -> torch.Tensor:
    """Softmax regression; rows of ``flat`` (messages with no request of their own) are pulled towards the
    uniform distribution, so that such a message scores low and dialogue context can decide its intent."""
    torch.manual_seed(0)
    w = torch.zeros((x.shape[1], len(INTENTS)), requires_grad=True)
    optimizer = torch.optim.Adam([w], lr=0.05)
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(x @ w, y) + l2 * (w[:-1] ** 2).sum()
        if flat is not None and len(flat):
            loss = loss - flat_weight * torch.log_softmax(flat @ w, dim=1).mean()
        loss.backward()
        optimizer.step()
    return w.detach()


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-chars", type=int, default=0, help="train only on turns at least this long")
    parser.add_argument("--l2", type=float, default=None, help="skip cross-validation and use this L2")
    parser.add_argument("--fixes", action="store_true", help="apply labels/intent_fixes.jsonl (drops content-free turns)")
    parser.add_argument("--literal", action="store_true",
                        help="the literal-convention relabel (labels/intent_literal_part*.jsonl) replaces the "
                             "topic labels of the turns it covers")
    parser.add_argument("--null-uniform", type=float, default=0.0, metavar="WEIGHT",
                        help="with --literal: train the turns the relabel marks null (no request of their own) "
                             "towards the uniform distribution, with this loss weight (0: leave them out)")
    parser.add_argument("--dev-extra", action="store_true",
                        help="also train on labels/intent_literal_dev_part*.jsonl (dev-half turns outside the "
                             "held-out dialogues); in the tuning-set CV, rows of a fold's dialogues are left out")
    parser.add_argument("--dev-copies", type=int, default=0,
                        help="add the key-information tuning set's intents this many times (0: adapt labels only)")
    parser.add_argument("--without-dialogues-of", type=Path, default=None, metavar="PATH",
                        help="leave out the tuning-set rows of every dialogue that has a row in PATH (ids only are "
                             "read): a classifier that never saw those dialogues, to score PATH in dialogue context "
                             "without the other turns' training labels leaking in. Not the shipped weights")
    parser.add_argument("--cv-by-dialogue", action="store_true",
                        help="tuning-set CV folds by dialogue instead of by turn, so that a fold's turns are not read "
                             "in context after training turns of the same dialogue")
    parser.add_argument("--context-below", type=float, default=None, metavar="T",
                        help="the in-context CV reads with keyinfo.CONTEXT_BELOW = T instead of the shipped value "
                             "(how the threshold was chosen; see intent_context_check.py)")
    args = parser.parse_args()
    if args.context_below is not None:
        import empathkit.keyinfo

        empathkit.keyinfo.CONTEXT_BELOW = args.context_below
    torch.set_num_threads(1)  # two spinning thread pools on 2 cores (with a training run) stall each other
    dropped: list[str] = []
    rows = [r for r in load(args.fixes, args.literal, dropped) if len(r[0].strip()) >= args.min_chars]
    started = time.time()
    x, y, rule = matrix(rows)
    flat = matrix([(text, 0) for text in dropped])[0] if args.null_uniform and dropped else None
    fit_flat = {"flat": flat, "flat_weight": args.null_uniform}
    print(f"features for {len(rows)} turns in {time.time() - started:.0f} s", flush=True)
    rule_acc = sum(INTENTS.index(r) == int(t) for r, t in zip(rule, y)) / len(rows)
    order = list(range(len(rows)))
    random.Random(5).shuffle(order)
    folds = [order[i::5] for i in range(5)]
    cv = {}
    for l2 in (() if args.l2 is not None else (1e-5, 1e-4, 1e-3)):
        correct = 0
        for fold in folds:
            test = torch.tensor(fold)
            held = set(fold)
            train = torch.tensor([i for i in order if i not in held])
            w = fit(x[train], y[train], l2, **fit_flat)
            correct += int(((x[test] @ w).argmax(1) == y[test]).sum())
        cv[str(l2)] = round(correct / len(rows), 4)
        print(f"l2 {l2}: 5-fold accuracy {cv[str(l2)]}", flush=True)
    best = str(args.l2) if args.l2 is not None else max(cv, key=lambda k: cv[k])
    tuning_cv = tuning_cv_context = None
    adapt_labels = Counter(int(t) for t in y)
    if args.dev_copies:
        from eval_keyinfo import load_dev

        tuning_rows, _ = load_dev()
        tuning = load_tuning_set()
        if args.without_dialogues_of is not None:
            avoid = dialogues_of(args.without_dialogues_of)
            keep_rows = [i for i, (row, _) in enumerate(tuning_rows) if row["id"].rsplit(":", 1)[0] not in avoid]
            print(f"--without-dialogues-of: {len(tuning_rows) - len(keep_rows)} of {len(tuning_rows)} tuning rows "
                  f"left out", flush=True)
            tuning_rows, tuning = [tuning_rows[i] for i in keep_rows], [tuning[i] for i in keep_rows]
        extra_rows = load_dev_extra() if args.dev_extra else []
        extra_dialogues = [d for _, _, d in extra_rows]
        xe, ye, _ = matrix([(t, i) for t, i, _ in extra_rows]) if extra_rows else (
            torch.zeros((0, N_FEATURES)), torch.zeros(0, dtype=torch.long), [])
        xt, yt, _ = matrix(tuning)
        order_t = list(range(len(tuning)))
        random.Random(7).shuffle(order_t)
        if args.cv_by_dialogue:
            dialogue_of = [row["id"].rsplit(":", 1)[0] for row, _ in tuning_rows]
            sessions = sorted(set(dialogue_of))
            random.Random(7).shuffle(sessions)
            fold_of = {sid: k % 5 for k, sid in enumerate(sessions)}
            tuning_folds = [[i for i in order_t if fold_of[dialogue_of[i]] == k] for k in range(5)]
        else:
            tuning_folds = [order_t[i::5] for i in range(5)]
        correct = in_context = 0
        for fold in tuning_folds:
            held = set(fold)
            keep = torch.tensor([i for i in order_t if i not in held])
            fold_dialogues = {tuning_rows[i][0]["id"].rsplit(":", 1)[0] for i in fold}
            extra = torch.tensor([i for i, d in enumerate(extra_dialogues) if d not in fold_dialogues],
                                 dtype=torch.long)
            w = fit(torch.cat([x, xe[extra]] + [xt[keep]] * args.dev_copies),
                    torch.cat([y, ye[extra]] + [yt[keep]] * args.dev_copies), float(best), **fit_flat)
            test = torch.tensor(fold)
            correct += int(((xt[test] @ w).argmax(1) == yt[test]).sum())
            in_context += context_hits(w, [tuning_rows[i] for i in fold])
        tuning_cv = round(correct / len(tuning), 4)
        tuning_cv_context = round(in_context / len(tuning), 4)
        print(f"tuning set, 5-fold CV with {args.dev_copies} copies: {tuning_cv} alone, {tuning_cv_context} with "
              "dialogue context", flush=True)
        x, y = torch.cat([x, xe] + [xt] * args.dev_copies), torch.cat([y, ye] + [yt] * args.dev_copies)
    w = fit(x, y, float(best), **fit_flat)
    buffer = io.BytesIO()
    np.save(buffer, w.numpy().astype(np.float16), allow_pickle=False)
    OUT.write_bytes(buffer.getvalue())
    command = "PYTHONPATH=src python training/train_intent.py" + (f" --min-chars {args.min_chars}" if args.min_chars else "") \
        + (f" --l2 {args.l2:g}" if args.l2 is not None else "") \
        + (f" --dev-copies {args.dev_copies}" if args.dev_copies else "") + (" --fixes" if args.fixes else "") \
        + (" --literal" if args.literal else "") + (f" --null-uniform {args.null_uniform:g}" if args.null_uniform else "") \
        + (" --dev-extra" if args.dev_extra else "") \
        + (f" --context-below {args.context_below:g}" if args.context_below is not None else "") \
        + (f" --without-dialogues-of {args.without_dialogues_of}" if args.without_dialogues_of else "") \
        + (" --cv-by-dialogue" if args.cv_by_dialogue else "")
    report = {"command": command, "examples": len(rows), "tuning_set_copies": args.dev_copies, "fixes_applied": args.fixes,
              "literal_relabel": args.literal, "null_turns_uniform_weight": args.null_uniform,
              "null_turns": len(dropped) if args.literal else None,
              "dev_extra_rows": len(extra_rows) if args.dev_copies else None,
              "tuning_set_cv_accuracy": tuning_cv, "tuning_set_cv_accuracy_with_context": tuning_cv_context,
              "labels": {INTENTS[k]: v for k, v in adapt_labels.items()},
              "rules_alone_accuracy_on_training_labels": round(rule_acc, 4), "cv_accuracy_by_l2": cv,
              "chosen_l2": float(best), "min_chars": args.min_chars, "model_bytes": OUT.stat().st_size}
    REPORT.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
