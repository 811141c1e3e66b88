"""Write docs/dialogues.md from the measured report of training/eval_dialogue.py.

    PYTHONPATH=src python training/eval_dialogue.py && python training/render_dialogue_docs.py

The page's prose is fixed here; every number and example comes from training/reports/dialogue_eval.json, so the
page always shows the last measured run.
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "training" / "reports" / "dialogue_eval.json"
PAGE = ROOT / "docs" / "dialogues.md"
LABELS = ("cognitive", "affective", "action", "confirmation", "verify_need", "perfunctory")

INTRO = """# Whole conversations: analyze_dialogue and audit_reply

`analyze_dialogue(turns)` reads a whole customer-service conversation: every customer turn through
`detect_emotion` and `extract_keyinfo`, the **trajectory** of polarity and intensity (`heating_up`,
`calming_down`, `steady`), a **risk warning** (probability that the case escalates or churns, the turn that
raised it and why), the merged STAR key information, the customer's **unresolved asks**, and an **archive
summary** (issue, what the agent did, outcome, the customer's final state). `audit_reply(customer_text,
agent_reply)` scores one agent reply by the seeds' listening metrics: the three empathy layers (cognitive,
affective, action), confirmation, need verification, perfunctory fillers, blame and echoed personal data, with
a 0–100 score and the reasons. The dialogue-level audit (`DialogueAnalysis.audit`) aggregates the same
metrics: empathy-phrase frequency, confirmation rate, perfunctory rate and first-response empathy.

```python
import empathkit

turns = [("customer", "我11月20号买的洗衣机到现在还没送到"),
         ("agent", "好的"),
         ("customer", "又是好的？？你们到底有没有人管啊😡 再不到我就投诉"),
         ("agent", "非常抱歉让您久等了，我这就联系仓库核实包裹位置，今天下午给您回电")]
