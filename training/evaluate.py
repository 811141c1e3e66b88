"""Evaluate the SHIPPED model end to end (raw text → empathkit.detect_emotion_batch), as users get it.

    python training/evaluate.py            # writes training/reports/eval.json and prints a summary
    python training/evaluate.py --report /tmp/candidate.json   # a candidate model, without touching the report
    python training/evaluate.py --max-tokens 256 --report /tmp/long.json   # the shipped model reading 256 tokens

Sets: SMP2020-EWECT dev (usual, virus) and its OpenCC s2t copy; the held-out 10 % of waimai_10k and
chnsenticorp_htl_all (polarity accuracy); the hand-labeled CS dev set from jddc_sample (emotion and polarity
macro-F1, confusion matrix, intensity rank correlation, flag F1).
"""
from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import empathkit  # noqa: E402
from data import EMOTION_MAPS, rows, training_examples  # noqa: E402
from jddc_split import iter_customer_turns, text_hash  # noqa: E402

from empathkit.labels import EMOTIONS, POLARITIES  # noqa: E402
from empathkit.script import to_variant  # noqa: E402

REPORT = Path(__file__).resolve().parent / "reports" / "eval.json"
CS_DEV = Path(__file__).resolve().parent / "devsets" / "cs_emotion_dev.jsonl"


def macro_f1(gold: list[str], pred: list[str], classes: list[str]) -> float:
    scores = []
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred))
        fp = sum(g != c and p == c for g, p in zip(gold, pred))
        fn = sum(g == c and p != c for g, p in zip(gold, pred))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(sum(scores) / len(scores), 4)


def restricted_label(result, allowed: list[str]) -> str:
    return max(allowed, key=lambda name: result.scores[name])


def spearman(a: list[float], b: list[float]) -> float:
    def ranks(values):
        order = sorted(range(len(values)), key=lambda i: values[i])
        r = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                r[order[k]] = (i + j) / 2
            i = j + 1
        return r
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    var = (sum((x - ma) ** 2 for x in ra) * sum((y - mb) ** 2 for y in rb)) ** 0.5
    return round(cov / var, 4) if var else 0.0


BOOTSTRAP_REPS = 1000


def bootstrap_ci(metric, n: int, reps: int = BOOTSTRAP_REPS, seed: int = 20261205) -> list[float]:
    """95 % percentile interval of ``metric(indices)`` over ``reps`` resamples (with replacement) of ``range(n)``:
    how much a score could move on another sample of the same size, not a correction for model selection."""
    rng = random.Random(seed)
    values = sorted(metric([rng.randrange(n) for _ in range(n)]) for _ in range(reps))
    return [round(values[int(0.025 * reps)], 4), round(values[int(0.975 * reps) - 1], 4)]


