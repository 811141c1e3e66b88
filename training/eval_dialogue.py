"""Evaluate analyze_dialogue and audit_reply on ../shared/data (issue: whole conversations).

    PYTHONPATH=src python training/eval_dialogue.py [--cped-limit N] [--audit-set PATH [PATH ...]] [--rules-only] [--skip-corpus]

1. audit_reply against the hand-labeled agent replies of training/devsets/audit_dev.jsonl (jddc dev half):
   per-label precision / recall / F1 for cognitive, affective, action, confirmation, verify_need, perfunctory.
   ``--audit-set PATH`` scores another labeled file of the same format instead (ids, hashes and labels, no text);
   its section is written under the file's stem, and the report keeps the sections of earlier runs. Several paths
   score each file under its own stem and also all of them pooled, under the stems joined by ``+`` (e.g.
   ``--audit-set training/devsets/audit_dev.jsonl training/devsets/audit_tune.jsonl`` writes ``audit_dev``,
   ``audit_tune`` and ``audit_dev+audit_tune``). By default the shipped audit is scored (rules plus the learned
   layer of ``data/audit_model.npy``); ``--rules-only`` scores the rules alone, under the same keys + ``@rules``.
2. Risk warning against the hand-labeled end states of training/devsets/dialogue_states.jsonl (dev half) and
   training/devsets/dialogue_states_adapt.jsonl (adapt half), each and both together: ROC AUC of the risk score for
   dialogues that end angry or escalating (positives) against those that end satisfied.
3. analyze_dialogue over every jddc_sample dialogue and every CPED dialogue (or the first ``--cped-limit N``; the first
   speaker taken as the customer, everyone else as the agent — CPED is TV drama, so its numbers describe the
   tool, not a service desk): distributions of risk level, outcome, trend and the agent metrics, and time per
   dialogue.
4. Ten worked jddc examples (personal data masked) for docs/dialogues.md.
Steps 2–4 analyse every dialogue; ``--skip-corpus`` leaves them out (the report keeps their previous sections).
Writes training/reports/dialogue_eval.json.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from jddc_split import dialogues_of, iter_dialogues, text_hash  # noqa: E402

import empathkit  # noqa: E402

DATA = HERE.parents[1] / "shared" / "data"
LABELS = ("cognitive", "affective", "action", "confirmation", "verify_need", "perfunctory")


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count one half)."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


AUDIT_DEV = HERE / "devsets" / "audit_dev.jsonl"


def customer_before(turns: list[dict], index: int) -> str:
    """The customer turns right before agent turn ``index``, joined by newlines: what an agent reply answers."""
    start = index - 1
    while start >= 0 and turns[start]["speaker"] == "customer":
        start -= 1
    return "\n".join(t["text"] for t in turns[start + 1:index])


def labeled_reply(dialogues: dict[str, dict], row: dict) -> tuple[str, str, str] | None:
    """``(session id, the customer turns it answers, the reply)`` of one audit label row (id ``session:index``), or
    None when the reply's text no longer matches the row's hash."""
    sid, index = row["id"].rsplit(":", 1)
    turns = dialogues[sid]["turns"]
    reply = turns[int(index)]["text"]
    if text_hash(reply) != row["hash"]:
        return None
    return sid, customer_before(turns, int(index)), reply


def audit_counts(dialogues: dict[str, dict], path: Path, skip_sessions: frozenset[str] = frozenset(),
                 use_model: bool = True) -> tuple[int, int, dict[str, Counter]]:
    """``(replies, hash mismatches, per-label tp/fp/fn/tn counts)`` of audit_reply on one labeled file, leaving
    out the replies of the dialogues in ``skip_sessions``; ``use_model=False`` scores the rules alone."""
    rows = [row for row in _read_jsonl(path) if row["id"].rsplit(":", 1)[0] not in skip_sessions]
    counts = {name: Counter() for name in LABELS}
    changed = 0
    for row in rows:
        found = labeled_reply(dialogues, row)
        if found is None:
            changed += 1
            continue
        _, customer, reply = found
        audit = empathkit.audit_reply(customer, reply, use_model=use_model)
        for name in LABELS:
            gold, pred = bool(row[name]), bool(getattr(audit, name))
            counts[name][("tp" if gold else "fp") if pred else ("fn" if gold else "tn")] += 1
    return len(rows), changed, counts


def summarize(replies: int, changed: int, counts: dict[str, Counter]) -> dict:
    out = {"replies": replies, "hash_mismatch": changed}
    for name, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        out[name] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                     "gold_positive": c["tp"] + c["fn"]}
    return out


def audit_scores(dialogues: dict[str, dict], path: Path = AUDIT_DEV, use_model: bool = True) -> dict:
    """Scores on one labeled file. For a file other than audit_dev, also the scores on its replies from dialogues
    that gave audit_dev (a tuning set of the same dev half) no reply: rules tuned on one reply of a dialogue
    know that dialogue's templates, so the held-out sets are scored on that dialogue-disjoint part as well."""
    if not path.exists():
        return {"missing": str(path)}
    out = summarize(*audit_counts(dialogues, path, use_model=use_model))
    if path.resolve() != AUDIT_DEV.resolve() and AUDIT_DEV.exists():
        tuned = dialogues_of(AUDIT_DEV)
        disjoint = summarize(*audit_counts(dialogues, path, tuned, use_model))
        if disjoint["replies"] < out["replies"]:
            out["not_in_audit_dev_dialogues"] = disjoint
    return out


