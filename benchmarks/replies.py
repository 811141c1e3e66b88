"""Reply-quality checker: suggest_response over varied real messages from ../shared/data.

    python -m benchmarks.replies [--n 240] [--offers refund,replacement,expedite]

Draws a fixed sample (seeded) of customer turns from jddc_sample (dev half, never used for training labels),
waimai_10k and online_shopping_10_cats reviews, and SMP2020-EWECT and CPED emotion-set texts; a quarter are
converted to Taiwan or Hong Kong traditional script with OpenCC. For every reply it checks:

- all three layers present (cognitive, affective, action);
- at least one fact of the message is mentioned, when the message has one (a non-personal entity, or a
  STAR span quoted back) — the fact is found in the message independently of the builder;
- the reply's script matches the customer's (traditional for traditional, simplified otherwise);
- no guardrail broken (check_reply: fillers, brush-offs, blame, personal data, new numbers, promises);
- length within 10–260 characters;
and reports distinct-1/distinct-2 (share of distinct character uni/bigrams over all replies), the triage
distribution, p50 build time, and a side-by-side table of 15 jddc messages with the real agent's next reply.
Writes benchmarks/results/replies.json and replies.md. Needs ../shared/data (not shipped, not run by CI).
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
RESULTS = Path(__file__).resolve().parent / "results"
sys.path.insert(0, str(ROOT / "training"))


def _rows(name: str) -> list[dict]:
    with (DATA / name / "norm.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def sample_messages(n: int, seed: int = 7) -> list[dict]:
    """A fixed, varied sample: {source, text, agent_reply?}."""
    from jddc_split import half_of, iter_dialogues

    rng = random.Random(seed)
    jddc = []
    for dialogue in iter_dialogues():
        if half_of(dialogue["session_id"]) != "dev":
            continue
        turns = dialogue["turns"]
        for i, turn in enumerate(turns):
            text = turn["text"].strip()
            if turn["speaker"] != "customer" or len(text) < 6 or text.count("x]") * 6 > len(text):
                continue
            agent = next((t["text"] for t in turns[i + 1:] if t["speaker"] == "agent"), None)
            jddc.append({"source": "jddc_sample", "text": text, "agent_reply": agent})
    reviews = [{"source": name, "text": r["text"]} for name in ("waimai_10k", "online_shopping_10_cats")
               for r in _rows(name) if isinstance(r.get("text"), str) and 6 <= len(r["text"]) <= 120]
    emotion = [{"source": "smp2020_ewect", "text": r["text"]} for r in _rows("smp2020_ewect")
               if r["split"] == "dev" and 6 <= len(r["text"]) <= 120]
    emotion += [{"source": "cped", "text": r["text"]} for r in _rows("cped") if 6 <= len(r["text"]) <= 120]
    picked = rng.sample(jddc, n // 2) + rng.sample(reviews, n // 4) + rng.sample(emotion, n - n // 2 - n // 4)
    from empathkit.script import to_variant

    for i, item in enumerate(picked):
        if i % 4 == 3:
            variant = "tw" if i % 8 == 3 else "hk"
            item["text"] = to_variant(item["text"], variant)
            item["converted"] = variant
    return picked


def facts_in_message(text: str, info) -> list[str]:
    """Facts a reply could mention, read from the message itself: non-personal entity texts and STAR spans."""
    facts = [e.text for e in info.entities if not e.personal and "x]" not in e.text]
    for name in ("situation", "action", "result"):
        facts += [s.text for s in info.star.spans(name)]
    return facts


def mentions_fact(reply_text: str, facts: list[str]) -> bool:
    """Whether the reply contains a fact, or at least four consecutive characters of one."""
    for fact in facts:
        if fact in reply_text:
            return True
        for i in range(0, max(1, len(fact) - 3)):
            piece = fact[i:i + 4]
            if len(piece) == 4 and piece in reply_text:
                return True
    return False


def distinct(replies: list[str], n: int) -> float:
    grams = [r[i:i + n] for r in replies for i in range(len(r) - n + 1)]
    return len(set(grams)) / max(1, len(grams))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=240)
    parser.add_argument("--offers", default="refund,replacement,expedite")
    args = parser.parse_args()
    import empathkit
    from empathkit.script import detect_script

    offers = [o for o in args.offers.split(",") if o]
    messages = sample_messages(args.n)
    emotions = empathkit.detect_emotion_batch([m["text"] for m in messages])
    checks = Counter()
    failures: list[dict] = []
    rows, texts, times = [], [], []
    for message, emotion in zip(messages, emotions):
        info = empathkit.extract_keyinfo(message["text"])
        t0 = time.perf_counter()
        reply = empathkit.suggest_response(message["text"], offers=offers, emotion=emotion, keyinfo=info)
        times.append((time.perf_counter() - t0) * 1000)
        texts.append(reply.text)
        layers = bool(reply.layers.cognitive and reply.layers.affective and reply.layers.action)
        facts = facts_in_message(message["text"], info)
        has_fact = mentions_fact(reply.text, facts) if facts else None
        customer_script = detect_script(message["text"]).script
        want = "traditional" if customer_script == "traditional" else "simplified"
        script_ok = detect_script(reply.text).script == want
        violations = empathkit.check_reply(reply.text, message["text"], offers=offers)
        result = {"layers": layers, "fact": has_fact, "script": script_ok,
                  "guardrails": not violations, "length": 10 <= len(reply.text) <= 260}
        for key, ok in result.items():
            if ok is None:
                continue
            checks[f"{key}_total"] += 1
            checks[f"{key}_ok"] += int(ok)
        if not all(v is not False for v in result.values()):
            failures.append({"text": empathkit.mask_pii(message["text"]).text, "reply": reply.text,
                             "failed": [k for k, v in result.items() if v is False],
                             "violations": [v.to_dict() for v in violations]})
        rows.append({"source": message["source"], "converted": message.get("converted"), "emotion": emotion.label,
                     "intent": reply.intent, "priority": reply.triage.priority, "route": reply.triage.route,
                     "chars": len(reply.text)})
    summary = {
        "messages": len(messages),
        "sources": dict(Counter(m["source"] for m in messages)),
        "traditional_copies": sum(1 for m in messages if m.get("converted")),
        "offers": offers,
        "pass_rate": {key: round(checks[f"{key}_ok"] / checks[f"{key}_total"], 4)
                      for key in ("layers", "fact", "script", "guardrails", "length") if checks[f"{key}_total"]},
        "fact_checked_on": checks["fact_total"],
        "distinct_1": round(distinct(texts, 1), 4),
        "distinct_2": round(distinct(texts, 2), 4),
        "unique_replies": len(set(texts)),
        "chars_median": statistics.median(len(t) for t in texts),
        "build_ms_p50": round(statistics.median(times), 3),
        "routes": dict(Counter(r["route"] for r in rows)),
        "priorities": dict(Counter(r["priority"] for r in rows)),
        "failures": failures[:20],
        "command": "python -m benchmarks.replies",
    }
    side = []
    for message, emotion in zip(messages, emotions):
        if message["source"] == "jddc_sample" and message.get("agent_reply") and not message.get("converted"):
            reply = empathkit.suggest_response(message["text"], offers=offers, emotion=emotion)
            side.append({"message": empathkit.mask_pii(message["text"]).text,
                         "agent": empathkit.mask_pii(message["agent_reply"]).text, "ours": reply.text,
                         "emotion": emotion.label, "route": reply.triage.route})
        if len(side) == 15:
            break
    summary["side_by_side"] = side
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "replies.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    (RESULTS / "replies.md").write_text(to_markdown(summary), encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k not in ("failures", "side_by_side")}, ensure_ascii=False,
                     indent=1))


def to_markdown(summary: dict) -> str:
    lines = [f"Reply quality over {summary['messages']} messages ({summary['traditional_copies']} converted to "
             f"Taiwan/Hong Kong script); offers allowed: {', '.join(summary['offers'])}. "
             f"Command: `{summary['command']}`.", "",
             "| check | pass rate |", "|---|---|"]
    for key, value in summary["pass_rate"].items():
        note = f" (on {summary['fact_checked_on']} messages with a fact)" if key == "fact" else ""
        lines.append(f"| {key} | {value:.1%}{note} |")
    lines += ["", f"distinct-1 {summary['distinct_1']}, distinct-2 {summary['distinct_2']}, "
                  f"{summary['unique_replies']} unique replies, median {summary['chars_median']} characters, "
                  f"build p50 {summary['build_ms_p50']} ms (model and extraction excluded).", "",
              f"Routes: {summary['routes']}; priorities: {summary['priorities']}.", "",
              "### Side by side (jddc_sample dev half; personal data masked)", "",
              "| customer | real agent reply | empathkit | emotion → route |", "|---|---|---|---|"]
    for row in summary["side_by_side"]:
        cells = [row["message"], row["agent"], row["ours"], f"{row['emotion']} → {row['route']}"]
        lines.append("| " + " | ".join(c.replace("|", "｜").replace("\n", " ") for c in cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