def smp(analyzer: empathkit.Analyzer, traditional: bool) -> dict:
    mapping = EMOTION_MAPS["smp2020_ewect"]
    allowed = sorted(set(mapping.values()), key=EMOTIONS.index)
    dev = [r for r in rows("smp2020_ewect") if r["split"] == "dev"]
    texts = [to_variant(r["text"], "t") if traditional else r["text"] for r in dev]
    results = analyzer.detect_emotion_batch(texts)
    out = {}
    for subset in ("usual", "virus"):
        idx = [i for i, r in enumerate(dev) if r["subset"] == subset]
        gold = [mapping[dev[i]["label"]] for i in idx]
        pred = [restricted_label(results[i], allowed) for i in idx]
        out[subset] = {"macro_f1": macro_f1(gold, pred, allowed),
                       "macro_f1_ci95": bootstrap_ci(lambda s: macro_f1([gold[i] for i in s], [pred[i] for i in s],
                                                                        allowed), len(gold)),
                       "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4), "n": len(idx)}
    return out


def polarity_heldout(analyzer: empathkit.Analyzer) -> dict:
    _, held = training_examples()
    results = analyzer.detect_emotion_batch([ex["text"] for ex in held])
    hits = [int((r.polarity > 0) == (ex["polarity"] == 2)) for r, ex in zip(results, held)]
    correct = sum(hits)
    by_source: dict[str, list[int]] = {}
    for r, ex in zip(results, held):
        by_source.setdefault(ex["source"], []).append(int((r.polarity > 0) == (ex["polarity"] == 2)))
    return {"accuracy": round(correct / len(held), 4),
            "accuracy_ci95": bootstrap_ci(lambda s: sum(hits[i] for i in s) / len(s), len(held)), "n": len(held),
            "by_source": {k: round(sum(v) / len(v), 4) for k, v in by_source.items()}}


def cs_dev(analyzer: empathkit.Analyzer) -> dict:
    labels = [json.loads(line) for line in CS_DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = dict(iter_customer_turns("dev"))
    for row in labels:
        if text_hash(texts[row["id"]]) != row["hash"]:
            raise SystemExit(f"source text changed for {row['id']}")
    results = analyzer.detect_emotion_batch([texts[row["id"]] for row in labels])
    gold = [row["emotion"] for row in labels]
    pred = [r.label for r in results]
    present = [c for c in EMOTIONS if c in gold]
    confusion = {g: {p: sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in EMOTIONS} for g in present}
    pol_gold = [row["polarity"] for row in labels]
    pol_pred = [r.polarity_label for r in results]
    flags = {}
    for name in ("escalation", "sarcasm", "urgency"):
        g = [row[name] for row in labels]
        p = [int(getattr(r.flags, name) >= 0.5) for r in results]
        tp = sum(a and b for a, b in zip(g, p))
        fp = sum((not a) and b for a, b in zip(g, p))
        fn = sum(a and not b for a, b in zip(g, p))
        flags[name] = {"gold_positive": sum(g), "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0}
    random_idx = [i for i, row in enumerate(labels) if row["selection"] == "random"]
    return {
        "n": len(labels),
        "emotion_macro_f1": macro_f1(gold, pred, present),
        "emotion_macro_f1_ci95": bootstrap_ci(lambda s: macro_f1([gold[i] for i in s], [pred[i] for i in s], present),
                                              len(gold)),
        "emotion_accuracy": round(sum(a == b for a, b in zip(gold, pred)) / len(gold), 4),
        "emotion_macro_f1_random_half": macro_f1([gold[i] for i in random_idx], [pred[i] for i in random_idx],
                                                 [c for c in EMOTIONS if c in [gold[i] for i in random_idx]]),
        "polarity_macro_f1": macro_f1(pol_gold, pol_pred, list(POLARITIES)),
        "polarity_accuracy": round(sum(a == b for a, b in zip(pol_gold, pol_pred)) / len(pol_gold), 4),
        "intensity_spearman": spearman([row["intensity"] for row in labels], [r.intensity for r in results]),
        "flags": flags,
        "confusion_gold_rows_pred_columns": confusion,
    }


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", type=Path, default=REPORT, help="where to write the JSON report")
    parser.add_argument("--max-tokens", type=int, default=None,
                        help="Analyzer(max_tokens=...): tokens read per text (default: what model.json says)")
    args = parser.parse_args()
    analyzer = empathkit.Analyzer(threads=2, max_tokens=args.max_tokens)
    started = time.time()
    report = {
        "model": json.loads((Path(empathkit.__file__).parent / "data" / "model.json").read_text(encoding="utf-8"))
        .get("quantization"),
        "max_tokens": analyzer._runtime.get().spec.max_tokens,
        "smp2020_dev": smp(analyzer, traditional=False),
        "smp2020_dev_traditional_s2t": smp(analyzer, traditional=True),
        "polarity_heldout": polarity_heldout(analyzer),
        "cs_dev": cs_dev(analyzer),
    }
    report["seconds"] = round(time.time() - started, 1)
    args.report.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "cs_dev"}, ensure_ascii=False, indent=1))
    print(json.dumps({k: v for k, v in report["cs_dev"].items() if k != "confusion_gold_rows_pred_columns"},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
