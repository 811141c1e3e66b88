#!/bin/bash
# Rerun the whole dialogue report (training/reports/dialogue_eval.json) and render docs/dialogues.md:
# corpora, risk AUC on both halves' end states, the ten examples, and audit_reply against every labeled set
# (the shipped audit, rules + learned layer, where the set is held out from both; the rules alone where only the
# rules never saw it).
#   bash training/run_dialogue_report.sh
set -e
cd "$(dirname "$0")/.."
export PYTHONPATH=src
D=training/devsets; L=training/labels
python training/eval_dialogue.py > /dev/null
python training/eval_dialogue.py --skip-corpus --audit-set $D/audit_heldout2.jsonl > /dev/null
python training/eval_dialogue.py --skip-corpus --rules-only --audit-set $D/audit_heldout2.jsonl > /dev/null
python training/eval_dialogue.py --skip-corpus --rules-only --pool-only --audit-set $L/audit_train_dev_part0.jsonl $L/audit_train_dev_part1.jsonl $L/audit_train_dev_part2.jsonl $L/audit_train_dev_part3.jsonl > /dev/null
for set in $D/audit_heldout.jsonl $D/audit_heldout_reader2.jsonl $L/audit_train_part6.jsonl; do
    python training/eval_dialogue.py --skip-corpus --rules-only --audit-set $set > /dev/null
done
python training/eval_dialogue.py --skip-corpus --audit-set $D/audit_dev.jsonl $D/audit_tune.jsonl > /dev/null
python training/eval_dialogue.py --skip-corpus --pool-only --audit-set $L/audit_train_part0.jsonl $L/audit_train_part1.jsonl $L/audit_train_part2.jsonl > /dev/null
python training/eval_dialogue.py --skip-corpus --pool-only --audit-set $L/audit_train_part3.jsonl $L/audit_train_part4.jsonl $L/audit_train_part5.jsonl > /dev/null
python training/render_dialogue_docs.py
