"""Training and evaluation examples for the multi-task emotion model, from ../shared/data.

Every example is a dict with the raw ``text``, its ``source`` and the targets it carries (absent targets are
``None``): ``emotion`` (index into EMOTIONS) with ``emotion_allowed`` (the classes its dataset can express:
the loss is a softmax over those only), ``polarity`` (index into POLARITIES) with ``polarity_allowed``,
``arousal`` and ``valence`` in [0, 1] / [-1, 1], and weak ``flags`` (0/1 × 3 from phrase rules).

Held out, never trained on: SMP2020-EWECT dev, a 10 % hash split of waimai_10k and chnsenticorp_htl_all,
and every dialogue of the jddc_sample ``dev`` half (see jddc_split.py).
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from empathkit.labels import EMOTIONS, POLARITIES  # noqa: E402
from empathkit.phrases import ESCALATION, SARCASM, URGENCY  # noqa: E402
from jddc_split import iter_customer_turns  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
E = {name: i for i, name in enumerate(EMOTIONS)}
P = {name: i for i, name in enumerate(POLARITIES)}
ALL_EMOTIONS = tuple(range(len(EMOTIONS)))

# Public label names → taxonomy keys (taxonomy.md §1). Labels with no class (关心, *-other) are left out.
EMOTION_MAPS: dict[str, dict[str, str]] = {
    "smp2020_ewect": {"happy": "joy", "angry": "anger", "neutral": "neutral", "sad": "sadness",
                      "surprise": "surprise", "fear": "anxiety"},
    "nlpcc2014_emotion_sent": {"like": "joy", "happiness": "joy", "disgust": "disgust", "sadness": "sadness",
                               "anger": "anger", "surprise": "surprise", "fear": "anxiety"},
    "cped": {"neutral": "neutral", "anger": "anger", "depress": "sadness", "happy": "joy", "worried": "anxiety",
             "relaxed": "joy", "astonished": "surprise", "sadness": "sadness", "disgust": "disgust",
             "fear": "anxiety", "grateful": "gratitude"},
    "empatheticpersonas_zh": {"sad": "sadness", "angry": "anger", "happy/content": "joy",
                              "anxious/scared": "anxiety"},
    "multi_emotion_dialogue_zhs": {"平静": "neutral", "开心": "joy", "生气": "anger", "惊讶": "surprise",
                                   "伤心": "sadness", "厌恶": "disgust", "疑问": "neutral"},
    "nlpcc2018_codeswitch_emotion": {"none": "neutral", "Happiness": "joy", "Sadness": "sadness",
                                     "Anger": "anger", "Fear": "anxiety", "Surprise": "surprise"},
}
# Polarity implied by an emotion (surprise can go either way, so it implies none).
EMOTION_POLARITY = {"neutral": "neutral", "anger": "negative", "disgust": "negative", "anxiety": "negative",
                    "sadness": "negative", "joy": "positive", "gratitude": "positive"}
# Caps keep one large, narrow source from dominating a 2-core training budget.
CAPS = {"cped": 10000, "online_shopping_10_cats": 8000}
HELD_OUT_SHARE = 10  # percent of waimai_10k / chnsenticorp_htl_all kept for evaluation


def rows(name: str, file: str = "norm.jsonl") -> Iterator[dict]:
    with (DATA / name / file).open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def bucket(text: str) -> int:
    """A stable 0..99 bucket of a text (for held-out splits)."""
    return hashlib.sha1(text.encode("utf-8")).digest()[0] * 100 // 256


def weak_flags(text: str) -> list[int]:
    """Weak flag labels (escalation, sarcasm, urgency) from the phrase rules of empathkit.phrases."""
    return [int(bool(ESCALATION.search(text))), int(bool(SARCASM.search(text))), int(bool(URGENCY.search(text)))]


def example(text: str, source: str, emotion: str | None = None, allowed: tuple[int, ...] | None = None,
            polarity: str | None = None, polarity_allowed: tuple[int, ...] = (0, 1, 2),
            arousal: float | None = None, valence: float | None = None, weight: float = 1.0) -> dict:
    if polarity is None and emotion is not None:
        polarity = EMOTION_POLARITY.get(emotion)
    return {
        "text": text, "source": source,
        "emotion": E[emotion] if emotion is not None else None,
        "emotion_allowed": list(allowed) if emotion is not None and allowed is not None else None,
        "polarity": P[polarity] if polarity is not None else None,
        "polarity_allowed": list(polarity_allowed) if polarity is not None else None,
        "arousal": arousal, "valence": valence, "flags": weak_flags(text), "weight": weight,
    }


def _allowed(name: str) -> tuple[int, ...]:
    return tuple(sorted({E[v] for v in EMOTION_MAPS[name].values()}))


def emotion_examples() -> list[dict]:
    out = []
    for name in EMOTION_MAPS:
        allowed, mapping = _allowed(name), EMOTION_MAPS[name]
        kept = []
        for row in rows(name):
            if name == "smp2020_ewect" and row["split"] != "train":
                continue
            if name == "nlpcc2018_codeswitch_emotion":
                if len(row["label"]) != 1:
                    continue
                label = row["label"][0]
            elif name == "empatheticpersonas_zh":
                label = row["label_name"]
            else:
                label = str(row["label"])
            target = mapping.get(label)
            if target is None and name == "cped":  # *-other: no emotion class, but a polarity
                kept.append(example(row["text"], name, polarity=row["sentiment"]))
                continue
            if target is not None and row["text"].strip():
                polarity = row.get("sentiment") if name == "cped" else None
                kept.append(example(row["text"], name, target, allowed, polarity=polarity))
        if name in CAPS and len(kept) > CAPS[name]:
            kept = random.Random(name).sample(kept, CAPS[name])
        out.extend(kept)
    return out


def polarity_examples() -> tuple[list[dict], list[dict]]:
    """Binary review sets (negative/positive only) → (train, held-out eval)."""
    train, held = [], []
    for name in ("waimai_10k", "chnsenticorp_htl_all", "online_shopping_10_cats"):
        kept = []
        for row in rows(name):
            text = row["text"]
            if not isinstance(text, str) or not text.strip():
                continue
            if name == "online_shopping_10_cats" and row.get("cat") == "酒店":
                continue  # overlaps chnsenticorp_htl_all, whose held-out split must stay unseen
            ex = example(text, name, polarity="positive" if int(row["label"]) == 1 else "negative",
                         polarity_allowed=(0, 2))
            if name != "online_shopping_10_cats" and bucket(text) < HELD_OUT_SHARE:
                held.append(ex)
            else:
                kept.append(ex)
        if name in CAPS and len(kept) > CAPS[name]:
            kept = random.Random(name).sample(kept, CAPS[name])
        train.extend(kept)
    held_texts = {ex["text"] for ex in held}
    return [ex for ex in train if ex["text"] not in held_texts], held


def dimension_examples() -> list[dict]:
    """Valence/arousal regression (1–9 scales → valence [-1, 1], arousal [0, 1])."""
    out = []
    for row in rows("chinese_emobank"):
        out.append(example(row["text"], "chinese_emobank", arousal=(row["arousal"] - 1) / 8,
                           valence=(row["valence"] - 5) / 4))
    for row in rows("dimabsa2024"):
        # Half of the simplified copies: restaurant reviews are far from our domain (2-core time budget).
        if row.get("script") == "simplified" and row.get("valence_mean") is not None and bucket(row["text"]) < 50:
            out.append(example(row["text"], "dimabsa2024", arousal=(row["arousal_mean"] - 1) / 8,
                               valence=(row["valence_mean"] - 5) / 4))
    return out


_THANKS = re.compile(r"谢谢|感谢|多谢|辛苦了|麻烦你了|麻烦您了|谢了|3q|thank", re.I)
_COMPLAINT = re.compile(r"怎么|为什么|还没|没有|不行|不能|差|慢|投诉|退|坏|问题|？|\?")


def jddc_weak_examples() -> list[dict]:
    """Customer-service adaptation from the jddc ``adapt`` half only: short thanks → gratitude, and the
    flags' weak labels; the emotion target is restricted to (neutral, gratitude) so the rest is not forced."""
    out = []
    for _, text in iter_customer_turns("adapt"):
        if not text.strip() or re.fullmatch(r"(\[[^\]]*\]|\s)*", text):
            continue
        if _THANKS.search(text) and not _COMPLAINT.search(text) and len(text) <= 20:
            out.append(example(text, "jddc_adapt", "gratitude", (E["neutral"], E["gratitude"]), weight=0.5))
        else:
            out.append({**example(text, "jddc_adapt"), "weight": 0.5})
    return out