result = empathkit.analyze_dialogue(turns)        # dicts, (role, text) tuples or DataFrame rows
result.risk.level, result.risk.reasons, result.trend
result.summary.to_dict()
empathkit.audit_reply("快递三天了还没到", "好的")   # perfunctory, score 0
```

`analyze_dialogue` is rules over the outputs of the emotion model and the key-information extractor. `audit_reply`
is rules plus a small learned layer: a linear model over the reply's character n-grams and the rules' own verdicts
(`empathkit/data/audit_model.npy`, 384 KiB, trained by `training/train_audit_linear.py` on 2,585 hand-labeled
jddc replies and 1,186 written-and-labeled examples) decides `cognitive`, `action`, `confirmation` and
`perfunctory`, the labels where it beat the rules in cross-validation; `affective` and `verify_need` are rules
whose matched words are in `evidence`, and the model's probabilities are in `probabilities`.
`audit_reply(..., use_model=False)` gives the rules alone. Both are fast enough for whole archives.
"""


def _f1_table(block: dict) -> list[str]:
    lines = ["| label | gold positives | precision | recall | F1 |", "|---|---|---|---|---|"]
    for label in LABELS:
        row = block.get(label)
        if row:
            lines.append(f"| {label} | {row['gold_positive']} | {row['precision']} | {row['recall']} | {row['f1']} |")
    return lines


def _counts(mapping: dict) -> str:
    return ", ".join(f"{key} {value}" for key, value in sorted(mapping.items(), key=lambda kv: -kv[1]))


def main() -> None:
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    out = [INTRO, "## Measured", "",
           "Command: `bash training/run_dialogue_report.sh` (it runs `training/eval_dialogue.py` for the corpora, "
           "the risk AUC, the examples and audit_dev, then once per labeled audit set, and "
           "`training/render_dialogue_docs.py`, which writes this page).", "",
           "**Are the labels good enough to measure 0.85?** Yes. `audit_heldout` and `audit_heldout_reader2` are "
           "the same 150 replies labeled by two readers who did not see each other's labels: F1 0.86–1.0 per label "
           "(`python training/devsets/audit_agreement.py training/devsets/audit_heldout.jsonl "
           "training/devsets/audit_heldout_reader2.jsonl`). Across files, 240 replies (120 of audit_heldout2, 120 "
           "of audit_train parts 3–6) were labeled again, blind, by two new annotators: against the first labels, "
           "cognitive 0.902, affective 1.0, action 0.947, confirmation 0.966, verify_need 0.857 (4 positives), "
           "perfunctory 0.946 (`python training/devsets/show_audit_relabel.py --agreement`, "
           "training/devsets/README_audit_relabel.md). So the gap to the targets is the detectors', not the labels'.",
           "",
           "**Why the detectors stop short of 0.85, and what more data would buy.** Every jddc_sample agent reply is "
           "labeled. A learning curve of the learned layer (cross-validation grouped by dialogue, each fold trained "
           "on 25–100 % of its dialogues; `PYTHONPATH=src python training/train_audit_linear.py --learning-curve "
           "--all-labels`) gains 0.02–0.03 F1 per doubling of the labels on cognitive, action and confirmation, and "
           "nothing on perfunctory: at that rate 0.85 would take about 8 more doublings for cognitive, 3 for action "
           "and 5 for confirmation. Readers of meaning did no better on the same labels: frozen e5-small sentence "
           "embeddings as extra features (`PYTHONPATH=src python training/audit_embedding_features.py`) and a "
           "cross-encoder fine-tuned on customer turn + reply (`training/train_audit.py`). So the targets for "
           "cognitive, perfunctory and verify_need are out of reach of this data and this CPU budget; "
           "training/train_audit_linear.py has the tables.",
           "",
           "**Which sets are honest for what.** `audit_heldout2` (358 replies, training/devsets/README_audit_heldout2.md) "
           "is every reply of the 71 dev-half dialogues that gave no reply to any other set: no rule was tuned on "
           "its dialogues and the learned layer never saw them, so it is the estimate of what audit_reply ships. The "
           "762 dev-half training replies (`audit_train_dev` parts, training/labels/README.md) were labeled after the "
           "rules were last tuned: the rules alone on them are a second untuned estimate; the learned layer then "
           "trained on them. `audit_heldout` and its second reading were never used to tune the rules, but the "
           "learned layer trains on audit_heldout's labels and on the other replies of its dialogues, so they are "
           "shown for the rules alone. The 753 `audit_train` parts 3–6 (adapt half) were labeled after an earlier "
           "rule version; untuned, those rules scored on them cognitive 0.601, affective 0.886, action 0.777, "
           "confirmation 0.805, verify_need 0.316, perfunctory 0.667; the rules were then tuned on parts 3–5, with "
           "part 6 read only as aggregate scores.",
           ""]
    audits = [(key, value) for key, value in report.items() if key.startswith("audit") and isinstance(value, dict)]
    audits.sort(key=lambda kv: 0 if kv[0].startswith("audit_heldout2") else 1 if kv[0].endswith("@rules") else 2)
    for key, block in audits:
        rules_only = key.endswith("@rules")
        name = key.removesuffix("@rules")
        if name == "audit_heldout2":
            caption = ("The rules alone (`use_model=False`) on the same blind set." if rules_only else
                       "Blind: labeled from the dialogue text alone, never used to tune the rules or to train the "
                       "learned layer. **This is the honest estimate of the shipped audit_reply.**")
        elif name.startswith("audit_train_dev"):
            caption = ("The rules alone on the dev-half training labels, labeled after the rules were last tuned and "
                       "never read while tuning them: a second untuned estimate for the rules. (The learned layer "
                       "trains on these, so the shipped audit is not scored here.)")
        elif "heldout" in name:
            caption = ("The rules alone. Never used to tune the rules; the learned layer trains on audit_heldout's "
                       "labels and on the other replies of its dialogues, so the shipped audit is not scored here.")
        elif name == "audit_train_part6":
            caption = ("The rules alone. Validation for the last rule-tuning round: its errors were never read, but "
                       "its aggregate scores decided which rule changes were kept, so it is mildly optimistic.")
        else:
            caption = ("Tuning data: the rules were tuned while reading this set's errors and the learned layer "
                       "trains on it, so these scores are optimistic.")
        who = "The rules alone" if rules_only else "audit_reply as shipped"
        out += [f"### {who} against hand labels: `{name}` ({block.get('replies')} agent replies)", "", caption,
                ""]
        out += _f1_table(block) + [""]
        disjoint = block.get("not_in_audit_dev_dialogues")
        if disjoint:
            shared = block.get("replies", 0) - disjoint.get("replies", 0)
            out += [f"The stricter estimate: the {disjoint.get('replies')} of these replies whose dialogues gave "
                    f"audit_dev no reply. The other {shared} come from dialogues of which one reply is in audit_dev, "
                    f"a tuning set of the same half whose errors were read while tuning, so the rules know their "
                    f"templates.", ""] + _f1_table(disjoint) + [""]
    for key, title, source in (
            ("risk_auc", "jddc_sample dev half", "all dev-half dialogues (training/devsets/dialogue_states.jsonl)"),
            ("risk_auc_adapt", "jddc_sample adapt half",
             "all adapt-half dialogues (training/devsets/dialogue_states_adapt.jsonl, labeled after the risk "
             "weights were set, never used to tune them)"),
            ("risk_auc_both", "both halves", "both files together")):
        risk = report.get(key) or {}
        if not risk:
            continue
        out += [f"### Risk warning against hand-labeled end states ({title})", "",
                f"End states of {source}: "
                f"{_counts(risk.get('end_states', {}))}. ROC AUC of the risk score, dialogues ending angry or "
                f"escalating ({risk.get('angry_or_escalating')}) against those ending satisfied "
                f"({risk.get('satisfied')}): **{risk.get('roc_auc')}**; against all other dialogues: "
                f"{risk.get('roc_auc_vs_all_others')}. Dialogues that end angry or in which the customer threatens "
                f"escalation at any point ({risk.get('angry_or_threatened')}; {risk.get('threatened')} threatened) "
                f"against those ending satisfied without a threat ({risk.get('satisfied_unthreatened')}): "
                f"**{risk.get('roc_auc_angry_or_threatened')}**."
                + (" With so few angry endings these AUCs are very uncertain." if
                   (risk.get("angry_or_threatened") or 0) < 20 else ""), ""]
    for key, title in (("jddc", "All jddc_sample dialogues"), ("cped", "CPED dialogues (TV drama)")):
        block = report.get(key)
        if not block:
            continue
        out += [f"### {title}: {block['dialogues']} dialogues", ""]
        if block.get("note"):
            out += [f"Note: {block['note']}.", ""]
        out += ["| measure | distribution |", "|---|---|",
                f"| risk level | {_counts(block['risk_level'])} |",
                f"| risk score quartiles | {block['risk_score_quartiles']} |",
                f"| outcome | {_counts(block['outcome'])} |",
                f"| trend | {_counts(block['trend'])} |",
                f"| customer's final emotion | {_counts(block['final_state'])} |",
                "| agent metrics (mean per dialogue) | "
                + ", ".join(f"{k} {v}" for k, v in block["agent_mean"].items()) + " |",
                f"| first response shows empathy | {block['first_response_empathy']} |"]
        if "ms_per_dialogue_p50" in block:
            out.append(f"| time per dialogue, p50 | {block['ms_per_dialogue_p50']} ms "
                       f"(median {block.get('turns_per_dialogue_median')} turns) |")
        out.append("")
    examples = report.get("examples") or []
    if examples:
        out += ["## Worked examples (jddc_sample, personal data masked by the source and by empathkit)", ""]
    for number, example in enumerate(examples, 1):
        risk, summary, audit = example["risk"], example["summary"], example["audit"]
        out += [f"### {number}. {summary['issue']}", "", "```"] + example["turns"]
        if example.get("more_turns"):
            out.append(f"… {example['more_turns']} more turns")
        out += ["```", "",
                f"- risk **{risk['level']}** ({risk['score']}), raised at turn {risk['turn']}: "
                + ("; ".join(risk["reasons"]) or "no reason above the threshold"),
                f"- trend: {example['trend']}; outcome: {summary['outcome']}; customer's final emotion: "
                f"{summary['final_state']}",
                "- agent did: " + (" / ".join(summary["actions"]) or "nothing detected"),
                "- unresolved asks: " + (" / ".join(example.get("unresolved_asks") or []) or "none"),
                f"- agent audit: {audit['replies']} replies, affective {audit['affective_rate']}, cognitive "
                f"{audit['cognitive_rate']}, action {audit['action_rate']}, confirmation "
                f"{audit['confirmation_rate']}, perfunctory {audit['perfunctory_rate']}, mean score "
                f"{audit['mean_score']}", ""]
    PAGE.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