def pooled_scores(dialogues: dict[str, dict], paths: list[Path], use_model: bool = True) -> dict:
    """Scores over the union of several labeled files (counts added, then precision / recall / F1)."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        return {"missing": missing}
    replies, changed, pooled = 0, 0, {name: Counter() for name in LABELS}
    for path in paths:
        n, bad, counts = audit_counts(dialogues, path, use_model=use_model)
        replies, changed = replies + n, changed + bad
        for name in LABELS:
            pooled[name].update(counts[name])
    return summarize(replies, changed, pooled)


STATES_DEV = HERE / "devsets" / "dialogue_states.jsonl"
STATES_ADAPT = HERE / "devsets" / "dialogue_states_adapt.jsonl"


def risk_auc(results: dict, states: list[dict]) -> dict:
    """ROC AUC of the risk score against hand-labeled end states (one row per dialogue)."""
    score = {s["session_id"]: results[s["session_id"]].risk.score for s in states}
    pos = [score[s["session_id"]] for s in states if s["end_state"] in ("angry", "escalating")]
    neg = [score[s["session_id"]] for s in states if s["end_state"] == "satisfied"]
    rest = [score[s["session_id"]] for s in states if s["end_state"] in ("neutral", "unresolved")]
    # The brief's wording: ends angry OR threatens escalation (at any point), against ends satisfied.
    angry_or_threat = [score[s["session_id"]] for s in states
                       if s["end_state"] in ("angry", "escalating") or s.get("threatened")]
    calm = [score[s["session_id"]] for s in states if s["end_state"] == "satisfied" and not s.get("threatened")]
    return {"dialogues": len(states), "angry_or_escalating": len(pos), "satisfied": len(neg),
            "roc_auc": round(roc_auc(pos, neg), 3),
            "roc_auc_vs_all_others": round(roc_auc(pos, neg + rest), 3),
            "angry_or_threatened": len(angry_or_threat), "satisfied_unthreatened": len(calm),
            "roc_auc_angry_or_threatened": round(roc_auc(angry_or_threat, calm), 3),
            "end_states": dict(Counter(s["end_state"] for s in states)),
            "threatened": sum(1 for s in states if s.get("threatened"))}


def as_turns(dialogue: dict) -> list[tuple[str, str]]:
    return [(t["speaker"], t["text"]) for t in dialogue["turns"]]


def distribution(results: list) -> dict:
    audits = [r.audit for r in results if r.audit.replies]
    return {
        "dialogues": len(results),
        "risk_level": dict(Counter(r.risk.level for r in results)),
        "outcome": dict(Counter(r.summary.outcome for r in results)),
        "trend": dict(Counter(r.trend for r in results)),
        "final_state": dict(Counter(r.summary.final_state for r in results)),
        "risk_score_quartiles": [round(q, 3) for q in statistics.quantiles([r.risk.score for r in results], n=4)],
        "agent_mean": {name: round(statistics.mean(getattr(a, name) for a in audits), 3) for name in
                       ("empathy_phrase_rate", "affective_rate", "cognitive_rate", "action_rate",
                        "confirmation_rate", "perfunctory_rate", "mean_score")},
        "first_response_empathy": round(sum(bool(a.first_response_empathy) for a in audits) / max(1, len(audits)), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cped-limit", type=int, default=0, help="read only the first N CPED dialogues (0: all)")
    parser.add_argument("--audit-set", type=Path, nargs="+", default=[AUDIT_DEV],
                        help="labeled agent replies to score (default: training/devsets/audit_dev.jsonl); "
                             "several files are scored one by one and pooled")
    parser.add_argument("--pool-only", action="store_true",
                        help="with several --audit-set files, write only their pooled scores (one table)")
    parser.add_argument("--rules-only", action="store_true",
                        help="score audit_reply(..., use_model=False), the rules without the learned layer; the "
                             "report keys get the suffix @rules")
    parser.add_argument("--skip-corpus", action="store_true",
                        help="only score the audit set; skip the jddc/cped corpus runs, risk AUC and examples")
    args = parser.parse_args()
    dialogues = {d["session_id"]: d for d in iter_dialogues()}
    out = HERE / "reports" / "dialogue_eval.json"
    audit_paths = [path.resolve() for path in args.audit_set]
    default_set = audit_paths == [AUDIT_DEV.resolve()]
    suffix = "@rules" if args.rules_only else ""
    keys = [("audit_dev" if path == AUDIT_DEV.resolve() else path.stem) + suffix for path in audit_paths]
    report: dict = {}
    if (args.skip_corpus or not default_set) and out.exists():
        report = json.loads(out.read_text(encoding="utf-8"))  # keep the sections this run does not redo
    report["command"] = "PYTHONPATH=src python training/eval_dialogue.py"
    if not (args.pool_only and len(audit_paths) > 1):
        for key, path in zip(keys, audit_paths):
            report[key] = audit_scores(dialogues, path, not args.rules_only)
    if len(audit_paths) > 1:
        pooled = "+".join(key.removesuffix(suffix) for key in keys) + suffix
        keys = keys + [pooled] if not args.pool_only else [pooled]
        report[pooled] = pooled_scores(dialogues, audit_paths, not args.rules_only)
    if args.skip_corpus:
        out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        print(json.dumps({key: report[key] for key in keys}, ensure_ascii=False, indent=1))
        return

    results, times = {}, []
    empathkit.analyze_dialogue([("customer", "你好"), ("agent", "您好")])  # load resources before timing
    for sid, dialogue in dialogues.items():
        t0 = time.perf_counter()
        results[sid] = empathkit.analyze_dialogue(as_turns(dialogue))
        times.append((time.perf_counter() - t0) * 1000)
    report["jddc"] = distribution(list(results.values()))
    report["jddc"]["ms_per_dialogue_p50"] = round(statistics.median(times), 1)
    report["jddc"]["turns_per_dialogue_median"] = statistics.median(len(d["turns"]) for d in dialogues.values())

    for key, path in (("risk_auc", STATES_DEV), ("risk_auc_adapt", STATES_ADAPT)):
        if path.exists():
            report[key] = risk_auc(results, _read_jsonl(path))
    if STATES_DEV.exists() and STATES_ADAPT.exists():
        report["risk_auc_both"] = risk_auc(results, _read_jsonl(STATES_DEV) + _read_jsonl(STATES_ADAPT))

    cped = []
    with (DATA / "cped" / "dialogues.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if args.cped_limit and len(cped) >= args.cped_limit:
                break
            dialogue = json.loads(line)
            first = dialogue["turns"][0]["speaker"]
            cped.append([("customer" if t["speaker"] == first else "agent", t["text"]) for t in dialogue["turns"]])
    report["cped"] = distribution([empathkit.analyze_dialogue(turns) for turns in cped])
    report["cped"]["note"] = "first speaker as customer, others as agent (TV drama, not service)"

    ranked = sorted(results.items(), key=lambda kv: -kv[1].risk.score)
    picks = ranked[:4] + ranked[len(ranked) // 2:len(ranked) // 2 + 2] + ranked[-4:]
    report["examples"] = []
    for sid, result in picks:
        turns = [f"{'C' if role == 'customer' else 'A'}: {empathkit.mask_pii(text).text}"
                 for role, text in as_turns(dialogues[sid])]
        report["examples"].append({"session_id": sid, "turns": turns[:12], "more_turns": max(0, len(turns) - 12),
                                   "risk": result.risk.to_dict(), "trend": result.trend,
                                   "summary": result.summary.to_dict(), "audit": result.audit.to_dict(),
                                   "unresolved_asks": list(result.unresolved_asks)})
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "examples"}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