LABELS_DIR = Path(__file__).resolve().parent / "labels"
# Hand intensity (0-3) of a non-neutral turn -> arousal target on the [0, 1] scale of the arousal head.
INTENSITY_AROUSAL = {1: 0.45, 2: 0.7, 3: 0.9}


def adapt_label_examples(pattern: str = "adapt_part*.jsonl") -> list[dict]:
    """Hand-labeled customer turns of the jddc ``adapt`` half (training/labels/, ids and labels only).

    The text is looked up by turn id in the adapt half; an id from the dev half is an error, so these labels can
    never touch the CS dev set. Flags are the hand labels (``gold_flags``), not the phrase rules.
    """
    texts = dict(iter_customer_turns("adapt"))
    out = []
    for path in sorted(LABELS_DIR.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row["id"] not in texts:
                raise ValueError(f"{path.name}: {row['id']} is not an adapt-half customer turn")
            ex = example(texts[row["id"]], "jddc_labeled", row["emotion"], ALL_EMOTIONS, polarity=row["polarity"],
                         arousal=INTENSITY_AROUSAL.get(int(row["intensity"])))
            ex["gold_flags"] = [int(row["escalation"]), int(row["sarcasm"]), int(row["urgency"])]
            out.append(ex)
    return out


def smp_dev() -> list[dict]:
    """SMP2020-EWECT dev rows with their subset (usual / virus)."""
    mapping, allowed = EMOTION_MAPS["smp2020_ewect"], _allowed("smp2020_ewect")
    return [{**example(row["text"], "smp2020_ewect", mapping[row["label"]], allowed), "subset": row["subset"]}
            for row in rows("smp2020_ewect") if row["split"] == "dev"]


def training_examples() -> tuple[list[dict], list[dict]]:
    """(train, polarity held-out)."""
    polarity_train, polarity_held = polarity_examples()
    train = emotion_examples() + polarity_train + dimension_examples() + jddc_weak_examples()
    return train, polarity_held


if __name__ == "__main__":
    from collections import Counter

    train, held = training_examples()
    print("train", len(train), Counter(ex["source"] for ex in train))
    print("polarity held-out", len(held))
    print("flags", [sum(ex["flags"][i] for ex in train) for i in range(3)])
    print("smp dev", len(smp_dev()))
